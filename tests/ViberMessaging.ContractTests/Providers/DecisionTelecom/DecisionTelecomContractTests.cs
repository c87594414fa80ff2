using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.ContractTests.Support;
using ViberMessaging.DecisionTelecom;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace ViberMessaging.ContractTests.Providers.DecisionTelecom;

/// <summary>
/// DecisionTelecom's wire contract, from /work/shared/provider-docs/decisiontelecom-viber-api.en.txt and
/// decisiontelecom-viber-plus-sms-api.uk.txt: JSON POSTs to <c>/v1/api/send-viber</c> (one recipient) and
/// <c>/v1/api/receive-viber</c> (one status), with HTTP Basic auth from the account's key.
/// </summary>
public sealed class DecisionTelecomContractTests
{
    private const string Name = ViberProviders.DecisionTelecom;
    // The document's $userHashKey is a placeholder ("User Hash Key provided by your account manager"); a key has no spaces.
    private const string Key = "a1b2c3d4e5f6UserHashKey";

    // The English document's send example. Where the example and the parameter list disagree, the list is followed:
    // "destination_addr: <= 20 chars" is a string of digits (the example writes a bare number), and the example's
    // image + button message is "108 text+image+button" (the example says 106, "only text").
    private const string PromotionalExample = """
        {
            "source_addr": "Custom Company",
            "destination_addr": "8882222200",
            "message_type": 108,
            "text": "Message content",
            "image": "https://yourdomain.com/images/image.jpg",
            "button_caption": "Join Us",
            "button_action": "https://yourdomain.com/join-us",
            "source_type": 1,
            "callback_url": "https://yourdomain.com/viber-callback",
            "validity_period": 3600
        }
        """;

