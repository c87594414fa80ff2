using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.ContractTests.Support;
using ViberMessaging.SmsClub;
using WireMock.RequestBuilders;
using static ViberMessaging.ContractTests.Providers.SmsClub.SmsClubContract;

namespace ViberMessaging.ContractTests.Providers.SmsClub;

/// <summary>Every public SMS Club call against the document's own request and answer examples.</summary>
public sealed class SmsClubContractTests
{
    private const string Name = ViberProviders.SmsClub;

    // The document's first request example ("Приклад заповнення параметрів запиту в форматі JSON"), trailing comma
    // after picture_url removed.
    private const string SendExample = """
        {
            "sender" : "ваше альфа имя",
            "phones" : ["380989361121", "380989361126", "380989361123111", "380999036122"],
            "message" : "Текст сообщения",
            "button_txt" : "Сюда",
            "button_url" : "https://smsclub.mobi/",
            "picture_url" : "http://im.smsclub.mobi/viber_img/HTISBLXHz_.jpg"
        }
        """;

    // The document's send answer: its opening "}" fixed to "{", the trailing comma after "blackList" removed.
    private const string SendAnswer = """
        {
            "successfulRequest": {
                "requestData": {
                    "messages": [
                        { "number": "380989361121", "id": "5769" },
                        { "number": "380989361126", "id": "5770" }
                    ],
                    "additionalInfo": {
                        "incorrectPhones": ["380989361123111", "3809"],
                        "blackList": ["380999036122"]
                    }
                }
            }
        }
        """;

