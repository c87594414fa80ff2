using System.Globalization;
using ViberMessaging.Internal;

namespace ViberMessaging.SmsBy;

/// <summary>
/// SMS.by's rules for what <see cref="ISmsByClient"/> sends beside neutral messages — bulk and personal mailing lists,
/// a mailing to a stored subscriber list, the ids of replies to mark read — checked before any request, every
/// violation at once. The content rules they share with a neutral send are <see cref="SmsByMessageValidator"/>'s.
/// </summary>
internal static class SmsByMailingValidator
{
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
                SmsByMessageValidator.ScheduleRange(errors, field + ".SendAt", sendAt, options);
                clock?.RequireFuture(errors, field + ".SendAt", sendAt);
            }

            errors.HttpUrl(field + ".ImageUrl", mailing.ImageUrl);
            switch (mailing)
            {
                case SmsByBulkMailing bulk:
                    SmsByMessageValidator.Content(errors, field + ".", bulk.Text, bulk.ImageUrl is not null, bulk.Button);
                    SmsByMessageValidator.RequiredText(errors, field + ".Text", bulk.Text, imageAlone: bulk.ImageUrl is not null && bulk.Button is null);
                    if (bulk.Button is { } button)
                    {
                        SmsByMessageValidator.Button(errors, field + ".Button", button.Caption, button.Url);
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
            SmsByMessageValidator.ImageFile(errors, nameof(SmsByListMailing.ImageFile), file);
        }

        SmsByMessageValidator.Content(errors, string.Empty, mailing.Text, hasImage, mailing.Button);
        SmsByMessageValidator.RequiredText(errors, nameof(SmsByListMailing.Text), mailing.Text, imageAlone: hasImage && mailing.Button is null);
        if (mailing.Button is { } button)
        {
            SmsByMessageValidator.Button(errors, nameof(SmsByListMailing.Button), button.Caption, button.Url);
        }

        if (mailing.SendAt is { } sendAt)
        {
            SmsByMessageValidator.ScheduleRange(errors, nameof(SmsByListMailing.SendAt), sendAt, options);
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

    private static void Personal(ValidationErrors errors, string field, SmsByPersonalMailing personal)
    {
        var hasButton = !string.IsNullOrWhiteSpace(personal.ButtonCaption);
        if (personal.ImageUrl is not null && !hasButton)
        {
            errors.Add(field + ".ImageUrl", "BulkOnly", "SMS.by sends an image alone only in bulk lists (message_type = bulk); in a personal list an image needs a ButtonCaption.");
        }

        if (hasButton)
        {
            errors.MaxLength(field + ".ButtonCaption", personal.ButtonCaption, SmsByMessageValidator.MaxButtonCaptionLength);
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

            PersonalMessage(errors, item, message, hasButton, seen);
        }
    }

    private static void PersonalMessage(ValidationErrors errors, string item, SmsByPersonalMessage message, bool hasButton, HashSet<PhoneNumber> seen)
    {
        if (message.Recipient is null)
        {
            errors.Add(item + ".Recipient", "Required", $"{item}.Recipient is required.");
        }
        else if (!seen.Add(message.Recipient))
        {
            errors.Add(item + ".Recipient", "Unique", $"{item}.Recipient ({message.Recipient}) appears more than once in the list.");
        }

        SmsByMessageValidator.RequiredText(errors, item + ".Text", message.Text, imageAlone: false);
        if (hasButton)
        {
            if (message.ButtonUrl is null)
            {
                errors.Add(item + ".ButtonUrl", "Required", $"{item}.ButtonUrl is required: the list has a ButtonCaption.");
            }
            else
            {
                errors.HttpUrl(item + ".ButtonUrl", message.ButtonUrl);
                if (SmsByMessageValidator.Link(message.ButtonUrl).Length > SmsByMessageValidator.MaxButtonLinkLength)
                {
                    errors.Add(item + ".ButtonUrl", "MaxLength", string.Create(CultureInfo.InvariantCulture, $"SMS.by's button_link may have at most {SmsByMessageValidator.MaxButtonLinkLength} characters; it has {SmsByMessageValidator.Link(message.ButtonUrl).Length}."));
                }
            }
        }
        else if (message.ButtonUrl is not null)
        {
            errors.Add(item + ".ButtonUrl", "Together", $"{item}.ButtonUrl needs the list's ButtonCaption.");
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
}
