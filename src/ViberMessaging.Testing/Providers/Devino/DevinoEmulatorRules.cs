using System.Globalization;
using System.Text.Json;

namespace ViberMessaging.Testing.Providers.Devino;

/// <summary>
/// Devino's documented rules, as the emulator applies them: the request's shape (<c>messages</c> of 1–100,
/// <c>resendSms</c>, <c>commonData</c> merged under each message), the codes that refuse a whole request, the
/// per-message codes in the order the gateway checks them, SMS segments, and the status words.
/// </summary>
/// <remarks>
/// Which rule answers which code (the document does not always say): a field of the wrong JSON type is
/// <c>error-syntax</c>; <c>type</c> not a string is <c>error-instant-message-typeformat</c>; an unknown
/// <c>contentType</c> <c>error-instant-message-content-type-format</c>; an <c>imageUrl</c> that is not an absolute
/// http(s) URL <c>error-instant-message-content-image-id-format</c>; <c>resendSms</c> with an image, SMS fields with
/// re-sending off, or an SMS sender that is not 1–11 Latin letters or digits <c>error-resend-sms-error</c>.
/// </remarks>
internal static class DevinoEmulatorRules
{
    /// <summary>The most messages (or ids) one request may carry.</summary>
    public const int MaxPerRequest = 100;

    /// <summary>The <c>messages</c> array (of messages or of ids): present, 1–100 entries.</summary>
    public static bool TryMessages(JsonElement body, out JsonElement[] messages)
    {
        messages = [];
        if (!body.TryGetProperty("messages", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        messages = array.EnumerateArray().ToArray();
        return messages.Length is > 0 and <= MaxPerRequest;
    }

    /// <summary><c>resendSms</c>: a boolean (or its text), on when absent, says the document.</summary>
    public static bool TryResendSms(JsonElement body, out bool resendSms)
    {
        resendSms = true;
        if (!body.TryGetProperty("resendSms", out var value))
        {
            return true;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                resendSms = value.GetBoolean();
                return true;
            case JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed):
                resendSms = parsed;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A message with <c>commonData</c> under it: the message's own fields win.</summary>
    public static Dictionary<string, JsonElement> Merge(JsonElement common, JsonElement message)
    {
        var merged = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var source in (JsonElement[])[common, message])
        {
            if (source.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in source.EnumerateObject())
                {
                    merged[property.Name] = property.Value;
                }
            }
        }

        return merged;
    }

    /// <summary>The code that refuses the whole request for this (merged) message, or <see langword="null"/>.</summary>
    public static string? RequestWideCode(Dictionary<string, JsonElement> message)
    {
        if (message.TryGetValue("type", out var type) && type.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return "error-instant-message-typeformat";
        }

        if (message.TryGetValue("contentType", out var contentType) && contentType.ValueKind != JsonValueKind.Null
            && (contentType.ValueKind != JsonValueKind.String || contentType.GetString() is not ("text" or "button" or "image")))
        {
            return "error-instant-message-content-type-format";
        }

        if (message.TryGetValue("content", out var content) && content.ValueKind == JsonValueKind.Object
            && content.TryGetProperty("imageUrl", out var image) && image.ValueKind != JsonValueKind.Null && !IsHttpUrl(image))
        {
            return "error-instant-message-content-image-id-format";
        }

        var wrongText = ((string[])["subject", "priority", "smsText", "smsSrcAddress", "contentType"])
            .Any(field => message.TryGetValue(field, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null));
        var wrongNumber = ((string[])["validityPeriodSec", "smsValidityPeriodSec"])
            .Any(field => message.TryGetValue(field, out var value) && value.ValueKind is not (JsonValueKind.Number or JsonValueKind.String));
        return wrongText || wrongNumber ? "error-syntax" : null;
    }

    /// <summary>
    /// The address's code (not specified, or not 7–15 digits without a leading 0), or <see langword="null"/> with its
    /// digits. The document types it as a positive integer: a number or a string of digits.
    /// </summary>
    public static string? AddressCode(Dictionary<string, JsonElement> message, out string? digits)
    {
        digits = message.TryGetValue("address", out var address) && address.ValueKind == JsonValueKind.Number ? address.GetRawText() : Text(message, "address");
        if (string.IsNullOrEmpty(digits))
        {
            return "error-address-not-specified";
        }

        return digits.Length is < 7 or > 15 || !digits.All(char.IsAsciiDigit) || digits[0] == '0' ? "error-address-format" : null;
    }

    /// <summary>What a scripted recipient is answered: invalid → <c>error-address-format</c>, blacklisted → <c>error-address-unknown</c>, dropped → <c>error-system</c>.</summary>
    public static string? BehaviorCode(RecipientBehavior behavior) => behavior switch
    {
        RecipientBehavior.InvalidNumber => "error-address-format",
        RecipientBehavior.Blacklisted => "error-address-unknown",
        RecipientBehavior.SilentlyDropped => "error-system",
        _ => null,
    };

    /// <summary>The per-message code after the address (subject, priority, comment, type, content, validity, SMS re-send), or <see langword="null"/>.</summary>
    public static string? MessageCode(Dictionary<string, JsonElement> message, bool resendSms)
    {
        if (HeaderCode(message) is { } header)
        {
            return header;
        }

        if (!message.TryGetValue("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            return "error-content-not-specified";
        }

        var contentType = Text(message, "contentType");
        if (contentType is null || !ContentFits(contentType, content))
        {
            return "error-content-type-format";
        }

        if (message.TryGetValue("validityPeriodSec", out var validity) && !InRange(validity, 30, 86_400))
        {
            return "error-validity-period-seconds-format";
        }

        return SmsCode(message, resendSms, contentType);
    }

    /// <summary>Whether the content carries what its <c>contentType</c> needs: text ≤ 1000; a button's caption ≤ 19 and an http(s) action; an image's URL.</summary>
    public static bool ContentFits(string contentType, JsonElement content)
    {
        var text = Text(content, "text");
        var textFits = !string.IsNullOrEmpty(text) && text.Length <= 1000;
        return contentType switch
        {
            "text" => textFits,
            "button" => textFits
                && Text(content, "caption") is { Length: > 0 and <= 19 }
                && content.TryGetProperty("action", out var action) && IsHttpUrl(action),
            "image" => Text(content, "imageUrl") is { Length: > 0 },
            _ => false,
        };
    }

    /// <summary>SMS segments: 160/153 characters for plain ASCII (GSM-7), 70/67 otherwise (UCS-2).</summary>
    public static int SegmentCount(string text)
    {
        var gsm = text.All(c => c is >= ' ' and <= '~' or '\n' or '\r');
        var (single, part) = gsm ? (160, 153) : (70, 67);
        return text.Length <= single ? 1 : (text.Length + part - 1) / part;
    }

    /// <summary>A provider id of a status request: a positive 64-bit number, or its digits as a string.</summary>
    public static bool TryId(JsonElement element, out long id)
    {
        id = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out id) && id > 0,
            JsonValueKind.String => long.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0,
            _ => false,
        };
    }

