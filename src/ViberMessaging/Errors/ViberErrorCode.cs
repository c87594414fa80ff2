namespace ViberMessaging;

/// <summary>What went wrong, in the same words for every provider. The provider's own code is kept beside it.</summary>
public enum ViberErrorCode
{
    /// <summary>The provider reported an error that has no better neutral meaning; see <see cref="ViberMessagingException.ProviderErrorCode"/>.</summary>
    Unknown = 0,

    /// <summary>The request broke a rule that was checked before anything was sent; see <see cref="ViberValidationException.Errors"/>.</summary>
    ValidationFailed,

    /// <summary>The credentials were missing or rejected.</summary>
    Unauthorized,

    /// <summary>The account is not allowed to do this (for example, the method is not enabled for it).</summary>
    Forbidden,

    /// <summary>The provider refused the request because of its rate limit; see <see cref="ViberMessagingException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The account has no money for this send.</summary>
    InsufficientFunds,

    /// <summary>The account is blocked or may not send.</summary>
    AccountBlocked,

    /// <summary>The sender name is unknown, not registered or malformed.</summary>
    InvalidSender,

    /// <summary>The text was rejected (length, content, censorship).</summary>
    InvalidText,

    /// <summary>No recipient was acceptable (malformed numbers, numbering ranges not allowed).</summary>
    InvalidRecipients,

    /// <summary>The image could not be loaded or does not meet the provider's rules.</summary>
    InvalidImage,

    /// <summary>The provider rejected the request's shape or a parameter; the provider's message names it.</summary>
    InvalidRequest,

    /// <summary>The addressed object (message, chat, mailing) does not exist.</summary>
    NotFound,

    /// <summary>The provider failed or is unavailable (5xx, system error).</summary>
    ProviderUnavailable,

    /// <summary>The request timed out before it could be sent, or a read timed out.</summary>
    Timeout,

    /// <summary>The provider could not be reached (DNS, connect or TLS failure).</summary>
    Network,

    /// <summary>The provider answered with a body that could not be understood.</summary>
    MalformedResponse,

    /// <summary>
    /// The request may have reached the provider but no answer was received (a timeout or reset after it was
    /// written, an ambiguous 5xx on a send). The message may or may not have been sent: do not resend blindly.
    /// </summary>
    OutcomeUnknown,

    /// <summary>The provider's circuit is open after repeated failures; nothing was sent.</summary>
    CircuitOpen,

    /// <summary>The caller cancelled before this part of the work finished (reported per recipient when other parts were already sent).</summary>
    Cancelled,
}
