using System.Diagnostics.Metrics;

namespace ViberMessaging.AspNetCore;

/// <summary>The callback endpoints' one counter, on the SDK's meter name so one <c>AddMeter("ViberMessaging")</c> collects it.</summary>
internal static class CallbackInstruments
{
    private static readonly Meter Meter = new(ViberMessagingTelemetry.MeterName);
    private static readonly Counter<long> Callbacks = Meter.CreateCounter<long>("vibermessaging.callbacks", "{request}", "Callback requests received, by provider account and outcome.");

    public static void Record(string account, string outcome)
        => Callbacks.Add(1, new KeyValuePair<string, object?>("vibermessaging.provider", account), new KeyValuePair<string, object?>("outcome", outcome));
}
