using System.Text;
using ViberMessaging.DecisionTelecom;
using static ViberMessaging.Tests.Providers.DecisionTelecom.DecisionTelecomTestSupport;

namespace ViberMessaging.Tests.Providers.DecisionTelecom;

public sealed class DecisionTelecomCallbacksTests
{
    // The documents' examples (the English one's trailing comma and all).
    private const string DocumentedStatus = """
        {
          "message_id":429,
          "status":1,
        }
        """;

    private const string DocumentedReply = """
        {
          "message_token": 4444444444444444,
          "phone_number": "97251222222",
          "time": 2121212121,
          "message": {
            "text": "a message to the service",
            "tracking_data": "tracking_id:100035"
          }
        }
        """;

    [Fact]
    public void ParseStatus_DocumentedBody_MapsEveryField()
    {
        var sut = DecisionTelecomCallbacks.ParseStatus(Utf8(DocumentedStatus));

        Assert.Equal(new MessageId(Provider, "429"), sut.MessageId);
        Assert.Equal(DeliveryStatus.Delivered, sut.ViberStatus);
        Assert.Equal(DeliveryStatus.Delivered, sut.Status);
        Assert.Equal(DeliveryChannel.Viber, sut.DeliveredVia);
        Assert.Equal("1", sut.RawStatus);
        Assert.Null(sut.SmsStatus);
        Assert.Null(sut.RawSmsStatus);
        Assert.Empty(sut.SmsPartIds);
        Assert.Null(sut.Error);
    }

    [Fact]
    public void ParseStatus_ViberPlusSmsBody_FillsTheSmsFallbackPart()
    {
        var sut = DecisionTelecomCallbacks.ParseStatus(Utf8("""{"message_id":9007199254740993,"status":4,"sms_message_id":3098,"sms_message_status":2}"""));

        Assert.Equal(new MessageId(Provider, "9007199254740993"), sut.MessageId);
        Assert.Equal(DeliveryStatus.Undeliverable, sut.ViberStatus);
        Assert.Equal(DeliveryStatus.Delivered, sut.SmsStatus);
        Assert.Equal(DeliveryStatus.Delivered, sut.Status);
        Assert.Equal(DeliveryChannel.Sms, sut.DeliveredVia);
        Assert.Equal(("4", "2"), (sut.RawStatus, sut.RawSmsStatus));
        Assert.Equal(["3098"], sut.SmsPartIds);
    }

    [Theory]
    [InlineData("""{"message_id":429,"status":42}""", "42")]
    [InlineData("""{"message_id":"429","status":"queued"}""", "queued")]
    [InlineData("""{"message_id":429,"status":20,"extra":{"nested":[1,2]}}""", "20")]
    public void ParseStatus_UnknownStatus_IsUnknownWithTheRawValueKept(string json, string raw)
    {
        var sut = DecisionTelecomCallbacks.ParseStatus(Utf8(json));

        Assert.Equal(DeliveryStatus.Unknown, sut.Status);
        Assert.Equal(raw, sut.RawStatus);
        Assert.Equal("429", sut.MessageId.Value);
    }

