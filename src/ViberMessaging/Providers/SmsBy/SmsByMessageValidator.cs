using System.Globalization;
using ViberMessaging.Internal;

namespace ViberMessaging.SmsBy;

/// <summary>
/// SMS.by's rules, checked before any request, every violation at once: senders must resolve to SMS.by's numeric ids;
/// an image goes alone or above a button; <c>button_link</c> ≤ 150; SMS forwarding (quick messages only) resends the
/// Viber text after 5–60 whole minutes; scheduling and callbacks exist only for bulk mailings; personal mailing lists
/// cannot be images alone.
/// </summary>
internal static class SmsByMessageValidator
{
    public const int MaxButtonLinkLength = 150;
    public const int MaxTextLength = 1000;
    public const int MaxButtonCaptionLength = 30;
    public static readonly TimeSpan MinForwardingTime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxForwardingTime = TimeSpan.FromMinutes(60);

    /// <summary>What SMS.by supports for an account: its bulk request size comes from <paramref name="options"/>.</summary>
    public static ProviderCapabilities CapabilitiesFor(SmsByOptions options) => new()
    {
        SupportsImage = true,
        SupportsImageOnly = true,
        SupportsButton = true,
        SupportsSmsFallback = true,
        SupportsTwoWay = true,
        SupportsScheduling = true,
        SupportsCallbackUrl = true,
        MaxRecipientsPerRequest = options.MaxRecipientsPerBulkRequest,

        // Quick messages are asked one per request; all recipients of a bulk request share one request.
        MaxStatusIdsPerRequest = 1,
        MaxTextLength = SmsByMessageValidator.MaxTextLength,

        // Senders are names mapped to SMS.by ids (SmsByOptions.ViberSenders), not sent as text.
        MaxSenderLength = 64,
        MaxButtonCaptionLength = SmsByMessageValidator.MaxButtonCaptionLength,
    };

    /// <summary>Validates a neutral message and decides its route: quick when it has one recipient, an SMS fallback, two-way settings or an uploaded image; bulk otherwise.</summary>
    public static SmsBySendPlan Validate(ViberMessage message, ProviderCapabilities capabilities, SmsByOptions options, string providerName, SmsByImageFile? imageFile = null, ScheduleClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var errors = NeutralRules(message, capabilities, providerName, imageFile, clock);
        var recipients = ReplyRecipients(message, errors);
        var senderId = ViberSender(message, options, providerName, errors);
        Content(errors, string.Empty, message.Text, message.ImageUrl is not null || imageFile is not null, message.Button);
        if (message.Schedule is { } schedule)
        {
            if (schedule.SendUntil is not null)
            {
                errors.NotSupported("Schedule.SendUntil", providerName, "SMS.by takes a send time, not a window.");
            }

            ScheduleRange(errors, "Schedule.SendAt", schedule.SendAt, options);
        }

        var quickOnly = message.SmsFallback is not null || message.TwoWay is not null || imageFile is not null;
        var bulkOnly = message.Schedule is not null || message.CallbackUrl is not null;
        if (quickOnly && bulkOnly)
        {
            var quickFeature = message.SmsFallback is not null ? nameof(ViberMessage.SmsFallback) : message.TwoWay is not null ? nameof(ViberMessage.TwoWay) : "an uploaded image";
            var bulkFeature = message.Schedule is not null ? nameof(ViberMessage.Schedule) : nameof(ViberMessage.CallbackUrl);
            errors.Add(bulkFeature, "Conflict", $"SMS.by cannot combine {quickFeature} (quick messages only) with {bulkFeature} (bulk mailings only).");
        }

        var (smsSenderId, forwarding) = message.SmsFallback is { } sms ? SmsForwarding(message, sms, options, providerName, errors) : (null, null);
        if (imageFile is not null)
        {
            UploadedImage(message, imageFile, recipients, errors);
        }

        errors.ThrowIfAny();
        var route = quickOnly || (recipients.Count == 1 && !bulkOnly) ? SmsByRoute.Quick : SmsByRoute.Bulk;
        return new SmsBySendPlan(route, senderId, recipients, smsSenderId, forwarding, message.TwoWay is not null)
        {
            BulkSenderId = route == SmsByRoute.Bulk ? options.ResolveBulkSender(message.Sender, senderId) : senderId,
        };
    }

