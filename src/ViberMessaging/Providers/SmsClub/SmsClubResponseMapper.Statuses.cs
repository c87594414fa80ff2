namespace ViberMessaging.SmsClub;

/// <summary>SMS Club's status answers → neutral reports: the status vocabularies and the failure reasons.</summary>
internal static partial class SmsClubResponseMapper
{
    /// <summary>
    /// The status vocabularies, case-insensitive: English (since 09.09.2022), the Russian and Ukrainian words used
    /// before, and SMPP-style receipt codes.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, DeliveryStatus> StatusWords = new Dictionary<string, DeliveryStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["Pending"] = DeliveryStatus.Pending,
        ["Sent"] = DeliveryStatus.Sent,
        ["Delivered"] = DeliveryStatus.Delivered,
        ["Read"] = DeliveryStatus.Read,
        ["Expired"] = DeliveryStatus.Expired,
        ["Undeliverable"] = DeliveryStatus.Undeliverable,
        ["Undelivered"] = DeliveryStatus.Undeliverable,
        ["Rejected"] = DeliveryStatus.Rejected,
        ["Failed"] = DeliveryStatus.Failed,
        ["Error"] = DeliveryStatus.Failed,
        ["Cancelled"] = DeliveryStatus.Cancelled,
        ["Canceled"] = DeliveryStatus.Cancelled,

        ["Ожидает отправки"] = DeliveryStatus.Pending,
        ["В очереди"] = DeliveryStatus.Pending,
        ["Отправлено"] = DeliveryStatus.Sent,
        ["Доставлено"] = DeliveryStatus.Delivered,
        ["Прочитано"] = DeliveryStatus.Read,
        ["Просрочено"] = DeliveryStatus.Expired,
        ["Недоставляемое"] = DeliveryStatus.Undeliverable,
        ["Не доставлено"] = DeliveryStatus.Undeliverable,
        ["Отклонено"] = DeliveryStatus.Rejected,

        ["Очікує відправки"] = DeliveryStatus.Pending,
        ["Відправлено"] = DeliveryStatus.Sent,
        ["Надіслано"] = DeliveryStatus.Sent,
        ["Прострочено"] = DeliveryStatus.Expired,
        ["Недоставлене"] = DeliveryStatus.Undeliverable,
        ["Відхилено"] = DeliveryStatus.Rejected,

