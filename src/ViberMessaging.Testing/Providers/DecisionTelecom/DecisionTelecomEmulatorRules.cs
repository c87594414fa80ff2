using System.Globalization;
using System.Text.Json;

namespace ViberMessaging.Testing.Providers.DecisionTelecom;

/// <summary>
/// DecisionTelecom's documented rules, as the emulator applies them: a <c>send-viber</c> body checked parameter by
/// parameter in the document's order (the first broken one is named), one SMS segment for <c>text_sms</c>, status
/// retention, and the status ints of <c>receive-viber</c>.
/// </summary>
/// <remarks>
/// The documents' sentences are followed: message types 108/208 (image and button) only with <c>source_type</c> 1,
/// as "transactional message (text message) – 2"; with <c>text_sms</c>, <c>validity_period</c> only 40 ("transactional
/// message + SMS – TTL only 40 seconds"). As the gateway, a JSON <c>null</c> (and <c>validity_period</c> 0, which
/// DecisionTelecom's own SDK writes) is an absent field.
/// </remarks>
internal static class DecisionTelecomEmulatorRules
{
    /// <summary>"transactional message + SMS – TTL only 40 seconds".</summary>
    public const int ViberPlusSmsTtl = 40;

    /// <summary>How long statuses can be read.</summary>
    public static readonly TimeSpan StatusRetention = TimeSpan.FromDays(5);

    private const string Gsm7Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Gsm7Extension = "^{}\\[~]|€\f";

    /// <summary>The request, or the name of the first parameter that breaks the document's rules.</summary>
    public static (DecisionTelecomSendRequest? Request, string? Invalid) ReadSend(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root || RequiredString(root, "source_addr", 20) is not { } sender)
        {
            return (null, "source_addr");
        }

        if (ReadRecipient(root) is not { } recipient)
        {
            return (null, "destination_addr");
        }

        if (Int(root, "message_type") is not { } type || type is not (106 or 108 or 206 or 208))
        {
            return (null, "message_type");
        }

        if (RequiredString(root, "text", 1000) is not { } text)
        {
            return (null, "text");
        }

        var rich = type is 108 or 208;
        var (image, caption, action, invalidContent) = ReadRichContent(root, rich);
        if (invalidContent is not null)
        {
            return (null, invalidContent);
        }

        // "transactional message (text message) – 2": an image and a button (108/208) are promotional only.
        if (Int(root, "source_type") is not { } sourceType || sourceType is not (1 or 2) || (rich && sourceType == 2))
        {
            return (null, "source_type");
        }

