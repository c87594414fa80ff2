namespace ViberMessaging.SmsBy;

/// <summary>
/// One mailing list of a <see cref="ISmsByClient.SendMailingsAsync"/> request: a <see cref="SmsByBulkMailing"/> (one
/// content to many phones) or a <see cref="SmsByPersonalMailing"/> (a text per phone).
/// </summary>
public abstract class SmsByMailing
{
    private protected SmsByMailing()
    {
    }

    /// <summary>The list's name, unique within the request: SMS.by reports a refused list by it.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The sender: a name in <see cref="SmsByOptions.ViberSenders"/> or a numeric id. It is sent as the list's
    /// <c>alphaname_id</c>: the name's <see cref="SmsByOptions.SmsSenders"/> id when it has one, else its Viber id.
    /// </summary>
    /// <value><see langword="null"/> by default: <see cref="SmsByOptions.DefaultSender"/>.</value>
    public string? Sender { get; init; }

    /// <summary>When SMS.by sends the list, to the second (sent as <c>schedule_time</c> in the provider's time zone).</summary>
    /// <value><see langword="null"/> by default: now.</value>
    public DateTimeOffset? SendAt { get; init; }

    /// <summary>A public http(s) image URL: the image alone (bulk lists only) or above a button.</summary>
    /// <value><see langword="null"/> by default (no image).</value>
    public Uri? ImageUrl { get; init; }
}
