namespace ViberMessaging.SmsBy;

/// <summary>
/// A mailing to a subscriber list stored at SMS.by (<c>sendViberMessageList</c>), prepared with
/// <see cref="ISmsByClient.PrepareListMailingAsync"/> and paid for with <see cref="ISmsByClient.ConfirmMailingAsync"/>.
/// It is a text, an image alone (<see cref="ImageUrl"/> or <see cref="ImageFile"/>), or a button with a link.
/// </summary>
public sealed class SmsByListMailing
{
    /// <summary>The subscriber list's id at SMS.by (from its <c>getSubscriberLists</c>).</summary>
    public required long ListId { get; init; }

    /// <summary>The mailing's name.</summary>
    /// <value><see langword="null"/> by default: SMS.by generates one.</value>
    public string? Name { get; init; }

    /// <summary>The Viber sender: a name in <see cref="SmsByOptions.ViberSenders"/> or a numeric id.</summary>
    /// <value><see langword="null"/> by default: <see cref="SmsByOptions.DefaultSender"/>.</value>
    public string? Sender { get; init; }

    /// <summary>The text.</summary>
    /// <value><see langword="null"/> by default; required unless the mailing is an image alone.</value>
    public string? Text { get; init; }

    /// <summary>A public http(s) image URL (SMS.by prefers it to an upload).</summary>
    /// <value><see langword="null"/> by default.</value>
    public Uri? ImageUrl { get; init; }

    /// <summary>An image to upload instead of <see cref="ImageUrl"/>.</summary>
    /// <value><see langword="null"/> by default.</value>
    public SmsByImageFile? ImageFile { get; init; }

    /// <summary>A button; its URL is at most 150 characters.</summary>
    /// <value><see langword="null"/> by default (no button).</value>
    public ViberButton? Button { get; init; }

    /// <summary>When SMS.by sends the mailing once confirmed, to the minute (sent as <c>d_schedule</c> in the provider's time zone).</summary>
    /// <value><see langword="null"/> by default: as soon as it is confirmed.</value>
    public DateTimeOffset? SendAt { get; init; }
}
