using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ViberMessaging.Telemetry;

/// <summary>The SDK's ActivitySource and Meter, both named <c>ViberMessaging</c>.</summary>
internal static class ViberMessagingTelemetry
{
    public const string Name = "ViberMessaging";

    public static readonly ActivitySource ActivitySource = new(Name, typeof(ViberMessagingTelemetry).Assembly.GetName().Version?.ToString());

    public static readonly Meter Meter = new(Name, typeof(ViberMessagingTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Recipients per outcome (<c>vibermessaging.provider</c>, <c>vibermessaging.recipient.status</c>).</summary>
    public static readonly Counter<long> MessagesSent = Meter.CreateCounter<long>("vibermessaging.messages.sent", "{recipient}", "Recipients of sends, by outcome.");

    /// <summary>Failed operations by error code (<c>vibermessaging.provider</c>, <c>error.type</c>).</summary>
    public static readonly Counter<long> Failures = Meter.CreateCounter<long>("vibermessaging.operations.failed", "{operation}", "Failed operations, by error code.");

    /// <summary>429s received (<c>vibermessaging.provider</c>).</summary>
    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("vibermessaging.requests.rate_limited", "{request}", "Requests the provider refused with 429.");

    /// <summary>How long attempts waited for a pacing permit.</summary>
    public static readonly Histogram<double> PermitWait = Meter.CreateHistogram<double>("vibermessaging.pacing.wait", "ms", "Time an attempt waited for its pacing permit.");

    public static KeyValuePair<string, object?> ProviderTag(string provider) => new("vibermessaging.provider", provider);
}
