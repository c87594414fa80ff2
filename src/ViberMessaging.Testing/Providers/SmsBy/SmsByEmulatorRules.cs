using System.Globalization;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary>
/// SMS.by's documented rules, as the emulator applies them: the parameters of the v2 form methods (each refused with
/// HTTP 200 and the first problem found), a phone as SMS.by takes it, images that must be "publicly available",
/// Minsk time, and the status words and error codes its status methods report. The v1 bulk lists' rules are in
/// <c>SmsByEmulatorRules.Bulk.cs</c>.
/// </summary>
internal static partial class SmsByEmulatorRules
{
    /// <summary>SMS.by's zone: Minsk, UTC+3 all year.</summary>
    public static readonly TimeSpan ProviderOffset = TimeSpan.FromHours(3);

    /// <summary>What one delivered message costs in the emulator.</summary>
    public const decimal PricePerMessage = 0.049m;

    private const int MaxButtonLink = 150;

    /// <summary>A <c>sendQuickViberMessage</c>: its sender, phone, content and whether the SMS forwarding is on, or the first problem.</summary>
    public static (SmsByQuickRequest? Request, string? Error) ReadQuick(EmulatorParameters request)
    {
        if (!TryPositive(request["vibername_id"], out var sender))
        {
            return (null, "vibername_id is required");
        }

        if (Phone(request["phone"]) is not { } phone)
        {
            return (null, "Invalid phone number");
        }

        var content = ReadContent(request);
        if (content.Error is { } contentError)
        {
            return (null, contentError);
        }

        var forwarding = request["forwarding_message"];
        if (forwarding is not (null or "0" or "1"))
        {
            return (null, "forwarding_message must be 0 or 1");
        }

        if (request["forwarding_time"] is { } minutes && (!int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var wait) || wait is < 5 or > 60))
        {
            return (null, "forwarding_time must be between 5 and 60 minutes");
        }

        if (request["alphaname_id"] is { } alphaname && !TryPositive(alphaname, out _))
        {
            return (null, "alphaname not found");
        }

