using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ViberMessaging.SmsBy;

/// <summary>What a <see cref="MessageId"/> value of SMS.by points at, and so which method answers its status.</summary>
internal enum SmsByIdKind
{
    /// <summary><c>quick:&lt;message_id&gt;</c>: a quick message, answered by <c>getViberDeliveryData</c>.</summary>
    Quick,

    /// <summary><c>bulk:&lt;uuid&gt;:&lt;phone&gt;[:&lt;list name&gt;]</c>: a recipient of a <c>sendBulkViber</c> request, answered by <c>statusBulkViber</c>.</summary>
    Bulk,

    /// <summary><c>mailing:&lt;message_id&gt;:&lt;phone&gt;</c>: a recipient of a mailing, answered by <c>getViberDeliveryList</c>.</summary>
    Mailing,
}

/// <summary>A parsed SMS.by message id: the kind, the key of the request that answers it, and the recipient.</summary>
/// <param name="Kind">Which method answers the status.</param>
/// <param name="Key">The quick message id, the request uuid or the mailing id.</param>
/// <param name="Phone">The recipient's digits (bulk and mailing ids).</param>
/// <param name="ListName">The mailing list's name (bulk ids of a request with several lists).</param>
internal readonly record struct SmsByIdParts(SmsByIdKind Kind, string Key, string? Phone = null, string? ListName = null);

/// <summary>
/// The SDK's id scheme for SMS.by, which has three kinds of delivery: a <see cref="MessageId"/> value carries
/// what its status query needs, so ids stay usable in another process later. A chat id is
/// <c>&lt;mailing id&gt;:&lt;phone&gt;</c>: SMS.by keeps replies per mailing and phone.
/// </summary>
internal static class SmsByIds
{
    public const string QuickPrefix = "quick:";
    public const string BulkPrefix = "bulk:";
    public const string MailingPrefix = "mailing:";

    public static string Quick(string messageId) => QuickPrefix + messageId;

    public static string Bulk(string uuid, string phone, string? listName)
        => listName is null ? string.Concat(BulkPrefix, uuid, ":", phone) : string.Concat(BulkPrefix, uuid, ":", phone, ":", listName);

    public static string Mailing(string mailingId, string phone) => string.Concat(MailingPrefix, mailingId, ":", phone);

    public static string Chat(string mailingId, string phone) => string.Concat(mailingId, ":", phone);

    public static bool TryParse(string value, out SmsByIdParts parts)
    {
        parts = default;
        if (value.StartsWith(QuickPrefix, StringComparison.Ordinal))
        {
            var id = value[QuickPrefix.Length..];
            if (!IsNumber(id))
            {
                return false;
            }

            parts = new SmsByIdParts(SmsByIdKind.Quick, id);
            return true;
        }

        if (value.StartsWith(BulkPrefix, StringComparison.Ordinal))
        {
            var rest = value.AsSpan(BulkPrefix.Length);
            var uuidEnd = rest.IndexOf(':');
            if (uuidEnd <= 0)
            {
                return false;
            }

            var uuid = rest[..uuidEnd].ToString();
            rest = rest[(uuidEnd + 1)..];
            var phoneEnd = rest.IndexOf(':');
            var phone = (phoneEnd < 0 ? rest : rest[..phoneEnd]).ToString();
            string? list = phoneEnd < 0 ? null : rest[(phoneEnd + 1)..].ToString();
            if (!IsDigits(phone) || list is { Length: 0 })
            {
                return false;
            }

            parts = new SmsByIdParts(SmsByIdKind.Bulk, uuid, phone, list);
            return true;
        }

        if (value.StartsWith(MailingPrefix, StringComparison.Ordinal))
        {
            var rest = value[MailingPrefix.Length..];
            var separator = rest.IndexOf(':', StringComparison.Ordinal);
            if (separator <= 0 || !IsNumber(rest[..separator]) || !IsDigits(rest[(separator + 1)..]))
            {
                return false;
            }

            parts = new SmsByIdParts(SmsByIdKind.Mailing, rest[..separator], rest[(separator + 1)..]);
            return true;
        }

        return false;
    }

    public static bool TryParseChat([NotNullWhen(true)] string? chatId, out long mailingId, [NotNullWhen(true)] out PhoneNumber? phone)
    {
        mailingId = 0;
        phone = null;
        if (string.IsNullOrWhiteSpace(chatId))
        {
            return false;
        }

        var separator = chatId.IndexOf(':', StringComparison.Ordinal);
        return separator > 0
            && long.TryParse(chatId.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out mailingId)
            && mailingId > 0
            && PhoneNumber.TryParse(chatId[(separator + 1)..], out phone);
    }

    /// <summary>The digits of a phone as SMS.by wrote it (it may add '+' or spaces).</summary>
    public static string Digits(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return string.Empty;
        }

        return IsDigits(phone) ? phone : string.Concat(phone.Where(char.IsAsciiDigit));
    }

    /// <summary>Whether <paramref name="messageId"/> has the shape of a quick message's id: a positive number.</summary>
    public static bool IsQuickId(string messageId) => IsNumber(messageId);

    /// <summary>Whether <paramref name="uuid"/> has the shape of a <c>sendBulkViber</c> request's uuid.</summary>
    public static bool IsRequestUuid(string uuid) => Guid.TryParse(uuid, out _);

    private static bool IsNumber(string text)
        => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0;

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
