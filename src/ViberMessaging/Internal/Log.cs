using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace ViberMessaging.Internal;

/// <summary>
/// Every log line the SDK writes. Lines carry the provider, the operation and outcomes; never request objects,
/// bodies, query strings or headers other than the allow-listed ones, so credentials cannot leak.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "{Provider} {Operation}: HTTP {StatusCode} in {ElapsedMs:0.0} ms")]
    public static partial void RequestCompleted(ILogger logger, string provider, string operation, int statusCode, double elapsedMs);

    [LoggerMessage(2, LogLevel.Warning, "{Provider} {Operation}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs:0} ms")]
    public static partial void Retrying(ILogger logger, string provider, string operation, int attempt, string reason, double delayMs);

    [LoggerMessage(3, LogLevel.Warning, "{Provider}: rate limited by the provider; pausing the account for {PauseMs:0} ms (effective limit {Limit}/window)")]
    public static partial void RateLimited(ILogger logger, string provider, double pauseMs, int limit);

    [LoggerMessage(4, LogLevel.Error, "{Provider}: circuit opened for {BreakMs:0} ms after repeated failures")]
    public static partial void CircuitOpened(ILogger logger, string provider, double breakMs);

    [LoggerMessage(5, LogLevel.Information, "{Provider}: circuit closed")]
    public static partial void CircuitClosed(ILogger logger, string provider);

    [LoggerMessage(6, LogLevel.Warning, "{Provider} {Operation}: failed with {ErrorCode} ({Outcome}), {HttpStatus}, provider code {ProviderCode}")]
    private static partial void OperationFailed(ILogger logger, string provider, string operation, ViberErrorCode errorCode, SendOutcome outcome, string httpStatus, string providerCode);

    /// <summary>Logs a failed operation; a missing HTTP status or provider code reads "no HTTP response" / "none", not "(null)".</summary>
    public static void OperationFailed(ILogger logger, string provider, string operation, ViberErrorCode errorCode, SendOutcome outcome, HttpStatusCode? statusCode, string? providerCode)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            OperationFailed(
                logger,
                provider,
                operation,
                errorCode,
                outcome,
                statusCode is { } status ? string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)status}") : "no HTTP response",
                string.IsNullOrEmpty(providerCode) ? "none" : providerCode);
        }
    }

    [LoggerMessage(7, LogLevel.Debug, "{Provider} send: {Recipients} recipients in {Requests} requests: {Accepted} accepted, {Rejected} rejected, {Failed} failed")]
    public static partial void SendCompleted(ILogger logger, string provider, int recipients, int requests, int accepted, int rejected, int failed);

    [LoggerMessage(8, LogLevel.Trace, "{Provider} {Operation}: response header {Header}: {Value}")]
    public static partial void ResponseHeader(ILogger logger, string provider, string operation, string header, string value);

    [LoggerMessage(9, LogLevel.Warning, "{Provider}: the provider asked to pause the account for {RetryAfterSeconds:0} s, longer than MaxRetryAfter ({MaxRetryAfterSeconds:0} s); its requests fail at once with RateLimited until what is left is within MaxRetryAfter")]
    public static partial void AccountPausedBeyondCap(ILogger logger, string provider, double retryAfterSeconds, double maxRetryAfterSeconds);

    [LoggerMessage(10, LogLevel.Debug, "{Provider} {Operation}: not sent, the account is paused for another {RetryAfterSeconds:0} s")]
    public static partial void PausedRequestRefused(ILogger logger, string provider, string operation, double retryAfterSeconds);

    [LoggerMessage(20, LogLevel.Warning, "{Provider}: delivery status '{Status}' is not one the SDK knows; reported as Unknown with the raw word kept (logged once per word)")]
    public static partial void UnknownStatusWord(ILogger logger, string provider, string status);

    [LoggerMessage(21, LogLevel.Warning, "{Provider} send: the follow-up status read of request {BatchId} failed ({ErrorCode}); its recipients stay Accepted")]
    public static partial void FollowUpStatusFailed(ILogger logger, string provider, string batchId, ViberErrorCode errorCode);
}