    /// <summary>The recipients of a send; a reply goes to the chat's phone, and its chat id names the mailing and the phone.</summary>
    private static IReadOnlyList<PhoneNumber> ReplyRecipients(ViberMessage message, ValidationErrors errors)
    {
        var recipients = message.Recipients ?? [];
        if (!ReplyRules.IsReply(message, out var chatId))
        {
            return recipients;
        }

        if (!SmsByIds.TryParseChat(chatId, out _, out var phone))
        {
            errors.Add("TwoWay.ChatId", "Format", $"'{chatId}' is not an SMS.by chat id: expected '<mailing id>:<phone>', as returned in RecipientResult.ChatId.");
        }
        else if (recipients.Count > 1 || (recipients.Count == 1 && recipients[0] != phone))
        {
            errors.Add(nameof(ViberMessage.Recipients), "NotAllowed", $"A reply goes to the chat's phone ({phone}); leave Recipients empty.");
        }
        else
        {
            return [phone];
        }

        return recipients;
    }

    /// <summary>The Viber sender's SMS.by id (0 when none is given and none is needed).</summary>
    private static int ViberSender(ViberMessage message, SmsByOptions options, string providerName, ValidationErrors errors)
    {
        var senderId = 0;
        var senderGiven = !string.IsNullOrWhiteSpace(message.Sender);
        if ((senderGiven || ReplyRules.IsReply(message)) && !options.TryResolveViberSender(message.Sender, out senderId))
        {
            errors.Add(nameof(ViberMessage.Sender), "UnknownSender", senderGiven
                ? $"Sender '{message.Sender}' has no SMS.by vibername_id: add it to SmsByOptions.ViberSenders (ViberMessaging:{providerName}:ViberSenders:{message.Sender}) or pass the numeric id."
                : "A reply needs a Viber sender: set Sender, SmsByOptions.DefaultSender, or map exactly one sender in SmsByOptions.ViberSenders.");
        }

        return senderId;
    }

    /// <summary>SMS forwarding: the Viber text itself, from an SMS sender SMS.by knows, after 5–60 whole minutes.</summary>
    private static (int? SmsSenderId, int? ForwardingMinutes) SmsForwarding(ViberMessage message, SmsFallback sms, SmsByOptions options, string providerName, ValidationErrors errors)
    {
        int? smsSenderId = null;
        int? forwarding = null;
        if (string.IsNullOrEmpty(message.Text))
        {
            errors.Add(nameof(ViberMessage.SmsFallback), "NeedsText", "SMS.by forwards the Viber text as the SMS; a message without text cannot have an SMS fallback.");
        }
        else if (sms.Text is not null && !string.Equals(sms.Text, message.Text, StringComparison.Ordinal))
        {
            errors.Add("SmsFallback.Text", "SameAsText", "SMS.by forwards the Viber text itself as the SMS; SmsFallback.Text must equal Text.");
        }

        if (sms.Sender is { } smsSender && !string.IsNullOrWhiteSpace(smsSender))
        {
            if (options.TryResolveSmsSender(smsSender, out var alphanameId))
            {
                smsSenderId = alphanameId;
            }
            else
            {
                errors.Add("SmsFallback.Sender", "UnknownSender", $"SMS sender '{smsSender}' has no SMS.by alphaname_id: add it to SmsByOptions.SmsSenders (ViberMessaging:{providerName}:SmsSenders:{smsSender}) or pass the numeric id.");
            }
        }

        if (sms.TimeToLive is { } wait)
        {
            if (wait < MinForwardingTime || wait > MaxForwardingTime)
            {
                errors.Add("SmsFallback.TimeToLive", "Range", string.Create(CultureInfo.InvariantCulture, $"SMS.by forwards after 5 to 60 minutes (forwarding_time); SmsFallback.TimeToLive is {wait.TotalMinutes:0.###} minutes."));
            }
            else if (wait.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                errors.Add("SmsFallback.TimeToLive", "WholeMinutes", string.Create(CultureInfo.InvariantCulture, $"SMS.by's forwarding_time is whole minutes; SmsFallback.TimeToLive is {wait.TotalMinutes:0.###} minutes."));
            }
            else
            {
                forwarding = (int)wait.TotalMinutes;
            }
        }

        return (smsSenderId, forwarding);
    }

