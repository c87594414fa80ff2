namespace ViberMessaging;

/// <summary>
/// The names under which the SDK publishes its traces and metrics. Subscribe to both with OpenTelemetry:
/// <c>.WithTracing(t =&gt; t.AddSource(ViberMessagingTelemetry.ActivitySourceName))</c> and
/// <c>.WithMetrics(m =&gt; m.AddMeter(ViberMessagingTelemetry.MeterName))</c>.
/// </summary>
/// <remarks>
/// <para>Spans (<see cref="System.Diagnostics.ActivityKind.Client"/>): exactly one per call of any account service,
/// named after its operation (<c>ViberMessaging.Send</c>, <c>ViberMessaging.GetStatuses</c>, <c>ViberMessaging.Reply</c>,
/// <c>ViberMessaging.GetChats</c>, … and the providers' extras), tagged <c>vibermessaging.provider</c> and
/// <c>vibermessaging.operation</c> (<c>send</c>, <c>get_statuses</c>, <c>reply</c>, …) with the recipient or id counts; a call that fails has
/// <see cref="System.Diagnostics.ActivityStatusCode.Error"/> and <c>error.type</c>. HTTP attempts below them are
/// traced by .NET's own <c>System.Net.Http</c> instrumentation.</para>
/// <para>Instruments (durations in seconds):</para>
/// <list type="table">
///   <listheader><term>Instrument</term><description>Type, unit and tags</description></listheader>
///   <item><term><c>vibermessaging.client.operation.duration</c></term><description>Histogram, <c>s</c>: every call,
///   one measurement each; <c>vibermessaging.provider</c>, <c>vibermessaging.operation</c>, and <c>error.type</c> when it
///   failed.</description></item>
///   <item><term><c>vibermessaging.send.recipients</c></term><description>Counter, <c>{recipient}</c>: recipients of
///   sends and replies; <c>vibermessaging.provider</c>, <c>vibermessaging.recipient.status</c> (<c>accepted</c>, <c>rejected</c>,
///   <c>failed</c>).</description></item>
///   <item><term><c>vibermessaging.pacing.wait.duration</c></term><description>Histogram, <c>s</c>: how long each HTTP
///   attempt waited for its pacing permit; <c>vibermessaging.provider</c>.</description></item>
///   <item><term><c>vibermessaging.requests.rate_limited</c></term><description>Counter, <c>{request}</c>: requests the
///   provider refused for its rate limit; <c>vibermessaging.provider</c>.</description></item>
/// </list>
/// <para>No tag carries a phone number, a message text or a credential.</para>
/// </remarks>
public static class ViberMessagingTelemetry
{
    /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "ViberMessaging";

    /// <summary>The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "ViberMessaging";
}