    [Fact]
    public async Task SendAsync_ImageAndButton_PostsSendExampleAndReturnsMessageId()
    {
        await using var server = Start();
        server.Expect(Post("/v1/api/send-viber", PromotionalExample), ContractServer.Json(200, """{ "message_id":429 }"""));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage
        {
            Sender = "Custom Company",
            Recipients = [PhoneNumber.Parse("8882222200")],
            Text = "Message content",
            ImageUrl = new Uri("https://yourdomain.com/images/image.jpg"),
            Button = new ViberButton("Join Us", new Uri("https://yourdomain.com/join-us")),
            CallbackUrl = new Uri("https://yourdomain.com/viber-callback"),
            TimeToLive = TimeSpan.FromSeconds(3600),
        }));

        var recipient = Assert.Single(result.Recipients);
        Assert.Equal(RecipientStatus.Accepted, recipient.Status);
        Assert.Equal(new MessageId(Name, "429"), recipient.MessageId);
    }

    [Fact]
    public async Task SendAsync_SeveralRecipients_PostsOneRequestEach()
    {
        // "destination_addr: <= 20 chars - to whom the message": one recipient per request.
        await using var server = Start();
        server.Expect(Post("/v1/api/send-viber", Transactional("8882222200")), ContractServer.Json(200, """{ "message_id":429 }"""));
        server.Expect(Post("/v1/api/send-viber", Transactional("8882222201")), ContractServer.Json(200, """{ "message_id":430 }"""));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage
        {
            Sender = "Custom Company",
            Recipients = [PhoneNumber.Parse("8882222200"), PhoneNumber.Parse("8882222201")],
            Text = "Message content",
        }));

        Assert.Equal(new MessageId(Name, "429"), result.Recipients.Single(r => r.Recipient == PhoneNumber.Parse("8882222200")).MessageId);
        Assert.Equal(new MessageId(Name, "430"), result.Recipients.Single(r => r.Recipient == PhoneNumber.Parse("8882222201")).MessageId);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_SmsFallback_PostsViberPlusSmsExample()
    {
        // The Ukrainian Viber + SMS example without its "// add this parameter …" comment (not JSON). "text_sms …
        // (only for transactional messages)" and "image … for promotional message", so the transactional reading of
        // the example keeps the text and drops the image and button; "transactional message + SMS - TTL only 40 seconds".
        const string request = """
            {"source_addr":"Custom Company","destination_addr":"8882222200","message_type":106,"text":"Message content","text_sms":"SMS message content",
            "source_type":2,"callback_url":"https://yourdomain.com/viber-callback","validity_period":40}
            """;
        await using var server = Start();
        server.Expect(Post("/v1/api/send-viber", request), ContractServer.Json(200, """{"message_id":429}"""));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage
        {
            Sender = "Custom Company",
            Recipients = [PhoneNumber.Parse("8882222200")],
            Text = "Message content",
            SmsFallback = new SmsFallback("SMS message content"),
            CallbackUrl = new Uri("https://yourdomain.com/viber-callback"),
        }));

        Assert.Equal(new MessageId(Name, "429"), Assert.Single(result.MessageIds));
    }

    // "206 only text (2Way)", "208 text+image+button (2Way)".
    [Theory]
    [InlineData(false, 206)]
    [InlineData(true, 208)]
    public async Task SendAsync_OpenChat_PostsTwoWayMessageType(bool rich, int messageType)
    {
        var request = rich
            ? PromotionalExample.Replace("\"message_type\": 108", "\"message_type\": 208", StringComparison.Ordinal)
            : $$"""{ "source_addr": "Custom Company", "destination_addr": "8882222200", "message_type": {{messageType}}, "text": "Message content", "source_type": 2 }""";
        await using var server = Start();
        server.Expect(Post("/v1/api/send-viber", request), ContractServer.Json(200, """{ "message_id":429 }"""));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage
        {
            Sender = "Custom Company",
            Recipients = [PhoneNumber.Parse("8882222200")],
            Text = "Message content",
            ImageUrl = rich ? new Uri("https://yourdomain.com/images/image.jpg") : null,
            Button = rich ? new ViberButton("Join Us", new Uri("https://yourdomain.com/join-us")) : null,
            CallbackUrl = rich ? new Uri("https://yourdomain.com/viber-callback") : null,
            TimeToLive = rich ? TimeSpan.FromSeconds(3600) : null,
            TwoWay = TwoWayOptions.OpenChat,
        }));

        Assert.Equal(new MessageId(Name, "429"), Assert.Single(result.MessageIds));
    }

    // The key's three encodings: base64(key) ("Базовий ключ доступу Base64"), what the English example's curl sends
    // (CURLOPT_USERPWD with the key alone: base64(key + ":")), and a key that is already Base64.
    [Theory]
    [InlineData(DecisionTelecomKeyEncoding.Base64, Key)]
    [InlineData(DecisionTelecomKeyEncoding.Base64WithColon, Key + ":")]
    [InlineData(DecisionTelecomKeyEncoding.Verbatim, null)]
    public async Task SendAsync_KeyEncoding_SendsBasicHeader(DecisionTelecomKeyEncoding encoding, string? encoded)
    {
        var key = encoding == DecisionTelecomKeyEncoding.Verbatim ? Convert.ToBase64String(Encoding.UTF8.GetBytes("login:password")) : Key;
        var header = "Basic " + (encoded is null ? key : Convert.ToBase64String(Encoding.UTF8.GetBytes(encoded)));
        await using var server = Start(o => { o.ApiKey = key; o.KeyEncoding = encoding; });
        server.Expect(
            Request.Create().WithPath("/v1/api/send-viber").UsingPost().WithHeader("Authorization", new ExactMatcher(header)).WithBody(new JsonMatcher(Transactional("8882222200"))),
            ContractServer.Json(200, """{ "message_id":429 }"""));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage { Sender = "Custom Company", Recipients = [PhoneNumber.Parse("8882222200")], Text = "Message content" }));

        Assert.True(result.IsFullyAccepted);
    }

    [Fact]
    public async Task GetStatusesAsync_Delivered_PostsReceiveViberExample()
    {
        // "API Receive Viber message": request {"message_id":429}; the answer's trailing comma after "status":1 removed.
        await using var server = Start();
        server.Expect(Post("/v1/api/receive-viber", """{ "message_id":429 }"""), ContractServer.Json(200, """{ "message_id":429, "status":1 }"""));
        var sut = server.Get<IStatusQuery>(Name);

        var reports = await server.RunAsync(() => sut.GetStatusesAsync([new MessageId(Name, "429")]));

        var report = Assert.Single(reports);
        Assert.Equal(new MessageId(Name, "429"), report.MessageId);
        Assert.Equal(DeliveryStatus.Delivered, report.Status);
        Assert.Equal("1", report.RawStatus);
    }

    // "Viber messages statuses: sent - 0; delivered - 1; error - 2; rejected - 3; undelivered - 4; pending - 5; unknown - 20".
    [Theory]
    [InlineData(0, DeliveryStatus.Sent)]
    [InlineData(1, DeliveryStatus.Delivered)]
    [InlineData(2, DeliveryStatus.Failed)]
    [InlineData(3, DeliveryStatus.Rejected)]
    [InlineData(4, DeliveryStatus.Undeliverable)]
    [InlineData(5, DeliveryStatus.Pending)]
    [InlineData(20, DeliveryStatus.Unknown)]
    public async Task GetStatusesAsync_DocumentedStatus_MapsIt(int status, DeliveryStatus expected)
    {
        await using var server = Start();
        server.Expect(Post("/v1/api/receive-viber", """{ "message_id":429 }"""), ContractServer.Json(200, $$"""{ "message_id":429, "status":{{status}} }"""));
        var sut = server.Get<IStatusQuery>(Name);

        var reports = await server.RunAsync(() => sut.GetStatusesAsync([new MessageId(Name, "429")]));

        var report = Assert.Single(reports);
        Assert.Equal(expected, report.ViberStatus);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), report.RawStatus);
    }

    // The document's "Errors:" list, each as a JSON body with its name, message, code and status, at that HTTP status.
    [Theory]
    [InlineData("Too Many Requests", "Rate limit exceeded.", 0, 429, ViberErrorCode.RateLimited, SendOutcome.NotSent)]
    [InlineData("Invalid Parameter: text", "Empty parameter or parameter validation error", 1, 400, ViberErrorCode.InvalidText, SendOutcome.NotSent)]
    [InlineData("Internal server error", "The server encountered an unexpected condition which prevented it from fulfilling the request", 2, 500, ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown)]
    [InlineData("Topup balance is required", "User balance is empty", 3, 402, ViberErrorCode.InsufficientFunds, SendOutcome.NotSent)]
    public async Task SendAsync_DocumentedError_ThrowsMappedError(string name, string message, int code, int status, ViberErrorCode expected, SendOutcome outcome)
    {
        await using var server = Start();
        server.Expect(Post("/v1/api/send-viber", Transactional("8882222200")), ContractServer.Json(status, $$"""
            { "name": "{{name}}", "message": "{{message}}", "code": {{code}}, "status": {{status}} }
            """));
        var sut = server.Get<IViberSender>(Name);

        var error = await server.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(new ViberMessage
        {
            Sender = "Custom Company",
            Recipients = [PhoneNumber.Parse("8882222200")],
            Text = "Message content",
        }));

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.ProviderErrorCode);
        Assert.Equal(outcome, error.Outcome);
    }

    [Fact]
    public async Task GetStatusesAsync_InternalServerError_ThrowsProviderUnavailable()
    {
        await using var server = Start();
        server.Expect(Post("/v1/api/receive-viber", """{ "message_id":429 }"""), ContractServer.Json(500, """
            { "name": "Internal server error", "message": "The server encountered an unexpected condition which prevented it from fulfilling the request", "code": 2, "status": 500 }
            """));
        var sut = server.Get<IStatusQuery>(Name);

        var error = await server.ThrowsAsync<ViberMessagingException>(() => sut.GetStatusesAsync([new MessageId(Name, "429")]));

        Assert.Equal(ViberErrorCode.ProviderUnavailable, error.ErrorCode);
        Assert.Equal("2", error.ProviderErrorCode);
    }

    [Fact]
    public void ParseReply_DocumentCallback_MapsIncomingMessage()
    {
        // "Get message from a user for 2Way messages": the English example, verbatim. "tracking_id: The id of the
        // message to which the client is responding"; "time: client response message time" (Unix seconds).
        var json = """
            {
              "message_token": 4444444444444444,
              "phone_number": "97251222222",
              "time": 2121212121,
              "message": {
                "text": "a message to the service",
                "tracking_data": "tracking_id:100035"
              }
            }
            """u8;

        Assert.True(DecisionTelecomCallbacks.IsReply(json));
        var message = DecisionTelecomCallbacks.ParseReply(json);

        Assert.Equal(ChatMessageDirection.Incoming, message.Direction);
        Assert.Equal("a message to the service", message.Text);
        Assert.Equal(PhoneNumber.Parse("97251222222"), message.Phone);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(2121212121), message.Timestamp);
        Assert.Equal(new MessageId(Name, "100035"), message.InReplyTo);
        Assert.Equal("4444444444444444", message.ProviderMessageId);
    }

    [Fact]
    public void ParseStatus_ReceiveViberShape_MapsReport()
    {
        // The status callback's body is not documented; "callback_url: Correct URL for message status callback". The
        // status answer's shape is the one the document gives for a message's status.
        var json = """{ "message_id":429, "status":1 }"""u8;

        Assert.False(DecisionTelecomCallbacks.IsReply(json));
        var report = DecisionTelecomCallbacks.ParseStatus(json);

        Assert.Equal(new MessageId(Name, "429"), report.MessageId);
        Assert.Equal(DeliveryStatus.Delivered, report.Status);
    }

    private static string Transactional(string phone) => $$"""
        { "source_addr": "Custom Company", "destination_addr": "{{phone}}", "message_type": 106, "text": "Message content", "source_type": 2 }
        """;

    private static ContractServer Start(Action<DecisionTelecomOptions>? configure = null)
    {
        var server = new ContractServer();
        return server.Register(b => b.AddDecisionTelecom(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.ApiKey = Key;
            o.Resilience.MaxRetryAttempts = 0;
            configure?.Invoke(o);
        }));
    }

    private static IRequestBuilder Post(string path, string json)
        => Request.Create().WithPath(path).UsingPost()
            .WithHeader("Authorization", new ExactMatcher("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Key))))
            .WithHeader("Content-Type", new WildcardMatcher("application/json*", ignoreCase: true))
            .WithBody(new JsonMatcher(json));
}
