using ViberMessaging.Tests.Reliability;
using static ViberMessaging.Tests.Reliability.ValidationRuleCatalogue;

namespace ViberMessaging.Tests.Providers.DecisionTelecom;

/// <summary>The rules of DecisionTelecom's document the SDK checks before sending, each broken once (the shared rules come from <see cref="ValidationRuleCatalogue"/>).</summary>
internal static class DecisionTelecomValidationRules
{
    public static IEnumerable<RuleCase> For(ProviderCase p)
    {
        yield return Send(p, "source_addr at most 20 characters", Msg(p, sender: new string('s', 21)), ("Sender", "MaxLength"));
        yield return Send(p, "button_caption at most 30 characters", Msg(p, image: Image, button: new ViberButton(new string('b', 31), Button.Url)), ("Button.Caption", "MaxLength"));
        yield return Send(p, "image only with a button (type 108)", Msg(p, image: Image), ("Button", "Together"));
        yield return Send(p, "button only with an image (type 108)", Msg(p, button: Button), ("ImageUrl", "ButtonRequiresImage"));
        yield return Send(p, "transactional message (text message) – 2: no image and button", Msg(p, image: Image, button: Button, kind: MessageKind.Transactional), ("Kind", "TransactionalTextOnly"));
        yield return Send(p, "validity_period 40–21600 s: 39", Msg(p, ttl: TimeSpan.FromSeconds(39)), ("TimeToLive", "Range"));
        yield return Send(p, "validity_period 40–21600 s: 21601", Msg(p, ttl: TimeSpan.FromSeconds(21601)), ("TimeToLive", "Range"));
        yield return Send(p, "validity_period in whole seconds", Msg(p, ttl: TimeSpan.FromSeconds(40.5)), ("TimeToLive", "WholeSeconds"));
        yield return Send(p, "text_sms one GSM-7 segment (160)", Msg(p, sms: new SmsFallback(new string('a', 161))), ("SmsFallback.Text", "OneSegment"));
        yield return Send(p, "text_sms one UCS-2 segment (70)", Msg(p, sms: new SmsFallback(new string('ж', 71))), ("SmsFallback.Text", "OneSegment"));
        yield return Send(p, "Viber + SMS for transactional messages only", Msg(p, sms: new SmsFallback("SMS text"), kind: MessageKind.Promotional), ("SmsFallback", "TransactionalOnly"));
        yield return Send(p, "Viber + SMS: image and button make it promotional", Msg(p, image: Image, button: Button, sms: new SmsFallback("SMS text")), ("SmsFallback", "TransactionalOnly"));
        yield return Send(p, "transactional message + SMS – TTL only 40 seconds", Msg(p, sms: new SmsFallback("SMS text"), ttl: TimeSpan.FromSeconds(60)), ("TimeToLive", "ViberPlusSmsTtl"));
        yield return Send(p, "no SMS sender field", Msg(p, sms: new SmsFallback("SMS text") { Sender = "MyShop" }), ("SmsFallback.Sender", "NotSupported"));
        yield return Send(p, "no SMS validity field", Msg(p, sms: new SmsFallback("SMS text") { TimeToLive = TimeSpan.FromMinutes(5) }), ("SmsFallback.TimeToLive", "NotSupported"));
        yield return Send(p, "no chats to reply in", Msg(p, sender: null, to: [], twoWay: TwoWayOptions.ReplyIn("429")), ("TwoWay.ChatId", "NotSupported"));
        yield return Send(p, "no scheduling", Msg(p, schedule: new MessageSchedule(DateTimeOffset.UnixEpoch.AddYears(60))), ("Schedule", "NotSupported"));
        yield return Send(p, "callback_url absolute http(s)", Msg(p, callback: new Uri("mailto:ops@example.com")), ("CallbackUrl", "AbsoluteHttpUrl"));
        yield return Status(p, "message_id is the Int64 send-viber returned", [new MessageId(p.Name, "abc")], ("messageIds[0]", "Format"));
        yield return Status(p, "status ids of this account", ["SmsBy:quick:1"], ("messageIds[0]", "Provider"));
    }
}
