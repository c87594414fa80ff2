using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;
using ViberMessaging.Resilience;

namespace ViberMessaging.Http;

/// <summary>
/// Decides, for one failed attempt, whether the provider can have processed it, whether it may be retried, and what
/// the caller sees. The retry table is in pacing-notes: a send is retried only when it provably never left.
/// </summary>
internal static class FailureClassifier
{
    /// <summary>Whether the attempt provably never reached the provider (the outcome rule's NotSent).</summary>
    public static bool NeverSent(Exception exception, HttpRequestMessage request)
        => !SendOutcomeRules.Decide(Facts(exception, request)).MayHaveBeenSent;

    /// <summary>What an attempt that ended in <paramref name="exception"/> tells the outcome rule.</summary>
    public static AttemptFacts Facts(Exception exception, HttpRequestMessage request)
    {
        var failure = exception switch
        {
            BrokenCircuitException => AttemptFailure.CircuitOpen,
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError }
                => AttemptFailure.Unreachable,
            TimeoutRejectedException or OperationCanceledException => AttemptFailure.Timeout,
            _ => AttemptFailure.ConnectionLost,
        };
        return AttemptFacts.Failed(!request.IsIdempotent(), request.WasWritten(), failure);
    }

    /// <summary>Whether a failed attempt (exception) may be tried again.</summary>
    public static bool IsRetryable(Exception exception, HttpRequestMessage request, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested || exception is BrokenCircuitException or ViberMessagingException)
        {
            return false;
        }

        var transient = exception is HttpRequestException or IOException or TimeoutRejectedException
            || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);
        return transient && (NeverSent(exception, request) || request.IsIdempotent());
    }

    /// <summary>
    /// Whether a response may be tried again: 429 always (it was not accepted); for idempotent requests only, 5xx, 408
    /// and a 2xx whose body was damaged on its way (see <see cref="IsCorrupted"/>).
    /// </summary>
    public static bool IsRetryable(HttpResponseMessage response, HttpRequestMessage request)
    {
        if (request.TryGetRateLimited(out _))
        {
            return true;
        }

        var status = (int)response.StatusCode;
        return request.IsIdempotent() && (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout || IsCorrupted(response));
    }

    /// <summary>
    /// A 2xx whose body is not complete JSON (empty, cut short, a proxy's page): every provider answers in JSON. For a
    /// read that is worth asking again; for a send it is an accepted request with an unreadable answer, never retried.
    /// </summary>
    public static bool IsCorrupted(HttpResponseMessage response)
        => response.IsSuccessStatusCode && response.Content is BufferedContent body && !body.IsCompleteJson();

    /// <summary>Whether an attempt's result counts as a failure for the circuit breaker (never a 429 or a 4xx).</summary>
    public static bool IsCircuitFailure(Exception? exception, HttpResponseMessage? response, CancellationToken callerToken)
    {
        if (exception is not null)
        {
            return !callerToken.IsCancellationRequested && exception is not (BrokenCircuitException or ViberMessagingException);
        }

        return response is not null && (int)response.StatusCode >= 500;
    }

    /// <summary>Turns the final exception of an operation into what the caller sees.</summary>
    public static Exception Translate(Exception exception, HttpRequestMessage request, string providerName, CancellationToken callerToken)
    {
        switch (exception)
        {
            case ViberMessagingException:
                return exception;
            case OperationCanceledException when callerToken.IsCancellationRequested:
                // Whether it was written is decided where the recipients are known (ProviderTransport, SendBatching).
                return exception;
            case BrokenCircuitException broken:
                return new ViberMessagingException(
                    ViberErrorCode.CircuitOpen,
                    "The provider failed repeatedly; its circuit is open and the request was not sent.",
                    exception)
                {
                    ProviderName = providerName,
                    RetryAfter = broken.RetryAfter,
                    Outcome = SendOutcomeRules.Decide(Facts(broken, request)).Outcome,
                };
        }

        var facts = Facts(exception, request);
        var decision = SendOutcomeRules.Decide(facts);
        var neverSent = !decision.MayHaveBeenSent;
        var timedOut = facts.Failure == AttemptFailure.Timeout;
        var code = decision.Code!.Value;
        var message = code == ViberErrorCode.OutcomeUnknown
            ? timedOut
                ? "The request was sent but no answer came in time; the provider may have processed it. Check the status before sending again."
                : "The connection failed after the request was sent; the provider may have processed it. Check the status before sending again."
            : neverSent
                ? timedOut ? "The request timed out before it was sent; the provider did not receive it." : "The provider could not be reached; the request was not sent."
                : timedOut ? "The provider did not answer in time." : "The connection to the provider failed.";

        return new ViberMessagingException(code, message, exception)
        {
            ProviderName = providerName,
            Outcome = decision.Outcome,
        };
    }
}
