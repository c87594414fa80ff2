using System.Text;
using ViberMessaging.Http;
using ViberMessaging.SmsBy;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Providers.SmsBy;

public sealed class SmsByRequestMapperTests
{
    private static readonly PhoneNumber Recipient = PhoneNumber.Parse("+375 29 123-45-67");
    private static readonly TimeSpan Minsk = TimeSpan.FromHours(3);

    [Fact]
    public async Task ToSmsByQuickFields_Text_IsTheDocumentedFormInOrder()
    {
        var message = Message(m => m);

        var form = await FormAsync(SmsByRequestMapper.ToSmsByQuickFields(message, Plan(), Recipient, "t0k"));

        Assert.Equal("token=t0k&vibername_id=101&phone=375291234567&type_message=TEXT&message=Hello+world+%26+more%3F", form);
    }

    [Fact]
    public async Task ToSmsByQuickFields_ButtonWithImage_IsAButtonMessageWithItsImage()
    {
        var message = Message(m => new ViberMessage
        {
            Sender = m.Sender,
            Recipients = m.Recipients,
            Text = "Offer",
            ImageUrl = new Uri("https://cdn.example/offer.jpg"),
            Button = new ViberButton("Buy", new Uri("https://shop.example/buy?id=1")),
        });

        var form = await FormAsync(SmsByRequestMapper.ToSmsByQuickFields(message, Plan(), Recipient, "t0k"));

        Assert.Equal(
            "token=t0k&vibername_id=101&phone=375291234567&type_message=BUTTON&message=Offer&image_url=https%3A%2F%2Fcdn.example%2Foffer.jpg"
            + "&button=Buy&button_link=https%3A%2F%2Fshop.example%2Fbuy%3Fid%3D1",
            form);
    }

    [Fact]
    public async Task ToSmsByQuickFields_ImageOnly_IsAnImageMessageWithoutText()
    {
        var message = new ViberMessage { Sender = "MyShop", Recipients = [Recipient], ImageUrl = new Uri("https://cdn.example/a.png") };

        var form = await FormAsync(SmsByRequestMapper.ToSmsByQuickFields(message, Plan(), Recipient, "t0k"));

        Assert.Equal("token=t0k&vibername_id=101&phone=375291234567&type_message=IMAGE&image_url=https%3A%2F%2Fcdn.example%2Fa.png", form);
    }

    [Fact]
    public async Task ToSmsByQuickFields_SmsFallback_AddsForwardingTimeAndAlphanameId()
    {
        var message = Message(m => new ViberMessage { Sender = m.Sender, Recipients = m.Recipients, Text = "Hi", SmsFallback = new SmsFallback("Hi") });

        var form = await FormAsync(SmsByRequestMapper.ToSmsByQuickFields(message, Plan() with { ForwardingMinutes = 15, SmsSenderId = 444 }, Recipient, "t0k"));

        Assert.Equal("token=t0k&vibername_id=101&phone=375291234567&type_message=TEXT&message=Hi&forwarding_message=1&forwarding_time=15&alphaname_id=444", form);
    }

