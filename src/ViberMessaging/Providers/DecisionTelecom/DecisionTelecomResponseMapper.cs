using System.Globalization;

namespace ViberMessaging.DecisionTelecom;

/// <summary>Maps DecisionTelecom's answers to the neutral model, keeping the raw status ints beside the mapped enums.</summary>
internal static class DecisionTelecomResponseMapper
{
    /// <summary>
    /// The outcome for the one recipient of a send: accepted with its id, or rejected when the provider refused the
    /// number (<c>Invalid Parameter: destination_addr</c>). The client handles an answer with neither (unknown outcome).
    /// </summary>
    public static RecipientResult FromDecisionTelecomSend(SendViberResponse answer, PhoneNumber recipient, string providerName)
    {
        if (answer.IsError)
        {
            return new RecipientResult
            {
                Recipient = recipient,
                Status = RecipientStatus.Rejected,
                Reason = DecisionTelecomErrorMapper.RejectsRecipient(answer) ? DeliveryFailureReason.InvalidNumber : DeliveryFailureReason.Other,
                ProviderCode = answer.Name,
            };
        }

        var id = answer.MessageId ?? throw new ArgumentException("A successful answer must carry a message_id.", nameof(answer));
        return new RecipientResult { Recipient = recipient, Status = RecipientStatus.Accepted, MessageId = new MessageId(providerName, id) };
    }

    /// <summary>A receipt (status query answer or status callback) as a report.</summary>
    public static DeliveryReport FromDecisionTelecomStatus(ReceiveViberResponse answer, MessageId id)
    {
        var hasSms = answer.SmsMessageId is not null || answer.SmsMessageStatus is not null;
        return new DeliveryReport(id, FromDecisionTelecomViberStatus(answer.Status))
        {
            RawStatus = answer.Status,
            SmsStatus = hasSms ? FromDecisionTelecomSmsStatus(answer.SmsMessageStatus) : null,
            RawSmsStatus = answer.SmsMessageStatus,
            SmsPartIds = answer.SmsMessageId is { } smsId ? [smsId] : [],
        };
    }

    /// <summary>Viber status ints: 0 sent, 1 delivered, 2 error, 3 rejected, 4 undelivered, 5 pending, 20 unknown; anything else is unknown too.</summary>
    public static DeliveryStatus FromDecisionTelecomViberStatus(string? raw) => ToInt(raw) switch
    {
        0 => DeliveryStatus.Sent,
        1 => DeliveryStatus.Delivered,
        2 => DeliveryStatus.Failed,
        3 => DeliveryStatus.Rejected,
        4 => DeliveryStatus.Undeliverable,
        5 => DeliveryStatus.Pending,
        _ => DeliveryStatus.Unknown,
    };

    /// <summary>
    /// The SMS fallback's SMPP <c>message_state</c>: 1 en route, 2 delivered, 3 expired, 4 deleted, 5 undeliverable,
    /// 6 accepted, 8 rejected; 0, 7 and anything else are unknown.
    /// </summary>
    public static DeliveryStatus FromDecisionTelecomSmsStatus(string? raw) => ToInt(raw) switch
    {
        1 or 6 => DeliveryStatus.Sent,
        2 => DeliveryStatus.Delivered,
        3 => DeliveryStatus.Expired,
        4 => DeliveryStatus.Cancelled,
        5 => DeliveryStatus.Undeliverable,
        8 => DeliveryStatus.Rejected,
        _ => DeliveryStatus.Unknown,
    };

    private static int? ToInt(string? value)
        => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
}