    [Fact]
    public void ParseStatus_CustomRegistrationName_BecomesTheIdsProvider()
    {
        var sut = DecisionTelecomCallbacks.ParseStatus(Utf8(DocumentedStatus), "DecisionTelecomMarketing");

        Assert.Equal(new MessageId("DecisionTelecomMarketing", "429"), sut.MessageId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"message_id":429""")]
    [InlineData("""{"message_id":"abc","status":1}""")]
    [InlineData("""{"message_id":-1,"status":1}""")]
    [InlineData("""{"message_id":429}""")]
    [InlineData("""{"status":1}""")]
    [InlineData("""{"name":"Internal server error","message":"m","code":2,"status":500}""")]
    [InlineData(DocumentedReply)]
    public void ParseStatus_BrokenBody_ThrowsMalformedKeepingTheRawText(string json)
    {
        var sut = Assert.Throws<ViberMessagingException>(() => DecisionTelecomCallbacks.ParseStatus(Utf8(json)));

        Assert.Equal(ViberErrorCode.MalformedResponse, sut.ErrorCode);
        Assert.Equal(Provider, sut.ProviderName);
        Assert.Equal(json, sut.ResponseBody);
        Assert.Contains("status callback", sut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseStatus_NotUtf8_ThrowsMalformed()
    {
        var sut = Assert.Throws<ViberMessagingException>(() => DecisionTelecomCallbacks.ParseStatus([0xFF, 0xFE, 0x7B]));

        Assert.Equal(ViberErrorCode.MalformedResponse, sut.ErrorCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Decision:Telecom")]
    public void ParseStatus_InvalidProviderName_ThrowsArgumentException(string name)
        => Assert.ThrowsAny<ArgumentException>(() => DecisionTelecomCallbacks.ParseStatus(Utf8(DocumentedStatus), name));

    [Fact]
    public void ParseReply_DocumentedBody_MapsEveryField()
    {
        var sut = DecisionTelecomCallbacks.ParseReply(Utf8(DocumentedReply));

        Assert.Equal(ChatMessageDirection.Incoming, sut.Direction);
        Assert.Equal("a message to the service", sut.Text);
        Assert.Equal(PhoneNumber.Parse("97251222222"), sut.Phone);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(2121212121), sut.Timestamp);
        Assert.Equal(TimeSpan.Zero, sut.Timestamp!.Value.Offset);
        Assert.Equal("4444444444444444", sut.ProviderMessageId);
        Assert.Equal(new MessageId(Provider, "100035"), sut.InReplyTo);
        Assert.Null(sut.ChatId);
    }

    [Fact]
    public void ParseReply_UkrainianDocumentBody_KeepsTheTokenExact()
    {
        const string Json = """{"message_token":44444444444444,"phone_number":"972512222222","time":2121212121,"message": {"text":"a message to the service","tracking_data":"tracking_id:100035" }}""";

        var sut = DecisionTelecomCallbacks.ParseReply(Utf8(Json), "Dt2");

        Assert.Equal("44444444444444", sut.ProviderMessageId);
        Assert.Equal("972512222222", sut.Phone!.Digits);
        Assert.Equal(new MessageId("Dt2", "100035"), sut.InReplyTo);
    }

    [Theory]
    [InlineData("""{"phone_number":"380504444444","message":{"text":"hi"}}""", null)]
    [InlineData("""{"phone_number":"380504444444","message":{"text":"hi","tracking_data":"campaign:7"}}""", null)]
    [InlineData("""{"phone_number":"380504444444","message":{"text":"hi","tracking_data":"tracking_id:abc"}}""", null)]
    [InlineData("""{"phone_number":"380504444444","message":{"text":"hi","tracking_data":" TRACKING_ID: 9007199254740993 "}}""", "9007199254740993")]
    [InlineData("""{"phone_number":380504444444,"message":{"text":"hi","tracking_data":"tracking_id:1"}}""", "1")]
    public void ParseReply_TrackingData_LinksTheAnsweredMessageWhenItNamesOne(string json, string? expected)
    {
        var sut = DecisionTelecomCallbacks.ParseReply(Utf8(json));

        Assert.Equal(expected is null ? null : new MessageId(Provider, expected), sut.InReplyTo);
        Assert.Equal("hi", sut.Text);
        Assert.Null(sut.Timestamp);
        Assert.Null(sut.ProviderMessageId);
    }

    [Fact]
    public void ParseReply_NoText_IsAnEmptyText()
    {
        var sut = DecisionTelecomCallbacks.ParseReply(Utf8("""{"phone_number":"380504444444","time":"1700000000","message":{}}"""));

        Assert.Equal(string.Empty, sut.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), sut.Timestamp);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"phone_number":"380504444444"}""")]
    [InlineData("""{"phone_number":"380504444444","message":"hi"}""")]
    [InlineData("""{"message":{"text":"hi"}}""")]
    [InlineData("""{"phone_number":"not a phone","message":{"text":"hi"}}""")]
    [InlineData("""{"phone_number":"380504444444","time":"yesterday","message":{"text":"hi"}}""")]
    [InlineData("""{"phone_number":"380504444444","time":-5,"message":{"text":"hi"}}""")]
    [InlineData("""{"phone_number":"380504444444","time":99999999999999999,"message":{"text":"hi"}}""")]
    public void ParseReply_BrokenBody_ThrowsMalformedKeepingTheRawText(string json)
    {
        var sut = Assert.Throws<ViberMessagingException>(() => DecisionTelecomCallbacks.ParseReply(Utf8(json)));

        Assert.Equal(ViberErrorCode.MalformedResponse, sut.ErrorCode);
        Assert.Equal(json, sut.ResponseBody);
        Assert.Contains("reply callback", sut.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DocumentedReply, true)]
    [InlineData("""{"message_token":1}""", true)]
    [InlineData(DocumentedStatus, false)]
    [InlineData("""{"message_id":429,"status":1,"sms_message_id":3098,"sms_message_status":6}""", false)]
    [InlineData("""{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429}""", false)]
    [InlineData("not json", false)]
    [InlineData("", false)]
    public void IsReply_Body_TellsRepliesFromStatusUpdates(string json, bool expected)
        => Assert.Equal(expected, DecisionTelecomCallbacks.IsReply(Utf8(json)));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