    [Fact]
    public async Task ToSmsByQuickFields_SmsFallbackWithProviderDefaults_SendsOnlyTheSwitch()
    {
        var message = new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Hi", SmsFallback = new SmsFallback("Hi") };

        var form = await FormAsync(SmsByRequestMapper.ToSmsByQuickFields(message, Plan(), Recipient, "t0k"));

        Assert.EndsWith("&message=Hi&forwarding_message=1", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToSmsByContent_UploadedImage_IsMultipartWithTheFileLast()
    {
        var message = new ViberMessage { Sender = "MyShop", Recipients = [Recipient] };
        var fields = SmsByRequestMapper.ToSmsByQuickFields(message, Plan(), Recipient, "t0k", hasImageFile: true);

        using var content = SmsByRequestMapper.ToSmsByContent(fields, new SmsByImageFile("offer.jpg", new byte[] { 1, 2, 3 }), boundary: "b0undary");
        var body = await content.ReadAsStringAsync();

        Assert.Equal("multipart/form-data; boundary=\"b0undary\"", content.Headers.ContentType!.ToString());
        Assert.Equal(
            "--b0undary\r\nContent-Disposition: form-data; name=token\r\n\r\nt0k\r\n"
            + "--b0undary\r\nContent-Disposition: form-data; name=vibername_id\r\n\r\n101\r\n"
            + "--b0undary\r\nContent-Disposition: form-data; name=phone\r\n\r\n375291234567\r\n"
            + "--b0undary\r\nContent-Disposition: form-data; name=type_message\r\n\r\nIMAGE\r\n"
            + "--b0undary\r\nContent-Type: image/jpeg\r\nContent-Disposition: form-data; name=image; filename=offer.jpg; filename*=utf-8''offer.jpg\r\n\r\n\u0001\u0002\u0003\r\n"
            + "--b0undary--\r\n",
            body);
    }

    [Fact]
    public async Task ToSmsByListFields_AllFields_AreTheDocumentedFormWithDScheduleRoundedUpToTheMinute()
    {
        var mailing = new SmsByListMailing
        {
            ListId = 7,
            Name = "January sale",
            Text = "Sale",
            SendAt = new DateTimeOffset(2026, 1, 20, 6, 29, 30, TimeSpan.Zero),
        };

        var form = await FormAsync(SmsByRequestMapper.ToSmsByListFields(mailing, 101, "t0k", Minsk));

        Assert.Equal("token=t0k&name=January+sale&vibername_id=101&list_id=7&type_message=TEXT&message=Sale&d_schedule=2026-01-20+09%3A30", form);
    }

    [Fact]
    public async Task ToSmsByListFields_ButtonWithoutName_OmitsTheName()
    {
        var mailing = new SmsByListMailing { ListId = 7, Text = "Go", Button = new ViberButton("Open", new Uri("https://site.by/")) };

        var form = await FormAsync(SmsByRequestMapper.ToSmsByListFields(mailing, 101, "t0k", Minsk));

        Assert.Equal("token=t0k&vibername_id=101&list_id=7&type_message=BUTTON&message=Go&button=Open&button_link=https%3A%2F%2Fsite.by%2F", form);
    }

    [Fact]
    public async Task ToSmsByForm_TokenInFormData_ParametersFollowTheToken()
    {
        using var content = SmsByRequestMapper.ToSmsByForm(SmsByRequestMapper.DeliveryListPath, "t0k", ("message_id", "200"));

        Assert.Equal("token=t0k&message_id=200", await content.ReadAsStringAsync());
        Assert.Equal("application/x-www-form-urlencoded", content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ToSmsByForm_TokenInTheQuery_LeavesItOutOfTheForm()
    {
        using var content = SmsByRequestMapper.ToSmsByForm(SmsByRequestMapper.MessagesPath, "t0k", ("limit_offset", "200"), ("limit_rows", "100"));

        Assert.Equal("limit_offset=200&limit_rows=100", await content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(SmsByRequestMapper.SendBulkPath, "api/v1/sendBulkViber?token=sb%20tok%26en%3D42")]
    [InlineData(SmsByRequestMapper.BulkStatusPath, "api/v1/statusBulkViber?token=sb%20tok%26en%3D42&uuid=cc9c8043-8caf-11ef-b035-9e8f47954dec")]
    [InlineData(SmsByRequestMapper.ConfirmPath, "api/v2/confirmViberMessage?token=sb%20tok%26en%3D42")]
    [InlineData(SmsByRequestMapper.MessagesPath, "api/v2/getViberMessages?token=sb%20tok%26en%3D42")]
    [InlineData(SmsByRequestMapper.MessageDataPath, "api/v2/getViberMessageData?token=sb%20tok%26en%3D42")]
    [InlineData(SmsByRequestMapper.SendQuickPath, "api/v2/sendQuickViberMessage")]
    [InlineData(SmsByRequestMapper.DeliveryDataPath, "api/v2/getViberDeliveryData")]
    [InlineData(SmsByRequestMapper.SendListPath, "api/v2/sendViberMessageList")]
    [InlineData(SmsByRequestMapper.DeliveryListPath, "api/v2/getViberDeliveryList")]
    [InlineData(SmsByRequestMapper.IncomingPath, "api/v2/getNewIncomingMessages")]
    [InlineData(SmsByRequestMapper.ReadIncomingPath, "api/v2/readResponseStatus")]
    public void ToSmsByUri_EveryMethod_PutsTheTokenInTheQueryExactlyWhereTheDocumentsTableDoes(string path, string expected)
    {
        var query = path == SmsByRequestMapper.BulkStatusPath ? new[] { ("uuid", "cc9c8043-8caf-11ef-b035-9e8f47954dec") } : [];

        Assert.Equal(expected, SmsByRequestMapper.ToSmsByUri(path, "sb tok&en=42", query));
    }

    [Fact]
    public void ToSmsByBulkRequest_NeutralMessage_IsOneBulkListWithTokenInsideTheBody()
    {
        var message = new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [Recipient, PhoneNumber.Parse("+375292222222")],
            Text = "Sale",
            ClientReference = "order-1042",
            CallbackUrl = new Uri("https://me.example/hook"),
            Schedule = new MessageSchedule(new DateTimeOffset(2024, 10, 30, 19, 55, 59, 400, TimeSpan.Zero)),
        };

        var json = Serialize(SmsByRequestMapper.ToSmsByBulkRequest(message, Plan(SmsByRoute.Bulk, message.Recipients), message.Recipients.ToArray(), "t0k", Minsk));

        WireAssert.JsonEqual("""
            {
              "token": "t0k",
              "callback_url": "https://me.example/hook",
              "messages": [
                {
                  "alphaname_id": "101",
                  "name": "order-1042",
                  "message_type": "bulk",
                  "schedule_time": "2024-10-30T22:56:00",
                  "content": { "type": "text", "text": "Sale" },
                  "delivery_list": [ "375291234567", "375292222222" ]
                }
              ]
            }
            """, json);
    }

    [Fact]
    public void ToSmsByBulkRequest_ImageOnlyWithoutReference_IsAnImageListWithTheDefaultName()
    {
        var message = new ViberMessage { Sender = "MyShop", Recipients = [Recipient], ImageUrl = new Uri("https://cdn.example/a.png") };

        var json = Serialize(SmsByRequestMapper.ToSmsByBulkRequest(message, Plan(), [Recipient], "t0k", Minsk));

        WireAssert.JsonEqual("""
            {"token":"t0k","messages":[{"alphaname_id":"101","name":"ViberMessaging","message_type":"bulk",
              "content":{"type":"image","image_url":"https://cdn.example/a.png"},"delivery_list":["375291234567"]}]}
            """, json);
    }

    [Fact]
    public void ToSmsByBulkRequest_TheDocumentsSample_IsReproducedExactly()
    {
        var at = new DateTimeOffset(2024, 10, 30, 22, 56, 0, Minsk);
        var phones = new[] { PhoneNumber.Parse("375291111111"), PhoneNumber.Parse("375292222222") };
        var image = new Uri("https://example-site.com/images/image.jpg");
        SmsByMailing[] mailings =
        [
            new SmsByPersonalMailing
            {
                Name = "mailing list 1", SendAt = at, ImageUrl = image, ButtonCaption = "Push me",
                Messages =
                [
                    new SmsByPersonalMessage(phones[0], "personal message 1.1") { ButtonUrl = new Uri("https://example-site.com/some_action/1") },
                    new SmsByPersonalMessage(phones[1], "personal message 1.2") { ButtonUrl = new Uri("https://example-site.com/some_action/2") },
                ],
            },
            new SmsByPersonalMailing
            {
                Name = "mailing list 2", SendAt = at,
                Messages = [new SmsByPersonalMessage(phones[0], "personal message 2.1"), new SmsByPersonalMessage(phones[1], "personal message 2.2")],
            },
            new SmsByBulkMailing
            {
                Name = "mailing list 3", SendAt = at, ImageUrl = image, Text = "message text 3",
                Button = new ViberButton("Button", new Uri("https://example-site.com/some_action")), Recipients = phones,
            },
            new SmsByBulkMailing { Name = "mailing list 4", SendAt = at, Text = "message text 4", Recipients = phones },
            new SmsByBulkMailing { Name = "mailing list 5", SendAt = at, ImageUrl = image, Recipients = phones },
        ];

        var json = Serialize(SmsByRequestMapper.ToSmsByBulkRequest(mailings, [444, 444, 444, 444, 444], new Uri("http://example-site.com/webhook.php"), "eyJpdiI6IjJzOFlFcXBmOUZEcGJlYzlzeFJValE9PSIsInZhbHV", Minsk));

        // The document's sample request, verbatim (its JSON is valid here).
        WireAssert.JsonEqual("""
            {
              "token": "eyJpdiI6IjJzOFlFcXBmOUZEcGJlYzlzeFJValE9PSIsInZhbHV",
              "callback_url": "http://example-site.com/webhook.php",
              "messages": [
                {
                  "alphaname_id": "444", "name": "mailing list 1", "message_type": "personal", "schedule_time": "2024-10-30T22:56:00",
                  "content": { "type": "button", "image_url": "https://example-site.com/images/image.jpg", "caption": "Push me" },
                  "delivery_list": [
                    { "phone": "375291111111", "text": "personal message 1.1", "button_link": "https://example-site.com/some_action/1" },
                    { "phone": "375292222222", "text": "personal message 1.2", "button_link": "https://example-site.com/some_action/2" }
                  ]
                },
                {
                  "alphaname_id": "444", "name": "mailing list 2", "message_type": "personal", "schedule_time": "2024-10-30T22:56:00",
                  "content": { "type": "text" },
                  "delivery_list": [ { "phone": "375291111111", "text": "personal message 2.1" }, { "phone": "375292222222", "text": "personal message 2.2" } ]
                },
                {
                  "alphaname_id": "444", "name": "mailing list 3", "message_type": "bulk", "schedule_time": "2024-10-30T22:56:00",
                  "content": { "type": "button", "image_url": "https://example-site.com/images/image.jpg", "button_link": "https://example-site.com/some_action",
                               "caption": "Button", "text": "message text 3" },
                  "delivery_list": [ "375291111111", "375292222222" ]
                },
                {
                  "alphaname_id": "444", "name": "mailing list 4", "message_type": "bulk", "schedule_time": "2024-10-30T22:56:00",
                  "content": { "type": "text", "text": "message text 4" },
                  "delivery_list": [ "375291111111", "375292222222" ]
                },
                {
                  "alphaname_id": "444", "name": "mailing list 5", "message_type": "bulk", "schedule_time": "2024-10-30T22:56:00",
                  "content": { "type": "image", "image_url": "https://example-site.com/images/image.jpg" },
                  "delivery_list": [ "375291111111", "375292222222" ]
                }
              ]
            }
            """, json);
    }

    [Fact]
    public void ToSmsByRecipients_SeveralLists_FlattensInOrderWithTheirListNames()
    {
        SmsByMailing[] mailings =
        [
            new SmsByPersonalMailing { Name = "a", Messages = [new SmsByPersonalMessage(Recipient, "x")] },
            new SmsByBulkMailing { Name = " b ", Text = "y", Recipients = [PhoneNumber.Parse("375292222222"), Recipient] },
        ];

        var (recipients, lists) = SmsByRequestMapper.ToSmsByRecipients(mailings);

        Assert.Equal(["375291234567", "375292222222", "375291234567"], recipients.Select(r => r.Digits));
        Assert.Equal(["a", "b", "b"], lists);
    }

    [Fact]
    public void ToSmsByBulkStatusRequest_UuidAndToken_AreTheJsonBody()
    {
        var json = Encoding.UTF8.GetString(new PooledJsonContent<SmsByBulkStatusRequest>(
            new SmsByBulkStatusRequest { Token = "t0k", Uuid = "cc9c8043-8caf-11ef-b035-9e8f47954dec" },
            SmsByJsonContext.Default.SmsByBulkStatusRequest).Body.Span);

        WireAssert.JsonEqual("""{"token":"t0k","uuid":"cc9c8043-8caf-11ef-b035-9e8f47954dec"}""", json);
    }

    [Theory]
    [InlineData("2024-10-30T19:56:00Z", "2024-10-30T22:56:00")]
    [InlineData("2024-10-30T19:55:59.001Z", "2024-10-30T22:56:00")]
    [InlineData("2024-10-30T22:56:00+03:00", "2024-10-30T22:56:00")]
    [InlineData("2024-12-31T23:30:00-02:00", "2025-01-01T04:30:00")]
    public void ToSmsByScheduleTime_AnyOffset_IsMinskTimeRoundedUpToTheSecond(string sendAt, string expected)
        => Assert.Equal(expected, SmsByRequestMapper.ToSmsByScheduleTime(DateTimeOffset.Parse(sendAt, System.Globalization.CultureInfo.InvariantCulture), Minsk));

    [Theory]
    [InlineData("2026-01-20T06:30:00Z", "2026-01-20 09:30")]
    [InlineData("2026-01-20T06:29:00.5Z", "2026-01-20 09:30")]
    public void ToSmsByDSchedule_AnyTime_IsMinskTimeRoundedUpToTheMinute(string sendAt, string expected)
        => Assert.Equal(expected, SmsByRequestMapper.ToSmsByDSchedule(DateTimeOffset.Parse(sendAt, System.Globalization.CultureInfo.InvariantCulture), Minsk));

    [Fact]
    public void ToSmsByStatusKeys_EachKind_ParsesWhatItsQueryNeeds()
    {
        MessageId[] ids =
        [
            new("SmsBy", "quick:8484"),
            new("smsby", "bulk:cc9c8043-8caf-11ef-b035-9e8f47954dec:375291111111"),
            new("SmsBy", "bulk:cc9c8043-8caf-11ef-b035-9e8f47954dec:375291111111:mailing list: 1"),
            new("SmsBy", "mailing:4905:375293332211"),
        ];

        var keys = SmsByRequestMapper.ToSmsByStatusKeys(ids, "SmsBy");

        Assert.Equal(
            [
                new SmsByIdParts(SmsByIdKind.Quick, "8484"),
                new SmsByIdParts(SmsByIdKind.Bulk, "cc9c8043-8caf-11ef-b035-9e8f47954dec", "375291111111"),
                new SmsByIdParts(SmsByIdKind.Bulk, "cc9c8043-8caf-11ef-b035-9e8f47954dec", "375291111111", "mailing list: 1"),
                new SmsByIdParts(SmsByIdKind.Mailing, "4905", "375293332211"),
            ],
            keys);
    }

    [Fact]
    public void ToSmsByStatusKeys_ForeignAndMalformedIds_ReportsEveryProblemAtOnce()
    {
        MessageId[] ids = [new("SmsClub", "5769"), new("SmsBy", "8484"), new("SmsBy", "quick:abc"), new("SmsBy", "bulk:uuid:not-a-phone"), default];

        var error = Assert.Throws<ViberValidationException>(() => SmsByRequestMapper.ToSmsByStatusKeys(ids, "SmsBy"));

        Assert.Equal(
            [("messageIds[0]", "Provider"), ("messageIds[1]", "Format"), ("messageIds[2]", "Format"), ("messageIds[3]", "Format"), ("messageIds[4]", "Required")],
            error.Errors.Select(e => (e.Field, e.Rule)));
    }

    private static ViberMessage Message(Func<ViberMessage, ViberMessage> shape)
        => shape(new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Hello world & more?" });

    private static SmsBySendPlan Plan(SmsByRoute route = SmsByRoute.Quick, IReadOnlyList<PhoneNumber>? recipients = null)
        => new(route, 101, recipients ?? [Recipient]);

    private static async Task<string> FormAsync(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        using var content = SmsByRequestMapper.ToSmsByContent(fields);
        return await content.ReadAsStringAsync();
    }

    private static string Serialize(SmsByBulkRequest request)
    {
        using var content = new PooledJsonContent<SmsByBulkRequest>(request, SmsByJsonContext.Default.SmsByBulkRequest);
        return Encoding.UTF8.GetString(content.Body.Span);
    }

}
