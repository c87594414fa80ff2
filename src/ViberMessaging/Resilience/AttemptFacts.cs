using System.Net;

namespace ViberMessaging.Resilience;

/// <summary>How an attempt ended without an answer from the provider, as far as the SDK could see.</summary>
internal enum AttemptFailure
{
    /// <summary>An answer arrived: its status and body decide.</summary>
    None = 0,

    /// <summary>The account's circuit is open: no request was made.</summary>
    CircuitOpen,

    /// <summary>The account is paused (a provider's Retry-After beyond the cap): refused before any request.</summary>
    AccountPaused,

    /// <summary>A name-resolution, TLS or proxy failure: the request cannot have left.</summary>
    Unreachable,

    /// <summary>No answer in time (per attempt or in total).</summary>
    Timeout,

    /// <summary>The connection failed while sending or reading (reset, cut answer, protocol error).</summary>
    ConnectionLost,

    /// <summary>The caller cancelled.</summary>
    Cancelled,
}

/// <summary>What the SDK could make of the provider's answer, when one arrived.</summary>
internal enum AnswerState
{
    /// <summary>No answer (see <see cref="AttemptFailure"/>).</summary>
    None = 0,

    /// <summary>Read: a success, or a failure whose meaning is its HTTP status alone.</summary>
    Read,

    /// <summary>The provider's own error shape, parsed (<see cref="AttemptFacts.ProviderCode"/>).</summary>
    ProviderError,

    /// <summary>The body cannot be read as the answer the endpoint documents (not JSON, cut short, missing what it promises).</summary>
    Unparseable,

    /// <summary>The body is over <c>MaxResponseBytes</c> and was not read.</summary>
    TooLarge,

    /// <summary>A 2xx that lists the recipient, but with an id that is not of the provider's shape (null, empty, not numeric).</summary>
    UnreadableId,

    /// <summary>A 2xx that leaves the recipient out while listing entries that match no recipient: it may have been accepted.</summary>
    RecipientUnmatched,
}

/// <summary>Everything the SDK knows about one attempt when it must say what happened to it.</summary>
internal readonly record struct AttemptFacts
{
    /// <summary>Whether the request was a paid send (not idempotent).</summary>
    public bool IsSend { get; init; }

    /// <summary>Whether the request's body started to be written to the connection.</summary>
    public bool Written { get; init; }

    /// <summary>How the attempt ended without an answer, if it did.</summary>
    public AttemptFailure Failure { get; init; }

    /// <summary>What the answer said, if one arrived.</summary>
    public AnswerState Answer { get; init; }

    /// <summary>The answer's HTTP status.</summary>
    public HttpStatusCode? Status { get; init; }

    /// <summary>Whether the provider refused for its rate limit (HTTP 429, or its rate-limit error at any status).</summary>
    public bool RateLimited { get; init; }

    /// <summary>The neutral code of the provider's parsed error (<see cref="AnswerState.ProviderError"/>).</summary>
    public ViberErrorCode? ProviderCode { get; init; }

    /// <summary>
    /// Whether the provider documents that this error may follow processing (for example a "system error" or an
    /// "Internal server error" answered at any HTTP status: each provider's error parser says which).
    /// </summary>
    public bool MayFollowProcessing { get; init; }

    /// <summary>An attempt that ended without an answer.</summary>
    public static AttemptFacts Failed(bool isSend, bool written, AttemptFailure failure)
        => new() { IsSend = isSend, Written = written, Failure = failure };

    /// <summary>An attempt the provider answered.</summary>
    public static AttemptFacts Answered(bool isSend, HttpStatusCode status, AnswerState answer, bool rateLimited = false)
        => new() { IsSend = isSend, Written = true, Answer = answer, Status = status, RateLimited = rateLimited };
}

/// <summary>Whether the provider may have processed an attempt, and the neutral code the caller sees.</summary>
/// <param name="Outcome"><see cref="SendOutcome.NotSent"/> is safe to retry or route elsewhere.</param>
/// <param name="Code">The neutral code; <see langword="null"/> for an answer that is a success.</param>
internal readonly record struct OutcomeDecision(SendOutcome Outcome, ViberErrorCode? Code)
{
    /// <summary>Whether the caller must not send again without reconciling first.</summary>
    public bool MayHaveBeenSent => Outcome != SendOutcome.NotSent;
}
