using ViberMessaging.Tests.Reliability;
using static ViberMessaging.Tests.Reliability.ValidationRuleCatalogue;

namespace ViberMessaging.Tests.Providers.Devino;

/// <summary>The rules of Devino's document the SDK checks before sending, each broken once (the shared rules come from <see cref="ValidationRuleCatalogue"/>).</summary>
internal static class DevinoValidationRules
{
    public static IEnumerable<RuleCase> For(ProviderCase p)
    {
        yield return Send(p, "subject at most 11 characters", Msg(p, sender: "TwelveChars1"), ("Sender", "MaxLength"));
        yield return Send(p, "caption at most 19 characters", Msg(p, button: new ViberButton(new string('b', 20), Button.Url)), ("Button.Caption", "MaxLength"));
        yield return Send(p, "imageUrl absolute http(s)", Msg(p, image: new Uri("file:///promo.jpg"), button: Button), ("ImageUrl", "AbsoluteHttpUrl"));
        yield return Send(p, "validityPeriodSec 30 s – 24 h: 29", Msg(p, ttl: TimeSpan.FromSeconds(29)), ("TimeToLive", "Range"));
        yield return Send(p, "validityPeriodSec 30 s – 24 h: 86401", Msg(p, ttl: TimeSpan.FromSeconds(86401)), ("TimeToLive", "Range"));
        yield return Send(p, "smsValidityPeriodSec 60 s – 24 h", Msg(p, sms: new SmsFallback("SMS text") { TimeToLive = TimeSpan.FromSeconds(59) }), ("SmsFallback.TimeToLive", "Range"));
        yield return Send(p, "smsSrcAddress 1–11 Latin letters or digits", Msg(p, sms: new SmsFallback("SMS text") { Sender = "My Shop" }), ("SmsFallback.Sender", "Format"));
        yield return Send(p, "smsText is required with resendSms", Msg(p, sms: new SmsFallback(" ")), ("SmsFallback.Text", "Required"));
        yield return Send(p, "contentType image cannot be re-sent as SMS", Msg(p, text: null, image: Image, sms: new SmsFallback("SMS text")), ("SmsFallback", "NotSupported"));
        yield return Send(p, "no text + image without a button", Msg(p, image: Image), ("ImageUrl", "Combination"));
        yield return Send(p, "no scheduling", Msg(p, schedule: new MessageSchedule(DateTimeOffset.UnixEpoch.AddYears(60))), ("Schedule", "NotSupported"));
        yield return Send(p, "no two-way chats", Msg(p, twoWay: TwoWayOptions.OpenChat), ("TwoWay", "NotSupported"));
        yield return Send(p, "no callback URL", Msg(p, callback: new Uri("https://my.example/cb")), ("CallbackUrl", "NotSupported"));
        yield return Status(p, "status ids are positive 64-bit integers", [new MessageId(p.Name, "abc"), new MessageId(p.Name, "0"), new MessageId(p.Name, "9223372036854775808")], ("messageIds[0]", "Format"), ("messageIds[1]", "Format"), ("messageIds[2]", "Format"));
        yield return Status(p, "status ids of this account", ["SmsClub:1"], ("messageIds[0]", "Provider"));
    }
}
