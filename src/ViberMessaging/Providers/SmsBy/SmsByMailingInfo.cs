namespace ViberMessaging.SmsBy;

/// <summary>A Viber mailing as <c>getViberMessages</c> / <c>getViberMessageData</c> report it.</summary>
public sealed class SmsByMailingInfo
{
    /// <summary>The mailing's id.</summary>
    public required long MailingId { get; init; }

    /// <summary>SMS.by's message type as sent: <c>TEXT</c>, <c>IMAGE</c> or <c>BUTTON</c>.</summary>
    public string? MessageType { get; init; }

    /// <summary>The text, if any.</summary>
    public string? Text { get; init; }

    /// <summary>The button caption, if any.</summary>
    public string? ButtonCaption { get; init; }

    /// <summary>The button link, if any, as sent.</summary>
    public string? ButtonUrl { get; init; }

    /// <summary>The image SMS.by stored, if any, as sent.</summary>
    public string? ImageFile { get; init; }

    /// <summary>The mailing's status as SMS.by words it (for example <c>SENT</c>).</summary>
    public string? Status { get; init; }

    /// <summary>When it was created (provider time zone, see <see cref="SmsByOptions.ProviderUtcOffset"/>).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When it is (or was) sent (provider time zone).</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>What it cost, parsed from <see cref="RawCost"/> (for example <c>0.04900</c>), or <see langword="null"/> when not reported.</summary>
    public decimal? Cost { get; init; }

    /// <summary>The currency of <see cref="Cost"/> (for example <c>EUR</c>).</summary>
    public string? Currency { get; init; }

    /// <summary>The cost exactly as SMS.by sent it (for example <c>0.04900 EUR</c>).</summary>
    public string? RawCost { get; init; }

    /// <summary>Returns the id, the type, the status and the cost.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"mailing {MailingId} {MessageType} {Status} {RawCost}".TrimEnd();
}
