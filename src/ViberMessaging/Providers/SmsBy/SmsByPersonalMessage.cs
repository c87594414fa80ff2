namespace ViberMessaging.SmsBy;

/// <summary>One recipient's message in a <see cref="SmsByPersonalMailing"/>.</summary>
/// <param name="Recipient">The recipient.</param>
/// <param name="Text">The recipient's text.</param>
public sealed record SmsByPersonalMessage(PhoneNumber Recipient, string Text)
{
    /// <summary>The recipient's button link (at most 150 characters), required when the list has a <see cref="SmsByPersonalMailing.ButtonCaption"/>.</summary>
    /// <value><see langword="null"/> by default.</value>
    public Uri? ButtonUrl { get; init; }
}