        return (new SmsByQuickRequest((int)sender, phone, content, forwarding == "1"), null);
    }

    /// <summary>What a quick message to a scripted recipient is refused with (invalid, blacklisted), or <see langword="null"/>.</summary>
    public static string? QuickRefusal(RecipientBehavior behavior) => behavior switch
    {
        RecipientBehavior.InvalidNumber => "Invalid phone number",
        RecipientBehavior.Blacklisted => "Phone number is in the black list",
        _ => null,
    };

    /// <summary>A <c>sendViberMessageList</c>: its sender, list, schedule and content, or the first problem.</summary>
    public static (SmsByListRequest? Request, string? Error) ReadList(EmulatorParameters request)
    {
        if (!TryPositive(request["vibername_id"], out var sender))
        {
            return (null, "vibername_id is required");
        }

        if (!TryPositive(request["list_id"], out var listId))
        {
            return (null, "list_id is required");
        }

        DateTimeOffset? scheduled = null;
        if (request["d_schedule"] is { } scheduleText)
        {
            if (!TryLocal(scheduleText, "yyyy-MM-dd HH:mm", out var at))
            {
                return (null, "d_schedule must be in the format YYYY-MM-DD HH:MM");
            }

            scheduled = at;
        }

        var content = ReadContent(request);
        return content.Error is { } contentError ? (null, contentError) : (new SmsByListRequest((int)sender, listId, request["name"], scheduled, content), null);
    }

    /// <summary><c>getViberMessages</c>' page: <c>limit_offset</c> (0) and <c>limit_rows</c> (100), non-negative integers.</summary>
    public static bool TryReadPage(EmulatorParameters request, out long offset, out long rows)
    {
        offset = 0;
        rows = 100;
        return (request["limit_offset"] is not { } offsetText || long.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            && (request["limit_rows"] is not { } rowsText || long.TryParse(rowsText, NumberStyles.None, CultureInfo.InvariantCulture, out rows));
    }

    /// <summary>The v2 content fields (<c>type_message</c> and what it needs), or why they are refused.</summary>
    public static SmsByContent ReadContent(EmulatorParameters request)
    {
        var type = (request["type_message"] ?? "TEXT").Trim().ToUpperInvariant();
        var text = request["message"];
        var imageUrl = request["image_url"];
        var file = request.Files.TryGetValue("image", out var uploaded) && uploaded.Content.Length > 0 ? uploaded : null;
        var image = imageUrl ?? (file is null ? null : "https://app.sms.by/uploads/viber/" + file.FileName);
        if (imageUrl is not null && !IsPublicUrl(imageUrl))
        {
            return new SmsByContent(type, Error: "Content url is not valid");
        }

        switch (type)
        {
            case "TEXT":
                return string.IsNullOrEmpty(text)
                    ? new SmsByContent(type, Error: "message is required for type_message TEXT")
                    : new SmsByContent(type, text);
            case "IMAGE":
                return image is null
                    ? new SmsByContent(type, Error: "image_url or image is required for type_message IMAGE")
                    : new SmsByContent(type, Image: image);
            case "BUTTON":
                if (string.IsNullOrEmpty(request["button"]))
                {
                    return new SmsByContent(type, Error: "button is required for type_message BUTTON");
                }

                return LinkProblem(request["button_link"]) is { } problem
                    ? new SmsByContent(type, Error: problem)
                    : new SmsByContent(type, text, request["button"], request["button_link"], image);
            default:
                return new SmsByContent(type, Error: "type_message must be TEXT, IMAGE or BUTTON");
        }
    }

    /// <summary>A button link: present, ≤ 150 characters, an http(s) URL.</summary>
    public static string? LinkProblem(string? link)
        => string.IsNullOrEmpty(link) ? "button_link is required for a button"
            : link.Length > MaxButtonLink ? "button_link must not exceed 150 characters"
            : !IsHttpUrl(link) ? "button_link is not a valid URL"
            : null;

    /// <summary>Whether a scripted recipient is left out of a list mailing (invalid, blacklisted, dropped).</summary>
    public static bool IsDropped(RecipientBehavior behavior)
        => behavior is RecipientBehavior.InvalidNumber or RecipientBehavior.Blacklisted or RecipientBehavior.SilentlyDropped;

    /// <summary>
    /// The status word and <c>error_code</c> of a delivery: <c>NEW</c>, <c>SENT</c>, <c>DELIVERED</c>, <c>READ</c>,
    /// <c>UNDELIVERED</c> with 1 not a Viber user, 2 blocked, 3 device not supported, 4 expired (0 otherwise), or the
    /// word a test made SMS.by report.
    /// </summary>
    public static (string Word, int ErrorCode) StatusOf(EmulatedStatus status, string? overridden)
    {
        if (overridden is not null)
        {
            return (overridden, 0);
        }

        var word = status.Viber switch
        {
            EmulatedViberState.Pending => "NEW",
            EmulatedViberState.Sent => "SENT",
            EmulatedViberState.Delivered => "DELIVERED",
            EmulatedViberState.Read => "READ",
            _ => "UNDELIVERED",
        };
        var code = status.Viber is EmulatedViberState.Undeliverable or EmulatedViberState.Expired
            ? status.Behavior switch
            {
                RecipientBehavior.NotViberUser => 1,
                RecipientBehavior.BlocksSender => 2,
                RecipientBehavior.DeviceNotSupported => 3,
                _ => 4,
            }
            : 0;
        return (word, code);
    }

    public static bool TryPositive(string? text, out long value)
        => long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    /// <summary>A phone as SMS.by takes it: digits, optionally after '+', 7–15 of them, not starting with 0.</summary>
    public static string? Phone(string? text)
    {
        var digits = text?.Trim().TrimStart('+');
        return digits is { Length: >= 7 and <= 15 } && digits.All(char.IsAsciiDigit) && digits[0] != '0' ? digits : null;
    }

    public static bool IsHttpUrl(string text)
        => Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// An image URL SMS.by can fetch: "a link to an image that is publicly available". A loopback, private or link-local
    /// address, <c>localhost</c> or a <c>.local</c> / <c>.internal</c> name is not (the SDK cannot know that).
    /// </summary>
    public static bool IsPublicUrl(string text)
    {
        if (!IsHttpUrl(text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (uri.IsLoopback || uri.Host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            return true;
        }

        var bytes = address.MapToIPv4().GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || bytes[0] == 10 || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31)
            || (bytes[0] == 192 && bytes[1] == 168) || (bytes[0] == 169 && bytes[1] == 254));
    }

    /// <summary>A Minsk time without a zone, in <paramref name="format"/>.</summary>
    public static bool TryLocal(string text, string format, out DateTimeOffset at)
    {
        at = default;
        if (!DateTime.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        at = new DateTimeOffset(local, ProviderOffset);
        return true;
    }

    /// <summary>An instant as Minsk time without a zone.</summary>
    public static string Local(DateTimeOffset at, string format) => at.ToOffset(ProviderOffset).ToString(format, CultureInfo.InvariantCulture);
}

/// <summary>The content of a v2 send: its type and fields, or the error that refuses it.</summary>
internal readonly record struct SmsByContent(string Type, string? Text = null, string? Caption = null, string? Link = null, string? Image = null, string? Error = null);

/// <summary>A <c>sendQuickViberMessage</c> that passed the rules.</summary>
internal sealed record SmsByQuickRequest(int SenderId, string Phone, SmsByContent Content, bool Forwarding);

/// <summary>A <c>sendViberMessageList</c> that passed the rules.</summary>
internal sealed record SmsByListRequest(int SenderId, long ListId, string? Name, DateTimeOffset? ScheduledAt, SmsByContent Content);