    [Fact]
    public async Task SendAsync_ImageAndButton_PostsDocumentExampleAndMapsEveryRecipient()
    {
        await using var server = Start();
        server.Expect(Post("/vibers/send", SendExample), ContractServer.Json(200, SendAnswer));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage
        {
            Sender = "ваше альфа имя",
            Recipients = [Phone("380989361121"), Phone("380989361126"), Phone("380989361123111"), Phone("380999036122")],
            Text = "Текст сообщения",
            ImageUrl = new Uri("http://im.smsclub.mobi/viber_img/HTISBLXHz_.jpg"),
            Button = new ViberButton("Сюда", new Uri("https://smsclub.mobi/")),
        }));

        Assert.Equal(4, result.Recipients.Count);
        AssertAccepted(result.Recipients[0], "380989361121", "5769");
        AssertAccepted(result.Recipients[1], "380989361126", "5770");

        // "additionalInfo … повідомляє про номери за якими відправка не відбулася через некоректний номер одержувача або
        // цей номер був занесений до чорного списку."
        Assert.Equal(RecipientStatus.Rejected, result.Recipients[2].Status);
        Assert.Equal(DeliveryFailureReason.InvalidNumber, result.Recipients[2].Reason);
        Assert.Null(result.Recipients[2].MessageId);
        Assert.Equal(RecipientStatus.Rejected, result.Recipients[3].Status);
        Assert.Equal(DeliveryFailureReason.Blacklisted, result.Recipients[3].Reason);
        Assert.Null(result.Recipients[3].MessageId);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task SendAsync_SmsFallback_PostsViberPlusSmsExample()
    {
        // The "VIBER + SMS" example with its trailing commas (after the phones and picture_url) removed. The SDK limits
        // the SMS sender to 11 characters, so the placeholder "ваше альфа-имя используемое для СМС" ("your SMS alpha
        // name") is replaced by a real-looking name; every field of the example is kept.
        const string request = """
            {
                "sender" : "ваше Viber альфа-имя",
                "senderSms" : "MyShopSMS",
                "phones" : ["380989361121", "380989361126"],
                "message" : "Текст Viber сообщения",
                "messageSms" : "Текст СМС  сообщения",
                "button_txt" : "Сюда",
                "button_url" : "https://smsclub.mobi/",
                "picture_url" : "http://im.smsclub.mobi/viber_img/HTISBLXHz_.jpg"
            }
            """;

        // The Viber + SMS answer: opening "}" fixed, the trailing comma after "messages" removed.
        const string answer = """
            {
                "successfulRequest": {
                    "requestData": {
                        "messages": [
                            { "number": "380989361121", "id": "5769" },
                            { "number": "380989361126", "id": "5770" }
                        ]
                    }
                }
            }
            """;
        await using var server = Start();
        server.Expect(Post("/vibers/send", request), ContractServer.Json(200, answer));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage
        {
            Sender = "ваше Viber альфа-имя",
            Recipients = [Phone("380989361121"), Phone("380989361126")],
            Text = "Текст Viber сообщения",
            ImageUrl = new Uri("http://im.smsclub.mobi/viber_img/HTISBLXHz_.jpg"),
            Button = new ViberButton("Сюда", new Uri("https://smsclub.mobi/")),
            SmsFallback = new SmsFallback("Текст СМС  сообщения") { Sender = "MyShopSMS" },
        }));

        Assert.True(result.IsFullyAccepted);
        AssertAccepted(result.Recipients[0], "380989361121", "5769");
        AssertAccepted(result.Recipients[1], "380989361126", "5770");
    }

    [Fact]
    public async Task SendAsync_TextWithLifetimeAndSchedule_PostsDocumentedFields()
    {
        // The table's "lifetime" (seconds, 60–86000 for one phone) and the pair "mgr_plan_date"/"mgr_end_time" (Unix
        // timestamps, "Може використовуватись лише разом"), on a plain text message; the window is 08:00–20:00.
        var sendAt = new DateTimeOffset(2025, 3, 3, 12, 0, 0, TimeSpan.FromHours(2)); // noon in Kyiv (EET)
        var sendUntil = sendAt.AddHours(2);
        var request = $$"""
            {
                "sender" : "MyShop",
                "phones" : ["380989361121"],
                "message" : "Текст сообщения",
                "lifetime" : 3600,
                "mgr_plan_date" : {{sendAt.ToUnixTimeSeconds()}},
                "mgr_end_time" : {{sendUntil.ToUnixTimeSeconds()}}
            }
            """;
        const string answer = """{ "successfulRequest": { "requestData": { "messages": [ { "number": "380989361121", "id": "5769" } ] } } }""";
        await using var server = Start();
        server.Expect(Post("/vibers/send", request), ContractServer.Json(200, answer));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [Phone("380989361121")],
            Text = "Текст сообщения",
            TimeToLive = TimeSpan.FromHours(1),
            Schedule = new MessageSchedule(sendAt) { SendUntil = sendUntil },
        }));

        AssertAccepted(Assert.Single(result.Recipients), "380989361121", "5769");
    }

    [Fact]
    public async Task SendAsync_OpenChat_PostsTwoWayExampleAndReturnsChatIds()
    {
        // The Viber2Way example: "до параметрів запиту передаємо is_2way=true".
        const string request = """
            {
                "sender": "ваше альфа имя",
                "phones": ["380989361121", "380989361126"],
                "message": "Текст сообщения",
                "is_2way": true
            }
            """;

        // The Viber2Way answer, wrapped in the braces the document leaves out; its "additionalInfo":[...] placeholder
        // becomes an empty array.
        const string answer = """
            {
                "successfulRequest": {
                    "requestData": {
                        "messages": [
                            { "number": "380989361121", "id": "5769", "chat_id": "2765" },
                            { "number": "380989361126", "id": "5770", "chat_id": "2766" }
                        ],
                        "additionalInfo": []
                    }
                }
            }
            """;
        await using var server = Start();
        server.Expect(Post("/vibers/send", request), ContractServer.Json(200, answer));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage
        {
            Sender = "ваше альфа имя",
            Recipients = [Phone("380989361121"), Phone("380989361126")],
            Text = "Текст сообщения",
            TwoWay = TwoWayOptions.OpenChat,
        }));

        AssertAccepted(result.Recipients[0], "380989361121", "5769");
        Assert.Equal("2765", result.Recipients[0].ChatId);
        AssertAccepted(result.Recipients[1], "380989361126", "5770");
        Assert.Equal("2766", result.Recipients[1].ChatId);
    }

    // "Тепер для надсилання повідомлення до певного чату, необхідно передавати в параметри крім is_2way = true ще й
    // ідентифікатор чату chat_id" — the example carries only message, is_2way and chat_id.
    private const string ReplyExample = """
        {
            "message" : "Текст сообщения",
            "is_2way" : true,
            "chat_id": "2766"
        }
        """;

    // "Відповідь на цей запит буде аналогічною відповіді при звичайному надсиланні повідомлення": the send answer's
    // shape, for the chat's one recipient (380989361126 opened chat 2766 in the Viber2Way example).
    private const string ReplyAnswer = """{ "successfulRequest": { "requestData": { "messages": [ { "number": "380989361126", "id": "5771" } ] } } }""";

    [Fact]
    public async Task ReplyAsync_Chat_PostsChatReplyExample()
    {
        await using var server = Start();
        server.Expect(Post("/vibers/send", ReplyExample), ContractServer.Json(200, ReplyAnswer));
        var sut = server.Get<IViberChats>(Name);

        var result = await server.RunAsync(() => sut.ReplyAsync("2766", "Текст сообщения"));

        AssertAccepted(Assert.Single(result.Recipients), "380989361126", "5771");
    }

    [Fact]
    public async Task SendAsync_ReplyInChat_PostsChatReplyExample()
    {
        await using var server = Start();
        server.Expect(Post("/vibers/send", ReplyExample), ContractServer.Json(200, ReplyAnswer));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage { Text = "Текст сообщения", TwoWay = TwoWayOptions.ReplyIn("2766") }));

        AssertAccepted(Assert.Single(result.Recipients), "380989361126", "5771");
    }

    [Fact]
    public async Task GetStatusesAsync_TwoIds_PostsStatusExampleAndMapsPending()
    {
        // The status request and answer examples, verbatim (both valid JSON).
        await using var server = Start();
        server.Expect(Post("/vibers/status", """{ "messageIds" : ["5769","5770"] }"""), ContractServer.Json(200, """
            {
                "successfulRequest": {
                    "requestData": {
                        "5769": { "status": "Pending", "additionStatus": null, "smsStatus": null },
                        "5770": { "status": "Pending", "additionStatus": null, "smsStatus": null }
                    }
                }
            }
            """));
        var sut = server.Get<IStatusQuery>(Name);

        var reports = await server.RunAsync(() => sut.GetStatusesAsync([new MessageId(Name, "5769"), new MessageId(Name, "5770")]));

        Assert.Equal(2, reports.Count);
        foreach (var (report, id) in reports.Zip(new[] { "5769", "5770" }))
        {
            Assert.Equal(new MessageId(Name, id), report.MessageId);
            Assert.Equal(DeliveryStatus.Pending, report.Status);
            Assert.Equal("Pending", report.RawStatus);
            Assert.Null(report.SmsStatus);
            Assert.False(report.IsFinal);
        }
    }

    [Fact]
    public async Task GetStatusesAsync_501Ids_PostsAtMost500IdsPerRequest()
    {
        // "кількість ID повідомлень, що рекомендується, в одному запиті на отримання статусу не повинно перевищувати 500".
        var ids = Enumerable.Range(10001, 501).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        await using var server = Start();
        foreach (var chunk in new[] { ids[..500], ids[500..] })
        {
            var request = "{ \"messageIds\": [" + string.Join(",", chunk.Select(id => "\"" + id + "\"")) + "] }";
            var answer = "{ \"successfulRequest\": { \"requestData\": { "
                + string.Join(",", chunk.Select(id => "\"" + id + "\": { \"status\": \"Delivered\", \"additionStatus\": null, \"smsStatus\": null }"))
                + " } } }";
            server.Expect(Post("/vibers/status", request), ContractServer.Json(200, answer));
        }

        var sut = server.Get<IStatusQuery>(Name);

        var reports = await server.RunAsync(() => sut.GetStatusesAsync(ids.Select(id => new MessageId(Name, id))));

        Assert.Equal(501, reports.Count);
        Assert.All(reports, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        Assert.Equal(2, server.Requests.Count);
    }

    // The document's six main statuses ("Основний статус (параметр «status»)").
    [Theory]
    [InlineData("Pending", DeliveryStatus.Pending)]
    [InlineData("Sent", DeliveryStatus.Sent)]
    [InlineData("Delivered", DeliveryStatus.Delivered)]
    [InlineData("Expired", DeliveryStatus.Expired)]
    [InlineData("Undeliverable", DeliveryStatus.Undeliverable)]
    [InlineData("Rejected", DeliveryStatus.Rejected)]
    public async Task GetStatusesAsync_DocumentedStatus_MapsIt(string status, DeliveryStatus expected)
    {
        var report = await QueryOneAsync($$"""{ "status": "{{status}}", "additionStatus": null, "smsStatus": null }""");

        Assert.Equal(expected, report.ViberStatus);
        Assert.Equal(status, report.RawStatus);
    }

    // The document's additional statuses ("Додатковий статус"): Read, and the reasons a message was not delivered. The
    // status answer's example spells the field "additionStatus" (the prose says additionalStatus).
    [Theory]
    [InlineData("Blocked by the recipient", DeliveryFailureReason.BlockedByRecipient)]
    [InlineData("Not registered", DeliveryFailureReason.NotViberUser)]
    [InlineData("Mailing lists are not supported", DeliveryFailureReason.DeviceNotSupported)]
    [InlineData("Black list", DeliveryFailureReason.Blacklisted)]
    [InlineData("Spamming", DeliveryFailureReason.Spam)]
    [InlineData("Censorship", DeliveryFailureReason.Censorship)]
    [InlineData("Invalid number of the recipient", DeliveryFailureReason.InvalidNumber)]
    [InlineData("Prohibited operator", DeliveryFailureReason.ProhibitedOperator)]
    public async Task GetStatusesAsync_DocumentedAdditionalStatus_MapsReason(string addition, DeliveryFailureReason expected)
    {
        var report = await QueryOneAsync($$"""{ "status": "Undeliverable", "additionStatus": "{{addition}}", "smsStatus": null }""");

        Assert.Equal(DeliveryStatus.Undeliverable, report.ViberStatus);
        Assert.Equal(expected, report.FailureReason);
    }

    [Fact]
    public async Task GetStatusesAsync_AdditionalStatusRead_MapsRead()
    {
        var report = await QueryOneAsync("""{ "status": "Delivered", "additionStatus": "Read", "smsStatus": null }""");

        Assert.Equal(DeliveryStatus.Read, report.Status);
    }

    // "Статус СМС (параметр smsStatus) в рамках послуги Viber + sms": the same six words.
    [Theory]
    [InlineData("Pending", DeliveryStatus.Pending)]
    [InlineData("Sent", DeliveryStatus.Sent)]
    [InlineData("Delivered", DeliveryStatus.Delivered)]
    [InlineData("Expired", DeliveryStatus.Expired)]
    [InlineData("Undeliverable", DeliveryStatus.Undeliverable)]
    [InlineData("Rejected", DeliveryStatus.Rejected)]
    public async Task GetStatusesAsync_DocumentedSmsStatus_MapsIt(string smsStatus, DeliveryStatus expected)
    {
        var report = await QueryOneAsync($$"""{ "status": "Expired", "additionStatus": null, "smsStatus": "{{smsStatus}}" }""");

        Assert.Equal(expected, report.SmsStatus);
        Assert.Equal(smsStatus, report.RawSmsStatus);
    }

    // The HTTP statuses of the send table and the document's error bodies. The bodies are fragments: wrapped in braces;
    // the "SMS" message's inner quotes escaped. A body's key says what failed; the status pairs with its key by the
    // table's descriptions (upload_img and SMS have no status of their own: 400, "Помилка валідації вхідних параметрів").
    [Theory]
    [InlineData(460, "account", "Distribution of SMS-mailings from this account is not available", ViberErrorCode.AccountBlocked)]
    [InlineData(465, "systemError", "Sorry, a system error has occurred, please contact support.", ViberErrorCode.ProviderUnavailable)]
    [InlineData(464, "noMoney", "Not enough money. It is necessary to refill the balance", ViberErrorCode.InsufficientFunds)]
    [InlineData(463, "anyCorrectPhones", "No valid numbers found.", ViberErrorCode.InvalidRecipients)]
    [InlineData(462, "text", "Incorrect text.", ViberErrorCode.InvalidText)]
    [InlineData(400, "upload_img", "Failed to load image.", ViberErrorCode.InvalidImage)]
    [InlineData(461, "sender", "Sender name is incorrect", ViberErrorCode.InvalidSender)]
    [InlineData(400, "SMS", "Fields: \\\"Alpha-name (SMS)\\\" and \\\"Message text (SMS)\\\" should be filled together or not filled at all", ViberErrorCode.InvalidRequest)]
    public async Task SendAsync_DocumentedError_ThrowsMappedErrorAndNotSent(int status, string key, string message, ViberErrorCode expected)
    {
        await using var server = Start();
        server.Expect(Post("/vibers/send", """{ "sender": "MyShop", "phones": ["380989361121"], "message": "Текст сообщения" }"""), ContractServer.Json(status, $$"""
            { "errorRequest": { "errors": { "{{key}}": ["{{message}}"] } } }
            """));
        var sut = server.Get<IViberSender>(Name);

        var error = await server.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(TextTo("380989361121")));

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(key, error.ProviderErrorCode);
        Assert.Contains(message.Replace("\\\"", "\"", StringComparison.Ordinal), error.ProviderMessage, StringComparison.Ordinal);
        Assert.Equal(SendOutcome.NotSent, error.Outcome);
        Assert.Equal(Name, error.ProviderName);
    }

    // The send table's statuses without a body of their own in the document: 401, 429, 466–468 and 5xx.
    [Theory]
    [InlineData(401, ViberErrorCode.Unauthorized, SendOutcome.NotSent)]
    [InlineData(429, ViberErrorCode.RateLimited, SendOutcome.NotSent)]
    [InlineData(466, ViberErrorCode.InvalidSender, SendOutcome.NotSent)]
    [InlineData(467, ViberErrorCode.InvalidText, SendOutcome.NotSent)]
    [InlineData(468, ViberErrorCode.InsufficientFunds, SendOutcome.NotSent)]
    public async Task SendAsync_DocumentedStatus_ThrowsMappedError(int status, ViberErrorCode expected, SendOutcome outcome)
    {
        await using var server = Start();
        server.Expect(Post("/vibers/send", """{ "sender": "MyShop", "phones": ["380989361121"], "message": "Текст сообщения" }"""), ContractServer.Json(status, "{}"));
        var sut = server.Get<IViberSender>(Name);

        var error = await server.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(TextTo("380989361121")));

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(outcome, error.Outcome);
    }

    [Fact]
    public async Task GetStatusesAsync_ServiceUnavailable_ThrowsTransientProviderUnavailable()
    {
        // "500х — Сервіс тимчасово недоступний."
        await using var server = Start();
        server.Expect(Post("/vibers/status", """{ "messageIds" : ["5769"] }"""), ContractServer.Json(503, "{}"));
        var sut = server.Get<IStatusQuery>(Name);

        var error = await server.ThrowsAsync<ViberMessagingException>(() => sut.GetStatusesAsync([new MessageId(Name, "5769")]));

        Assert.Equal(ViberErrorCode.ProviderUnavailable, error.ErrorCode);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task GetMessagesAsync_Chat_GetsChatPageAndMapsDirections()
    {
        // "GET запит із параметром chat_id … page (необов'язковий параметр)"; the answer's trailing comma after the last
        // message removed. The document's dates carry no zone: read as SMS Club's own (Kyiv) time.
        await using var server = Start();
        server.Expect(Get("/vibers/chat", ("chat_id", "57"), ("page", "1")), ContractServer.Json(200, """
            {
                "successfulRequest": {
                    "requestData": {
                        "chat": {
                            "recipient": 380999999999,
                            "source_address": "test",
                            "creation_date": "2021-09-15 17:17:43",
                            "messages": [
                                { "text": "Ваш код підтвердження: 121212", "date": "2021-09-15 17:17:43", "type": "outcoming" },
                                { "text": "Окей", "date": "2020-09-16 11:44:03", "type": "incoming" }
                            ]
                        }
                    }
                }
            }
            """));
        var sut = server.Get<IViberChats>(Name);

        var messages = await server.RunAsync(() => sut.GetMessagesAsync("57").ToListAsync().AsTask());

        Assert.Equal(2, messages.Count);
        Assert.Equal(ChatMessageDirection.Outgoing, messages[0].Direction);
        Assert.Equal("Ваш код підтвердження: 121212", messages[0].Text);
        Assert.Equal(new DateTime(2021, 9, 15, 17, 17, 43), InKyiv(messages[0].Timestamp));
        Assert.Equal(ChatMessageDirection.Incoming, messages[1].Direction);
        Assert.Equal("Окей", messages[1].Text);
        Assert.Equal(new DateTime(2020, 9, 16, 11, 44, 3), InKyiv(messages[1].Timestamp));
        Assert.All(messages, m => Assert.Equal("57", m.ChatId));
        Assert.All(messages, m => Assert.Equal(Phone("380999999999"), m.Phone));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetChatsAsync_OnePage_GetsChatsPageAndMapsChat()
    {
        // "GET запит з необов'язковим параметром page"; the answer's two trailing commas removed.
        await using var server = Start();
        server.Expect(Get("/vibers/chats", ("page", "1")), ContractServer.Json(200, """
            {
                "successfulRequest": {
                    "requestData": {
                        "chats": [
                            { "chat_id": "51", "recipient": "380777777777", "creation_date": "2020-05-28 11:43:29" }
                        ]
                    }
                }
            }
            """));
        var sut = server.Get<IViberChats>(Name);

        var chats = await server.RunAsync(() => sut.GetChatsAsync().ToListAsync().AsTask());

        var chat = Assert.Single(chats);
        Assert.Equal("51", chat.ChatId);
        Assert.Equal(Phone("380777777777"), chat.Recipient);
        Assert.Equal(new DateTime(2020, 5, 28, 11, 43, 29), InKyiv(chat.CreatedAt));
    }

    [Fact]
    public async Task GetChatsAsync_FullPage_AsksForTheNextPage()
    {
        // "виводимо по 30 записів на сторінці": a full page of 30 means there may be more; page 2 holds the last one.
        await using var server = Start();
        foreach (var (page, first, count) in new[] { (1, 100, 30), (2, 130, 1) })
        {
            var chats = string.Join(",", Enumerable.Range(first, count).Select(id => $$"""{ "chat_id": "{{id}}", "recipient": "380777777777", "creation_date": "2020-05-28 11:43:29" }"""));
            server.Expect(
                Get("/vibers/chats", ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                ContractServer.Json(200, $$"""{ "successfulRequest": { "requestData": { "chats": [ {{chats}} ] } } }"""));
        }

        var sut = server.Get<IViberChats>(Name);

        var all = await server.RunAsync(() => sut.GetChatsAsync().ToListAsync().AsTask());

        Assert.Equal(Enumerable.Range(100, 31).Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)), all.Select(c => c.ChatId));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetBalanceAsync_Balance_PostsBalanceAndReadsMoneyExactly()
    {
        // Not in the Viber document: SMS Club's own public PHP client (smsclub/php, json_sms/get_balance.php) POSTs
        // /sms/balance with the same Bearer header and no body; the answer's shape is the one in provider-notes.md.
        await using var server = Start();
        server.Expect(Authorized(Request.Create().WithPath("/sms/balance").UsingPost()), ContractServer.Json(200, """
            {"success_request":{"info":{"money":"8111.1700","currency":"UAH"}}}
            """));
        var sut = server.Get<IBalanceQuery>(Name);

        var balance = await server.RunAsync(() => sut.GetBalanceAsync());

        Assert.Equal(new AccountBalance(8111.17m, "UAH"), balance);
    }

    [Fact]
    public async Task GetSenderNamesAsync_Names_GetsOriginatorList()
    {
        // Not in the Viber document, and its answer's shape is published nowhere: the path (GET /vibers/originator)
        // comes from provider-notes.md; the answer uses the Viber API's own envelope around a list of names.
        await using var server = Start();
        server.Expect(Get("/vibers/originator"), ContractServer.Json(200, """
            { "successfulRequest": { "requestData": ["MyShop", "MyShopPromo"] } }
            """));
        var sut = server.Get<ISmsClubAccount>(Name);

        var names = await server.RunAsync(() => sut.GetSenderNamesAsync());

        Assert.Equal(["MyShop", "MyShopPromo"], names);
    }

    private static async Task<DeliveryReport> QueryOneAsync(string statusObject)
    {
        await using var server = Start();
        server.Expect(Post("/vibers/status", """{ "messageIds" : ["5769"] }"""), ContractServer.Json(200, $$"""
            { "successfulRequest": { "requestData": { "5769": {{statusObject}} } } }
            """));
        var sut = server.Get<IStatusQuery>(Name);

        var reports = await server.RunAsync(() => sut.GetStatusesAsync([new MessageId(Name, "5769")]));

        var report = Assert.Single(reports);
        Assert.Equal(new MessageId(Name, "5769"), report.MessageId);
        return report;
    }

    private static ViberMessage TextTo(string phone) => new() { Sender = "MyShop", Recipients = [Phone(phone)], Text = "Текст сообщения" };

    private static void AssertAccepted(RecipientResult recipient, string phone, string id)
    {
        Assert.Equal(RecipientStatus.Accepted, recipient.Status);
        Assert.Equal(Phone(phone), recipient.Recipient);
        Assert.Equal(new MessageId(Name, id), recipient.MessageId);
    }

    private static PhoneNumber Phone(string digits) => PhoneNumber.Parse(digits);

    private static DateTime? InKyiv(DateTimeOffset? value)
        => value is { } v ? TimeZoneInfo.ConvertTime(v, TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv")).DateTime : null;
}
