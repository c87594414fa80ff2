using ViberMessaging.Devino;
using ViberMessaging.Tests.TestSupport;
using static ViberMessaging.Tests.Providers.Devino.DevinoTestSupport;

namespace ViberMessaging.Tests.Providers.Devino;

public sealed class DevinoRequestMapperTests
{
    [Fact]
    public void ToDevinoSendRequest_TextWithSmsToOneRecipient_WritesTheDocumentsSelfContainedMessage()
    {
        var message = new ViberMessage
        {
            Sender = "Subject",
            Recipients = Phones("+7 925 000 00 01"),
            Text = "Message text",
            TimeToLive = TimeSpan.FromHours(1),
            ClientReference = "comment",
            SmsFallback = new SmsFallback("1sms Message text") { Sender = "1TEST", TimeToLive = TimeSpan.FromSeconds(5000) },
        };

        var sut = DevinoRequestMapper.ToDevinoSendRequest(message, message.Recipients.ToArray(), Options());

        WireAssert.JsonEqual(
            """
            {
              "resendSms": true,
              "messages": [ {
                "subject": "Subject", "priority": "high", "validityPeriodSec": 3600, "comment": "comment",
                "type": "viber", "contentType": "text", "content": { "text": "Message text" }, "address": "79250000001",
                "smsText": "1sms Message text", "smsSrcAddress": "1TEST", "smsValidityPeriodSec": 5000
              } ]
            }
            """,
            Wire(sut, DevinoJsonContext.Default.DevinoSendRequest));
    }

    [Fact]
    public void ToDevinoSendRequest_TextButtonAndImage_WritesButtonContentWithImageUrl()
    {
        var message = new ViberMessage
        {
            Sender = "Subject",
            Recipients = Phones("+79250000001"),
            Text = "text",
            Button = new ViberButton("caption", new Uri("http://company.com/resource")),
            ImageUrl = new Uri("http://company.com/image.jpg"),
            Priority = MessagePriority.Realtime,
        };

        var sut = DevinoRequestMapper.ToDevinoSendRequest(message, message.Recipients.ToArray(), Options());

        WireAssert.JsonEqual(
            """
            {
              "resendSms": false,
              "messages": [ {
                "subject": "Subject", "priority": "realtime", "type": "viber", "contentType": "button",
                "content": { "text": "text", "caption": "caption", "action": "http://company.com/resource", "imageUrl": "http://company.com/image.jpg" },
                "address": "79250000001"
              } ]
            }
            """,
            Wire(sut, DevinoJsonContext.Default.DevinoSendRequest));
    }

    [Fact]
    public void ToDevinoSendRequest_TextAndButtonWithoutImage_OmitsImageUrl()
    {
        var message = new ViberMessage
        {
            Sender = "Shop",
            Recipients = Phones("+79250000001"),
            Text = "Your order shipped",
            Button = new ViberButton("Track", new Uri("https://shop.example/t/1")),
            SmsFallback = new SmsFallback("Order shipped"),
        };

        var sut = DevinoRequestMapper.ToDevinoSendRequest(message, message.Recipients.ToArray(), Options());

        WireAssert.JsonEqual(
            """
            {
              "resendSms": true,
              "messages": [ {
                "subject": "Shop", "priority": "high", "type": "viber", "contentType": "button",
                "content": { "text": "Your order shipped", "caption": "Track", "action": "https://shop.example/t/1" },
                "address": "79250000001", "smsText": "Order shipped"
              } ]
            }
            """,
            Wire(sut, DevinoJsonContext.Default.DevinoSendRequest));
    }

    [Fact]
    public void ToDevinoSendRequest_ImageOnly_WritesImageContentAndResendSmsFalse()
    {
        var message = new ViberMessage
        {
            Sender = "Subject",
            Recipients = Phones("+7925000000"),
            ImageUrl = new Uri("http://company.com/image.jpg"),
            Kind = MessageKind.Promotional,
        };

        var sut = DevinoRequestMapper.ToDevinoSendRequest(message, message.Recipients.ToArray(), Options());

        WireAssert.JsonEqual(
            """
            {
              "resendSms": false,
              "messages": [ {
                "subject": "Subject", "priority": "low", "type": "viber", "contentType": "image",
                "content": { "imageUrl": "http://company.com/image.jpg" }, "address": "7925000000"
              } ]
            }
            """,
            Wire(sut, DevinoJsonContext.Default.DevinoSendRequest));
    }

