using System.Globalization;
using ViberMessaging.Internal;

namespace ViberMessaging.SmsClub;

/// <summary>
/// SMS Club's rules on top of the neutral ones (a button only with a picture comes from the capabilities:
/// <c>picture_url</c>, <c>button_txt</c> and <c>button_url</c> "must be used together or not at all"); every violation
/// is reported at once, before any request.
/// </summary>
internal static class SmsClubMessageValidator
{
    /// <summary>An SMS alpha name has at most 11 characters (GSM alphanumeric originator).</summary>
    public const int MaxSmsSenderLength = 11;

    /// <summary>The shortest lifetime for a send to several phones (one phone: 60 s).</summary>
    public static readonly TimeSpan MinBulkTimeToLive = TimeSpan.FromSeconds(3600);

    /// <summary>Mailings may be planned from 08:00 to 20:00, Kyiv time.</summary>
    public static readonly TimeSpan WindowOpens = TimeSpan.FromHours(8);

    /// <summary>The end of the scheduling window.</summary>
    public static readonly TimeSpan WindowCloses = TimeSpan.FromHours(20);

    /// <summary>What SMS Club supports: 500 phones (and 500 status ids) per request, a 60–86000 s lifetime (3600 s at least for several phones).</summary>
    private static readonly ProviderCapabilities FixedCapabilities = new()
    {
        SupportsImage = true,
        SupportsImageOnly = false,
        SupportsButton = true,
        ButtonRequiresImage = true,
        SupportsSmsFallback = true,
        SupportsTwoWay = true,
        SupportsScheduling = true,
        SupportsCallbackUrl = false,
        SupportsPriority = false,
        MaxRecipientsPerRequest = 500,
        MaxStatusIdsPerRequest = 500,
        MaxTextLength = 1000,
        MaxSenderLength = 64,
        MaxButtonCaptionLength = 30,
        MinTimeToLive = TimeSpan.FromSeconds(60),
        MaxTimeToLive = TimeSpan.FromSeconds(86000),
    };

    /// <summary>What SMS Club supports: the same for every account (no option changes it).</summary>
    public static ProviderCapabilities CapabilitiesFor(SmsClubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return FixedCapabilities;
    }

    /// <summary>Checks <paramref name="message"/>.</summary>
    /// <exception cref="ViberValidationException">Every broken rule.</exception>
    public static void Validate(ViberMessage message, ProviderCapabilities capabilities, string providerName, ScheduleClock? clock = null)
    {
        var errors = new ValidationErrors();
        NeutralMessageRules.Validate(message, capabilities, providerName, errors, clock);
        if (ReplyRules.IsReply(message))
        {
            ValidateReply(message, providerName, errors);
        }
        else
        {
            ValidateSend(message, capabilities, errors);
        }

        errors.ThrowIfAny();
    }

    private static void ValidateReply(ViberMessage message, string providerName, ValidationErrors errors)
    {
        if (message.Recipients is { Count: > 0 })
        {
            errors.Add(nameof(ViberMessage.Recipients), "NotAllowed", "A reply in a chat goes to the chat's recipient: leave Recipients empty with TwoWay = ReplyIn(chatId).");
        }

        const string TextOnly = "A reply in an SMS Club chat carries text only.";
        if (message.ImageUrl is not null)
        {
            errors.NotSupported(nameof(ViberMessage.ImageUrl), providerName, TextOnly);
        }

        if (message.Button is not null)
        {
            errors.NotSupported(nameof(ViberMessage.Button), providerName, TextOnly);
        }

        if (message.SmsFallback is not null)
        {
            errors.NotSupported(nameof(ViberMessage.SmsFallback), providerName, TextOnly);
        }

        if (message.TimeToLive is not null)
        {
            errors.NotSupported(nameof(ViberMessage.TimeToLive), providerName, TextOnly);
        }

        if (message.Schedule is not null)
        {
            errors.NotSupported(nameof(ViberMessage.Schedule), providerName, TextOnly);
        }
    }

    private static void ValidateSend(ViberMessage message, ProviderCapabilities capabilities, ValidationErrors errors)
    {
        if (message.ImageUrl is not null && message.Button is null)
        {
            errors.Add(nameof(ViberMessage.Button), "Together", "SMS Club sends an image only with a button (picture_url with button_txt and button_url): set Button when ImageUrl is set.");
        }

        if (message.TimeToLive is { } ttl && message.Recipients is { Count: > 1 }
            && ttl >= (capabilities.MinTimeToLive ?? TimeSpan.Zero) && ttl < MinBulkTimeToLive)
        {
            errors.Add(
                nameof(ViberMessage.TimeToLive),
                "Range",
                string.Create(CultureInfo.InvariantCulture, $"TimeToLive must be between {MinBulkTimeToLive.TotalSeconds:0} and {capabilities.MaxTimeToLive?.TotalSeconds:0} seconds when sending to several recipients (60 s is allowed for one); it is {ttl.TotalSeconds:0.###} s."));
        }

        if (message.SmsFallback is { } sms && errors.Required("SmsFallback.Sender", sms.Sender, "SmsFallback.Sender is required: SMS Club sends the SMS from an alpha name of its own (senderSms)."))
        {
            errors.MaxLength("SmsFallback.Sender", sms.Sender, MaxSmsSenderLength);
        }

        if (message.SmsFallback?.TimeToLive is not null)
        {
            errors.Add("SmsFallback.TimeToLive", "NotSupported", "SMS Club sends the SMS when the Viber message's TimeToLive runs out; the SMS has no lifetime of its own.");
        }

        if (message.Schedule is { } schedule)
        {
            if (schedule.SendUntil is null)
            {
                errors.Add("Schedule.SendUntil", "Required", "SMS Club schedules a window: set Schedule.SendUntil with Schedule.SendAt (mgr_plan_date and mgr_end_time go together).");
            }

            InWindow("Schedule.SendAt", schedule.SendAt, errors);
            if (schedule.SendUntil is { } until)
            {
                InWindow("Schedule.SendUntil", until, errors);
            }
        }
    }

    private static void InWindow(string field, DateTimeOffset instant, ValidationErrors errors)
    {
        var local = SmsClubDates.ToKyiv(instant);
        if (local.TimeOfDay < WindowOpens || local.TimeOfDay > WindowCloses)
        {
            errors.Add(
                field,
                "Window",
                string.Create(CultureInfo.InvariantCulture, $"{field} must fall between 08:00 and 20:00 Kyiv time (Europe/Kyiv), when SMS Club runs scheduled mailings; it is {local:yyyy-MM-dd HH:mm} there."));
        }
    }
}
