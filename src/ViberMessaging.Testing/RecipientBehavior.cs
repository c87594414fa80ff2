namespace ViberMessaging.Testing;

/// <summary>How the emulated network treats a recipient (script it with <see cref="ViberEmulator.ScriptRecipient"/>).</summary>
public enum RecipientBehavior
{
    /// <summary>The message is delivered and read (the default).</summary>
    Reads = 0,

    /// <summary>The message is delivered but never read.</summary>
    Delivers,

    /// <summary>The number has no Viber: the Viber message is undeliverable; an SMS fallback, if any, is delivered.</summary>
    NotViberUser,

    /// <summary>The recipient blocked the sender: undeliverable; an SMS fallback, if any, is delivered.</summary>
    BlocksSender,

    /// <summary>The device does not receive business messages: undeliverable; an SMS fallback, if any, is delivered.</summary>
    DeviceNotSupported,

    /// <summary>The Viber message expires undelivered; an SMS fallback, if any, is delivered.</summary>
    Expires,

    /// <summary>The SMS fallback is undeliverable too (the Viber message expires first).</summary>
    Unreachable,

    /// <summary>The provider rejects the number as invalid when the message is sent.</summary>
    InvalidNumber,

    /// <summary>The provider rejects the number as blacklisted when the message is sent.</summary>
    Blacklisted,

    /// <summary>The provider accepts the request but silently leaves this recipient out of its answer.</summary>
    SilentlyDropped,
}
