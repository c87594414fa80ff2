using ViberMessaging.SmsClub;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Providers.SmsClub;

public sealed class SmsClubRequestMapperTests
{
    private static readonly PhoneNumber[] Phones = [PhoneNumber.Parse("380989361121"), PhoneNumber.Parse("+380 98 936 11 26")];

    [Fact]
    public void ToSmsClubSendRequest_TextOnly_WritesSenderPhonesAndMessageOnly()
    {
        var message = new ViberMessage { Sender = "MyShop", Recipients = Phones, Text = "Текст повідомлення" };

        var json = SmsClubWire.Serialize(SmsClubRequestMapper.ToSmsClubSendRequest(message, Phones), SmsClubJsonContext.Default.SmsClubSendRequest);

        WireAssert.JsonEqual("""{"sender":"MyShop","phones":["380989361121","380989361126"],"message":"Текст повідомлення"}""", json);
    }

    [Fact]
    public void ToSmsClubSendRequest_500Recipients_IsWrittenWithinFourKilobytesBeyondTheRecipients()
    {
        // The budget for SMS Club's largest request: mapper, pooled JSON body, written to the stream. Writing
        // to Stream.Null completes synchronously, so this thread's allocation counter sees all of it.
        var recipients = Enumerable.Range(0, 500).Select(i => PhoneNumber.Parse((380670000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var message = new ViberMessage { Sender = "MyShop", Recipients = recipients, Text = "Spring sale: 20 % off everything until Sunday." };
        WriteBody(message, recipients);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var length = WriteBody(message, recipients);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(length > 500 * 14, "the body holds every phone");
        Assert.True(allocated <= 4096, $"{allocated} bytes allocated to write a {length}-byte body");

        static long WriteBody(ViberMessage message, PhoneNumber[] recipients)
        {
            using var content = new ViberMessaging.Http.PooledJsonContent<SmsClubSendRequest>(
                SmsClubRequestMapper.ToSmsClubSendRequest(message, recipients), SmsClubJsonContext.Default.SmsClubSendRequest);
            var written = content.CopyToAsync(Stream.Null);
            Assert.True(written.IsCompletedSuccessfully);
            return content.Headers.ContentLength!.Value;
        }
    }

    [Fact]
    public void ToSmsClubSendRequest_EveryFeature_WritesTheDocumentsFieldNames()
    {
        var message = new ViberMessage
        {
            Sender = "MyShop",
            Recipients = Phones,
            Text = "Viber text",
            ImageUrl = new Uri("http://im.smsclub.mobi/viber_img/HTISBLXHz_.jpg"),
            Button = new ViberButton("Сюда", new Uri("https://smsclub.mobi/")),
            TimeToLive = TimeSpan.FromSeconds(3600.9),
            SmsFallback = new SmsFallback("SMS text") { Sender = "MyShopSms" },
            Schedule = new MessageSchedule(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.FromHours(2))) { SendUntil = new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.FromHours(2)) },
            TwoWay = TwoWayOptions.OpenChat,
            Priority = MessagePriority.High,
            ClientReference = "order-1042",
        };

        var json = SmsClubWire.Serialize(SmsClubRequestMapper.ToSmsClubSendRequest(message, Phones.AsMemory(1)), SmsClubJsonContext.Default.SmsClubSendRequest);

        WireAssert.JsonEqual(
            """
            {
              "sender": "MyShop",
              "phones": ["380989361126"],
              "message": "Viber text",
              "lifetime": 3600,
              "picture_url": "http://im.smsclub.mobi/viber_img/HTISBLXHz_.jpg",
              "button_txt": "Сюда",
              "button_url": "https://smsclub.mobi/",
              "senderSms": "MyShopSms",
              "messageSms": "SMS text",
              "mgr_plan_date": 1768464000,
              "mgr_end_time": 1768471200,
              "is_2way": true
            }
            """,
            json);
        Assert.DoesNotContain("picture_ur\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSmsClubReplyRequest_Chat_WritesMessageIs2WayAndChatIdOnly()
    {
        var message = new ViberMessage { Text = "Текст сообщения", TwoWay = TwoWayOptions.ReplyIn("2766") };

        var json = SmsClubWire.Serialize(SmsClubRequestMapper.ToSmsClubReplyRequest(message, "2766"), SmsClubJsonContext.Default.SmsClubSendRequest);

        WireAssert.JsonEqual("""{"message":"Текст сообщения","is_2way":true,"chat_id":"2766"}""", json);
    }

    [Fact]
    public void ToSmsClubStatusRequest_Ids_WritesMessageIdsAsStrings()
    {
        MessageId[] ids = [new("SmsClub", "5769"), new("SmsClub", "9007199254740993")];

        var json = SmsClubWire.Serialize(SmsClubRequestMapper.ToSmsClubStatusRequest(ids), SmsClubJsonContext.Default.SmsClubStatusRequest);

        WireAssert.JsonEqual("""{"messageIds":["5769","9007199254740993"]}""", json);
    }

    [Fact]
    public void ToSmsClubChatUris_PageAndChatId_AreRelativeAndEscaped()
    {
        Assert.Equal("vibers/chats?page=2", SmsClubRequestMapper.ToSmsClubChatsUri(2));
        Assert.Equal("vibers/chat?chat_id=57&page=2", SmsClubRequestMapper.ToSmsClubChatUri("57", 2));
        Assert.Equal("vibers/chat?chat_id=a%26b%3D1&page=1", SmsClubRequestMapper.ToSmsClubChatUri("a&b=1", 1));
    }
}