        ["ACCEPTD"] = DeliveryStatus.Pending,
        ["SCHEDULED"] = DeliveryStatus.Pending,
        ["ENROUTE"] = DeliveryStatus.Sent,
        ["DELIVRD"] = DeliveryStatus.Delivered,
        ["UNDELIV"] = DeliveryStatus.Undeliverable,
        ["REJECTD"] = DeliveryStatus.Rejected,
        ["DELETED"] = DeliveryStatus.Cancelled,
    };

    /// <summary>
    /// <c>additionStatus</c> is free text: the reason is found by a fragment of the English, Russian or Ukrainian
    /// wording (case-insensitive), first match wins.
    /// </summary>
    internal static readonly IReadOnlyList<(string Fragment, DeliveryFailureReason Reason)> ReasonFragments =
    [
        ("Blocked by the recipient", DeliveryFailureReason.BlockedByRecipient),
        ("blocked", DeliveryFailureReason.BlockedByRecipient),
        ("заблок", DeliveryFailureReason.BlockedByRecipient),
        ("Not registered", DeliveryFailureReason.NotViberUser),
        ("не зарегистр", DeliveryFailureReason.NotViberUser),
        ("не зареєстр", DeliveryFailureReason.NotViberUser),
        ("not supported", DeliveryFailureReason.DeviceNotSupported),
        ("не поддерж", DeliveryFailureReason.DeviceNotSupported),
        ("не підтрим", DeliveryFailureReason.DeviceNotSupported),
        ("Black list", DeliveryFailureReason.Blacklisted),
        ("blacklist", DeliveryFailureReason.Blacklisted),
        ("черн", DeliveryFailureReason.Blacklisted),
        ("чорн", DeliveryFailureReason.Blacklisted),
        ("Spam", DeliveryFailureReason.Spam),
        ("спам", DeliveryFailureReason.Spam),
        ("Censor", DeliveryFailureReason.Censorship),
        ("цензур", DeliveryFailureReason.Censorship),
        ("Invalid number", DeliveryFailureReason.InvalidNumber),
        ("некоррект", DeliveryFailureReason.InvalidNumber),
        ("некорект", DeliveryFailureReason.InvalidNumber),
        ("Prohibited operator", DeliveryFailureReason.ProhibitedOperator),
        ("запрещ", DeliveryFailureReason.ProhibitedOperator),
        ("заборон", DeliveryFailureReason.ProhibitedOperator),
    ];

    private static readonly string[] ReadWords = ["Read", "Прочитано", "Прочитане", "Seen", "Viewed"];

    /// <summary>One report per id in the answer, in the answer's order.</summary>
    public static IReadOnlyList<DeliveryReport> FromSmsClubStatusResponse(SmsClubStatusData data, string providerName)
    {
        ArgumentNullException.ThrowIfNull(data);
        var reports = new List<DeliveryReport>(data.Entries.Count);
        foreach (var (id, entry) in data.Entries)
        {
            if (!string.IsNullOrEmpty(id))
            {
                reports.Add(FromSmsClubStatus(new MessageId(providerName, id), entry));
            }
        }

        return reports;
    }

    /// <summary>
    /// Maps <c>status</c>, <c>additionStatus</c> (or <c>additionalStatus</c>) and <c>smsStatus</c>: "Read" in the
    /// additional status upgrades a delivered message to <see cref="DeliveryStatus.Read"/>; any other additional
    /// status is the failure reason, kept raw in <see cref="DeliveryReport.ProviderErrorCode"/>.
    /// </summary>
    public static DeliveryReport FromSmsClubStatus(MessageId id, SmsClubStatusEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var viber = FromSmsClubStatusWord(entry.Status);
        var addition = Blank(entry.AdditionStatus) ?? Blank(entry.AdditionalStatus);
        var reason = DeliveryFailureReason.None;
        string? providerReason = null;
        if (addition is not null)
        {
            if (IsRead(addition))
            {
                viber = viber is DeliveryStatus.Unknown or DeliveryStatus.Pending or DeliveryStatus.Sent or DeliveryStatus.Delivered
                    ? DeliveryStatus.Read
                    : viber;
            }
            else
            {
                reason = FromSmsClubReason(addition);
                providerReason = addition;
            }
        }

        if (reason == DeliveryFailureReason.None && viber == DeliveryStatus.Expired)
        {
            reason = DeliveryFailureReason.Expired;
        }

        var smsRaw = Blank(entry.SmsStatus);
        return new DeliveryReport(id, viber)
        {
            SmsStatus = smsRaw is null ? null : FromSmsClubStatusWord(smsRaw),
            RawStatus = entry.Status,
            RawSmsStatus = smsRaw,
            FailureReason = reason,
            ProviderErrorCode = providerReason,
        };
    }

    /// <summary>A status word in any of the vocabularies; anything else is <see cref="DeliveryStatus.Unknown"/>.</summary>
    public static DeliveryStatus FromSmsClubStatusWord(string? raw)
        => Blank(raw) is { } word && StatusWords.TryGetValue(word.Trim(), out var status) ? status : DeliveryStatus.Unknown;

    /// <summary>The failure reason in an additional status; <see cref="DeliveryFailureReason.Other"/> for wording this SDK does not know.</summary>
    public static DeliveryFailureReason FromSmsClubReason(string raw)
    {
        foreach (var (fragment, reason) in ReasonFragments)
        {
            if (raw.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return reason;
            }
        }

        return DeliveryFailureReason.Other;
    }

    private static bool IsRead(string addition)
    {
        foreach (var word in ReadWords)
        {
            if (addition.Trim().Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
