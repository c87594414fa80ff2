using ViberMessaging.Internal;

namespace ViberMessaging.SmsBy;

/// <summary>SMS.by's bulk requests: <c>statusBulkViber</c>'s lists → reports, and refused lists → rejected recipients.</summary>
internal static partial class SmsByResponseMapper
{
    /// <summary>
    /// <c>statusBulkViber</c>'s mixed top-level array → the request's mailing lists (recipients' reports with
    /// <c>bulk:&lt;uuid&gt;:&lt;phone&gt;:&lt;list&gt;</c> ids) and its list errors.
    /// </summary>
    public static SmsByBulkStatus FromSmsByBulkStatus(IReadOnlyList<SmsByBulkStatusItem> items, string uuid, string providerName, TimeSpan providerOffset)
    {
        var mailings = new List<SmsByBulkMailingStatus>();
        var errors = new List<string>();
        foreach (var item in items)
        {
            if (item is null)
            {
                continue;
            }

            if (item.Errors is { Count: > 0 } itemErrors)
            {
                errors.AddRange(itemErrors.Where(e => !string.IsNullOrWhiteSpace(e)));
            }

            if (item.Success is null && item.MessageId is null && item.Name is null)
            {
                continue;
            }

            var name = string.IsNullOrWhiteSpace(item.Name) ? null : item.Name;
            var recipients = (item.Success ?? []).Where(d => d is not null).Select(d =>
            {
                var phone = SmsByIds.Digits(d.Phone);
                var id = new MessageId(providerName, SmsByIds.Bulk(uuid, phone.Length > 0 ? phone : "0", name));
                return Report(id, d.Status, d.ErrorCode, d.Phone, FromSmsByTime(d.StatusTime, providerOffset));
            }).ToArray();
            mailings.Add(new SmsByBulkMailingStatus
            {
                MailingId = ParseLong(item.MessageId),
                Name = name,
                SenderId = ParseLong(item.AlphanameId) is { } sender and <= int.MaxValue ? (int)sender : null,
                Recipients = recipients,
            });
        }

        return new SmsByBulkStatus { Uuid = uuid, Mailings = mailings, Errors = errors };
    }

    /// <summary>
    /// One bulk recipient's report, found in its request's status by phone (and list name, when the id has one). A
    /// recipient that is not listed is rejected when its list was refused (the error's text is kept) or when its
    /// list exists without it (SMS.by dropped it); it is pending while SMS.by has created no list yet.
    /// </summary>
    public static DeliveryReport FromSmsByBulkStatus(SmsByBulkStatus status, SmsByIdParts id, MessageId messageId)
    {
        var lists = ListsOf(status, id);
        foreach (var list in lists)
        {
            var expected = SmsByIds.Bulk(status.Uuid, id.Phone!, list.Name);
            foreach (var report in list.Recipients)
            {
                if (string.Equals(report.MessageId.Value, expected, StringComparison.Ordinal))
                {
                    return Rebase(report, messageId);
                }
            }
        }

        if (RefusedListError(status, id, lists) is { } listError)
        {
            return new DeliveryReport(messageId, DeliveryStatus.Rejected) { FailureReason = DeliveryFailureReason.Other, ProviderErrorCode = listError, Recipient = PhoneFrom(id.Phone) };
        }

        return lists.Length > 0
            ? new DeliveryReport(messageId, DeliveryStatus.Rejected) { FailureReason = DeliveryFailureReason.NotAccepted, Recipient = PhoneFrom(id.Phone) }
            : new DeliveryReport(messageId, DeliveryStatus.Pending) { Recipient = PhoneFrom(id.Phone) };
    }

    /// <summary>
    /// A bulk send's result after its request's status was read: the recipients of a list SMS.by refused are rejected
    /// with the list's error (<c>"&lt;list name&gt;: &lt;reason&gt;"</c>) as their provider code; everyone else keeps
    /// the send's answer.
    /// </summary>
    public static ChunkResult FromSmsByRefusedLists(ChunkResult sent, SmsByBulkStatus status)
    {
        if (status.Errors.Count == 0)
        {
            return sent;
        }

        var results = new RecipientResult[sent.Recipients.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var result = sent.Recipients[i];
            results[i] = result.MessageId is { } id && SmsByIds.TryParse(id.Value, out var key) && key.Kind == SmsByIdKind.Bulk
                && RefusedListError(status, key, ListsOf(status, key)) is { } error
                    ? new RecipientResult { Recipient = result.Recipient, Status = RecipientStatus.Rejected, Reason = DeliveryFailureReason.Other, ProviderCode = error }
                    : result;
        }

        return sent with { Recipients = results };
    }

    /// <summary>The lists a bulk id can belong to: the one of its name, or (one list per request) every list.</summary>
    private static SmsByBulkMailingStatus[] ListsOf(SmsByBulkStatus status, SmsByIdParts id)
        => status.Mailings.Where(m => id.ListName is null || string.Equals(m.Name, id.ListName, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>
    /// The error of the list a bulk recipient belongs to, when SMS.by refused it: the error that names the list, or,
    /// for an id without a list name (one list per request), an error when SMS.by created no list at all.
    /// </summary>
    private static string? RefusedListError(SmsByBulkStatus status, SmsByIdParts id, SmsByBulkMailingStatus[] lists)
        => status.Errors.FirstOrDefault(e => id.ListName is not null
            ? e.StartsWith(id.ListName + ":", StringComparison.OrdinalIgnoreCase)
            : lists.Length == 0);
}
