using System.Globalization;
using ViberMessaging.Internal;

namespace ViberMessaging.SmsBy;

/// <summary>Which SMS.by method carries a neutral send.</summary>
internal enum SmsByRoute
{
    /// <summary><c>sendQuickViberMessage</c>, one request per recipient.</summary>
    Quick,

    /// <summary><c>sendBulkViber</c>, one mailing list per request.</summary>
    Bulk,
}

/// <summary>
/// What the validator resolved for a neutral send: the route, the sender ids (the bulk list's <c>alphaname_id</c> is
/// <see cref="BulkSenderId"/>, see <see cref="SmsByOptions.ResolveBulkSender"/>), the recipients and the forwarding.
/// </summary>
internal sealed record SmsBySendPlan(
    SmsByRoute Route,
    int ViberSenderId,
    IReadOnlyList<PhoneNumber> Recipients,
    int? SmsSenderId = null,
    int? ForwardingMinutes = null,
    bool OpensChats = false)
{
    /// <summary>The sender of a <c>sendBulkViber</c> list: the alpha name's id when one is mapped, else <see cref="ViberSenderId"/>.</summary>
    public int BulkSenderId { get; init; } = ViberSenderId;
}

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
        var recipients = message.Recipients ?? [];
        var hasImage = message.ImageUrl is not null || imageFile is not null;

        // Replies go to the chat's phone; the chat id names the mailing and the phone.
        if (message.TwoWay?.ChatId is { } chatId)
        {
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
                recipients = [phone];
            }
        }

        var senderId = 0;
        var senderGiven = !string.IsNullOrWhiteSpace(message.Sender);
        if ((senderGiven || message.TwoWay?.ChatId is not null) && !options.TryResolveViberSender(message.Sender, out senderId))
        {
            errors.Add(nameof(ViberMessage.Sender), "UnknownSender", senderGiven
                ? $"Sender '{message.Sender}' has no SMS.by vibername_id: add it to SmsByOptions.ViberSenders (ViberMessaging:{providerName}:ViberSenders:{message.Sender}) or pass the numeric id."
                : "A reply needs a Viber sender: set Sender, SmsByOptions.DefaultSender, or map exactly one sender in SmsByOptions.ViberSenders.");
        }

        Content(errors, string.Empty, message.Text, hasImage, message.Button);

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

        int? smsSenderId = null;
        int? forwarding = null;
        if (message.SmsFallback is { } sms)
        {
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
        }

        if (imageFile is not null)
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

        errors.ThrowIfAny();
        var route = quickOnly || (recipients.Count == 1 && !bulkOnly) ? SmsByRoute.Quick : SmsByRoute.Bulk;
        return new SmsBySendPlan(route, senderId, recipients, smsSenderId, forwarding, message.TwoWay is not null)
        {
            BulkSenderId = route == SmsByRoute.Bulk ? options.ResolveBulkSender(message.Sender, senderId) : senderId,
        };
    }

    /// <summary>Validates the mailing lists of one <c>sendBulkViber</c> request and resolves their senders (each list's <c>alphaname_id</c>).</summary>
    public static IReadOnlyList<int> ValidateMailings(IReadOnlyList<SmsByMailing>? mailings, Uri? callbackUrl, SmsByOptions options, string providerName, ScheduleClock? clock = null)
    {
        var errors = new ValidationErrors();
        if (mailings is null || mailings.Count == 0)
        {
            errors.Add("mailings", "Required", "At least one mailing list is required.");
            errors.ThrowIfAny();
        }

        errors.HttpUrl("callbackUrl", callbackUrl);
        var senders = new int[mailings!.Count];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < mailings.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"mailings[{i}]");
            if (mailings[i] is not { } mailing)
            {
                errors.Add(field, "Required", $"{field} is null.");
                continue;
            }

            if (errors.Required(field + ".Name", mailing.Name) && !names.Add(mailing.Name.Trim()))
            {
                errors.Add(field + ".Name", "Unique", $"{field}.Name '{mailing.Name}' appears more than once; SMS.by reports a refused list by its name.");
            }

            senders[i] = options.ResolveBulkSender(mailing.Sender, MailingSender(errors, field + ".Sender", mailing.Sender, options, providerName));
            if (mailing.SendAt is { } sendAt)
            {
                ScheduleRange(errors, field + ".SendAt", sendAt, options);
                clock?.RequireFuture(errors, field + ".SendAt", sendAt);
            }

            errors.HttpUrl(field + ".ImageUrl", mailing.ImageUrl);
            switch (mailing)
            {
                case SmsByBulkMailing bulk:
                    Content(errors, field + ".", bulk.Text, bulk.ImageUrl is not null, bulk.Button);
                    RequiredText(errors, field + ".Text", bulk.Text, imageAlone: bulk.ImageUrl is not null && bulk.Button is null);
                    if (bulk.Button is { } button)
                    {
                        Button(errors, field + ".Button", button.Caption, button.Url);
                    }

                    Recipients(errors, field + ".Recipients", bulk.Recipients?.ToArray());
                    break;
                case SmsByPersonalMailing personal:
                    Personal(errors, field, personal);
                    break;
                default:
                    errors.Add(field, "NotSupported", $"{field} is neither a bulk nor a personal mailing.");
                    break;
            }
        }

        errors.ThrowIfAny();
        return senders;
    }

    /// <summary>Validates a mailing to a stored subscriber list and resolves its sender.</summary>
    public static int ValidateListMailing(SmsByListMailing? mailing, SmsByOptions options, string providerName, ScheduleClock? clock = null)
    {
        var errors = new ValidationErrors();
        if (mailing is null)
        {
            errors.Add("mailing", "Required", "mailing is null.");
            errors.ThrowIfAny();
        }

        if (mailing!.ListId <= 0)
        {
            errors.Add(nameof(SmsByListMailing.ListId), "Range", "ListId must be a positive SMS.by subscriber list id.");
        }

        var sender = MailingSender(errors, nameof(SmsByListMailing.Sender), mailing.Sender, options, providerName);
        var hasImage = mailing.ImageUrl is not null || mailing.ImageFile is not null;
        errors.HttpUrl(nameof(SmsByListMailing.ImageUrl), mailing.ImageUrl);
        if (mailing.ImageUrl is not null && mailing.ImageFile is not null)
        {
            errors.Add(nameof(SmsByListMailing.ImageFile), "Conflict", "Set ImageUrl or ImageFile, not both.");
        }

        if (mailing.ImageFile is { } file)
        {
            ImageFile(errors, nameof(SmsByListMailing.ImageFile), file);
        }

        Content(errors, string.Empty, mailing.Text, hasImage, mailing.Button);
        RequiredText(errors, nameof(SmsByListMailing.Text), mailing.Text, imageAlone: hasImage && mailing.Button is null);
        if (mailing.Button is { } button)
        {
            Button(errors, nameof(SmsByListMailing.Button), button.Caption, button.Url);
        }

        if (mailing.SendAt is { } sendAt)
        {
            ScheduleRange(errors, nameof(SmsByListMailing.SendAt), sendAt, options);
            clock?.RequireFuture(errors, nameof(SmsByListMailing.SendAt), sendAt);
        }

        errors.ThrowIfAny();
        return sender;
    }

    /// <summary>Validates the ids of replies to mark read (sent comma-separated).</summary>
    public static IReadOnlyList<string> ValidateIncomingIds(IEnumerable<string>? ids)
    {
        var errors = new ValidationErrors();
        var list = ids?.ToArray() ?? [];
        if (list.Length == 0)
        {
            errors.Add("incomingMessageIds", "Required", "At least one incoming message id is required.");
        }

        for (var i = 0; i < list.Length && errors.Count < 20; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"incomingMessageIds[{i}]");
            if (string.IsNullOrWhiteSpace(list[i]))
            {
                errors.Add(field, "Required", $"{field} is empty.");
            }
            else if (list[i].AsSpan().IndexOfAny(", ") >= 0)
            {
                errors.Add(field, "Format", $"{field} ('{list[i]}') cannot contain a comma or a space: SMS.by takes the ids comma-separated.");
            }
        }

        errors.ThrowIfAny();
        return list;
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
    private static void Content(ValidationErrors errors, string prefix, string? text, bool hasImage, ViberButton? button)
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

    private static void RequiredText(ValidationErrors errors, string field, string? text, bool imageAlone)
    {
        if (!imageAlone && errors.Required(field, text))
        {
            errors.MaxLength(field, text, MaxTextLength);
        }
    }

    private static void Button(ValidationErrors errors, string field, string? caption, Uri? url)
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

    private static void Personal(ValidationErrors errors, string field, SmsByPersonalMailing personal)
    {
        var hasButton = !string.IsNullOrWhiteSpace(personal.ButtonCaption);
        if (personal.ImageUrl is not null && !hasButton)
        {
            errors.Add(field + ".ImageUrl", "BulkOnly", "SMS.by sends an image alone only in bulk lists (message_type = bulk); in a personal list an image needs a ButtonCaption.");
        }

        if (hasButton)
        {
            errors.MaxLength(field + ".ButtonCaption", personal.ButtonCaption, MaxButtonCaptionLength);
        }

        var messages = personal.Messages ?? [];
        if (messages.Count == 0)
        {
            errors.Add(field + ".Messages", "Required", $"{field}.Messages needs at least one message.");
            return;
        }

        var seen = new HashSet<PhoneNumber>();
        for (var i = 0; i < messages.Count && errors.Count < 50; i++)
        {
            var item = string.Create(CultureInfo.InvariantCulture, $"{field}.Messages[{i}]");
            if (messages[i] is not { } message)
            {
                errors.Add(item, "Required", $"{item} is null.");
                continue;
            }

            if (message.Recipient is null)
            {
                errors.Add(item + ".Recipient", "Required", $"{item}.Recipient is required.");
            }
            else if (!seen.Add(message.Recipient))
            {
                errors.Add(item + ".Recipient", "Unique", $"{item}.Recipient ({message.Recipient}) appears more than once in the list.");
            }

            RequiredText(errors, item + ".Text", message.Text, imageAlone: false);
            if (hasButton)
            {
                if (message.ButtonUrl is null)
                {
                    errors.Add(item + ".ButtonUrl", "Required", $"{item}.ButtonUrl is required: the list has a ButtonCaption.");
                }
                else
                {
                    errors.HttpUrl(item + ".ButtonUrl", message.ButtonUrl);
                    if (Link(message.ButtonUrl).Length > MaxButtonLinkLength)
                    {
                        errors.Add(item + ".ButtonUrl", "MaxLength", string.Create(CultureInfo.InvariantCulture, $"SMS.by's button_link may have at most {MaxButtonLinkLength} characters; it has {Link(message.ButtonUrl).Length}."));
                    }
                }
            }
            else if (message.ButtonUrl is not null)
            {
                errors.Add(item + ".ButtonUrl", "Together", $"{item}.ButtonUrl needs the list's ButtonCaption.");
            }
        }
    }

    private static void Recipients(ValidationErrors errors, string field, PhoneNumber[]? recipients)
    {
        if (recipients is null || recipients.Length == 0)
        {
            errors.Add(field, "Required", $"{field} needs at least one recipient.");
            return;
        }

        var seen = new HashSet<PhoneNumber>();
        for (var i = 0; i < recipients.Length && errors.Count < 50; i++)
        {
            var item = string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]");
            if (recipients[i] is null)
            {
                errors.Add(item, "Required", $"{item} is null.");
            }
            else if (!seen.Add(recipients[i]))
            {
                errors.Add(item, "Unique", $"{item} ({recipients[i]}) appears more than once in the list.");
            }
        }
    }

    private static int MailingSender(ValidationErrors errors, string field, string? sender, SmsByOptions options, string providerName)
    {
        if (options.TryResolveViberSender(sender, out var id))
        {
            return id;
        }

        errors.Add(field, "UnknownSender", string.IsNullOrWhiteSpace(sender)
            ? "A Viber sender is required: set Sender, SmsByOptions.DefaultSender, or map exactly one sender in SmsByOptions.ViberSenders."
            : $"Sender '{sender}' has no SMS.by id: add it to SmsByOptions.ViberSenders (ViberMessaging:{providerName}:ViberSenders:{sender}) or pass the numeric id.");
        return 0;
    }

    private static void ImageFile(ValidationErrors errors, string field, SmsByImageFile file)
    {
        if (file.Content.IsEmpty)
        {
            errors.Add(field, "Required", $"The uploaded image {file.FileName} is empty.");
        }
    }

    /// <summary>A send time must be writable in SMS.by's local form (year 2000–9999 after the provider offset).</summary>
    private static void ScheduleRange(ValidationErrors errors, string field, DateTimeOffset sendAt, SmsByOptions options)
    {
        var local = sendAt.UtcDateTime.Ticks + options.ProviderUtcOffset.Ticks;
        if (local < new DateTime(2000, 1, 1).Ticks || local >= new DateTime(9999, 12, 31).Ticks)
        {
            errors.Add(field, "Range", $"{field} ({sendAt:O}) cannot be written as an SMS.by send time.");
        }
    }

    internal static string Link(Uri url) => url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString;
}
