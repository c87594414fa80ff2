using System.Globalization;
using ViberMessaging.Internal;

namespace ViberMessaging.DecisionTelecom;

/// <summary>
/// DecisionTelecom's rules on top of the neutral ones (lengths, URLs, the 40–21600 s TTL from
/// <see cref="DecisionTelecomViberClient.DefaultCapabilities"/>): image and button only together (types 108/208),
/// whole-second TTLs, an SMS fallback only for transactional messages and within one SMS, no chat replies.
/// Every violation is reported at once, before any request.
/// </summary>
internal static class DecisionTelecomMessageValidator
{
    /// <summary>The longest <c>text_sms</c> in GSM-7 septets (one segment).</summary>
    public const int MaxGsm7Septets = 160;

    /// <summary>The longest <c>text_sms</c> in UCS-2 characters (one segment).</summary>
    public const int MaxUcs2Characters = 70;

    // The GSM 03.38 default alphabet (one septet each) and its extension table (escape + septet: two each).
    private const string Gsm7Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Gsm7Extension = "^{}\\[~]|€\f";

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
        if ((message.ImageUrl is null) != (message.Button is null))
        {
            errors.Add(
                message.ImageUrl is null ? nameof(ViberMessage.ImageUrl) : nameof(ViberMessage.Button),
                "Together",
                "DecisionTelecom sends an image only with a button and a button only with an image (message type 108/208): set both ImageUrl and Button, or neither.");
        }

        if (message.TimeToLive is { } ttl && ttl.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add(nameof(ViberMessage.TimeToLive), "WholeSeconds", string.Create(CultureInfo.InvariantCulture, $"TimeToLive is sent in whole seconds (validity_period); {ttl.TotalSeconds:0.###} s is not."));
        }

        if (message.TwoWay?.ChatId is not null)
        {
            errors.Add(
                "TwoWay.ChatId",
                "NotSupported",
                $"{providerName} has no chats to reply in: replies arrive at your callback URL (read them with DecisionTelecomCallbacks.ParseReply); answer with a new two-way message (TwoWayOptions.OpenChat) to the recipient.");
        }

        if (message.SmsFallback is not { } sms)
        {
            return;
        }

        if (message.Kind != MessageKind.Transactional)
        {
            errors.Add(nameof(ViberMessage.SmsFallback), "TransactionalOnly", $"{providerName} sends an SMS fallback (text_sms) only with transactional messages: set Kind to Transactional or remove SmsFallback.");
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