    [Fact]
    public void ToDevinoSendRequest_SeveralRecipients_SharesCommonDataAndKeepsSmsFieldsInEachMessage()
    {
        var message = new ViberMessage
        {
            Sender = "Subject",
            Recipients = Phones("+7925000001", "+7925000002", "+7925000003"),
            Text = "text",
            Button = new ViberButton("caption", new Uri("http://company.com/resource")),
            ImageUrl = new Uri("http://company.com/image.jpg"),
            TimeToLive = TimeSpan.FromSeconds(3600),
            ClientReference = "comment",
            SmsFallback = new SmsFallback("sms") { Sender = "SHOP", TimeToLive = TimeSpan.FromMinutes(10) },
        };

        var sut = DevinoRequestMapper.ToDevinoSendRequest(message, message.Recipients.ToArray().AsSpan(1, 2), Options());

        WireAssert.JsonEqual(
            """
            {
              "resendSms": true,
              "commonData": {
                "subject": "Subject", "priority": "high", "validityPeriodSec": 3600, "comment": "comment", "type": "viber", "contentType": "button",
                "content": { "text": "text", "caption": "caption", "action": "http://company.com/resource", "imageUrl": "http://company.com/image.jpg" }
              },
              "messages": [
                { "address": "7925000002", "smsText": "sms", "smsSrcAddress": "SHOP", "smsValidityPeriodSec": 600 },
                { "address": "7925000003", "smsText": "sms", "smsSrcAddress": "SHOP", "smsValidityPeriodSec": 600 }
              ]
            }
            """,
            Wire(sut, DevinoJsonContext.Default.DevinoSendRequest));
    }

    [Fact]
    public void ToDevinoSendRequest_SeveralRecipientsWithoutSms_MessagesCarryOnlyTheAddress()
    {
        var message = new ViberMessage { Sender = "Shop", Recipients = Phones("+7925000001", "+7925000002"), Text = "Hi" };

        var sut = DevinoRequestMapper.ToDevinoSendRequest(message, message.Recipients.ToArray(), Options(o => o.DefaultValidityPeriod = TimeSpan.FromMinutes(5)));

        WireAssert.JsonEqual(
            """
            {
              "resendSms": false,
              "commonData": { "subject": "Shop", "priority": "high", "validityPeriodSec": 300, "type": "viber", "contentType": "text", "content": { "text": "Hi" } },
              "messages": [ { "address": "7925000001" }, { "address": "7925000002" } ]
            }
            """,
            Wire(sut, DevinoJsonContext.Default.DevinoSendRequest));
    }

    [Fact]
    public void ToDevinoSendRequest_ResendSms_IsAlwaysWrittenAsAJsonBoolean()
    {
        var message = new ViberMessage { Sender = "Shop", Recipients = Phones("+7925000001"), Text = "Hi" };

        var sut = Wire(DevinoRequestMapper.ToDevinoSendRequest(message, message.Recipients.ToArray(), Options()), DevinoJsonContext.Default.DevinoSendRequest);

        Assert.StartsWith("""{"resendSms":false,""", sut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, MessageKind.Transactional, null, "high")]
    [InlineData(null, MessageKind.Promotional, null, "low")]
    [InlineData(null, MessageKind.Promotional, MessagePriority.Normal, "normal")]
    [InlineData(MessagePriority.Low, MessageKind.Transactional, MessagePriority.High, "low")]
    [InlineData(MessagePriority.Normal, MessageKind.Transactional, null, "normal")]
    [InlineData(MessagePriority.High, MessageKind.Promotional, null, "high")]
    [InlineData(MessagePriority.Realtime, MessageKind.Promotional, MessagePriority.Low, "realtime")]
    public void ToDevinoPriority_MessageThenOptionsThenKind_PicksTheWord(MessagePriority? priority, MessageKind kind, MessagePriority? defaultPriority, string expected)
    {
        var message = new ViberMessage { Priority = priority, Kind = kind };

        var sut = DevinoRequestMapper.ToDevinoPriority(message, Options(o => o.DefaultPriority = defaultPriority));

        Assert.Equal(expected, sut);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(null, 600, 600)]
    [InlineData(45, 600, 45)]
    [InlineData(86400, null, 86400)]
    public void ToDevinoSendRequest_ValidityPeriod_MessageOverridesTheOptionsDefaultAndUnsetIsOmitted(int? messageSeconds, int? defaultSeconds, int? expected)
    {
        var message = new ViberMessage
        {
            Sender = "Shop",
            Recipients = Phones("+7925000001"),
            Text = "Hi",
            TimeToLive = messageSeconds is { } m ? TimeSpan.FromSeconds(m) : null,
        };

        var sut = DevinoRequestMapper.ToDevinoSendRequest(
            message, message.Recipients.ToArray(), Options(o => o.DefaultValidityPeriod = defaultSeconds is { } d ? TimeSpan.FromSeconds(d) : null));

        Assert.Equal(expected, Assert.Single(sut.Messages).ValidityPeriodSec);
        Assert.Equal(expected is not null, Wire(sut, DevinoJsonContext.Default.DevinoSendRequest).Contains("validityPeriodSec", StringComparison.Ordinal));
    }

    [Fact]
    public void ToDevinoStatusRequest_IdsAbove2Pow53_WrittenAsExactJsonNumbers()
    {
        MessageId[] ids = [Id(BigId), Id(long.MaxValue), new MessageId("devino", "0000000000000000042")];

        var sut = Wire(DevinoRequestMapper.ToDevinoStatusRequest(ids), DevinoJsonContext.Default.DevinoStatusRequest);

        Assert.Equal("""{"messages":[3158611117333282816,9223372036854775807,42]}""", sut);
    }
}
