using ViberMessaging.Tests.Reliability;
using static ViberMessaging.Tests.Reliability.ValidationRuleCatalogue;

namespace ViberMessaging.Tests.Providers.SmsClub;

/// <summary>The rules of SmsClub's document the SDK checks before sending, each broken once (the shared rules come from <see cref="ValidationRuleCatalogue"/>).</summary>
internal static class SmsClubValidationRules
{
    public static IEnumerable<RuleCase> For(ProviderCase p)
    {
        var two = new[] { p.Recipient, PhoneNumber.Parse("380989361126") };
        var kyivMorning = new DateTimeOffset(2030, 1, 15, 10, 0, 0, TimeSpan.FromHours(2));
        yield return Send(p, "button_txt at most 30 characters", Msg(p, image: Image, button: new ViberButton(new string('b', 31), Button.Url)), ("Button.Caption", "MaxLength"));
        yield return Send(p, "lifetime 60–86000 s for one phone: 59", Msg(p, ttl: TimeSpan.FromSeconds(59)), ("TimeToLive", "Range"));
        yield return Send(p, "lifetime 60–86000 s: 86001", Msg(p, ttl: TimeSpan.FromSeconds(86001)), ("TimeToLive", "Range"));
        yield return Send(p, "lifetime 3600–86000 s for several phones", Msg(p, to: two, ttl: TimeSpan.FromSeconds(3599)), ("TimeToLive", "Range"));
        yield return Send(p, "picture_url only with button_txt and button_url", Msg(p, image: Image), ("Button", "Together"));
        yield return Send(p, "button_txt and button_url only with picture_url (all three or none)", Msg(p, button: Button), ("ImageUrl", "ButtonRequiresImage"));
        yield return Send(p, "picture_url absolute http(s)", Msg(p, image: new Uri("/promo.jpg", UriKind.Relative), button: Button), ("ImageUrl", "AbsoluteHttpUrl"));
        yield return Send(p, "a picture needs text (no image-only messages)", Msg(p, text: null, image: Image, button: Button), ("Text", "Required"));
        yield return Send(p, "senderSms and messageSms together: sender", Msg(p, sms: new SmsFallback("SMS text")), ("SmsFallback.Sender", "Required"));
        yield return Send(p, "senderSms and messageSms together: text", Msg(p, sms: new SmsFallback(" ") { Sender = "MyShop" }), ("SmsFallback.Text", "Required"));
        yield return Send(p, "SMS alpha name at most 11 characters", Msg(p, sms: new SmsFallback("SMS text") { Sender = "TwelveChars1" }), ("SmsFallback.Sender", "MaxLength"));
        yield return Send(p, "the SMS has no lifetime of its own", Msg(p, sms: new SmsFallback("SMS text") { Sender = "MyShop", TimeToLive = TimeSpan.FromHours(1) }), ("SmsFallback.TimeToLive", "NotSupported"));
        yield return Send(p, "mgr_plan_date only with mgr_end_time", Msg(p, schedule: new MessageSchedule(kyivMorning)), ("Schedule.SendUntil", "Required"));
        yield return Send(p, "the mailing end after its start", Msg(p, schedule: new MessageSchedule(kyivMorning) { SendUntil = kyivMorning.AddHours(-1) }), ("Schedule.SendUntil", "Order"));
        yield return Send(p, "scheduled from 8:00 (Kyiv)", Msg(p, schedule: new MessageSchedule(kyivMorning.AddHours(-3)) { SendUntil = kyivMorning }), ("Schedule.SendAt", "Window"));
        yield return Send(p, "scheduled until 20:00 (Kyiv)", Msg(p, schedule: new MessageSchedule(kyivMorning) { SendUntil = kyivMorning.AddHours(11) }), ("Schedule.SendUntil", "Window"));
        yield return Send(p, "no status callbacks (poll)", Msg(p, callback: new Uri("https://my.example/cb")), ("CallbackUrl", "NotSupported"));
        yield return Send(p, "a reply goes to the chat, without recipients", Msg(p, twoWay: TwoWayOptions.ReplyIn("2766")), ("Recipients", "NotAllowed"));
        yield return Send(p, "a reply carries text only", Msg(p, sender: null, to: [], image: Image, button: Button, ttl: TimeSpan.FromMinutes(5), twoWay: TwoWayOptions.ReplyIn("2766")), ("ImageUrl", "NotSupported"), ("Button", "NotSupported"), ("TimeToLive", "NotSupported"));
        yield return Status(p, "status ids of this account", ["Devino:5769"], ("messageIds[0]", "Provider"));
        yield return Status(p, "status ids are not empty", new MessageId[] { default }, ("messageIds[0]", "Required"));
    }
}