    /// <summary>An uploaded image makes a quick message: one recipient, instead of <see cref="ViberMessage.ImageUrl"/>.</summary>
    private static void UploadedImage(ViberMessage message, SmsByImageFile imageFile, IReadOnlyList<PhoneNumber> recipients, ValidationErrors errors)
    {
        if (message.ImageUrl is not null)
        {
            errors.Add(nameof(ViberMessage.ImageUrl), "Conflict", "An uploaded image replaces ImageUrl; set one of them.");
        }

        if (recipients.Count > 1)
        {
            errors.Add(nameof(ViberMessage.Recipients), "Single", "A message with an uploaded image is a quick message: exactly one recipient.");
        }

        ImageFile(errors, "image", imageFile);
    }

    /// <summary>The neutral rules; an uploaded image stands in for <see cref="ViberMessage.ImageUrl"/>, so an image-only message needs no text.</summary>
    private static ValidationErrors NeutralRules(ViberMessage message, ProviderCapabilities capabilities, string providerName, SmsByImageFile? imageFile, ScheduleClock? clock)
    {
        var errors = new ValidationErrors();
        NeutralMessageRules.Validate(message, capabilities, providerName, errors, clock);
        if (imageFile is null || message.Button is not null || !string.IsNullOrEmpty(message.Text))
        {
            return errors;
        }

        var filtered = new ValidationErrors();
        foreach (var error in errors.Errors)
        {
            if (error is not { Field: nameof(ViberMessage.Text), Rule: "Required" })
            {
                filtered.Add(error.Field, error.Rule, error.Message);
            }
        }

        return filtered;
    }

    /// <summary>SMS.by's content shapes: a text, an image alone, or a text with a button (and optionally an image).</summary>
    internal static void Content(ValidationErrors errors, string prefix, string? text, bool hasImage, ViberButton? button)
    {
        if (hasImage && button is null && !string.IsNullOrEmpty(text))
        {
            errors.Add(prefix + "ImageUrl", "Combination", "SMS.by sends an image alone or above a button: an image with text needs a Button.");
        }

        if (button?.Url is { } url && Link(url).Length > MaxButtonLinkLength)
        {
            errors.Add(prefix + "Button.Url", "MaxLength", string.Create(CultureInfo.InvariantCulture, $"SMS.by's button_link may have at most {MaxButtonLinkLength} characters; it has {Link(url).Length}."));
        }
    }

    internal static void RequiredText(ValidationErrors errors, string field, string? text, bool imageAlone)
    {
        if (!imageAlone && errors.Required(field, text))
        {
            errors.MaxLength(field, text, MaxTextLength);
        }
    }

    internal static void Button(ValidationErrors errors, string field, string? caption, Uri? url)
    {
        if (errors.Required(field + ".Caption", caption))
        {
            errors.MaxLength(field + ".Caption", caption, MaxButtonCaptionLength);
        }

        if (url is null)
        {
            errors.Add(field + ".Url", "Required", $"{field}.Url is required: an SMS.by button needs a link.");
        }

        errors.HttpUrl(field + ".Url", url);
    }

    internal static void ImageFile(ValidationErrors errors, string field, SmsByImageFile file)
    {
        if (file.Content.IsEmpty)
        {
            errors.Add(field, "Required", $"The uploaded image {file.FileName} is empty.");
        }
    }

    /// <summary>A send time must be writable in SMS.by's local form (year 2000–9999 after the provider offset).</summary>
    internal static void ScheduleRange(ValidationErrors errors, string field, DateTimeOffset sendAt, SmsByOptions options)
    {
        var local = sendAt.UtcDateTime.Ticks + options.ProviderUtcOffset.Ticks;
        if (local < new DateTime(2000, 1, 1).Ticks || local >= new DateTime(9999, 12, 31).Ticks)
        {
            errors.Add(field, "Range", $"{field} ({sendAt:O}) cannot be written as an SMS.by send time.");
        }
    }

    internal static string Link(Uri url) => url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString;
}
