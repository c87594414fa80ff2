using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace ViberMessaging.DecisionTelecom;

/// <summary>Maps the neutral model to DecisionTelecom's wire: one <c>send-viber</c> body per recipient, status queries, auth.</summary>
internal static class DecisionTelecomRequestMapper
{
    /// <summary>Text only.</summary>
    public const int TextOnly = 106;

    /// <summary>Text, image and button.</summary>
    public const int TextImageButton = 108;

    /// <summary>Text only, two-way.</summary>
    public const int TextOnlyTwoWay = 206;

    /// <summary>Text, image and button, two-way.</summary>
    public const int TextImageButtonTwoWay = 208;

    /// <summary>A promotional message.</summary>
    public const int Promotional = 1;

    /// <summary>A transactional message.</summary>
    public const int Transactional = 2;

    /// <summary>
    /// The body for one recipient of a (validated) message. Unset fields stay <see langword="null"/> and are omitted,
    /// except <c>validity_period</c> with an SMS fallback: Viber + SMS takes only 40 seconds.
    /// </summary>
    public static SendViberRequest ToDecisionTelecomSend(ViberMessage message, PhoneNumber recipient) => new()
    {
        SourceAddr = message.Sender!,
        DestinationAddr = recipient.Digits,
        MessageType = ToDecisionTelecomMessageType(message),
        Text = message.Text!,
        Image = message.ImageUrl?.AbsoluteUri,
        ButtonCaption = message.Button?.Caption,
        ButtonAction = message.Button?.Url.AbsoluteUri,
        SourceType = ToDecisionTelecomSourceType(ToDecisionTelecomKind(message)),
        TextSms = message.SmsFallback?.Text,
        CallbackUrl = message.CallbackUrl?.AbsoluteUri,
        ValidityPeriod = message.TimeToLive is { } ttl ? (int)ttl.TotalSeconds
            : message.SmsFallback is not null ? (int)DecisionTelecomMessageValidator.ViberPlusSmsTimeToLive.TotalSeconds
            : null,
    };

    /// <summary>
    /// The message's kind, or when none was chosen the one its content makes it: an image or a button is promotional
    /// (message type 108 is "convenient for promotional messages"; "transactional message (text message) – 2").
    /// </summary>
    public static MessageKind ToDecisionTelecomKind(ViberMessage message)
        => message.Kind ?? (message.ImageUrl is not null || message.Button is not null ? MessageKind.Promotional : MessageKind.Transactional);

    /// <summary>106 text only, 108 text + image + button; the two-way variants 206/208 when the message opens a chat.</summary>
    public static int ToDecisionTelecomMessageType(ViberMessage message)
    {
        var rich = message.ImageUrl is not null || message.Button is not null;
        return message.TwoWay is not null
            ? rich ? TextImageButtonTwoWay : TextOnlyTwoWay
            : rich ? TextImageButton : TextOnly;
    }

    /// <summary>Promotional → 1, transactional → 2.</summary>
    public static int ToDecisionTelecomSourceType(MessageKind kind) => kind == MessageKind.Promotional ? Promotional : Transactional;

    /// <summary>The status query for one (validated) id.</summary>
    public static ReceiveViberRequest ToDecisionTelecomStatus(MessageId id)
        => new() { MessageId = long.Parse(id.Value, NumberStyles.None, CultureInfo.InvariantCulture) };

    /// <summary>The <c>Authorization</c> header for the key, encoded as configured.</summary>
    public static AuthenticationHeaderValue ToDecisionTelecomAuthorization(string apiKey, DecisionTelecomKeyEncoding encoding) => new(
        "Basic",
        encoding switch
        {
            DecisionTelecomKeyEncoding.Verbatim => apiKey,
            DecisionTelecomKeyEncoding.Base64WithColon => Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":")),
            _ => Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey)),
        });
}
