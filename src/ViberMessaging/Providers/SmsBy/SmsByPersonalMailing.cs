namespace ViberMessaging.SmsBy;

/// <summary>
/// A mailing list with a text per recipient (<c>message_type: personal</c>), optionally each with its own button link
/// under a shared caption (and image). SMS.by does not allow an image alone in a personal list.
/// </summary>
public sealed class SmsByPersonalMailing : SmsByMailing
{
    /// <summary>The caption of the button every message carries; each message then needs its <see cref="SmsByPersonalMessage.ButtonUrl"/>.</summary>
    /// <value><see langword="null"/> by default: text messages.</value>
    public string? ButtonCaption { get; init; }

    /// <summary>The messages, one per recipient.</summary>
    public required IReadOnlyList<SmsByPersonalMessage> Messages { get; init; }
}
