using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ViberMessaging.Telemetry;

namespace ViberMessaging.Tests.TestSupport;

/// <summary>Collects the SDK's instruments by their public names and picks one account's measurements.</summary>
public static class Measurements
{
    public static MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(null, ViberMessagingTelemetry.MeterName, instrument);

    /// <summary>The measurements of one account (tests running beside each other use accounts of their own).</summary>
    public static List<CollectedMeasurement<T>> For<T>(MetricCollector<T> collector, string provider)
        where T : struct
        => collector.GetMeasurementSnapshot().Where(m => (string?)m.Tags[ViberMessagingInstruments.ProviderTag] == provider).ToList();
}
