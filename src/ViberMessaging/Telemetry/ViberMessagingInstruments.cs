using System.Diagnostics;
using System.Diagnostics.Metrics;
using ViberMessaging.Internal;

namespace ViberMessaging.Telemetry;

/// <summary>
/// Every span, instrument, unit and tag the SDK publishes, in one place: callers record through
/// <see cref="OperationTelemetry"/> and the helpers here, never with names of their own. The public names are in
/// <see cref="ViberMessagingTelemetry"/>; the README's telemetry table lists the same.
/// </summary>
internal static class ViberMessagingInstruments
{
    public const string OperationDurationName = "vibermessaging.client.operation.duration";
    public const string SendRecipientsName = "vibermessaging.send.recipients";
    public const string PacingWaitName = "vibermessaging.pacing.wait.duration";
    public const string RateLimitedName = "vibermessaging.requests.rate_limited";
    public const string RouterFailoversName = "vibermessaging.router.failovers";

    public const string ProviderTag = "vibermessaging.provider";
    public const string OperationTag = "vibermessaging.operation";
    public const string RecipientStatusTag = "vibermessaging.recipient.status";
    public const string ErrorTypeTag = "error.type";
    public const string RecipientsTag = "vibermessaging.recipients";
    public const string IdsTag = "vibermessaging.ids";
    public const string AcceptedTag = "vibermessaging.accepted";
    public const string RejectedTag = "vibermessaging.rejected";
    public const string FailedTag = "vibermessaging.failed";
    public const string RouterTag = "vibermessaging.router";
    public const string FailoverFromTag = "vibermessaging.failover.from";
    public const string FailoverToTag = "vibermessaging.failover.to";
    public const string FailoverReasonTag = "vibermessaging.failover.reason";

    public static readonly ActivitySource ActivitySource = new(ViberMessagingTelemetry.ActivitySourceName, SdkVersion.Value);

    public static readonly Meter Meter = new(ViberMessagingTelemetry.MeterName, SdkVersion.Value);

    public static readonly Histogram<double> OperationDuration = Seconds(OperationDurationName, "Duration of ViberMessaging client operations (a send, a status query, a chat listing, a reply, ...).");

    public static readonly Counter<long> SendRecipients = Meter.CreateCounter<long>(SendRecipientsName, "{recipient}", "Recipients of sends and replies, by outcome.");

    public static readonly Histogram<double> PacingWait = Seconds(PacingWaitName, "Time an HTTP attempt waited for its pacing permit.");

    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(RateLimitedName, "{request}", "Requests the provider refused for its rate limit.");

    public static readonly Counter<long> RouterFailovers = Meter.CreateCounter<long>(RouterFailoversName, "{recipient}", "Recipients a router passed from one provider to the next, by reason.");

    /// <summary>The <c>error.type</c> of a failure: the <see cref="ViberErrorCode"/>, else the exception's type.</summary>
    public static string ErrorType(Exception error) => error is ViberMessagingException viber
        ? viber.ErrorCode.ToString()
        : error.GetType().FullName ?? error.GetType().Name;

    public static void RecordRecipients(string provider, string status, int count)
    {
        if (count > 0)
        {
            SendRecipients.Add(count, new KeyValuePair<string, object?>(ProviderTag, provider), new KeyValuePair<string, object?>(RecipientStatusTag, status));
        }
    }

    public static void RecordPacingWait(string provider, TimeSpan waited)
        => PacingWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>(ProviderTag, provider));

    public static void RecordFailovers(string router, string from, string to, string reason, int count)
    {
        if (count > 0)
        {
            RouterFailovers.Add(
                count,
                new KeyValuePair<string, object?>(RouterTag, router),
                new KeyValuePair<string, object?>(FailoverFromTag, from),
                new KeyValuePair<string, object?>(FailoverToTag, to),
                new KeyValuePair<string, object?>(FailoverReasonTag, reason));
        }
    }

    public static void RecordRateLimited(string provider)
        => RateLimited.Add(1, new KeyValuePair<string, object?>(ProviderTag, provider));

    private static Histogram<double> Seconds(string name, string description)
#if NET9_0_OR_GREATER
        // OpenTelemetry's default buckets are for milliseconds; these cover 5 ms to a minute.
        => Meter.CreateHistogram(name, "s", description, tags: null, new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60],
        });
#else
        => Meter.CreateHistogram<double>(name, "s", description);
#endif
}
