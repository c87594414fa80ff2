using System.Diagnostics.CodeAnalysis;
using ViberMessaging.Resilience;

namespace ViberMessaging.SmsClub;

/// <summary>SMS Club's wire → neutral model. Lenient: unknown words become <see cref="DeliveryStatus.Unknown"/> with the raw text kept.</summary>
internal static partial class SmsClubResponseMapper
{
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

        var accepted = Listed(data.Messages ?? [], asked, out var unmatched);
        var info = data.AdditionalInfo ?? SmsClubAdditionalInfo.Empty;
        var incorrect = ToDigitSet(info.IncorrectPhones);
        var blacklisted = ToDigitSet(info.BlackList);
        var results = new RecipientResult[recipients.Length];
        for (var i = 0; i < recipients.Length; i++)
        {
            var recipient = recipients[i];
            if (accepted.TryGetValue(recipient.Digits, out var entry))
            {
                results[i] = Accepted(recipient, entry.Message, entry.Index, providerName, unreadable);
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

    /// <summary>The answer's messages by the recipient's digits they name; the indexes of those that name no recipient.</summary>
    private static Dictionary<string, (SmsClubSentMessage Message, int Index)> Listed(IReadOnlyList<SmsClubSentMessage> messages, HashSet<string> asked, out List<int>? unmatched)
    {
        var accepted = new Dictionary<string, (SmsClubSentMessage Message, int Index)>(StringComparer.Ordinal);
        unmatched = null;
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

        return accepted;
    }

    /// <summary>A recipient the answer lists: accepted with its id, or failed (sent, untrackable) when the id is not SMS Club's.</summary>
    private static RecipientResult Accepted(PhoneNumber recipient, SmsClubSentMessage message, int index, string providerName, Func<SmsClubUnreadable, ViberMessagingException> unreadable)
        => IsMessageId(message.Id)
            ? new RecipientResult
            {
                Recipient = recipient,
                Status = RecipientStatus.Accepted,
                MessageId = new MessageId(providerName, message.Id),
                ChatId = string.IsNullOrEmpty(message.ChatId) ? null : message.ChatId,
            }
            : Failed(recipient, unreadable(new SmsClubUnreadable(
                providerName,
                "SMS Club listed the recipient as accepted with an id that is not one of its ids (digits): it was sent, but cannot be tracked.",
                [index],
                message.Id,
                AnswerState.UnreadableId)));

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
