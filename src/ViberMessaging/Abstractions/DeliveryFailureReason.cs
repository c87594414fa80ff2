namespace ViberMessaging;

/// <summary>Why a message (or a recipient) was not delivered, in the same words for every provider.</summary>
public enum DeliveryFailureReason
{
    /// <summary>No reason given (or nothing failed).</summary>
    None = 0,

    /// <summary>A reason this SDK does not know; the provider's wording is kept beside it.</summary>
    Other,

    /// <summary>The recipient blocked messages from this sender.</summary>
    BlockedByRecipient,

    /// <summary>The number has no Viber account (or no current Viber app).</summary>
    NotViberUser,

    /// <summary>The recipient's device does not receive Viber business messages (usually a tablet).</summary>
    DeviceNotSupported,

    /// <summary>The number is on a blacklist.</summary>
    Blacklisted,

    /// <summary>Blocked as suspected spam.</summary>
    Spam,

    /// <summary>The text contains prohibited words.</summary>
    Censorship,

    /// <summary>The number is malformed or does not exist.</summary>
    InvalidNumber,

    /// <summary>Sending to this operator or numbering range is not allowed.</summary>
    ProhibitedOperator,

    /// <summary>The provider did not accept the recipient and gave no reason (it was silently dropped).</summary>
    NotAccepted,

    /// <summary>The time to live ran out.</summary>
    Expired,

    /// <summary>The provider no longer knows the message (too old, or an unknown id).</summary>
    UnknownMessage,
}
