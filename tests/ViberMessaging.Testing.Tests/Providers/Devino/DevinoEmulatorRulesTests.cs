using System.Text.Json;
using ViberMessaging.Testing.Providers.Devino;

namespace ViberMessaging.Testing.Tests.Providers.Devino;

/// <summary>Devino's rules on their own, without HTTP: the request's shape, request-wide and per-message codes, segments, status words.</summary>
public sealed class DevinoEmulatorRulesTests
{
    private const string Valid = """{"address":"79250000001","subject":"Shop","priority":"high","type":"viber","contentType":"text","content":{"text":"Hi"}""";

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void TryMessages_Count_OneToAHundred(int count, bool expected)
    {
        var body = Parse($$"""{"messages":[{{string.Join(',', Enumerable.Repeat("{}", count))}}]}""");

        Assert.Equal(expected, DevinoEmulatorRules.TryMessages(body, out _));
    }

    [Fact]
    public void TryMessages_NotAnArray_Fails() => Assert.False(DevinoEmulatorRules.TryMessages(Parse("""{"messages":{}}"""), out _));

    [Theory]
    [InlineData("""{}""", true, true)]
    [InlineData("""{"resendSms":false}""", true, false)]
    [InlineData("""{"resendSms":"false"}""", true, false)]
    [InlineData("""{"resendSms":1}""", false, true)]
    public void TryResendSms_OnWhenAbsent_BooleanOrItsText(string json, bool readable, bool expected)
    {
        Assert.Equal(readable, DevinoEmulatorRules.TryResendSms(Parse(json), out var resendSms));
        Assert.Equal(expected, resendSms);
    }

    [Fact]
    public void Merge_CommonDataUnderTheMessage_TheMessageWins()
    {
        var merged = DevinoEmulatorRules.Merge(Parse("""{"subject":"Common","priority":"low"}"""), Parse("""{"subject":"Own"}"""));

        Assert.Equal(("Own", "low"), (merged["subject"].GetString(), merged["priority"].GetString()));
    }

    [Theory]
    [InlineData(""","type":1}""", "error-instant-message-typeformat")]
    [InlineData(""","contentType":"video"}""", "error-instant-message-content-type-format")]
    [InlineData(""","content":{"imageUrl":"not a url"}}""", "error-instant-message-content-image-id-format")]
    [InlineData(""","subject":7}""", "error-syntax")]
    [InlineData(""","validityPeriodSec":true}""", "error-syntax")]
    [InlineData("}", null)]
    public void RequestWideCode_WrongTypeOrUnknownValue_RefusesTheWholeRequest(string change, string? expected)
        => Assert.Equal(expected, DevinoEmulatorRules.RequestWideCode(Message(Valid + change)));

    [Theory]
    [InlineData("""{}""", "error-address-not-specified", null)]
    [InlineData("""{"address":"0791234567"}""", "error-address-format", "0791234567")]
    [InlineData("""{"address":"123456"}""", "error-address-format", "123456")]
    [InlineData("""{"address":"7925000000a"}""", "error-address-format", "7925000000a")]
    [InlineData("""{"address":79250000001}""", null, "79250000001")]
    [InlineData("""{"address":"123456789012345"}""", null, "123456789012345")]
    public void AddressCode_PositiveIntegerOf7To15Digits_NumberOrString(string json, string? expected, string? digits)
    {
        Assert.Equal(expected, DevinoEmulatorRules.AddressCode(Message(json), out var read));
        Assert.Equal(digits, read);
    }

    [Theory]
    [InlineData(RecipientBehavior.InvalidNumber, "error-address-format")]
    [InlineData(RecipientBehavior.Blacklisted, "error-address-unknown")]
    [InlineData(RecipientBehavior.SilentlyDropped, "error-system")]
    [InlineData(RecipientBehavior.NotViberUser, null)]
    public void BehaviorCode_ScriptedRecipient_IsAnsweredWithItsCode(RecipientBehavior behavior, string? expected)
        => Assert.Equal(expected, DevinoEmulatorRules.BehaviorCode(behavior));

