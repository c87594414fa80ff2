using System.Text.Json.Nodes;
using ViberMessaging.DecisionTelecom;
using ViberMessaging.Tests.TestSupport;
using static ViberMessaging.Tests.Providers.DecisionTelecom.DecisionTelecomTestSupport;

namespace ViberMessaging.Tests.Providers.DecisionTelecom;

public sealed class DecisionTelecomRequestMapperTests
{
    private static readonly PhoneNumber Recipient = PhoneNumber.Parse("+380 50 444 44 44");

    [Fact]
    public void ToDecisionTelecomSend_TextOnlyTransactional_WritesOnlyTheSetFields()
    {
        var message = new ViberMessage { Sender = "Custom Company", Recipients = [Recipient], Text = "Message content" };

        var sut = DecisionTelecomRequestMapper.ToDecisionTelecomSend(message, Recipient);

        WireAssert.JsonEqual(
            """{"source_addr":"Custom Company","destination_addr":"380504444444","message_type":106,"text":"Message content","source_type":2}""",
            Serialize(sut, DecisionTelecomJsonContext.Default.SendViberRequest));
        Assert.Equal(("Custom Company", "380504444444", 106, "Message content", 2), (sut.SourceAddr, sut.DestinationAddr, sut.MessageType, sut.Text, sut.SourceType));
        Assert.Null(sut.ValidityPeriod);
        Assert.Null(sut.TextSms);
    }

    [Fact]
    public void ToDecisionTelecomSend_PromotionalWithImageButtonCallbackAndTtl_WritesEveryDocumentedField()
    {
        var message = new ViberMessage
        {
            Sender = "Custom Company",
            Recipients = [Recipient],
            Text = "Message content",
            ImageUrl = new Uri("https://yourdomain.com/images/image.jpg"),
            Button = new ViberButton("Join Us", new Uri("https://yourdomain.com/join-us")),
            Kind = MessageKind.Promotional,
            CallbackUrl = new Uri("https://yourdomain.com/viber-callback"),
            TimeToLive = TimeSpan.FromHours(1),
        };

        var sut = DecisionTelecomRequestMapper.ToDecisionTelecomSend(message, Recipient);

        WireAssert.JsonEqual(
            """
            {
              "source_addr": "Custom Company",
              "destination_addr": "380504444444",
              "message_type": 108,
              "text": "Message content",
              "image": "https://yourdomain.com/images/image.jpg",
              "button_caption": "Join Us",
              "button_action": "https://yourdomain.com/join-us",
              "source_type": 1,
              "callback_url": "https://yourdomain.com/viber-callback",
              "validity_period": 3600
            }
            """,
            Serialize(sut, DecisionTelecomJsonContext.Default.SendViberRequest));
    }

    [Fact]
    public void ToDecisionTelecomSend_ViberPlusSms_WritesTextSms()
    {
        var message = new ViberMessage
        {
            Sender = "Custom Company",
            Recipients = [Recipient],
            Text = "Message content",
            SmsFallback = new SmsFallback("SMS message content"),
            TimeToLive = TimeSpan.FromSeconds(40),
        };

        var sut = DecisionTelecomRequestMapper.ToDecisionTelecomSend(message, Recipient);

        WireAssert.JsonEqual(
            """{"source_addr":"Custom Company","destination_addr":"380504444444","message_type":106,"text":"Message content","source_type":2,"text_sms":"SMS message content","validity_period":40}""",
            Serialize(sut, DecisionTelecomJsonContext.Default.SendViberRequest));
    }

    [Fact]
    public void ToDecisionTelecomSend_ViberPlusSmsWithoutTimeToLive_WritesTheOnly40Seconds()
    {
        var message = new ViberMessage { Sender = "Custom Company", Recipients = [Recipient], Text = "Message content", SmsFallback = new SmsFallback("SMS message content") };

        var sut = DecisionTelecomRequestMapper.ToDecisionTelecomSend(message, Recipient);

        WireAssert.JsonEqual(
            """{"source_addr":"Custom Company","destination_addr":"380504444444","message_type":106,"text":"Message content","source_type":2,"text_sms":"SMS message content","validity_period":40}""",
            Serialize(sut, DecisionTelecomJsonContext.Default.SendViberRequest));
    }

