using System.Globalization;

namespace ViberMessaging.Internal;

/// <summary>
/// The rules every provider shares, read from its <see cref="ProviderCapabilities"/>: what is required, what it
/// supports, lengths, the time-to-live range, URLs, recipients. Providers add their own rules after these.
/// </summary>
internal static class NeutralMessageRules
{
    /// <param name="message">The message.</param>
    /// <param name="capabilities">What the provider supports.</param>
    /// <param name="providerName">The registered name, for messages.</param>
    /// <param name="errors">Where broken rules are collected.</param>
    /// <param name="clock">Now and the allowed clock skew, for schedules; without it a past schedule is not detected.</param>
    public static void Validate(ViberMessage message, ProviderCapabilities capabilities, string providerName, ValidationErrors errors, ScheduleClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var replying = ReplyRules.IsReply(message);
        if (!replying)
        {
            ValidateAddressing(message, capabilities, errors);
        }

        ValidateText(message, capabilities, errors);
        ValidateImage(message, capabilities, providerName, errors);
        ValidateButton(message, capabilities, providerName, errors, replying);
        ValidateTimeToLive(message, capabilities, providerName, errors);
        ValidateSmsFallback(message, capabilities, providerName, errors);
        ValidateSchedule(message, capabilities, providerName, errors, clock);
        if (message.TwoWay is not null && !capabilities.SupportsTwoWay)
        {
            errors.NotSupported(nameof(ViberMessage.TwoWay), providerName);
        }

        ValidateCallbackUrl(message, capabilities, providerName, errors);
    }

    /// <summary>Who sends to whom: not asked of a reply, which goes to the chat's recipient from the chat's sender.</summary>
    private static void ValidateAddressing(ViberMessage message, ProviderCapabilities capabilities, ValidationErrors errors)
    {
        if (errors.Required(nameof(ViberMessage.Sender), message.Sender))
        {
            errors.MaxLength(nameof(ViberMessage.Sender), message.Sender, capabilities.MaxSenderLength);
        }

        ValidateRecipients(message.Recipients, errors);
    }

    private static void ValidateText(ViberMessage message, ProviderCapabilities capabilities, ValidationErrors errors)
    {
        var imageOnly = capabilities.SupportsImageOnly && message.ImageUrl is not null && message.Button is null;
        if (imageOnly && string.IsNullOrEmpty(message.Text))
        {
            return; // An image-only message: no text needed.
        }

        if (errors.Required(nameof(ViberMessage.Text), message.Text))
        {
            errors.MaxLength(nameof(ViberMessage.Text), message.Text, capabilities.MaxTextLength);
        }
    }

    private static void ValidateImage(ViberMessage message, ProviderCapabilities capabilities, string providerName, ValidationErrors errors)
        => ValidateOptionalUrl(nameof(ViberMessage.ImageUrl), message.ImageUrl, capabilities.SupportsImage, providerName, errors);

    private static void ValidateButton(ViberMessage message, ProviderCapabilities capabilities, string providerName, ValidationErrors errors, bool replying)
    {
        if (message.Button is not { } button)
        {
            return;
        }

        if (!capabilities.SupportsButton)
        {
            errors.NotSupported(nameof(ViberMessage.Button), providerName);
            return;
        }

        if (errors.Required("Button.Caption", button.Caption))
        {
            errors.MaxLength("Button.Caption", button.Caption, capabilities.MaxButtonCaptionLength);
        }

        if (button.Url is null)
        {
            errors.Add("Button.Url", "Required", "Button.Url is required.");
        }

        errors.HttpUrl("Button.Url", button.Url);
        if (capabilities.ButtonRequiresImage && message.ImageUrl is null && !replying)
        {
            errors.Add(
                nameof(ViberMessage.ImageUrl),
                "ButtonRequiresImage",
                $"{providerName} sends a button only together with an image (ProviderCapabilities.ButtonRequiresImage): set ImageUrl as well, or remove Button.");
        }
    }

