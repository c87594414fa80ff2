using System.Globalization;
using ViberMessaging.Internal;

namespace ViberMessaging.DecisionTelecom;

/// <summary>
/// DecisionTelecom's rules on top of the neutral ones (lengths, URLs, the 40–21600 s TTL and a button only with an
/// image from <see cref="CapabilitiesFor"/>): an image only with a button (types
/// 108/208), a transactional message text only, whole-second TTLs, an SMS fallback only for transactional messages,
/// within one SMS and with the 40 s TTL, no chat replies.
/// Every violation is reported at once, before any request.
/// </summary>
internal static class DecisionTelecomMessageValidator
{
    /// <summary>The longest <c>text_sms</c> in GSM-7 septets (one segment).</summary>
    public const int MaxGsm7Septets = 160;

    /// <summary>The longest <c>text_sms</c> in UCS-2 characters (one segment).</summary>
    public const int MaxUcs2Characters = 70;

    /// <summary>The only TTL of a Viber + SMS message: "transactional message + SMS – TTL only 40 seconds".</summary>
    public static readonly TimeSpan ViberPlusSmsTimeToLive = TimeSpan.FromSeconds(40);

    // The GSM 03.38 default alphabet (one septet each) and its extension table (escape + septet: two each).
    private const string Gsm7Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Gsm7Extension = "^{}\\[~]|€\f";

    /// <summary>What DecisionTelecom's API supports and its documented limits.</summary>
    private static readonly ProviderCapabilities FixedCapabilities = new()
    {
        SupportsImage = true,
        SupportsButton = true,
        ButtonRequiresImage = true,
        SupportsSmsFallback = true,
        SupportsTwoWay = true,
        SupportsCallbackUrl = true,
        MaxRecipientsPerRequest = 1,
        MaxStatusIdsPerRequest = 1,
        MaxTextLength = 1000,
        MaxSenderLength = 20,
        MaxButtonCaptionLength = 30,
        MinTimeToLive = TimeSpan.FromSeconds(40),
        MaxTimeToLive = TimeSpan.FromSeconds(21600),
    };

    /// <summary>What DecisionTelecom supports: the same for every account (no option changes it).</summary>
    public static ProviderCapabilities CapabilitiesFor(DecisionTelecomOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return FixedCapabilities;
    }

    public static void Validate(ViberMessage message, ProviderCapabilities capabilities, string providerName)
    {
        var errors = new ValidationErrors();
        NeutralMessageRules.Validate(message, capabilities, providerName, errors);
        AddProviderRules(message, providerName, errors);
        errors.ThrowIfAny();
    }

    /// <summary>Checks status ids: this provider's, and the Int64 that send-viber returned. Every problem at once.</summary>
    public static MessageId[] ValidateIds(IEnumerable<MessageId> messageIds, string providerName)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var ids = messageIds as MessageId[] ?? messageIds.ToArray();
        var errors = new ValidationErrors();
        for (var i = 0; i < ids.Length && errors.Count < 20; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"messageIds[{i}]");
            if (ids[i].IsEmpty)
            {
                errors.Add(field, "Required", $"{field} is empty.");
            }
            else if (!string.Equals(ids[i].Provider, providerName, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(field, "Provider", $"{field} ({ids[i]}) belongs to provider '{ids[i].Provider}', not '{providerName}'.");
            }
            else if (!DecisionTelecomAnswer.IsMessageId(ids[i].Value))
            {
                errors.Add(field, "Format", $"{field} ({ids[i]}) is not a DecisionTelecom message id: expected the number send-viber returned.");
            }
        }