    [Theory]
    [InlineData(false, false, null, MessageKind.Transactional)]
    [InlineData(true, false, null, MessageKind.Promotional)]
    [InlineData(false, true, null, MessageKind.Promotional)]
    [InlineData(true, true, null, MessageKind.Promotional)]
    [InlineData(false, false, MessageKind.Promotional, MessageKind.Promotional)]
    [InlineData(true, true, MessageKind.Transactional, MessageKind.Transactional)]
    public void ToDecisionTelecomKind_NotChosen_ComesFromTheContent(bool image, bool button, MessageKind? chosen, MessageKind expected)
    {
        var message = new ViberMessage
        {
            Text = "Hi",
            ImageUrl = image ? new Uri("https://x.example/i.jpg") : null,
            Button = button ? new ViberButton("Go", new Uri("https://x.example/a")) : null,
            Kind = chosen,
        };

        Assert.Equal(expected, DecisionTelecomRequestMapper.ToDecisionTelecomKind(message));
    }

    [Fact]
    public void ToDecisionTelecomSend_NonAsciiText_SurvivesTheWireExactly()
    {
        var message = new ViberMessage { Sender = "Магазин", Recipients = [Recipient], Text = "Ваше замовлення 1042 відправлено 🚚 \"швидко\"" };

        var sut = DecisionTelecomRequestMapper.ToDecisionTelecomSend(message, Recipient);

        var wire = JsonNode.Parse(Serialize(sut, DecisionTelecomJsonContext.Default.SendViberRequest))!;
        Assert.Equal(message.Text, (string?)wire["text"]);
        Assert.Equal("Магазин", (string?)wire["source_addr"]);
    }

    [Theory]
    [InlineData(false, false, 106)]
    [InlineData(true, false, 108)]
    [InlineData(false, true, 206)]
    [InlineData(true, true, 208)]
    public void ToDecisionTelecomMessageType_ContentAndTwoWay_PicksTheDocumentedType(bool imageAndButton, bool twoWay, int expected)
    {
        var message = new ViberMessage
        {
            Text = "Hi",
            ImageUrl = imageAndButton ? new Uri("https://x.example/i.jpg") : null,
            Button = imageAndButton ? new ViberButton("Go", new Uri("https://x.example/a")) : null,
            TwoWay = twoWay ? TwoWayOptions.OpenChat : null,
        };

        var sut = DecisionTelecomRequestMapper.ToDecisionTelecomMessageType(message);

        Assert.Equal(expected, sut);
    }

    [Theory]
    [InlineData(MessageKind.Promotional, 1)]
    [InlineData(MessageKind.Transactional, 2)]
    public void ToDecisionTelecomSourceType_Kind_PicksTheDocumentedSourceType(MessageKind kind, int expected)
        => Assert.Equal(expected, DecisionTelecomRequestMapper.ToDecisionTelecomSourceType(kind));

    [Fact]
    public void ToDecisionTelecomStatus_IdAbove2Pow53_WritesTheExactNumber()
    {
        var sut = DecisionTelecomRequestMapper.ToDecisionTelecomStatus(new MessageId(Provider, "9007199254740993"));

        Assert.Equal("""{"message_id":9007199254740993}""", Serialize(sut, DecisionTelecomJsonContext.Default.ReceiveViberRequest));
        Assert.Equal(9007199254740993L, sut.MessageId);
    }

    [Theory]
    [InlineData(DecisionTelecomKeyEncoding.Base64, "Basic dXNlci1oYXNoLWtleQ==")]
    [InlineData(DecisionTelecomKeyEncoding.Base64WithColon, "Basic dXNlci1oYXNoLWtleTo=")]
    [InlineData(DecisionTelecomKeyEncoding.Verbatim, "Basic user-hash-key")]
    public void ToDecisionTelecomAuthorization_Encoding_WritesTheHeaderThatWay(DecisionTelecomKeyEncoding encoding, string expected)
    {
        var sut = DecisionTelecomRequestMapper.ToDecisionTelecomAuthorization("user-hash-key", encoding);

        Assert.Equal(expected, sut.ToString());
    }
}
