using System.Diagnostics.CodeAnalysis;
using ViberMessaging.Internal;
using ViberMessaging.Resilience;

namespace ViberMessaging.SmsClub;

/// <summary>SMS Club's wire → neutral model. Lenient: unknown words become <see cref="DeliveryStatus.Unknown"/> with the raw text kept.</summary>
internal static class SmsClubResponseMapper
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

    /// <summary>
    /// One result per recipient of the request, in its order: accepted (with the id and, for two-way, the chat id),
    /// rejected as invalid (<c>incorrectPhones</c>) or blacklisted (<c>blackList</c>), or rejected as not accepted
    /// when the provider left the phone out of its answer. What the provider may have accepted but this SDK cannot
    /// read is failed with <paramref name="unreadable"/>'s error, never rejected: a recipient listed with an id that is
    /// not SMS Club's (null, empty, not digits) was accepted; a recipient left out while the answer lists a number
    /// that matches no recipient (another format) may have been.
    /// </summary>
    public static IReadOnlyList<RecipientResult> FromSmsClubSendResponse(
        SmsClubSendData data, string providerName, ReadOnlySpan<PhoneNumber> recipients, Func<SmsClubUnreadable, ViberMessagingException>? unreadable = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        unreadable ??= static u => u.ToError();
        var asked = new HashSet<string>(recipients.Length, StringComparer.Ordinal);
        foreach (var recipient in recipients)
        {
            asked.Add(recipient.Digits);
        }

        var accepted = new Dictionary<string, (SmsClubSentMessage Message, int Index)>(StringComparer.Ordinal);
        List<int>? unmatched = null;
        var messages = data.Messages ?? [];
        for (var index = 0; index < messages.Count; index++)
        {
            if (Digits(messages[index].Number) is { } number && asked.Contains(number))
            {
                accepted.TryAdd(number, (messages[index], index));
            }
            else
            {
                (unmatched ??= []).Add(index);
            }
        }

        var info = data.AdditionalInfo ?? SmsClubAdditionalInfo.Empty;
        var incorrect = ToDigitSet(info.IncorrectPhones);
        var blacklisted = ToDigitSet(info.BlackList);
        var results = new RecipientResult[recipients.Length];
        for (var i = 0; i < recipients.Length; i++)
        {
            var recipient = recipients[i];
            if (accepted.TryGetValue(recipient.Digits, out var entry))
            {
                results[i] = IsMessageId(entry.Message.Id)
                    ? new RecipientResult
                    {
                        Recipient = recipient,
                        Status = RecipientStatus.Accepted,
                        MessageId = new MessageId(providerName, entry.Message.Id),
                        ChatId = string.IsNullOrEmpty(entry.Message.ChatId) ? null : entry.Message.ChatId,
                    }
                    : Failed(recipient, unreadable(new SmsClubUnreadable(
                        providerName,
                        "SMS Club listed the recipient as accepted with an id that is not one of its ids (digits): it was sent, but cannot be tracked.",
                        [entry.Index],
                        entry.Message.Id,
                        AnswerState.UnreadableId)));
            }
            else if (incorrect.Contains(recipient.Digits) || blacklisted.Contains(recipient.Digits) || unmatched is null)
            {
                results[i] = Rejected(recipient, incorrect.Contains(recipient.Digits), blacklisted.Contains(recipient.Digits));
            }
            else
            {
                results[i] = Failed(recipient, unreadable(new SmsClubUnreadable(
                    providerName,
                    "SMS Club's answer does not list the recipient, but lists messages whose numbers match no recipient: it may have been sent.",
                    unmatched,
                    null,
                    AnswerState.RecipientUnmatched)));
            }
        }

        return results;
    }

    /// <summary>Whether <paramref name="id"/> has the shape of SMS Club's message ids: ASCII digits (<c>"5769"</c>).</summary>
    public static bool IsMessageId([NotNullWhen(true)] string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 20)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The recipients a reply in a chat reached (the chat's recipient), from the numbers in the answer.</summary>
    public static IReadOnlyList<RecipientResult> FromSmsClubReplyResponse(SmsClubSendData data, string providerName, string chatId)
    {
        ArgumentNullException.ThrowIfNull(data);
        var results = new List<RecipientResult>(1);
        foreach (var message in data.Messages ?? [])
        {
            if (PhoneNumber.TryParse(Digits(message.Number), out var phone) && IsMessageId(message.Id))
            {
                results.Add(new RecipientResult
                {
                    Recipient = phone,
                    Status = RecipientStatus.Accepted,
                    MessageId = new MessageId(providerName, message.Id),
                    ChatId = string.IsNullOrEmpty(message.ChatId) ? chatId : message.ChatId,
                });
            }
        }

        return results;
    }

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

    /// <summary>One page of the chat list.</summary>
    public static IReadOnlyList<ViberChat> FromSmsClubChats(SmsClubChatsData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var chats = new List<ViberChat>(data.Chats?.Count ?? 0);
        foreach (var chat in data.Chats ?? [])
        {
            if (!string.IsNullOrEmpty(chat.ChatId))
            {
                chats.Add(new ViberChat
                {
                    ChatId = chat.ChatId,
                    Recipient = Phone(chat.Recipient),
                    Sender = Blank(chat.SourceAddress),
                    CreatedAt = SmsClubDates.Parse(chat.CreationDate),
                });
            }
        }

        return chats;
    }

    /// <summary>One page of a chat's messages: <c>incoming</c> came from the recipient, anything else (<c>outcoming</c>) was sent by you.</summary>
    public static IReadOnlyList<ChatMessage> FromSmsClubChat(SmsClubChatData data, string chatId)
    {
        ArgumentNullException.ThrowIfNull(data);
        var chat = data.Chat;
        var phone = Phone(chat?.Recipient);
        var messages = new List<ChatMessage>(chat?.Messages?.Count ?? 0);
        foreach (var message in chat?.Messages ?? [])
        {
            messages.Add(new ChatMessage
            {
                Direction = ReplyRules.DirectionOf(new IncomingFacts { DirectionWord = message.Type }),
                Text = message.Text ?? string.Empty,
                ChatId = chatId,
                ProviderMessageId = Blank(message.Id),
                Phone = phone,
                Timestamp = SmsClubDates.Parse(message.Date),
            });
        }

        return messages;
    }

    /// <summary>The balance, or <see langword="null"/> when the answer holds none.</summary>
    public static AccountBalance? FromSmsClubBalance(SmsClubBalanceResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var success = response.SuccessRequest ?? response.SuccessfulRequest;
        var info = success?.Info ?? success?.RequestData;
        return info?.Money is { } money ? new AccountBalance(money, Blank(info.Currency)?.Trim().ToUpperInvariant() ?? string.Empty) : null;
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

    private static RecipientResult Failed(PhoneNumber recipient, ViberMessagingException error)
        => new() { Recipient = recipient, Status = RecipientStatus.Failed, Error = error };

    private static RecipientResult Rejected(PhoneNumber recipient, bool incorrect, bool blacklisted) => new()
    {
        Recipient = recipient,
        Status = RecipientStatus.Rejected,
        Reason = incorrect ? DeliveryFailureReason.InvalidNumber
            : blacklisted ? DeliveryFailureReason.Blacklisted
            : DeliveryFailureReason.NotAccepted,
        ProviderCode = incorrect ? "incorrectPhones" : blacklisted ? "blackList" : null,
    };

    private static HashSet<string> ToDigitSet(IReadOnlyList<string> phones)
    {
        var set = new HashSet<string>(phones.Count, StringComparer.Ordinal);
        foreach (var phone in phones)
        {
            if (Digits(phone) is { } digits)
            {
                set.Add(digits);
            }
        }

        return set;
    }

    /// <summary>The digits of a phone as the provider wrote it ("+380 98…", "380989…"), or <see langword="null"/> when it has none.</summary>
    private static string? Digits(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        if (PhoneNumber.TryParse(phone, out var parsed))
        {
            return parsed.Digits;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : digits;
    }

    private static PhoneNumber? Phone(string? raw) => PhoneNumber.TryParse(Digits(raw), out var phone) ? phone : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
