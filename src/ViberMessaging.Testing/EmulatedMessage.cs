namespace ViberMessaging.Testing;

/// <summary>A message the emulator accepted for one recipient.</summary>
public sealed class EmulatedMessage
{
    /// <summary>The provider that accepted it.</summary>
    public required string Provider { get; init; }

    /// <summary>The provider's id for it, as text.</summary>
    public required string Id { get; init; }

    /// <summary>The recipient's E.164 digits.</summary>
    public required string Recipient { get; init; }

    /// <summary>The Viber text, if any.</summary>
    public string? Text { get; init; }

    /// <summary>The sender name (or id) it was sent from.</summary>
    public string? Sender { get; init; }

    /// <summary>The image URL, if any.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>The button caption, if any.</summary>
    public string? ButtonCaption { get; init; }

    /// <summary>The button URL, if any.</summary>
    public string? ButtonUrl { get; init; }

    /// <summary>The SMS fallback text, if one was requested.</summary>
    public string? SmsText { get; init; }

    /// <summary>Whether an SMS fallback was requested.</summary>
    public bool HasSmsFallback => SmsText is not null || SmsFallbackRequested;

    /// <summary>Whether an SMS fallback was requested without its own text (the provider resends the Viber text).</summary>
    public bool SmsFallbackRequested { get; init; }

    /// <summary>The two-way chat it belongs to, if any.</summary>
    public string? ChatId { get; init; }

    /// <summary>A provider-specific group id (a request uuid, a mailing id), if any.</summary>
    public string? GroupId { get; init; }

    /// <summary>When it was accepted, by the emulator's clock.</summary>
    public required DateTimeOffset AcceptedAt { get; init; }

    /// <summary>When it may be sent, if it was scheduled.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>How the recipient behaves.</summary>
    public RecipientBehavior Behavior { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Provider}:{Id} to {Recipient}";
}

/// <summary>The state of an emulated message at one instant.</summary>
/// <param name="Viber">The Viber channel's state.</param>
/// <param name="Sms">The SMS fallback's state, or <see langword="null"/> when none runs.</param>
/// <param name="ChangedAt">When the latest change happened.</param>
/// <param name="Behavior">The recipient's scripted behaviour (the failure reason, when the Viber channel failed).</param>
public sealed record EmulatedStatus(EmulatedViberState Viber, EmulatedSmsState? Sms, DateTimeOffset ChangedAt, RecipientBehavior Behavior);

/// <summary>The Viber channel's states in the emulator.</summary>
public enum EmulatedViberState
{
    /// <summary>Queued.</summary>
    Pending,

    /// <summary>Sent to the device.</summary>
    Sent,

    /// <summary>Delivered.</summary>
    Delivered,

    /// <summary>Read.</summary>
    Read,

    /// <summary>Could not be delivered (see the behaviour for why).</summary>
    Undeliverable,

    /// <summary>Expired undelivered.</summary>
    Expired,
}

/// <summary>The SMS fallback's states in the emulator.</summary>
public enum EmulatedSmsState
{
    /// <summary>Queued.</summary>
    Pending,

    /// <summary>Sent.</summary>
    Sent,

    /// <summary>Delivered.</summary>
    Delivered,

    /// <summary>Could not be delivered.</summary>
    Undeliverable,
}
