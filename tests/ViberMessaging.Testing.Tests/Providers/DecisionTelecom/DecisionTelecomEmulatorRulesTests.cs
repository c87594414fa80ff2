using System.Text.Json;
using ViberMessaging.Testing.Providers.DecisionTelecom;

namespace ViberMessaging.Testing.Tests.Providers.DecisionTelecom;

/// <summary>DecisionTelecom's rules on their own, without HTTP: which parameter a body breaks first, SMS segments, retention, status ints.</summary>
public sealed class DecisionTelecomEmulatorRulesTests
{
    private const string Text = """{"source_addr":"Shop","destination_addr":"380504444444","message_type":106,"text":"Hi","source_type":2""";
    private const string Rich = """{"source_addr":"Shop","destination_addr":"380504444444","message_type":108,"text":"Hi","image":"https://x.example/i.jpg","button_caption":"Go","button_action":"https://x.example/a","source_type":1""";

    [Fact]
    public void ReadSend_ViberPlusSms_ReadsEveryField()
    {
        var (request, invalid) = DecisionTelecomEmulatorRules.ReadSend(Parse(Text + ""","text_sms":"Hi sms","validity_period":"40","callback_url":"https://x.example/cb"}"""));

        Assert.Null(invalid);
        Assert.Equal(
            new DecisionTelecomSendRequest("Shop", "380504444444", 106, "Hi", null, null, null, 2, "Hi sms", new Uri("https://x.example/cb"), 40),
            request);
    }

    [Fact]
    public void ReadSend_ImageAndButton_ReadsTheRichFields()
    {
        var (request, invalid) = DecisionTelecomEmulatorRules.ReadSend(Parse(Rich + "}"));

        Assert.Null(invalid);
        Assert.Equal(("https://x.example/i.jpg", "Go", "https://x.example/a"), (request!.Image, request.ButtonCaption, request.ButtonAction));
    }

    [Theory]
    [InlineData("[]", "source_addr")]
    [InlineData(Text + ""","source_addr":"   "}""", "source_addr")]
    [InlineData(Text + ""","destination_addr":"+380504444444"}""", "destination_addr")]
    [InlineData(Text + ""","message_type":"206x"}""", "message_type")]
    [InlineData(Text + ""","text":""}""", "text")]
    [InlineData(Text + ""","button_action":"https://x.example/a"}""", "button_action")]
    [InlineData(Rich + ""","image":"ftp://x.example/i.jpg"}""", "image")]
    [InlineData(Rich + ""","button_caption":"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDE"}""", "button_caption")]
    [InlineData(Rich + ""","source_type":2}""", "source_type")]
    [InlineData(Text + ""","text_sms":"Hi","source_type":1}""", "text_sms")]
    [InlineData(Text + ""","callback_url":"/relative"}""", "callback_url")]
    [InlineData(Text + ""","validity_period":39}""", "validity_period")]
    [InlineData(Text + ""","text_sms":"Hi","validity_period":41}""", "validity_period")]
    public void ReadSend_BrokenParameter_NamesTheFirstOneInTheDocumentsOrder(string json, string expected)
    {
        var (request, invalid) = DecisionTelecomEmulatorRules.ReadSend(Parse(json));

        Assert.Null(request);
        Assert.Equal(expected, invalid);
    }

    [Fact]
    public void ReadSend_NoBody_NamesSourceAddr()
        => Assert.Equal("source_addr", DecisionTelecomEmulatorRules.ReadSend(null).Invalid);

    [Theory]
    [InlineData(0, null)]
    [InlineData(40, 40)]
    [InlineData(21600, 21600)]
    public void ReadSend_ValidityPeriod_ZeroIsNoneAndTheRangeIsKept(int given, int? expected)
        => Assert.Equal(expected, DecisionTelecomEmulatorRules.ReadSend(Parse(Text + $$""","validity_period":{{given}}}""")).Request!.ValidityPeriod);

    [Theory]
    [InlineData('a', 160, true)]
    [InlineData('a', 161, false)]
    [InlineData('€', 80, true)]
    [InlineData('€', 81, false)]
    [InlineData('ж', 70, true)]
    [InlineData('ж', 71, false)]
    public void FitsOneSms_AtTheSegmentBoundary_CountsSeptetsOrUcs2Characters(char character, int count, bool expected)
        => Assert.Equal(expected, DecisionTelecomEmulatorRules.FitsOneSms(new string(character, count)));

    [Theory]
    [InlineData("""{"message_id":9007199254740993}""", 9007199254740993L)]
    [InlineData("""{"message_id":"9007199254740993"}""", 9007199254740993L)]
    [InlineData("""{"message_id":"-1"}""", null)]
    [InlineData("""{"message_id":1.5}""", null)]
    [InlineData("""{}""", null)]
    [InlineData("""[1]""", null)]
    public void ReadMessageId_NumberOrDigits_IsReadExactly(string json, long? expected)
        => Assert.Equal(expected, DecisionTelecomEmulatorRules.ReadMessageId(Parse(json)));

    [Fact]
    public void IsRetained_FiveDays_IsTheLastReadableMoment()
    {
        var accepted = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.True(DecisionTelecomEmulatorRules.IsRetained(accepted, accepted + TimeSpan.FromDays(5)));
        Assert.False(DecisionTelecomEmulatorRules.IsRetained(accepted, accepted + TimeSpan.FromDays(5) + TimeSpan.FromTicks(1)));
    }

    [Theory]
    [InlineData(EmulatedViberState.Pending, RecipientBehavior.Reads, 5)]
    [InlineData(EmulatedViberState.Sent, RecipientBehavior.Reads, 0)]
    [InlineData(EmulatedViberState.Delivered, RecipientBehavior.Delivers, 1)]
    [InlineData(EmulatedViberState.Read, RecipientBehavior.Reads, 1)]
    [InlineData(EmulatedViberState.Undeliverable, RecipientBehavior.Blacklisted, 3)]
    [InlineData(EmulatedViberState.Undeliverable, RecipientBehavior.NotViberUser, 4)]
    [InlineData(EmulatedViberState.Expired, RecipientBehavior.Expires, 4)]
    public void ViberStatus_EachState_IsTheDocumentsInt(EmulatedViberState state, RecipientBehavior behavior, int expected)
        => Assert.Equal(expected, DecisionTelecomEmulatorRules.ViberStatus(new EmulatedStatus(state, null, default, behavior)));

    [Theory]
    [InlineData(null, null)]
    [InlineData(EmulatedSmsState.Pending, 1)]
    [InlineData(EmulatedSmsState.Sent, 6)]
    [InlineData(EmulatedSmsState.Delivered, 2)]
    [InlineData(EmulatedSmsState.Undeliverable, 5)]
    public void SmsStatus_EachState_IsTheSmppMessageState(EmulatedSmsState? state, int? expected)
        => Assert.Equal(expected, DecisionTelecomEmulatorRules.SmsStatus(state));

    [Theory]
    [InlineData(106, false)]
    [InlineData(108, false)]
    [InlineData(206, true)]
    [InlineData(208, true)]
    public void IsTwoWay_MessageType_Only2xxOpenAChat(int type, bool expected)
        => Assert.Equal(expected, DecisionTelecomEmulatorRules.IsTwoWay(type));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