        var (textSms, callback, validity, invalidDelivery) = ReadDelivery(root, sourceType);
        return invalidDelivery is not null
            ? (null, invalidDelivery)
            : (new DecisionTelecomSendRequest(sender, recipient, type, text, image, caption, action, sourceType, textSms, callback, validity), null);
    }

    /// <summary>Whether an SMS text fits one segment: 160 GSM-7 septets (extension characters take two) or 70 UCS-2 characters.</summary>
    public static bool FitsOneSms(string text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            if (Gsm7Basic.Contains(c, StringComparison.Ordinal))
            {
                septets++;
            }
            else if (Gsm7Extension.Contains(c, StringComparison.Ordinal))
            {
                septets += 2;
            }
            else
            {
                return text.Length <= 70;
            }
        }

        return septets <= 160;
    }

    /// <summary>The <c>message_id</c> of a <c>receive-viber</c> body, as a number or a string of digits.</summary>
    public static long? ReadMessageId(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("message_id", out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };
    }

    /// <summary>Whether a message accepted at <paramref name="acceptedAt"/> still has a readable status at <paramref name="now"/>.</summary>
    public static bool IsRetained(DateTimeOffset acceptedAt, DateTimeOffset now) => now - acceptedAt <= StatusRetention;

    /// <summary>Whether a message type opens a two-way chat (206, 208).</summary>
    public static bool IsTwoWay(int messageType) => messageType is 206 or 208;

    /// <summary>The Viber status int: 0 sent, 1 delivered (read too), 3 rejected (blacklisted), 4 undelivered or expired, 5 pending.</summary>
    public static int ViberStatus(EmulatedStatus status) => status.Viber switch
    {
        EmulatedViberState.Pending => 5,
        EmulatedViberState.Sent => 0,
        EmulatedViberState.Delivered or EmulatedViberState.Read => 1,
        EmulatedViberState.Undeliverable when status.Behavior == RecipientBehavior.Blacklisted => 3,
        _ => 4,
    };

    /// <summary>The SMS fallback's SMPP <c>message_state</c>: 1 enroute, 6 accepted, 2 delivered, 5 undeliverable; none without a fallback.</summary>
    public static int? SmsStatus(EmulatedSmsState? state) => state switch
    {
        null => null,
        EmulatedSmsState.Pending => 1,
        EmulatedSmsState.Sent => 6,
        EmulatedSmsState.Delivered => 2,
        _ => 5,
    };

    /// <summary>108/208 need an image, a caption of ≤ 30 and an action; 106/206 are "only text".</summary>
    private static (string? Image, string? Caption, string? Action, string? Invalid) ReadRichContent(JsonElement root, bool rich)
    {
        if (!rich)
        {
            var present = ((string[])["image", "button_caption", "button_action"]).FirstOrDefault(field => root.TryGetProperty(field, out _));
            return (null, null, null, present);
        }

        if (Url(root, "image")?.AbsoluteUri is not { } image)
        {
            return (null, null, null, "image");
        }

        if (RequiredString(root, "button_caption", 30) is not { } caption)
        {
            return (null, null, null, "button_caption");
        }

        return Url(root, "button_action")?.AbsoluteUri is { } action ? (image, caption, action, null) : (null, null, null, "button_action");
    }

    /// <summary><c>text_sms</c> (transactional only, one segment), <c>callback_url</c> and <c>validity_period</c> (40–21600; 40 with SMS).</summary>
    private static (string? TextSms, Uri? Callback, int? Validity, string? Invalid) ReadDelivery(JsonElement root, int sourceType)
    {
        string? textSms = null;
        if (root.TryGetProperty("text_sms", out _))
        {
            textSms = RequiredString(root, "text_sms", int.MaxValue);
            if (textSms is null || sourceType != 2 || !FitsOneSms(textSms))
            {
                return (null, null, null, "text_sms");
            }
        }

        Uri? callback = null;
        if (root.TryGetProperty("callback_url", out _) && (callback = Url(root, "callback_url")) is null)
        {
            return (null, null, null, "callback_url");
        }

        // 0 is "no TTL": DecisionTelecom's own SDK writes validity_period 0 when none is set.
        int? validity = null;
        if (root.TryGetProperty("validity_period", out _) && Int(root, "validity_period") is not 0)
        {
            validity = Int(root, "validity_period");
            if (validity is not (>= 40 and <= 21600) || (textSms is not null && validity != ViberPlusSmsTtl))
            {
                return (null, null, null, "validity_period");
            }
        }

        return (textSms, callback, validity, null);
    }

    private static string? RequiredString(JsonElement root, string name, int maxLength)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text) && text.Length <= maxLength
            ? text
            : null;

    private static int? Int(JsonElement root, string name)
        => root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number when value.TryGetInt32(out var number) => number,
                JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
                _ => null,
            }
            : null;

    private static Uri? Url(JsonElement root, string name)
        => RequiredString(root, name, 2048) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : null;

    /// <summary>A number in the document, a string in every SDK: both, ≤ 20 characters, a valid phone number.</summary>
    private static string? ReadRecipient(JsonElement root)
    {
        if (!root.TryGetProperty("destination_addr", out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return text is { Length: > 0 and <= 20 } && text.All(char.IsAsciiDigit) && PhoneNumber.TryParse(text, out var phone) ? phone.Digits : null;
    }
}

/// <summary>A <c>send-viber</c> body that passed <see cref="DecisionTelecomEmulatorRules.ReadSend"/>.</summary>
internal sealed record DecisionTelecomSendRequest(
    string Sender,
    string Recipient,
    int MessageType,
    string Text,
    string? Image,
    string? ButtonCaption,
    string? ButtonAction,
    int SourceType,
    string? TextSms,
    Uri? CallbackUrl,
    int? ValidityPeriod);
