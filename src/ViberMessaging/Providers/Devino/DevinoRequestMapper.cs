
namespace ViberMessaging.Devino;

/// <summary>
/// Maps the neutral model to Devino's wire format: the content type from what the message carries, the priority,
/// validity and comment, the SMS re-send inside each message, and <c>commonData</c> for several recipients.
/// </summary>
internal static class DevinoRequestMapper
{
    public const string ViberType = "viber";
    public const string TextContent = "text";
    public const string ButtonContent = "button";
    public const string ImageContent = "image";

    /// <summary>An image with no text and no button: Devino's <c>image</c> content type, which cannot re-send as SMS.</summary>
    public static bool IsImageOnly(ViberMessage message)
        => message.ImageUrl is not null && message.Button is null && string.IsNullOrEmpty(message.Text);

    /// <summary>
    /// The <c>/send</c> body for <paramref name="recipients"/>. One recipient gets a self-contained message; several
    /// share a <c>commonData</c> block and carry only their address and SMS fields (which Devino reads per message).
    /// </summary>
    public static DevinoSendRequest ToDevinoSendRequest(ViberMessage message, ReadOnlySpan<PhoneNumber> recipients, DevinoOptions options)
    {
        var sms = message.SmsFallback;
        var smsText = sms?.Text;
        var smsSender = sms?.Sender;
        var smsValidity = Seconds(sms?.TimeToLive);
        if (recipients.Length == 1)
        {
            return new DevinoSendRequest
            {
                ResendSms = sms is not null,
                Messages = [ToDevinoMessage(message, options, recipients[0].Digits, smsText, smsSender, smsValidity)],
            };
        }

        var messages = new DevinoMessage[recipients.Length];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = new DevinoMessage
            {
                Address = recipients[i].Digits,
                SmsText = smsText,
                SmsSrcAddress = smsSender,
                SmsValidityPeriodSec = smsValidity,
            };
        }

        return new DevinoSendRequest
        {
            ResendSms = sms is not null,
            CommonData = ToDevinoMessage(message, options, address: null, smsText: null, smsSender: null, smsValidity: null),
            Messages = messages,
        };
    }

    /// <summary>The <c>/status</c> body; the ids were checked by <see cref="DevinoMessageValidator.ValidateMessageIds"/>.</summary>
    public static DevinoStatusRequest ToDevinoStatusRequest(ReadOnlySpan<MessageId> messageIds)
    {
        var ids = new long[messageIds.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            if (!DevinoMessageValidator.TryParseProviderId(messageIds[i], out ids[i]))
            {
                throw new ArgumentException($"{messageIds[i]} is not a Devino id; ids are validated before they are mapped.", nameof(messageIds));
            }
        }

        return new DevinoStatusRequest { Messages = ids };
    }

    /// <summary>Devino's priority word: the message's priority, else the options' default, else high for transactional and low for promotional messages.</summary>
    public static string ToDevinoPriority(ViberMessage message, DevinoOptions options)
        => (message.Priority ?? options.DefaultPriority ?? (message.Kind == MessageKind.Promotional ? MessagePriority.Low : MessagePriority.High)) switch
        {
            MessagePriority.Low => "low",
            MessagePriority.Normal => "normal",
            MessagePriority.Realtime => "realtime",
            _ => "high",
        };

    /// <summary>The content type and content: text only → <c>text</c>; text + button (+ image) → <c>button</c>; image only → <c>image</c>.</summary>
    public static (string ContentType, DevinoContent Content) ToDevinoContent(ViberMessage message)
    {
        if (message.Button is { } button)
        {
            return (ButtonContent, new DevinoContent
            {
                Text = message.Text,
                Caption = button.Caption,
                Action = button.Url.AbsoluteUri,
                ImageUrl = message.ImageUrl?.AbsoluteUri,
            });
        }

        return IsImageOnly(message)
            ? (ImageContent, new DevinoContent { ImageUrl = message.ImageUrl!.AbsoluteUri })
            : (TextContent, new DevinoContent { Text = message.Text });
    }

    private static DevinoMessage ToDevinoMessage(ViberMessage message, DevinoOptions options, string? address, string? smsText, string? smsSender, int? smsValidity)
    {
        var (contentType, content) = ToDevinoContent(message);
        return new DevinoMessage
        {
            Subject = message.Sender,
            Priority = ToDevinoPriority(message, options),
            ValidityPeriodSec = Seconds(message.TimeToLive ?? options.DefaultValidityPeriod),
            Comment = message.ClientReference,
            Type = ViberType,
            ContentType = contentType,
            Content = content,
            Address = address,
            SmsText = smsText,
            SmsSrcAddress = smsSender,
            SmsValidityPeriodSec = smsValidity,
        };
    }

    // Validation keeps these within Devino's ranges (at most 86 400 s), so whole seconds fit an int.
    private static int? Seconds(TimeSpan? value) => value is { } v ? (int)v.TotalSeconds : null;
}