    /// <summary>The Viber status word; a button message read for a "sent" interval is <c>visited</c>.</summary>
    public static string StatusWord(EmulatedViberState state, bool visited) => state switch
    {
        EmulatedViberState.Pending => "enqueued",
        EmulatedViberState.Sent => "sent",
        EmulatedViberState.Delivered => "delivered",
        EmulatedViberState.Read when visited => "visited",
        EmulatedViberState.Read => "read",
        EmulatedViberState.Undeliverable => "undelivered",
        _ => "vp_expired",
    };

    /// <summary>Why an undelivered message failed (<c>not-viber-user</c>, <c>user-blocked</c>), or <see langword="null"/>.</summary>
    public static string? FailureReason(EmulatedStatus status) => status.Viber != EmulatedViberState.Undeliverable ? null : status.Behavior switch
    {
        RecipientBehavior.NotViberUser => "not-viber-user",
        RecipientBehavior.BlocksSender => "user-blocked",
        _ => null,
    };

    /// <summary>The SMS re-send's state word.</summary>
    public static string SmsWord(EmulatedSmsState? state) => state switch
    {
        EmulatedSmsState.Pending => "enqueued",
        EmulatedSmsState.Sent => "sent",
        EmulatedSmsState.Delivered => "delivered",
        _ => "undelivered",
    };

    public static string? Text(Dictionary<string, JsonElement> message, string name)
        => message.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string? Text(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Subject (1–11), priority, comment and type.</summary>
    private static string? HeaderCode(Dictionary<string, JsonElement> message)
    {
        var subject = Text(message, "subject");
        if (string.IsNullOrEmpty(subject))
        {
            return "error-subject-not-specified";
        }

        if (subject.Length > 11)
        {
            return "error-subject-format";
        }

        if (Text(message, "priority") is not ("low" or "normal" or "high" or "realtime"))
        {
            return "error-priority-format";
        }

        if (message.TryGetValue("comment", out var comment) && comment.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return "error-comment-format";
        }

        if (!message.TryGetValue("type", out var type) || type.ValueKind == JsonValueKind.Null)
        {
            return "error-instant-message-type-not-specified";
        }

        return type.GetString() != "viber" ? "error-instant-message-type-format" : null;
    }

    /// <summary>The SMS re-send: its fields only with re-sending on, never for an image, a sender of 1–11 Latin letters or digits, a validity of 60–86400.</summary>
    private static string? SmsCode(Dictionary<string, JsonElement> message, bool resendSms, string contentType)
    {
        var hasSmsFields = message.ContainsKey("smsText") || message.ContainsKey("smsSrcAddress") || message.ContainsKey("smsValidityPeriodSec");
        if ((hasSmsFields && !resendSms) || (resendSms && contentType == "image"))
        {
            return "error-resend-sms-error";
        }

        if (Text(message, "smsSrcAddress") is { } smsSender && (smsSender.Length is 0 or > 11 || !smsSender.All(char.IsAsciiLetterOrDigit)))
        {
            return "error-resend-sms-error";
        }

        if (message.TryGetValue("smsValidityPeriodSec", out var smsValidity) && !InRange(smsValidity, 60, 86_400))
        {
            return "error-resend-sms-validity-period-error";
        }

        return null;
    }

    private static bool InRange(JsonElement value, long min, long max)
    {
        long seconds = 0;
        var isInteger = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out seconds),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds),
            _ => false,
        };
        return isInteger && seconds >= min && seconds <= max;
    }

    private static bool IsHttpUrl(JsonElement value)
        => value.ValueKind == JsonValueKind.String
            && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
