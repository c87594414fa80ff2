using System.Globalization;
using System.Text.Json;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsClub;

/// <summary>
/// SMS Club's documented rules, as the emulator applies them: a send's fields checked all at once (every broken field
/// reported with HTTP 400), then the account-level refusals (460–468) in the gateway's order, the reply to a chat,
/// which phones SMS Club can send to, and the scheduling pair and its 08:00–20:00 window. The words it answers with
/// and its status words are in <c>SmsClubEmulatorRules.Messages.cs</c>.
/// </summary>
internal static partial class SmsClubEmulatorRules
{
    public const int MaxPhones = 500;
    public const int MaxIds = 500;
    public const int PageSize = 30;
    public const int MaxTextLength = 1000;
    public const int MaxSmsSenderLength = 11;
    public const long MinLifetimeSingle = 60;
    public const long MinLifetimeBulk = 3600;
    public const long MaxLifetime = 86000;

    /// <summary>A <c>/vibers/send</c> body's fields, and every error SMS Club answers with HTTP 400.</summary>
    public static (SmsClubSendRequest Request, SmsClubErrorBag Errors) ReadSend(JsonElement body)
    {
        var errors = new SmsClubErrorBag();
        var request = new SmsClubSendRequest(
            Text(body, "sender"), Text(body, "message"), Text(body, "senderSms"), Text(body, "messageSms"),
            Text(body, "picture_url"), Text(body, "button_txt"), Text(body, "button_url"));
        if (string.IsNullOrWhiteSpace(request.Sender))
        {
            errors.Add("sender", IncorrectSender);
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            errors.Add("text", IncorrectText);
        }

        var phones = Phones(body, errors);
        if (body.TryGetProperty("lifetime", out var lifetimeElement))
        {
            var min = phones is { Count: > 1 } ? MinLifetimeBulk : MinLifetimeSingle;
            if (!TryInteger(lifetimeElement, out var lifetime) || lifetime < min || lifetime > MaxLifetime)
            {
                errors.Add("lifetime", LifetimeRange);
            }
        }

        CheckContent(request, errors);
        var plan = Dates(body, errors);
        if (body.TryGetProperty("is_2way", out var twoWay) && twoWay.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add("is_2way", "is_2way must be true or false.");
        }

        return (request with { Phones = phones ?? [], ScheduledAt = plan, TwoWay = twoWay.ValueKind == JsonValueKind.True }, errors);
    }

    /// <summary>
    /// The account-level refusal of a send that passed <see cref="ReadSend"/>, in the gateway's order (460, 461, 462,
    /// 466, 467, 463, 464, 468, 465), provoked by <see cref="SmsClubEmulatorSettings"/>' trigger inputs; <see langword="null"/> when it is accepted.
    /// </summary>
    public static (int Status, SmsClubErrorBag Errors)? AccountRefusal(SmsClubSendRequest request, Func<string, RecipientBehavior> behaviorOf)
    {
        var (sender, senderSms) = (request.Sender, request.SenderSms);
        return true switch
        {
            _ when Is(sender, SmsClubEmulatorSettings.BlockedAccountSender) => (460, SmsClubErrorBag.Of("account", AccountNotAvailable)),
            _ when Is(sender, SmsClubEmulatorSettings.UnregisteredSender) => (461, SmsClubErrorBag.Of("sender", IncorrectSender)),
            _ when IsRejectedText(request.Text) => (462, SmsClubErrorBag.Of("text", IncorrectText)),
            _ when senderSms is not null && (Is(senderSms, SmsClubEmulatorSettings.UnregisteredSmsSender) || senderSms.Length > MaxSmsSenderLength)
                => (466, SmsClubErrorBag.Of("SMS", IncorrectSmsSender)),
            _ when request.MessageSms is not null && IsRejectedText(request.MessageSms) => (467, SmsClubErrorBag.Of("SMS", IncorrectSmsText)),
            _ when !request.Phones.Any(p => IsCorrect(p) && behaviorOf(p) != RecipientBehavior.InvalidNumber) => (463, SmsClubErrorBag.Of("anyCorrectPhones", NoValidNumbers)),
            _ when Is(sender, SmsClubEmulatorSettings.NoMoneySender) => (464, SmsClubErrorBag.Of("noMoney", NotEnoughMoney)),
            _ when Is(senderSms, SmsClubEmulatorSettings.NoMoneyForSmsSender) => (468, SmsClubErrorBag.Of("noMoney", NotEnoughMoneyForSms)),
            _ when Is(sender, SmsClubEmulatorSettings.SystemErrorSender) => (465, SmsClubErrorBag.Of("systemError", SystemError)),
            _ => null,
        };
    }

