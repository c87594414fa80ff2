namespace ViberMessaging.SmsBy;

/// <summary>One mailing list of a <c>sendBulkViber</c> request, as <c>statusBulkViber</c> reports it.</summary>
public sealed class SmsByBulkMailingStatus
{
    /// <summary>The mailing's id (use it with <see cref="ISmsByClient.GetNewIncomingMessagesAsync"/> and the other mailing calls).</summary>
    public long? MailingId { get; init; }

    /// <summary>The list's name.</summary>
    public string? Name { get; init; }

    /// <summary>The sender id (<c>alphaname_id</c>) it went out with.</summary>
    public int? SenderId { get; init; }

    /// <summary>
    /// The recipients' statuses; each <see cref="DeliveryReport.MessageId"/> is
    /// <c>bulk:&lt;uuid&gt;:&lt;phone&gt;:&lt;list name&gt;</c>, the form <see cref="ISmsByClient.SendMailingsAsync"/> returned.
    /// </summary>
    public IReadOnlyList<DeliveryReport> Recipients { get; init; } = [];

    /// <summary>Returns the id, the name and the count.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"mailing {MailingId} '{Name}': {Recipients.Count} recipients";
}
