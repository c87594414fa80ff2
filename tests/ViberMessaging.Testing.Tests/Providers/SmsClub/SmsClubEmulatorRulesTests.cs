using System.Text.Json;
using ViberMessaging.Testing.Providers.SmsClub;

namespace ViberMessaging.Testing.Tests.Providers.SmsClub;

/// <summary>SMS Club's rules on their own, without HTTP: every field error at once, the account refusals in order, replies, phones, words.</summary>
public sealed class SmsClubEmulatorRulesTests
{
    private const string Valid = """{"message":"Hi","sender":"MyShop","phones":["380989361121"]""";

    [Fact]
    public void ReadSend_Valid_ReadsEveryField()
    {
        var (request, errors) = SmsClubEmulatorRules.ReadSend(Parse(Valid + ""","phones":["380989361121",380989361126],"senderSms":"Shop","messageSms":"Hi sms","is_2way":true}"""));

        Assert.False(errors.Any);
        Assert.Equal(("MyShop", "Hi", "Shop", "Hi sms", true), (request.Sender, request.Text, request.SenderSms, request.MessageSms, request.TwoWay));
        Assert.Equal(["380989361121", "380989361126"], request.Phones);
    }

    [Fact]
    public void ReadSend_ManyBrokenFields_ReportsEveryKeyAtOnceInTheOrderFound()
    {
        var (_, errors) = SmsClubEmulatorRules.ReadSend(Parse("""{"phones":[],"button_txt":"Go","senderSms":"Shop","mgr_plan_date":1,"is_2way":"yes"}"""));

        Assert.Equal(["sender", "text", "phones", "button", "picture_url", "SMS", "date", "is_2way"], errors.Errors.Select(e => e.Key));
    }

    [Theory]
    [InlineData(""","lifetime":59}""", true)]
    [InlineData(""","lifetime":60}""", false)]
    [InlineData(""","lifetime":86000}""", false)]
    [InlineData(""","lifetime":86001}""", true)]
    [InlineData(""","phones":["380989361121","380989361126"],"lifetime":3599}""", true)]
    [InlineData(""","phones":["380989361121","380989361126"],"lifetime":"3600"}""", false)]
    public void ReadSend_Lifetime_60ForOneNumberAnd3600ForSeveral(string change, bool refused)
        => Assert.Equal(refused, SmsClubEmulatorRules.ReadSend(Parse(Valid + change)).Errors.Errors.Any(e => e.Key == "lifetime"));

    [Theory]
    [InlineData(""","picture_url":"https://img.example/a.jpg"}""", "picture_url")]
    [InlineData(""","picture_url":"https://img.example/a.jpg","button_txt":"Go","button_url":"https://x.example"}""", null)]
    [InlineData(""","picture_url":"https://img.example/broken-image.jpg","button_txt":"Go","button_url":"https://x.example"}""", "upload_img")]
    [InlineData(""","picture_url":"img.jpg","button_txt":"Go","button_url":"https://x.example"}""", "upload_img")]
    [InlineData(""","messageSms":"Hi"}""", "SMS")]
    [InlineData(""","mgr_plan_date":1767254400,"mgr_end_time":1767258000}""", null)]
    [InlineData(""","mgr_plan_date":1767236400,"mgr_end_time":1767258000}""", "date")]
    [InlineData(""","mgr_plan_date":1767258000,"mgr_end_time":1767254400}""", "date")]
    public void ReadSend_GroupsPairsAndSchedule_NameTheirKey(string change, string? key)
        => Assert.Equal(key, SmsClubEmulatorRules.ReadSend(Parse(Valid + change)).Errors.Errors.SingleOrDefault().Key);

    [Theory]
    [InlineData("BlockedAccount", null, "Hi CENSORED", null, 460)]
    [InlineData("Unregistered", null, "Hi CENSORED", null, 461)]
    [InlineData("NoMoney", null, "Hi CENSORED", null, 462)]
    [InlineData("NoMoney", "UnregSms", "Hi", "Hi", 466)]
    [InlineData("NoMoney", "ABCDEFGHIJKL", "Hi", "Hi", 466)]
    [InlineData("NoMoney", "Shop", "Hi", "CENSORED", 467)]
    [InlineData("NoMoney", "Shop", "Hi", "Hi", 464)]
    [InlineData("SystemError", "NoMoneySms", "Hi", "Hi", 468)]
    [InlineData("SystemError", null, "Hi", null, 465)]
    [InlineData("MyShop", null, "Hi", null, null)]
    public void AccountRefusal_Triggers_InTheGatewaysOrder(string sender, string? senderSms, string text, string? messageSms, int? expected)
    {
        var request = new SmsClubSendRequest(sender, text, senderSms, messageSms, null, null, null) { Phones = ["380989361121"] };

        Assert.Equal(expected, SmsClubEmulatorRules.AccountRefusal(request, _ => RecipientBehavior.Reads)?.Status);
    }