    [Theory]
    [InlineData(""","subject":""}""", true, "error-subject-not-specified")]
    [InlineData(""","subject":"ABCDEFGHIJKL"}""", true, "error-subject-format")]
    [InlineData(""","priority":"urgent"}""", true, "error-priority-format")]
    [InlineData(""","comment":5}""", true, "error-comment-format")]
    [InlineData(""","type":null}""", true, "error-instant-message-type-not-specified")]
    [InlineData(""","type":"sms"}""", true, "error-instant-message-type-format")]
    [InlineData(""","content":"Hi"}""", true, "error-content-not-specified")]
    [InlineData(""","contentType":"button","content":{"text":"Hi","caption":"ABCDEFGHIJKLMNOPQRST","action":"https://x.example"}}""", true, "error-content-type-format")]
    [InlineData(""","validityPeriodSec":29}""", true, "error-validity-period-seconds-format")]
    [InlineData(""","smsText":"Hi"}""", false, "error-resend-sms-error")]
    [InlineData(""","contentType":"image","content":{"imageUrl":"https://x.example/i.png"}}""", true, "error-resend-sms-error")]
    [InlineData(""","smsSrcAddress":"My-Shop"}""", true, "error-resend-sms-error")]
    [InlineData(""","smsValidityPeriodSec":"59"}""", true, "error-resend-sms-validity-period-error")]
    [InlineData(""","smsValidityPeriodSec":"60","smsSrcAddress":"MyShop"}""", true, null)]
    [InlineData(""","contentType":"image","content":{"imageUrl":"https://x.example/i.png"}}""", false, null)]
    public void MessageCode_EachRule_InTheGatewaysOrder(string change, bool resendSms, string? expected)
        => Assert.Equal(expected, DevinoEmulatorRules.MessageCode(Message(Valid + change), resendSms));

    [Theory]
    [InlineData('a', 160, 1)]
    [InlineData('a', 161, 2)]
    [InlineData('a', 306, 2)]
    [InlineData('a', 307, 3)]
    [InlineData('ж', 70, 1)]
    [InlineData('ж', 71, 2)]
    [InlineData('ж', 135, 3)]
    public void SegmentCount_GsmOrUcs2_CountsConcatenatedParts(char character, int length, int expected)
        => Assert.Equal(expected, DevinoEmulatorRules.SegmentCount(new string(character, length)));

    [Theory]
    [InlineData("3158611117333282817", true, 3158611117333282817L)]
    [InlineData("\"3158611117333282817\"", true, 3158611117333282817L)]
    [InlineData("0", false, 0L)]
    [InlineData("\"-5\"", false, 0L)]
    [InlineData("true", false, 0L)]
    public void TryId_PositiveNumberOrDigits_IsReadExactly(string json, bool expected, long id)
    {
        Assert.Equal(expected, DevinoEmulatorRules.TryId(Parse(json), out var read));
        if (expected)
        {
            Assert.Equal(id, read);
        }
    }

    [Theory]
    [InlineData(EmulatedViberState.Pending, false, "enqueued")]
    [InlineData(EmulatedViberState.Sent, false, "sent")]
    [InlineData(EmulatedViberState.Delivered, true, "delivered")]
    [InlineData(EmulatedViberState.Read, false, "read")]
    [InlineData(EmulatedViberState.Read, true, "visited")]
    [InlineData(EmulatedViberState.Undeliverable, false, "undelivered")]
    [InlineData(EmulatedViberState.Expired, false, "vp_expired")]
    public void StatusWord_EachState_IsTheApisWord(EmulatedViberState state, bool visited, string expected)
        => Assert.Equal(expected, DevinoEmulatorRules.StatusWord(state, visited));

    [Theory]
    [InlineData(EmulatedViberState.Undeliverable, RecipientBehavior.NotViberUser, "not-viber-user")]
    [InlineData(EmulatedViberState.Undeliverable, RecipientBehavior.BlocksSender, "user-blocked")]
    [InlineData(EmulatedViberState.Undeliverable, RecipientBehavior.DeviceNotSupported, null)]
    [InlineData(EmulatedViberState.Expired, RecipientBehavior.NotViberUser, null)]
    public void FailureReason_OnlyForUndelivered_NamesWhy(EmulatedViberState state, RecipientBehavior behavior, string? expected)
        => Assert.Equal(expected, DevinoEmulatorRules.FailureReason(new EmulatedStatus(state, null, default, behavior)));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static Dictionary<string, JsonElement> Message(string json) => DevinoEmulatorRules.Merge(default, Parse(json));
}
