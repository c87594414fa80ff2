using Microsoft.Extensions.Logging;

namespace ViberMessaging.AspNetCore;

/// <summary>The callback endpoints' log lines: the account and what was wrong, never the body or the path's secret.</summary>
internal static partial class CallbackLog
{
    [LoggerMessage(950, LogLevel.Warning, "Viber callback for {Provider}: malformed body answered 400 ({Reason})")]
    public static partial void Malformed(ILogger logger, string provider, string reason);

    [LoggerMessage(951, LogLevel.Warning, "Viber callback: unknown account or wrong secret answered 404")]
    public static partial void NotFound(ILogger logger);

    [LoggerMessage(952, LogLevel.Warning, "Viber callback for {Provider}: answered {StatusCode} ({Reason})")]
    public static partial void Refused(ILogger logger, string provider, int statusCode, string reason);

    [LoggerMessage(953, LogLevel.Error, "Viber reply handler failed")]
    public static partial void ReplyHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(954, LogLevel.Warning, "Viber callback for {Provider}: the reply queue is full; answered 503 so the gateway tries again")]
    public static partial void ReplyQueueFull(ILogger logger, string provider);

    [LoggerMessage(955, LogLevel.Warning, "Viber callback for {Provider}: {Count} early callbacks could not be merged after the send returned")]
    public static partial void EarlyMergeFailed(ILogger logger, Exception exception, string provider, int count);
}