    /// <summary>A message to a chat (<c>chat_id</c>): <c>is_2way</c> true, a text, a chat that exists, then the text's own rule (462).</summary>
    public static (int Status, SmsClubErrorBag Errors)? ReplyRefusal(JsonElement body, bool chatFound)
    {
        var errors = new SmsClubErrorBag();
        var text = Text(body, "message");
        if (!body.TryGetProperty("is_2way", out var twoWay) || twoWay.ValueKind != JsonValueKind.True)
        {
            errors.Add("is_2way", "A message to a chat needs is_2way = true.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("text", IncorrectText);
        }

        if (!chatFound)
        {
            errors.Add("chat_id", ChatNotFound);
        }

        return errors.Any ? (400, errors) : IsRejectedText(text) ? (462, SmsClubErrorBag.Of("text", IncorrectText)) : null;
    }

    /// <summary>A phone SMS Club can send to: 7–15 digits, and a Ukrainian (380) number has exactly 12.</summary>
    public static bool IsCorrect(string phone)
        => phone.Length is >= 7 and <= 15 && phone.All(char.IsAsciiDigit) && phone[0] != '0'
            && (!phone.StartsWith("380", StringComparison.Ordinal) || phone.Length == 12);

    /// <summary>A text SMS Club refuses: longer than 1000 characters, or containing <see cref="SmsClubEmulatorSettings.RejectedWord"/>.</summary>
    public static bool IsRejectedText(string? text)
        => text is not null && (text.Length > MaxTextLength || text.Contains(SmsClubEmulatorSettings.RejectedWord, StringComparison.OrdinalIgnoreCase));

    /// <summary>A page number of the chat lists: 1 unless a positive integer is given.</summary>
    public static int Page(string? text)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1;

    /// <summary>An id of <c>/vibers/status</c>: a string or a number.</summary>
    public static string? Id(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };

    public static string? Text(JsonElement body, string name) => EmulatorJson.StringOrNumber(body, name);

    /// <summary>The picture/button group ("together or not at all"), a picture SMS Club can load, and the SMS pair.</summary>
    private static void CheckContent(SmsClubSendRequest request, SmsClubErrorBag errors)
    {
        var (picture, buttonText, buttonUrl) = (request.Picture, request.ButtonText, request.ButtonUrl);
        if (string.IsNullOrEmpty(buttonText) != string.IsNullOrEmpty(buttonUrl))
        {
            errors.Add("button", ButtonPair);
        }

        if ((picture is not null && (string.IsNullOrEmpty(buttonText) || string.IsNullOrEmpty(buttonUrl)))
            || (picture is null && (!string.IsNullOrEmpty(buttonText) || !string.IsNullOrEmpty(buttonUrl))))
        {
            errors.Add("picture_url", PictureGroup);
        }

        if (picture is not null && (!IsHttpUrl(picture) || picture.Contains(SmsClubEmulatorSettings.BrokenImageMarker, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("upload_img", FailedToLoadImage);
        }

        if (string.IsNullOrEmpty(request.SenderSms) != string.IsNullOrEmpty(request.MessageSms))
        {
            errors.Add("SMS", SmsPair);
        }
    }

    /// <summary><c>phones</c>: 1–500 strings or numbers, trimmed.</summary>
    private static List<string>? Phones(JsonElement body, SmsClubErrorBag errors)
    {
        if (!body.TryGetProperty("phones", out var element) || element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            errors.Add("phones", InvalidPhones);
            return null;
        }

        if (element.GetArrayLength() > MaxPhones)
        {
            errors.Add("phones", TooManyPhones);
            return null;
        }

        var phones = new List<string>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            if (Id(item) is not { } phone)
            {
                errors.Add("phones", InvalidPhones);
                return null;
            }

            phones.Add(phone.Trim());
        }

        return phones;
    }

    /// <summary>The scheduling pair: both or neither, unix seconds, end after start, both within 08:00–20:00 Kyiv time.</summary>
    private static DateTimeOffset? Dates(JsonElement body, SmsClubErrorBag errors)
    {
        var hasPlan = body.TryGetProperty("mgr_plan_date", out var planElement) && planElement.ValueKind != JsonValueKind.Null;
        var hasEnd = body.TryGetProperty("mgr_end_time", out var endElement) && endElement.ValueKind != JsonValueKind.Null;
        if (!hasPlan && !hasEnd)
        {
            return null;
        }

        if (hasPlan != hasEnd)
        {
            errors.Add("date", DatePair);
            return null;
        }

        if (!TryInteger(planElement, out var plan) || !TryInteger(endElement, out var end)
            || plan < 0 || end < 0 || plan > 253402300799 || end > 253402300799)
        {
            errors.Add("date", DateFormat);
            return null;
        }

        if (end < plan)
        {
            errors.Add("date", DateOrder);
        }

        var start = DateTimeOffset.FromUnixTimeSeconds(plan);
        if (!SmsClubKyivTime.InMailingWindow(start) || !SmsClubKyivTime.InMailingWindow(DateTimeOffset.FromUnixTimeSeconds(end)))
        {
            errors.Add("date", DateWindow);
        }

        return start;
    }

    private static bool Is(string? value, string trigger) => string.Equals(value?.Trim(), trigger, StringComparison.OrdinalIgnoreCase);

    private static bool IsHttpUrl(string value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool TryInteger(JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out value),
            JsonValueKind.String => long.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}

/// <summary>A <c>/vibers/send</c> body's fields (phones, schedule and <c>is_2way</c> once read).</summary>
internal sealed record SmsClubSendRequest(
    string? Sender, string? Text, string? SenderSms, string? MessageSms, string? Picture, string? ButtonText, string? ButtonUrl)
{
    public IReadOnlyList<string> Phones { get; init; } = [];

    public DateTimeOffset? ScheduledAt { get; init; }

    public bool TwoWay { get; init; }
}
