namespace ViberMessaging.SmsBy;

/// <summary>
/// A mailing list that sends the same content to every recipient (<c>message_type: bulk</c>): a text, an image alone
/// (<see cref="SmsByMailing.ImageUrl"/> without text), or a text with a button (and optionally an image).
/// </summary>
public sealed class SmsByBulkMailing : SmsByMailing
{
    /// <summary>The text.</summary>
    /// <value><see langword="null"/> by default; required unless the list is an image alone.</value>
    public string? Text { get; init; }

    /// <summary>A button under the text; its URL is at most 150 characters.</summary>
    /// <value><see langword="null"/> by default (no button).</value>
    public ViberButton? Button { get; init; }

    /// <summary>The recipients.</summary>
    public required IReadOnlyList<PhoneNumber> Recipients { get; init; }
}