    private static void ValidateTimeToLive(ViberMessage message, ProviderCapabilities capabilities, string providerName, ValidationErrors errors)
    {
        if (message.TimeToLive is not { } ttl)
        {
            return;
        }

        if (capabilities.MinTimeToLive is null && capabilities.MaxTimeToLive is null)
        {
            errors.NotSupported(nameof(ViberMessage.TimeToLive), providerName);
        }
        else
        {
            errors.Range(nameof(ViberMessage.TimeToLive), ttl, capabilities.MinTimeToLive, capabilities.MaxTimeToLive);
        }
    }

    private static void ValidateSmsFallback(ViberMessage message, ProviderCapabilities capabilities, string providerName, ValidationErrors errors)
    {
        if (message.SmsFallback is not { } sms)
        {
            return;
        }

        if (!capabilities.SupportsSmsFallback)
        {
            errors.NotSupported(nameof(ViberMessage.SmsFallback), providerName);
        }
        else
        {
            errors.Required("SmsFallback.Text", sms.Text);
        }
    }

    private static void ValidateSchedule(ViberMessage message, ProviderCapabilities capabilities, string providerName, ValidationErrors errors, ScheduleClock? clock)
    {
        if (message.Schedule is not { } schedule)
        {
            return;
        }

        if (!capabilities.SupportsScheduling)
        {
            errors.NotSupported(nameof(ViberMessage.Schedule), providerName);
            return;
        }

        if (schedule.SendUntil is { } until && until <= schedule.SendAt)
        {
            errors.Add("Schedule.SendUntil", "Order", "Schedule.SendUntil must be later than Schedule.SendAt.");
        }

        if (clock is { } now)
        {
            now.RequireFuture(errors, "Schedule.SendAt", schedule.SendAt);
            if (schedule.SendUntil is { } end)
            {
                now.RequireFuture(errors, "Schedule.SendUntil", end);
            }
        }
    }

    private static void ValidateCallbackUrl(ViberMessage message, ProviderCapabilities capabilities, string providerName, ValidationErrors errors)
        => ValidateOptionalUrl(nameof(ViberMessage.CallbackUrl), message.CallbackUrl, capabilities.SupportsCallbackUrl, providerName, errors);

    /// <summary>An optional URL: absent is fine; present, it must be http(s) where the provider takes it, and is refused where not.</summary>
    private static void ValidateOptionalUrl(string field, Uri? url, bool supported, string providerName, ValidationErrors errors)
    {
        if (url is null)
        {
            return;
        }

        if (supported)
        {
            errors.HttpUrl(field, url);
        }
        else
        {
            errors.NotSupported(field, providerName);
        }
    }

    private static void ValidateRecipients(IReadOnlyList<PhoneNumber>? recipients, ValidationErrors errors)
    {
        if (recipients is null || recipients.Count == 0)
        {
            errors.Add(nameof(ViberMessage.Recipients), "Required", "At least one recipient is required.");
            return;
        }

        HashSet<PhoneNumber>? seen = recipients.Count > 1 ? new HashSet<PhoneNumber>(recipients.Count) : null;
        var reported = 0;
        for (var i = 0; i < recipients.Count && reported < 20; i++)
        {
            if (recipients[i] is not { } recipient)
            {
                var field = Field(i);
                errors.Add(field, "Required", $"{field} is null.");
                reported++;
            }
            else if (seen is not null && !seen.Add(recipient))
            {
                var field = Field(i);
                errors.Add(field, "Unique", $"{field} ({recipient}) appears more than once; each recipient may appear once per message.");
                reported++;
            }
        }

        // Only for a reported recipient: a 100 000-recipient send would otherwise build 100 000 strings to say nothing.
        static string Field(int index) => string.Create(CultureInfo.InvariantCulture, $"Recipients[{index}]");
    }
}
