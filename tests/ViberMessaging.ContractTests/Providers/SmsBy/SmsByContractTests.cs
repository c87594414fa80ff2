using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.ContractTests.Support;
using ViberMessaging.SmsBy;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace ViberMessaging.ContractTests.Providers.SmsBy;

/// <summary>
/// SMS.by's wire contract, from /work/shared/provider-docs/smsby-viber-api.en.txt: the v2 methods take form fields
/// (the token as a form field, or in the query where the table says "token query"), the bulk methods JSON; senders
/// are ids ("vibername_id … Viber name ID", "alphaname_id"). Dates are read and written in the account's zone
/// (SmsByOptions.ProviderUtcOffset, +03:00 here, Minsk), as the document gives no zone.
/// </summary>
public sealed class SmsByContractTests
{
    private const string Name = ViberProviders.SmsBy;
    private const string Token = "eyJpdiI6IjJzOFlFcXBmOUZEcGJlYzlzeFJValE9PSIsInZhbHV";
    private const string Uuid = "cc9c8043-8caf-11ef-b035-9e8f47954dec";
    private static readonly TimeSpan Minsk = TimeSpan.FromHours(3);

    [Fact]
    public async Task SendAsync_OneRecipientText_PostsQuickMessageForm()
    {
        // "sendQuickViberMessage": token, vibername_id, phone, type_message ("TEXT, IMAGE or BUTTON"), message.
        await using var server = Start();
        server.Expect(Form("/api/v2/sendQuickViberMessage", ("token", Token), ("vibername_id", "101"), ("phone", "375293332211"), ("type_message", "TEXT"), ("message", "Test message")), QuickAnswer);
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Phone("375293332211")], Text = "Test message" }));

        var recipient = Assert.Single(result.Recipients);
        Assert.Equal(RecipientStatus.Accepted, recipient.Status);
        Assert.Equal(new MessageId(Name, "quick:8484"), recipient.MessageId);
    }

    [Fact]
    public async Task SendAsync_ImageOnly_PostsQuickImageForm()
    {
        // "image_url … (required if type_message = IMAGE and image is not passed)".
        await using var server = Start();
        server.Expect(Form("/api/v2/sendQuickViberMessage", ("token", Token), ("vibername_id", "101"), ("phone", "375293332211"), ("type_message", "IMAGE"), ("image_url", "https://example-site.com/images/image.jpg")), QuickAnswer);
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [Phone("375293332211")],
            ImageUrl = new Uri("https://example-site.com/images/image.jpg"),
        }));

        Assert.Equal(new MessageId(Name, "quick:8484"), Assert.Single(result.MessageIds));
    }

    [Fact]
    public async Task SendAsync_ButtonWithSmsForwarding_PostsQuickButtonForm()
    {
        // "button … button_link (required if type_message = BUTTON)"; "forwarding_message … 1 - enable",
        // "forwarding_time … minutes … Minimum 5 … Maximum 60", "alphaname_id … from which the SMS will be received".
        await using var server = Start();
        server.Expect(
            Form("/api/v2/sendQuickViberMessage", ("token", Token), ("vibername_id", "101"), ("phone", "375293332211"), ("type_message", "BUTTON"), ("message", "Test message"),
                ("image_url", "https://example-site.com/images/image.jpg"), ("button", "Go to site"), ("button_link", "https://site.by/"),
                ("forwarding_message", "1"), ("forwarding_time", "30"), ("alphaname_id", "444")),
            QuickAnswer);
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [Phone("375293332211")],
            Text = "Test message",
            ImageUrl = new Uri("https://example-site.com/images/image.jpg"),
            Button = new ViberButton("Go to site", new Uri("https://site.by/")),
            SmsFallback = new SmsFallback("Test message") { Sender = "MyShop", TimeToLive = TimeSpan.FromMinutes(30) },
        }));

        Assert.Equal(new MessageId(Name, "quick:8484"), Assert.Single(result.MessageIds));
    }

    [Fact]
    public async Task SendAsync_OpenChat_PostsQuickMessageAndReturnsChatId()
    {
        await using var server = Start();
        server.Expect(Form("/api/v2/sendQuickViberMessage", ("token", Token), ("vibername_id", "101"), ("phone", "375293332211"), ("type_message", "TEXT"), ("message", "Test message")), QuickAnswer);
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Phone("375293332211")], Text = "Test message", TwoWay = TwoWayOptions.OpenChat }));

        Assert.Equal("8484:375293332211", Assert.Single(result.Recipients).ChatId);
    }

    [Fact]
    public async Task ReplyAsync_Chat_PostsQuickMessageToTheChatsPhone()
    {
        // SMS.by keeps replies per mailing ("Viewing incoming messages for Viber mailing"): a reply is a new quick message
        // to the phone that wrote.
        await using var server = Start();
        server.Expect(Form("/api/v2/sendQuickViberMessage", ("token", Token), ("vibername_id", "101"), ("phone", "375293332211"), ("type_message", "TEXT"), ("message", "Yes")), QuickAnswer);
        var sut = server.Get<IViberChats>(Name);

        var result = await server.RunAsync(() => sut.ReplyAsync("4905:375293332211", "Yes"));

        Assert.Equal(new MessageId(Name, "quick:8484"), Assert.Single(result.MessageIds));
    }

    [Fact]
    public async Task SendAsync_SeveralRecipientsScheduled_PostsBulkJsonAndReadsFollowUpStatus()
    {
        // "If you need to send 1 message to a list of numbers, then use the 'message_type': 'bulk' parameter"; the sample
        // request's fourth list (text), scheduled ("schedule_time … YYYY-MM-DDTHH:mm:ss") and with its callback_url. The
        // token sits in the JSON body as in the sample, and in the query as the parameter table says ("token query").
        var sendAt = new DateTimeOffset(2024, 10, 30, 22, 56, 0, Minsk);
        var request = $$"""
            {
              "token": "{{Token}}",
              "callback_url": "http://example-site.com/webhook.php",
              "messages": [
                {
                  "alphaname_id": "444",
                  "name": "mailing list 4",
                  "message_type": "bulk",
                  "schedule_time": "{{sendAt:yyyy-MM-dd'T'HH:mm:ss}}",
                  "content": {
                    "type": "text",
                    "text": "message text 4"
                  },
                  "delivery_list": [
                    "375291111111",
                    "375292222222"
                  ]
                }
              ]
            }
            """;
        await using var server = Start();
        server.Expect(Bulk("/api/v1/sendBulkViber", request), BulkAnswer);
        server.Expect(BulkStatus(), ContractServer.Json(200, $$"""
            [ { "message_id": 1, "name": "mailing list 4", "alphaname_id": 444, "success": [
                { "delivery_id": 1001, "phone": "375291111111", "status": "NEW", "status_time": "2024-10-16 22:52:42.497994" },
                { "delivery_id": 1002, "phone": "375292222222", "status": "NEW", "status_time": "2024-10-16 22:52:43.379779" } ] } ]
            """));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [Phone("375291111111"), Phone("375292222222")],
            Text = "message text 4",
            ClientReference = "mailing list 4",
            Schedule = new MessageSchedule(sendAt),
            CallbackUrl = new Uri("http://example-site.com/webhook.php"),
        }));

        Assert.True(result.IsFullyAccepted);
        Assert.Equal([Uuid], result.BatchIds);
        Assert.All(result.Recipients, r => Assert.StartsWith("bulk:" + Uuid + ":", r.MessageId!.Value.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendMailingsAsync_DocumentSample_PostsSampleAndMarksListsTheStatusRefuses()
    {
        // The document's "Sample api request", all five lists, verbatim but for the token's placement (also in the query).
        var sendAt = new DateTimeOffset(2024, 10, 30, 22, 56, 0, Minsk);
        var at = sendAt.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var request = $$"""
            {
              "token": "{{Token}}",
              "callback_url": "http://example-site.com/webhook.php",
              "messages": [
                {
                  "alphaname_id": "444",
                  "name": "mailing list 1",
                  "message_type": "personal",
                  "schedule_time": "{{at}}",
                  "content": {
                    "type": "button",
                    "image_url": "https://example-site.com/images/image.jpg",
                    "caption": "Push me"
                  },
                  "delivery_list": [
                    {
                      "phone": "375291111111",
                      "text": "personal message 1.1",
                      "button_link": "https://example-site.com/some_action/1"
                    },
                    {
                      "phone": "375292222222",
                      "text": "personal message 1.2",
                      "button_link": "https://example-site.com/some_action/2"
                    }
                  ]
                },
                {
                  "alphaname_id": "444",
                  "name": "mailing list 2",
                  "message_type": "personal",
                  "schedule_time": "{{at}}",
                  "content": {
                    "type": "text"
                  },
                  "delivery_list": [
                    {
                      "phone": "375291111111",
                      "text": "personal message 2.1"
                    },
                    {
                      "phone": "375292222222",
                      "text": "personal message 2.2"
                    }
                  ]
                },
                {
                  "alphaname_id": "444",
                  "name": "mailing list 3",
                  "message_type": "bulk",
                  "schedule_time": "{{at}}",
                  "content": {
                    "type": "button",
                    "image_url": "https://example-site.com/images/image.jpg",
                    "button_link": "https://example-site.com/some_action",
                    "caption": "Button",
                    "text": "message text 3"
                  },
                  "delivery_list": [
                    "375291111111",
                    "375292222222"
                  ]
                },
                {
                  "alphaname_id": "444",
                  "name": "mailing list 4",
                  "message_type": "bulk",
                  "schedule_time": "{{at}}",
                  "content": {
                    "type": "text",
                    "text": "message text 4"
                  },
                  "delivery_list": [
                    "375291111111",
                    "375292222222"
                  ]
                },
                {
                  "alphaname_id": "444",
                  "name": "mailing list 5",
                  "message_type": "bulk",
                  "schedule_time": "{{at}}",
                  "content": {
                    "type": "image",
                    "image_url": "https://example-site.com/images/image.jpg"
                  },
                  "delivery_list": [
                    "375291111111",
                    "375292222222"
                  ]
                }
              ]
            }
            """;
        await using var server = Start();
        server.Expect(Bulk("/api/v1/sendBulkViber", request), BulkAnswer);
        server.Expect(BulkStatus(), ContractServer.Json(200, BulkStatusExample));
        var sut = server.Get<ISmsByClient>(Name);
        var phones = new[] { Phone("375291111111"), Phone("375292222222") };

        var result = await server.RunAsync(() => sut.SendMailingsAsync(
            [
                new SmsByPersonalMailing
                {
                    Name = "mailing list 1", Sender = "MyShop", SendAt = sendAt, ImageUrl = new Uri("https://example-site.com/images/image.jpg"), ButtonCaption = "Push me",
                    Messages =
                    [
                        new SmsByPersonalMessage(phones[0], "personal message 1.1") { ButtonUrl = new Uri("https://example-site.com/some_action/1") },
                        new SmsByPersonalMessage(phones[1], "personal message 1.2") { ButtonUrl = new Uri("https://example-site.com/some_action/2") },
                    ],
                },
                new SmsByPersonalMailing
                {
                    Name = "mailing list 2", Sender = "MyShop", SendAt = sendAt,
                    Messages = [new SmsByPersonalMessage(phones[0], "personal message 2.1"), new SmsByPersonalMessage(phones[1], "personal message 2.2")],
                },
                new SmsByBulkMailing
                {
                    Name = "mailing list 3", Sender = "MyShop", SendAt = sendAt, Recipients = phones, Text = "message text 3",
                    ImageUrl = new Uri("https://example-site.com/images/image.jpg"), Button = new ViberButton("Button", new Uri("https://example-site.com/some_action")),
                },
                new SmsByBulkMailing { Name = "mailing list 4", Sender = "MyShop", SendAt = sendAt, Recipients = phones, Text = "message text 4" },
                new SmsByBulkMailing { Name = "mailing list 5", Sender = "MyShop", SendAt = sendAt, Recipients = phones, ImageUrl = new Uri("https://example-site.com/images/image.jpg") },
            ],
            new Uri("http://example-site.com/webhook.php")));

        Assert.Equal(10, result.Recipients.Count);
        Assert.Equal([Uuid], result.BatchIds);

        // statusBulkViber "will return extended information about message statuses and errors": the sample refuses lists
        // 3 ("Content url is not valid") and 4 ("Optimal image size 800x800 px"); the other lists' recipients stand.
        Assert.Equal(4, result.Recipients.Count(r => r.Status != RecipientStatus.Accepted));
        Assert.Equal(6, result.AcceptedCount);
    }

    // The statusBulkViber answer example, verbatim (valid JSON).
    private const string BulkStatusExample = """
        [
            {
                "message_id": 1,
                "name": "mailing list 1",
                "alphaname_id": 123,
                "success": [
                    { "delivery_id": 1001, "phone": "375291111111", "status": "NEW", "status_time": "2024-10-16 22:52:42.497994" },
                    { "delivery_id": 1002, "phone": "375292222222", "status": "NEW", "status_time": "2024-10-16 22:52:43.379779" }
                ]
            },
            {
                "message_id": 2,
                "name": "mailing list 2",
                "alphaname_id": 345,
                "success": [
                    { "delivery_id": 1003, "phone": "375293333333", "status": "DELIVERED", "status_time": "2024-10-16 22:52:44.793377" },
                    { "delivery_id": 1004, "phone": "375294444444", "status": "DELIVERED", "status_time": "2024-10-16 22:52:43.008560" }
                ]
            },
            { "errors": [ "mailing list 3: Content url is not valid" ] },
            { "errors": [ "mailing list 4: Optimal image size 800x800 px" ] }
        ]
        """;

    [Fact]
    public async Task GetBulkStatusAsync_Uuid_PostsStatusBulkAndMapsSample()
    {
        await using var server = Start();
        server.Expect(BulkStatus(), ContractServer.Json(200, BulkStatusExample));
        var sut = server.Get<ISmsByClient>(Name);

        var status = await server.RunAsync(() => sut.GetBulkStatusAsync(Uuid));

        Assert.Equal(Uuid, status.Uuid);
        Assert.Equal(["mailing list 3: Content url is not valid", "mailing list 4: Optimal image size 800x800 px"], status.Errors);
        Assert.Equal(2, status.Mailings.Count);
        var first = status.Mailings[0];
        Assert.Equal(1, first.MailingId);
        Assert.Equal("mailing list 1", first.Name);
        Assert.Equal(123, first.SenderId);
        Assert.All(first.Recipients, r => Assert.Equal(DeliveryStatus.Pending, r.Status));
        Assert.Equal(Phone("375291111111"), first.Recipients[0].Recipient);
        Assert.Equal("NEW", first.Recipients[0].RawStatus);
        Assert.Equal(new DateTimeOffset(2024, 10, 16, 22, 52, 42, Minsk).AddTicks(4979940), first.Recipients[0].StatusAt);
        var second = status.Mailings[1];
        Assert.Equal(345, second.SenderId);
        Assert.All(second.Recipients, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
    }

    [Fact]
    public async Task GetStatusesAsync_QuickId_PostsDeliveryDataFormAndMapsRead()
    {
        // "getViberDeliveryData": token, message_id; the answer example verbatim.
        await using var server = Start();
        server.Expect(Form("/api/v2/getViberDeliveryData", ("token", Token), ("message_id", "8484")), ContractServer.Json(200, """
            { "status": "OK", "result": { "phone": "375293332211", "status": "READ", "error_code": 0 } }
            """));
        var sut = server.Get<IStatusQuery>(Name);

        var reports = await server.RunAsync(() => sut.GetStatusesAsync([new MessageId(Name, "quick:8484")]));

        var report = Assert.Single(reports);
        Assert.Equal(new MessageId(Name, "quick:8484"), report.MessageId);
        Assert.Equal(DeliveryStatus.Read, report.Status);
        Assert.Equal("READ", report.RawStatus);
        Assert.Equal(Phone("375293332211"), report.Recipient);
    }

    [Fact]
    public async Task GetStatusesAsync_BulkIds_PostsOneStatusBulkForTheRequest()
    {
        await using var server = Start();
        server.Expect(BulkStatus(), ContractServer.Json(200, BulkStatusExample));
        var sut = server.Get<IStatusQuery>(Name);
        var ids = new[] { new MessageId(Name, $"bulk:{Uuid}:375293333333"), new MessageId(Name, $"bulk:{Uuid}:375294444444") };

        var reports = await server.RunAsync(() => sut.GetStatusesAsync(ids));

        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetStatusesAsync_MailingId_PostsDeliveryListForm()
    {
        await using var server = Start();
        server.Expect(Form("/api/v2/getViberDeliveryList", ("token", Token), ("message_id", "4905")), DeliveryListAnswer);
        var sut = server.Get<IStatusQuery>(Name);

        var reports = await server.RunAsync(() => sut.GetStatusesAsync([new MessageId(Name, "mailing:4905:375293332212")]));

        var report = Assert.Single(reports);
        Assert.Equal(DeliveryStatus.Read, report.Status);
        Assert.Equal(Phone("375293332212"), report.Recipient);
    }

    [Fact]
    public async Task PrepareListMailingAsync_List_PostsMessageListFormAndReadsCount()
    {
        // "sendViberMessageList": token, name, vibername_id, list_id, type_message, message, d_schedule ("'YYYY-MM-DD HH:MM'").
        var sendAt = new DateTimeOffset(2024, 2, 3, 10, 0, 0, Minsk);
        await using var server = Start();
        server.Expect(
            Form("/api/v2/sendViberMessageList", ("token", Token), ("name", "mailing list 1"), ("vibername_id", "101"), ("list_id", "77"), ("type_message", "TEXT"), ("message", "Test message"),
                ("d_schedule", sendAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))),
            ContractServer.Json(200, """{ "status": "OK", "result": { "message_id": 4905, "count_subscribers": 4 } }"""));
        var sut = server.Get<ISmsByClient>(Name);

        var prepared = await server.RunAsync(() => sut.PrepareListMailingAsync(new SmsByListMailing { ListId = 77, Name = "mailing list 1", Sender = "MyShop", Text = "Test message", SendAt = sendAt }));

        Assert.Equal(new SmsByPreparedMailing(4905, 4), prepared);
    }

    [Fact]
    public async Task PrepareListMailingAsync_ImageFile_PostsMultipartWithImageFile()
    {
        // "image formData file … (required if type_message = IMAGE and image_url is not passed)"; name left out: "if the
        // parameter is not passed, the name will be generated automatically".
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        await using var server = Start();
        server.Expect(
            Request.Create().WithPath("/api/v2/sendViberMessageList").UsingPost()
                .WithHeader("Content-Type", new WildcardMatcher("multipart/form-data*", ignoreCase: true))
                .WithBody((byte[]? body) => body is not null && MultipartBody.Parse(body).SequenceEqual(
                [
                    ("token", null, Token),
                    ("vibername_id", null, "101"),
                    ("list_id", null, "77"),
                    ("type_message", null, "IMAGE"),
                    ("image", "banner.png", Convert.ToBase64String(png)),
                ])),
            ContractServer.Json(200, """{ "status": "OK", "result": { "message_id": 4905, "count_subscribers": 4 } }"""));
        var sut = server.Get<ISmsByClient>(Name);

        var prepared = await server.RunAsync(() => sut.PrepareListMailingAsync(new SmsByListMailing { ListId = 77, Sender = "MyShop", ImageFile = new SmsByImageFile("banner.png", png, "image/png") }));

        Assert.Equal(new SmsByPreparedMailing(4905, 4), prepared);
    }

    [Fact]
    public async Task ConfirmMailingAsync_Mailing_PostsConfirmWithTokenInQuery()
    {
        // "confirmViberMessage": "token query", "message_id formData"; answer {"status": "OK"}.
        await using var server = Start();
        server.Expect(Form("/api/v2/confirmViberMessage", tokenInQuery: true, ("message_id", "4905")), ContractServer.Json(200, """{ "status": "OK" }"""));
        var sut = server.Get<ISmsByClient>(Name);

        await server.RunAsync(() => sut.ConfirmMailingAsync(4905));

        Assert.Single(server.Requests);
    }

    // The getViberMessages answer example (its "https:\/\/site.by" escape kept).
    private const string MailingsExample = """
        {
            "status": "OK",
            "result": [
                {
                    "message_id": 8483,
                    "message_type": "TEXT",
                    "message": "Test message",
                    "button_caption": "",
                    "button_link": "",
                    "image_file": "",
                    "status": "SENT",
                    "d_create": "2024-02-01 10:10:35",
                    "d_schedule": "2024-02-01 10:10:35",
                    "cost": "0.04900 EUR"
                },
                {
                    "message_id": 8495,
                    "message_type": "BUTTON",
                    "message": "",
                    "button_caption": "Go to site",
                    "button_link": "https:\/\/site.by",
                    "image_file": "",
                    "status": "SENT",
                    "d_create": "2024-02-02 09:30:00",
                    "d_schedule": "2024-02-03 10:00:00",
                    "cost": "0.04900 EUR"
                }
            ]
        }
        """;

    [Fact]
    public async Task GetMailingsAsync_OnePage_PostsMessagesFormAndMapsSample()
    {
        // "getViberMessages": "token query", limit_offset (default 0), limit_rows (default 100).
        await using var server = Start();
        server.Expect(Form("/api/v2/getViberMessages", tokenInQuery: true, ("limit_offset", "0"), ("limit_rows", "100")), ContractServer.Json(200, MailingsExample));
        var sut = server.Get<ISmsByClient>(Name);

        var mailings = await server.RunAsync(() => sut.GetMailingsAsync().ToListAsync().AsTask());

        Assert.Equal(2, mailings.Count);
        AssertTextMailing(mailings[0]);
        Assert.Equal(8495, mailings[1].MailingId);
        Assert.Equal("BUTTON", mailings[1].MessageType);
        Assert.Equal("Go to site", mailings[1].ButtonCaption);
        Assert.Equal("https://site.by", mailings[1].ButtonUrl);
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 10, 0, 0, Minsk), mailings[1].ScheduledAt);
    }

    [Fact]
    public async Task GetMailingAsync_Mailing_PostsMessageDataFormAndMapsSample()
    {
        // "getViberMessageData": "token query", "message_id formData".
        await using var server = Start();
        server.Expect(Form("/api/v2/getViberMessageData", tokenInQuery: true, ("message_id", "8483")), ContractServer.Json(200, """
            {
                "status": "OK",
                "result": {
                    "message_id": 8483,
                    "message_type": "TEXT",
                    "message": "Test message",
                    "button_caption": "",
                    "button_link": "",
                    "image_file": "",
                    "status": "SENT",
                    "d_create": "2024-02-01 10:10:35",
                    "d_schedule": "2024-02-01 10:10:35",
                    "cost": "0.04900 EUR"
                }
            }
            """));
        var sut = server.Get<ISmsByClient>(Name);

        var mailing = await server.RunAsync(() => sut.GetMailingAsync(8483));

        AssertTextMailing(mailing);
    }

    // The getViberDeliveryList answer example, verbatim.
    private static readonly WireMock.ResponseBuilders.IResponseBuilder DeliveryListAnswer = ContractServer.Json(200, """
        {
            "status": "OK",
            "result": [
                { "delivery_id": 100, "phone": "375293332211", "status": "DELIVERED", "error_code": 0 },
                { "delivery_id": 101, "phone": "375293332212", "status": "READ", "error_code": 0 }
            ]
        }
        """);

    [Fact]
    public async Task GetMailingDeliveriesAsync_Mailing_PostsDeliveryListFormAndMapsSample()
    {
        await using var server = Start();
        server.Expect(Form("/api/v2/getViberDeliveryList", ("token", Token), ("message_id", "4905")), DeliveryListAnswer);
        var sut = server.Get<ISmsByClient>(Name);

        var reports = await server.RunAsync(() => sut.GetMailingDeliveriesAsync(4905));

        Assert.Equal(2, reports.Count);
        Assert.Equal(Phone("375293332211"), reports[0].Recipient);
        Assert.Equal(DeliveryStatus.Delivered, reports[0].Status);
        Assert.Equal(new MessageId(Name, "mailing:4905:375293332211"), reports[0].MessageId);
        Assert.Equal(Phone("375293332212"), reports[1].Recipient);
        Assert.Equal(DeliveryStatus.Read, reports[1].Status);
    }

    // The getNewIncomingMessages answer example, verbatim.
    private static readonly WireMock.ResponseBuilders.IResponseBuilder IncomingAnswer = ContractServer.Json(200, """
        {
            "status": "OK",
            "result": [
                { "id": "1234", "phone": "375293332211", "message": "Reply to received message", "d_receiver": "2022-09-01 10:39:45" },
                { "id": "1236", "phone": "375293332212", "message": "Yes", "d_receiver": "2022-09-01 11:29:50" }
            ]
        }
        """);

    [Fact]
    public async Task GetNewIncomingMessagesAsync_Mailing_PostsIncomingFormAndMapsSample()
    {
        await using var server = Start();
        server.Expect(Form("/api/v2/getNewIncomingMessages", ("token", Token), ("message_id", "4905")), IncomingAnswer);
        var sut = server.Get<ISmsByClient>(Name);

        var messages = await server.RunAsync(() => sut.GetNewIncomingMessagesAsync(4905));

        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(ChatMessageDirection.Incoming, m.Direction));
        Assert.Equal("1234", messages[0].ProviderMessageId);
        Assert.Equal("Reply to received message", messages[0].Text);
        Assert.Equal(Phone("375293332211"), messages[0].Phone);
        Assert.Equal(new DateTimeOffset(2022, 9, 1, 10, 39, 45, Minsk), messages[0].Timestamp);
        Assert.Equal("4905:375293332211", messages[0].ChatId);
        Assert.Equal("1236", messages[1].ProviderMessageId);
    }

    [Fact]
    public async Task GetChatsAsync_Mailings_ListsMailingsThenTheirIncomingMessages()
    {
        // The chats are the mailings (getViberMessages) that have incoming messages (getNewIncomingMessages).
        await using var server = Start();
        server.Expect(Form("/api/v2/getViberMessages", tokenInQuery: true, ("limit_offset", "0"), ("limit_rows", "100")), ContractServer.Json(200, MailingsExample));
        server.Expect(Form("/api/v2/getNewIncomingMessages", ("token", Token), ("message_id", "8483")), IncomingAnswer);
        server.Expect(Form("/api/v2/getNewIncomingMessages", ("token", Token), ("message_id", "8495")), ContractServer.Json(200, """{ "status": "OK", "result": [] }"""));
        var sut = server.Get<IViberChats>(Name);

        var chats = await server.RunAsync(() => sut.GetChatsAsync().ToListAsync().AsTask());

        Assert.Equal(["8483:375293332211", "8483:375293332212"], chats.Select(c => c.ChatId));
        Assert.Equal(Phone("375293332211"), chats[0].Recipient);
    }

    [Fact]
    public async Task GetMessagesAsync_Chat_PostsIncomingFormAndKeepsTheChatsPhone()
    {
        await using var server = Start();
        server.Expect(Form("/api/v2/getNewIncomingMessages", ("token", Token), ("message_id", "4905")), IncomingAnswer);
        var sut = server.Get<IViberChats>(Name);

        var messages = await server.RunAsync(() => sut.GetMessagesAsync("4905:375293332212").ToListAsync().AsTask());

        var message = Assert.Single(messages);
        Assert.Equal("Yes", message.Text);
    }

    [Fact]
    public async Task MarkIncomingMessagesReadAsync_Ids_PostsCommaSeparatedIdsAndReadsCount()
    {
        // "incoming_messages … Comma separated IDs"; "result": "Number of flagged messages: 3".
        await using var server = Start();
        server.Expect(Form("/api/v2/readResponseStatus", ("token", Token), ("incoming_messages", "1234,1236,1237")), ContractServer.Json(200, """
            { "status": "OK", "result": "Number of flagged messages: 3" }
            """));
        var sut = server.Get<ISmsByClient>(Name);

        var count = await server.RunAsync(() => sut.MarkIncomingMessagesReadAsync(["1234", "1236", "1237"]));

        Assert.Equal(3, count);
    }

    [Fact]
    public async Task SendWithImageFileAsync_Jpeg_PostsMultipartWithImageFile()
    {
        // "image formData file … (required if type_message = IMAGE and image_url is not passed)".
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9];
        await using var server = Start();
        server.Expect(
            Request.Create().WithPath("/api/v2/sendQuickViberMessage").UsingPost()
                .WithHeader("Content-Type", new WildcardMatcher("multipart/form-data*", ignoreCase: true))
                .WithBody((byte[]? body) => body is not null && MultipartBody.Parse(body).SequenceEqual(
                [
                    ("token", null, Token),
                    ("vibername_id", null, "101"),
                    ("phone", null, "375293332211"),
                    ("type_message", null, "IMAGE"),
                    ("image", "photo.jpg", Convert.ToBase64String(jpeg)),
                ])),
            QuickAnswer);
        var sut = server.Get<ISmsByClient>(Name);

        var result = await server.RunAsync(() => sut.SendWithImageFileAsync(
            new ViberMessage { Sender = "MyShop", Recipients = [Phone("375293332211")] },
            new SmsByImageFile("photo.jpg", jpeg)));

        Assert.Equal(new MessageId(Name, "quick:8484"), Assert.Single(result.MessageIds));
    }

    // The document lists 400, 404, 429 and 500 for its methods, without bodies.
    [Theory]
    [InlineData(400, ViberErrorCode.InvalidRequest, SendOutcome.NotSent)]
    [InlineData(429, ViberErrorCode.RateLimited, SendOutcome.NotSent)]
    [InlineData(500, ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown)]
    public async Task SendAsync_DocumentedHttpError_ThrowsMappedError(int status, ViberErrorCode expected, SendOutcome outcome)
    {
        await using var server = Start();
        server.Expect(Form("/api/v2/sendQuickViberMessage", ("token", Token), ("vibername_id", "101"), ("phone", "375293332211"), ("type_message", "TEXT"), ("message", "Test message")), ContractServer.Json(status, "{}"));
        var sut = server.Get<IViberSender>(Name);

        var error = await server.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Phone("375293332211")], Text = "Test message" }));

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(outcome, error.Outcome);
    }

    private static readonly WireMock.ResponseBuilders.IResponseBuilder QuickAnswer = ContractServer.Json(200, """{ "status": "OK", "result": { "message_id": 8484 } }""");

    private static readonly WireMock.ResponseBuilders.IResponseBuilder BulkAnswer = ContractServer.Json(200, $$"""{ "uuid": "{{Uuid}}", "success": "OK" }""");

    private static void AssertTextMailing(SmsByMailingInfo mailing)
    {
        Assert.Equal(8483, mailing.MailingId);
        Assert.Equal("TEXT", mailing.MessageType);
        Assert.Equal("Test message", mailing.Text);
        Assert.Equal("SENT", mailing.Status);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 10, 10, 35, Minsk), mailing.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 10, 10, 35, Minsk), mailing.ScheduledAt);
        Assert.Equal(0.049m, mailing.Cost);
        Assert.Equal("EUR", mailing.Currency);
        Assert.Equal("0.04900 EUR", mailing.RawCost);
    }

    private static ContractServer Start()
    {
        var server = new ContractServer();
        return server.Register(b => b.AddSmsBy(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Token = Token;
            o.ViberSenders["MyShop"] = 101;
            o.SmsSenders["MyShop"] = 444;
            o.ProviderUtcOffset = Minsk;
            o.Resilience.MaxRetryAttempts = 0;
        }));
    }

    private static IRequestBuilder Form(string path, params (string Name, string Value)[] fields) => Form(path, tokenInQuery: false, fields);

    private static IRequestBuilder Form(string path, bool tokenInQuery, params (string Name, string Value)[] fields)
    {
        var request = Request.Create().WithPath(path).UsingPost()
            .WithHeader("Content-Type", new WildcardMatcher("application/x-www-form-urlencoded*", ignoreCase: true))
            .WithBody(FormBody.Exactly(fields));
        return tokenInQuery ? request.WithParam("token", new ExactMatcher(Token)) : request;
    }

    private static IRequestBuilder Bulk(string path, string json)
        => Request.Create().WithPath(path).UsingPost()
            .WithParam("token", new ExactMatcher(Token))
            .WithHeader("Content-Type", new WildcardMatcher("application/json*", ignoreCase: true))
            .WithBody(new JsonMatcher(json));

    // "statusBulkViber": "token query", "uuid query". The table's location column cannot be read literally for the bulk
    // methods: it also says "messages query" for sendBulkViber, whose sample sends messages (and the token) in a JSON
    // body. The SDK sends token and uuid both ways; both are pinned exactly.
    private static IRequestBuilder BulkStatus()
        => Bulk("/api/v1/statusBulkViber", $$"""{ "token": "{{Token}}", "uuid": "{{Uuid}}" }""")
            .WithParam("uuid", new ExactMatcher(Uuid));

    private static PhoneNumber Phone(string digits) => PhoneNumber.Parse(digits);
}