    [Fact]
    public void AccountRefusal_NoCorrectPhoneLeft_Is463BeforeMoney()
    {
        var request = new SmsClubSendRequest("NoMoney", "Hi", null, null, null, null, null) { Phones = ["3801234", "380989361121"] };

        var refusal = SmsClubEmulatorRules.AccountRefusal(request, phone => phone == "380989361121" ? RecipientBehavior.InvalidNumber : RecipientBehavior.Reads);

        Assert.Equal((463, "anyCorrectPhones"), (refusal!.Value.Status, refusal.Value.Errors.Errors.Single().Key));
    }

    [Theory]
    [InlineData("""{"chat_id":"1","message":"Hi","is_2way":true}""", true, null, null)]
    [InlineData("""{"chat_id":"1","message":"Hi"}""", true, 400, "is_2way")]
    [InlineData("""{"chat_id":"1","message":" ","is_2way":true}""", true, 400, "text")]
    [InlineData("""{"chat_id":"9","message":"Hi","is_2way":true}""", false, 400, "chat_id")]
    [InlineData("""{"chat_id":"1","message":"CENSORED","is_2way":true}""", true, 462, "text")]
    public void ReplyRefusal_ToAChat_NeedsTwoWayATextAndTheChat(string json, bool chatFound, int? status, string? key)
    {
        var refusal = SmsClubEmulatorRules.ReplyRefusal(Parse(json), chatFound);

        Assert.Equal((status, key), (refusal?.Status, refusal?.Errors.Errors.Single().Key));
    }

    [Theory]
    [InlineData("380989361121", true)]
    [InlineData("38098936112", false)]
    [InlineData("4915112345678", true)]
    [InlineData("123456", false)]
    [InlineData("0989361121", false)]
    [InlineData("+380989361121", false)]
    public void IsCorrect_7To15DigitsAndUkrainianNumbersOf12(string phone, bool expected)
        => Assert.Equal(expected, SmsClubEmulatorRules.IsCorrect(phone));

    [Fact]
    public void IsRejectedText_TriggerWordOrOver1000Characters()
    {
        Assert.True(SmsClubEmulatorRules.IsRejectedText("a censored word"));
        Assert.True(SmsClubEmulatorRules.IsRejectedText(new string('a', 1001)));
        Assert.False(SmsClubEmulatorRules.IsRejectedText(new string('a', 1000)));
        Assert.False(SmsClubEmulatorRules.IsRejectedText(null));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("3", 3)]
    [InlineData("0", 1)]
    [InlineData("x", 1)]
    public void Page_PositiveIntegerOrTheFirst(string? text, int expected) => Assert.Equal(expected, SmsClubEmulatorRules.Page(text));

    [Theory]
    [InlineData(EmulatedViberState.Read, RecipientBehavior.Reads, null, "Delivered", "Read", null)]
    [InlineData(EmulatedViberState.Undeliverable, RecipientBehavior.NotViberUser, EmulatedSmsState.Delivered, "Undeliverable", "Not registered", "Delivered")]
    [InlineData(EmulatedViberState.Undeliverable, RecipientBehavior.BlocksSender, EmulatedSmsState.Sent, "Undeliverable", "Blocked by the recipient", "Sent")]
    [InlineData(EmulatedViberState.Undeliverable, RecipientBehavior.DeviceNotSupported, null, "Undeliverable", "Mailing lists are not supported", null)]
    [InlineData(EmulatedViberState.Expired, RecipientBehavior.Unreachable, EmulatedSmsState.Undeliverable, "Expired", null, "Undeliverable")]
    [InlineData(EmulatedViberState.Pending, RecipientBehavior.Reads, null, "Pending", null, null)]
    public void Words_EachState_AreSmsClubsStatusAdditionAndSmsWords(EmulatedViberState viber, RecipientBehavior behavior, EmulatedSmsState? sms, string status, string? addition, string? smsWord)
    {
        var state = new EmulatedStatus(viber, sms, default, behavior);

        Assert.Equal((status, addition, smsWord), (SmsClubEmulatorRules.ViberWord(viber), SmsClubEmulatorRules.AdditionWord(state), SmsClubEmulatorRules.SmsWord(sms)));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