        errors.ThrowIfAny();
        return ids;
    }

    /// <summary>Measures an SMS text: whether it fits one segment, and its length in its encoding's characters.</summary>
    public static (bool Fits, bool Gsm7, int Length) MeasureSms(string text)
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
                // One character outside GSM-7 makes the whole SMS UCS-2 (UTF-16 code units: an emoji counts 2).
                return (text.Length <= MaxUcs2Characters, false, text.Length);
            }
        }

        return (septets <= MaxGsm7Septets, true, septets);
    }

    private static void AddProviderRules(ViberMessage message, string providerName, ValidationErrors errors)
    {
        // A button without an image is the neutral ButtonRequiresImage rule (see the capabilities); the other half here.
        if (message.ImageUrl is not null && message.Button is null)
        {
            errors.Add(
                nameof(ViberMessage.Button),
                "Together",
                "DecisionTelecom sends an image only with a button and a button only with an image (message type 108/208): set both ImageUrl and Button, or neither.");
        }

        var rich = message.ImageUrl is not null || message.Button is not null;
        if (message.Kind == MessageKind.Transactional && rich)
        {
            errors.Add(
                nameof(ViberMessage.Kind),
                "TransactionalTextOnly",
                "DecisionTelecom's transactional message is text only (\"transactional message (text message) – 2\"); an image and a button make it promotional (source_type 1, message type 108): leave Kind unset or set it to Promotional, or remove ImageUrl and Button.");
        }

        if (message.TimeToLive is { } ttl && ttl.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add(nameof(ViberMessage.TimeToLive), "WholeSeconds", string.Create(CultureInfo.InvariantCulture, $"TimeToLive is sent in whole seconds (validity_period); {ttl.TotalSeconds:0.###} s is not."));
        }

        if (ReplyRules.IsReply(message))
        {
            errors.Add(
                "TwoWay.ChatId",
                "NotSupported",
                $"{providerName} has no chats to reply in: replies arrive at your callback URL (read them with DecisionTelecomCallbacks.ParseReply); answer with a new two-way message (TwoWayOptions.OpenChat) to the recipient.");
        }

        if (message.SmsFallback is { } sms)
        {
            AddSmsFallbackRules(message, sms, providerName, errors);
        }
    }

    /// <summary>Viber + SMS: transactional only, the document's fixed 40-second TTL, one SMS segment, no SMS sender or validity.</summary>
    private static void AddSmsFallbackRules(ViberMessage message, SmsFallback sms, string providerName, ValidationErrors errors)
    {
        if (DecisionTelecomRequestMapper.ToDecisionTelecomKind(message) != MessageKind.Transactional)
        {
            errors.Add(
                nameof(ViberMessage.SmsFallback),
                "TransactionalOnly",
                message.Kind is null
                    ? $"{providerName} sends an SMS fallback (text_sms) only with transactional messages, which are text only: an image and a button make the message promotional. Remove ImageUrl and Button, or SmsFallback."
                    : $"{providerName} sends an SMS fallback (text_sms) only with transactional messages: set Kind to Transactional (text only) or remove SmsFallback.");
        }

        if (message.TimeToLive is { } smsTtl && smsTtl != ViberPlusSmsTimeToLive)
        {
            errors.Add(
                nameof(ViberMessage.TimeToLive),
                "ViberPlusSmsTtl",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"DecisionTelecom's Viber + SMS document: \"transactional message + SMS – TTL only 40 seconds\". With SmsFallback, leave TimeToLive unset (40 s is sent) or set it to 40 seconds; it is {smsTtl.TotalSeconds:0.###} s."));
        }

        if (!string.IsNullOrWhiteSpace(sms.Text) && MeasureSms(sms.Text) is { Fits: false } measured)
        {
            errors.Add(
                "SmsFallback.Text",
                "OneSegment",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"SmsFallback.Text must fit one SMS: at most {MaxGsm7Septets} GSM-7 characters (€, {{, }}, [, ], ~, ^, \\ and | count 2) or {MaxUcs2Characters} characters when it needs UCS-2; it has {measured.Length} {(measured.Gsm7 ? "GSM-7" : "UCS-2")} characters."));
        }

        if (sms.Sender is not null)
        {
            errors.NotSupported("SmsFallback.Sender", providerName, "Its API has no SMS sender field; remove SmsFallback.Sender.");
        }

        if (sms.TimeToLive is not null)
        {
            errors.NotSupported("SmsFallback.TimeToLive", providerName, "Its API has no SMS validity field (the SMS follows when the Viber message is not delivered); remove SmsFallback.TimeToLive.");
        }
    }
}
