using Microsoft.Extensions.Logging;

namespace ViberMessaging.Tracking;

/// <summary>The delivery tracker's log lines: ids and counts, never bodies.</summary>
internal static partial class DeliveryTrackerLog
{
    [LoggerMessage(900, LogLevel.Warning, "Delivery tracking: no provider account is registered as '{Provider}'; its {Count} message(s) are not polled")]
    public static partial void UnknownAccount(ILogger logger, string provider, int count);

    [LoggerMessage(901, LogLevel.Warning, "Delivery tracking: polling {Count} {Provider} status(es) failed ({ErrorCode}); trying again later")]
    public static partial void PollFailed(ILogger logger, string provider, int count, ViberErrorCode errorCode);

    [LoggerMessage(905, LogLevel.Warning, "Delivery tracking: {Count} {Provider} id(s) cannot be read by the account ({Reason}); no longer polled")]
    public static partial void Unreadable(ILogger logger, string provider, int count, string reason);

    [LoggerMessage(902, LogLevel.Information, "Delivery tracking: {MessageId} gave no final status within {MaxAgeHours:0.#} h; no longer polled")]
    public static partial void GaveUp(ILogger logger, MessageId messageId, double maxAgeHours);

    [LoggerMessage(903, LogLevel.Error, "Delivery tracking: a report handler failed on {MessageId}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, MessageId messageId);

    [LoggerMessage(904, LogLevel.Error, "Delivery tracking: a polling pass failed; trying again later")]
    public static partial void PassFailed(ILogger logger, Exception exception);
}
