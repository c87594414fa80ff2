using System.Diagnostics.Metrics;

namespace ViberMessaging.Redis;

/// <summary>The package's instruments, on the SDK's meter (<see cref="ViberMessagingTelemetry.MeterName"/>).</summary>
internal static class RedisPacingInstruments
{
    public const string RoundTripName = "vibermessaging.pacing.redis.duration";
    public const string OutagesName = "vibermessaging.pacing.redis.outages";
    public const string FallbacksName = "vibermessaging.pacing.redis.fallback_permits";

    private const string ProviderTag = "vibermessaging.provider";

    private static readonly Meter Meter = new(ViberMessagingTelemetry.MeterName);

    private static readonly Histogram<double> RoundTrip = Meter.CreateHistogram<double>(RoundTripName, "s", "Round-trip time of one pacing call to Redis.");

    private static readonly Counter<long> Outages = Meter.CreateCounter<long>(OutagesName, "{outage}", "Times Redis pacing went out of reach.");

    private static readonly Counter<long> Fallbacks = Meter.CreateCounter<long>(FallbacksName, "{permit}", "Permits granted by the local fallback gate while Redis was out of reach.");

    public static void RecordRoundTrip(string provider, TimeSpan elapsed) => RoundTrip.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(ProviderTag, provider));

    public static void RecordOutage(string provider) => Outages.Add(1, new KeyValuePair<string, object?>(ProviderTag, provider));

    public static void RecordFallback(string provider) => Fallbacks.Add(1, new KeyValuePair<string, object?>(ProviderTag, provider));
}
