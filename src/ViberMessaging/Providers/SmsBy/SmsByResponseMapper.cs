using System.Globalization;
using System.Text.Json;
using ViberMessaging.Internal;
using ViberMessaging.Internal.Json;

namespace ViberMessaging.SmsBy;

/// <summary>
/// SMS.by's answers → neutral results. Statuses <c>NEW, SENT, DELIVERED, READ</c> and the failure words
/// (<c>UNDELIVERED, EXPIRED, REJECTED, ERROR, FAILED, CANCELLED</c>), in any casing, map to the neutral states; any
/// other word is <see cref="DeliveryStatus.Unknown"/> with the raw text kept. Times without
/// a zone are read in the provider's zone. A required value that is missing is a <see cref="JsonException"/>, which
/// the client turns into a malformed answer.
/// </summary>
internal static partial class SmsByResponseMapper
{
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss",
    ];

    /// <summary>A quick message was accepted: its id is <c>quick:&lt;message_id&gt;</c> (<c>viber_id</c> in v1 answers).</summary>
    public static RecipientResult FromSmsByQuickResult(SmsByEnvelope<SmsByQuickResult> answer, string providerName, PhoneNumber recipient, bool opensChat)
    {
        var id = answer.Result?.MessageId ?? answer.Result?.ViberId;
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new JsonException("The answer has no result.message_id.");
        }

        if (!SmsByIds.IsQuickId(id))
        {
            throw new UnreadableIdException(id, "result.message_id is not an SMS.by message id (a positive number).");
        }

        return new RecipientResult
        {
            Recipient = recipient,
            Status = RecipientStatus.Accepted,
            MessageId = new MessageId(providerName, SmsByIds.Quick(id)),
            ChatId = opensChat ? SmsByIds.Chat(id, recipient.Digits) : null,
        };
    }

    /// <summary>A quick message SMS.by refused for its recipient (an invalid or blacklisted number).</summary>
    public static RecipientResult FromSmsByRejection(PhoneNumber recipient, DeliveryFailureReason reason, string? providerText)
        => new() { Recipient = recipient, Status = RecipientStatus.Rejected, Reason = reason, ProviderCode = providerText };

    /// <summary>
    /// A bulk chunk was accepted as a whole: SMS.by answers only the request's uuid, so every recipient is accepted
    /// with <c>bulk:&lt;uuid&gt;:&lt;phone&gt;[:&lt;list&gt;]</c>; a recipient SMS.by drops shows up in its status.
    /// </summary>
    public static ChunkResult FromSmsByBulkResponse(SmsByBulkResponse answer, string providerName, ReadOnlySpan<PhoneNumber> recipients, ReadOnlySpan<string> listNames = default)
    {
        if (string.IsNullOrWhiteSpace(answer.Uuid))
        {
            throw new JsonException("The answer has no uuid.");
        }

        if (!SmsByIds.IsRequestUuid(answer.Uuid))
        {
            throw new UnreadableIdException(answer.Uuid, "uuid is not a UUID.");
        }

        var results = new RecipientResult[recipients.Length];
        for (var i = 0; i < recipients.Length; i++)
        {
            results[i] = new RecipientResult
            {
                Recipient = recipients[i],
                Status = RecipientStatus.Accepted,
                MessageId = new MessageId(providerName, SmsByIds.Bulk(answer.Uuid, recipients[i].Digits, listNames.IsEmpty ? null : listNames[i])),
            };
        }

        return new ChunkResult(results, answer.Uuid);
    }

    /// <summary><c>getViberDeliveryData</c> → the quick message's report (no time is reported).</summary>
    public static DeliveryReport FromSmsByDeliveryData(SmsByEnvelope<SmsByDeliveryData> answer, MessageId id)
    {
        var data = answer.Result ?? throw new JsonException("The answer has no result.");
        return Report(id, data.Status, data.ErrorCode, data.Phone, statusAt: null);
    }

    /// <summary><c>getViberDeliveryList</c> → a report per recipient with a <c>mailing:&lt;id&gt;:&lt;phone&gt;</c> id.</summary>
    public static IReadOnlyList<DeliveryReport> FromSmsByDeliveryList(SmsByDeliveriesEnvelope answer, long mailingId, string providerName)
    {
        var mailing = mailingId.ToString(CultureInfo.InvariantCulture);
        return (answer.Result ?? []).Where(d => d is not null).Select(d =>
        {
            var phone = SmsByIds.Digits(d.Phone);
            return Report(new MessageId(providerName, SmsByIds.Mailing(mailing, phone.Length > 0 ? phone : "0")), d.Status, d.ErrorCode, d.Phone, statusAt: null);
        }).ToArray();
    }

    /// <summary>One mailing recipient's report, found in its mailing's delivery list by phone.</summary>
    public static DeliveryReport? FromSmsByDeliveryList(IReadOnlyList<DeliveryReport> deliveries, SmsByIdParts id, MessageId messageId)
    {
        foreach (var report in deliveries)
        {
            if (report.MessageId.Value.EndsWith(":" + id.Phone, StringComparison.Ordinal))
            {
                return Rebase(report, messageId);
            }
        }

        return null;
    }

    /// <summary><c>sendViberMessageList</c> → the prepared (unpaid) mailing.</summary>
    public static SmsByPreparedMailing FromSmsByListResult(SmsByEnvelope<SmsByListResult> answer)
    {
        var result = answer.Result ?? throw new JsonException("The answer has no result.");
        var id = ParseLong(result.MessageId) ?? throw new JsonException($"The answer has no usable result.message_id ('{result.MessageId}').");
        return new SmsByPreparedMailing(id, result.CountSubscribers ?? 0);
    }

    /// <summary><c>getViberMessages</c> / <c>getViberMessageData</c> → a mailing, its cost parsed.</summary>
    public static SmsByMailingInfo FromSmsByMailing(SmsByMailingData data, TimeSpan providerOffset)
    {
        var (cost, currency) = FromSmsByCost(data.Cost);
        return new SmsByMailingInfo
        {
            MailingId = ParseLong(data.MessageId) ?? throw new JsonException($"The mailing has no usable message_id ('{data.MessageId}')."),
            MessageType = data.MessageType,
            Text = Empty(data.Message),
            ButtonCaption = Empty(data.ButtonCaption),
            ButtonUrl = Empty(data.ButtonLink),
            ImageFile = Empty(data.ImageFile),
            Status = data.Status,
            CreatedAt = FromSmsByTime(data.Created, providerOffset),
            ScheduledAt = FromSmsByTime(data.Scheduled, providerOffset),
            Cost = cost,
            Currency = currency,
            RawCost = Empty(data.Cost),
        };
    }

    /// <summary><c>getNewIncomingMessages</c> → incoming chat messages; the chat is <c>&lt;mailing&gt;:&lt;phone&gt;</c>.</summary>
    public static IReadOnlyList<ChatMessage> FromSmsByIncoming(SmsByIncomingEnvelope answer, long mailingId, string providerName, TimeSpan providerOffset)
    {
        var mailing = mailingId.ToString(CultureInfo.InvariantCulture);
        return (answer.Result ?? []).Where(m => m is not null).Select(m =>
        {
            var phone = SmsByIds.Digits(m.Phone);
            return new ChatMessage
            {
                Direction = ReplyRules.DirectionOf(new IncomingFacts { FromRepliesOnlySource = true }),
                Text = m.Message ?? string.Empty,
                ChatId = SmsByIds.Chat(mailing, phone),
                ProviderMessageId = m.Id,
                Phone = PhoneFrom(phone),
                Timestamp = FromSmsByTime(m.Received, providerOffset),
                InReplyTo = new MessageId(providerName, SmsByIds.Mailing(mailing, phone.Length > 0 ? phone : "0")),
            };
        }).ToArray();
    }

    /// <summary><c>readResponseStatus</c>'s prose (<c>Number of flagged messages: 3</c>) → the number, if it has one.</summary>
    public static int? FromSmsByMarkedCount(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var end = text.Length;
        while (end > 0 && !char.IsAsciiDigit(text[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsAsciiDigit(text[start - 1]))
        {
            start--;
        }

        return start < end && int.TryParse(text.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;
    }

    /// <summary>
    /// SMS.by's delivery words → neutral states (any casing): the document's <c>NEW, SENT, DELIVERED, READ</c>, and the
    /// words a gateway plainly means as a final failure; anything else is Unknown (not final).
    /// </summary>
    public static DeliveryStatus FromSmsByStatus(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        "NEW" => DeliveryStatus.Pending,
        "SENT" => DeliveryStatus.Sent,
        "DELIVERED" => DeliveryStatus.Delivered,
        "READ" => DeliveryStatus.Read,
        "UNDELIVERED" => DeliveryStatus.Undeliverable,
        "EXPIRED" => DeliveryStatus.Expired,
        "REJECTED" => DeliveryStatus.Rejected,
        "ERROR" or "FAILED" => DeliveryStatus.Failed,
        "CANCELLED" or "CANCELED" => DeliveryStatus.Cancelled,
        _ => DeliveryStatus.Unknown,
    };

    /// <summary>A time without a zone (<c>yyyy-MM-dd HH:mm:ss[.ffffff]</c>, or with <c>T</c>) in the provider's zone; unreadable or zero dates are <see langword="null"/>.</summary>
    public static DateTimeOffset? FromSmsByTime(string? text, TimeSpan providerOffset)
    {
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), providerOffset);
    }

    /// <summary><c>"0.04900 EUR"</c> → 0.04900 and <c>EUR</c>; a comma decimal separator is accepted; unreadable → nulls.</summary>
    public static (decimal? Amount, string? Currency) FromSmsByCost(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var number = parts[0].Replace(',', '.');
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return (null, null);
        }

        return (amount, parts.Length > 1 ? parts[^1].ToUpperInvariant() : null);
    }

    private static DeliveryReport Report(MessageId id, string? status, string? errorCode, string? phone, DateTimeOffset? statusAt)
    {
        var viber = FromSmsByStatus(status);
        var code = string.IsNullOrWhiteSpace(errorCode) || errorCode.Trim() == "0" ? null : errorCode.Trim();
        return new DeliveryReport(id, viber)
        {
            RawStatus = status,
            ProviderErrorCode = code,
            FailureReason = viber == DeliveryStatus.Expired ? DeliveryFailureReason.Expired
                : DeliveryReport.IsFailure(viber) && code is not null ? DeliveryFailureReason.Other
                : DeliveryFailureReason.None,
            StatusAt = statusAt,
            Recipient = PhoneFrom(SmsByIds.Digits(phone)),
        };
    }

    private static DeliveryReport Rebase(DeliveryReport report, MessageId id)
        => report.MessageId == id ? report : new DeliveryReport(id, report.ViberStatus)
        {
            RawStatus = report.RawStatus,
            ProviderErrorCode = report.ProviderErrorCode,
            FailureReason = report.FailureReason,
            StatusAt = report.StatusAt,
            Recipient = report.Recipient,
            RawRepresentation = report.RawRepresentation,
        };

    private static PhoneNumber? PhoneFrom(string? digits) => PhoneNumber.TryParse(digits, out var phone) ? phone : null;

    private static long? ParseLong(string? text)
        => long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
