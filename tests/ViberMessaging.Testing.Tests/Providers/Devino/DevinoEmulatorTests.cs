using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.Testing.Providers.Devino;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Testing.Tests.Providers.Devino;

/// <summary>The Devino module of the emulator, spoken to with a raw HttpClient: one test per documented rule and endpoint.</summary>
public sealed class DevinoEmulatorTests : IAsyncLifetime
{
    private const string ValidText = """{"subject":"Shop","priority":"high","type":"viber","contentType":"text","content":{"text":"Hello"},"address":"79250000009"}""";

    private readonly FakeTimeProvider _clock = TestClock.Create();
    private ViberEmulator _emulator = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ViberEmulator.StartAsync(new ViberEmulatorOptions { TimeProvider = _clock });
        _http = CreateClient(_emulator.Options.Credentials.DevinoLogin, _emulator.Options.Credentials.DevinoPassword);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public void GetEndpoints_TheEmulator_ListsSendAndStatus()
        => Assert.Equal(2, _emulator.GetEndpoints(ViberProviders.Devino).Count);

    [Fact]
    public async Task Send_TextMessage_AcceptsWithProviderIdAbove2Pow53()
    {
        var (status, body) = await PostAsync("send", """
            {
              "resendSms": false,
              "messages": [ {
                "subject": "Subject", "priority": "high", "validityPeriodSec": 3600, "comment": "comment",
                "type": "viber", "contentType": "text", "content": { "text": "Message text" }, "address": "79250000001"
              } ]
            }
            """);

        Assert.Equal(200, status);
        Assert.Equal("ok", (string?)body["status"]);
        var result = body["messages"]![0]!;
        Assert.Equal("ok", (string?)result["code"]);
        Assert.Equal("3158611117333282816", result["providerId"]!.ToJsonString());
        var accepted = Assert.Single(_emulator.AcceptedMessages(ViberProviders.Devino));
        Assert.Equal(("3158611117333282816", "79250000001", "Message text", "Subject"), (accepted.Id, accepted.Recipient, accepted.Text, accepted.Sender));
        Assert.False(accepted.HasSmsFallback);
    }

    [Fact]
    public async Task Send_ButtonWithImageAndSms_AcceptsEveryField()
    {
        var (_, body) = await PostAsync("send", """
            {
              "resendSms": true,
              "messages": [ {
                "subject": "Subject", "priority": "realtime", "type": "viber", "contentType": "button",
                "content": { "text": "text", "caption": "caption", "action": "http://company.com/resource", "imageUrl": "http://company.com/image.jpg" },
                "address": "79250000001", "smsText": "1sms Message text", "smsSrcAddress": "1TEST", "smsValidityPeriodSec": 5000
              } ]
            }
            """);

        Assert.Equal("ok", (string?)body["messages"]![0]!["code"]);
        var accepted = Assert.Single(_emulator.AcceptedMessages(ViberProviders.Devino));
        Assert.Equal(("caption", "http://company.com/resource", "http://company.com/image.jpg", "1sms Message text"), (accepted.ButtonCaption, accepted.ButtonUrl, accepted.ImageUrl, accepted.SmsText));
    }

    [Fact]
    public async Task Send_NullOptionalFields_AreReadAsAbsent()
    {
        // A client that serialises its whole model writes null for every optional field it does not set.
        var (status, body) = await PostAsync("send", """
            {
              "resendSms": false, "commonData": null,
              "messages": [ {
                "subject": "Subject", "priority": "high", "validityPeriodSec": null, "comment": null,
                "type": "viber", "contentType": "text", "content": { "text": "Message text", "caption": null, "action": null, "imageUrl": null },
                "address": "79250000001", "smsText": null, "smsSrcAddress": null, "smsValidityPeriodSec": null
              } ]
            }
            """);

        Assert.Equal((200, "ok", "ok"), (status, (string?)body["status"], (string?)body["messages"]![0]!["code"]));
        var accepted = Assert.Single(_emulator.AcceptedMessages(ViberProviders.Devino));
        Assert.Equal(("Message text", null, null, false), (accepted.Text, accepted.ImageUrl, accepted.SmsText, accepted.HasSmsFallback));
    }

    [Fact]
    public async Task Send_ImageWithoutResend_Accepted()
    {
        var (_, body) = await PostAsync("send", """
            {"resendSms":"false","messages":[{"subject":"Subject","priority":"high","type":"viber","contentType":"image","content":{"imageUrl":"http://company.com/image.jpg"},"address":"7925000000"}]}
            """);

        Assert.Equal("ok", (string?)body["messages"]![0]!["code"]);
        Assert.Equal("http://company.com/image.jpg", Assert.Single(_emulator.AcceptedMessages(ViberProviders.Devino)).ImageUrl);
    }

    [Fact]
    public async Task Send_ResendSmsAbsent_ReSendsTheViberTextByDefault()
    {
        var (_, body) = await PostAsync("send", $$"""{"messages":[{{ValidText}}]}""");

        Assert.Equal("ok", (string?)body["messages"]![0]!["code"]);
        var accepted = Assert.Single(_emulator.AcceptedMessages(ViberProviders.Devino));
        Assert.True(accepted.SmsFallbackRequested);
    }

    [Fact]
    public async Task Send_CommonData_MergedIntoEachMessageWhichMayOverrideIt()
    {
        var (_, body) = await PostAsync("send", """
            {
              "resendSms": "false",
              "commonData": {
                "subject": "Subject", "priority": "high", "validityPeriodSec": 3600, "comment": "comment", "type": "viber", "contentType": "button",
                "content": { "text": "text", "caption": "caption", "action": "http://company.com/resource", "imageUrl": "http://company.com/image.jpg" }
              },
              "messages": [
                { "address": "7925000001" },
                { "priority": "low", "contentType": "text", "content": { "text": "Message text" }, "address": "7925000002" }
              ]
            }
            """);

        Assert.Equal(["ok", "ok"], body["messages"]!.AsArray().Select(m => (string?)m!["code"]));
        var accepted = _emulator.AcceptedMessages(ViberProviders.Devino);
        Assert.Equal(("7925000001", "text", "caption"), (accepted[0].Recipient, accepted[0].Text, accepted[0].ButtonCaption));
        Assert.Equal(("7925000002", "Message text", null), (accepted[1].Recipient, accepted[1].Text, accepted[1].ButtonCaption));
        Assert.Equal(long.Parse(accepted[0].Id) + 1, long.Parse(accepted[1].Id));
    }

    public static TheoryData<bool, string, string> PerMessageRules => new()
    {
        { false, """{"subject":"Shop","priority":"high","type":"viber","contentType":"text","content":{"text":"Hi"}}""", "error-address-not-specified" },
        { false, """{"subject":"Shop","priority":"high","type":"viber","contentType":"text","content":{"text":"Hi"},"address":"+79250000001"}""", "error-address-format" },
        { false, """{"subject":"Shop","priority":"high","type":"viber","contentType":"text","content":{"text":"Hi"},"address":"12345"}""", "error-address-format" },
        { false, """{"priority":"high","type":"viber","contentType":"text","content":{"text":"Hi"},"address":"79250000001"}""", "error-subject-not-specified" },
        { false, """{"subject":"TwelveCharsX","priority":"high","type":"viber","contentType":"text","content":{"text":"Hi"},"address":"79250000001"}""", "error-subject-format" },
        { false, """{"subject":"Shop","type":"viber","contentType":"text","content":{"text":"Hi"},"address":"79250000001"}""", "error-priority-format" },
        { false, """{"subject":"Shop","priority":"urgent","type":"viber","contentType":"text","content":{"text":"Hi"},"address":"79250000001"}""", "error-priority-format" },
        { false, """{"subject":"Shop","priority":"high","comment":42,"type":"viber","contentType":"text","content":{"text":"Hi"},"address":"79250000001"}""", "error-comment-format" },
        { false, """{"subject":"Shop","priority":"high","contentType":"text","content":{"text":"Hi"},"address":"79250000001"}""", "error-instant-message-type-not-specified" },
        { false, """{"subject":"Shop","priority":"high","type":"sms","contentType":"text","content":{"text":"Hi"},"address":"79250000001"}""", "error-instant-message-type-format" },
        { false, """{"subject":"Shop","priority":"high","type":"viber","contentType":"text","address":"79250000001"}""", "error-content-not-specified" },
        { false, """{"subject":"Shop","priority":"high","type":"viber","contentType":"text","content":{"caption":"Hi"},"address":"79250000001"}""", "error-content-type-format" },
        { false, $$"""{"subject":"Shop","priority":"high","type":"viber","contentType":"text","content":{"text":"{{new string('a', 1001)}}"},"address":"79250000001"}""", "error-content-type-format" },
        { false, """{"subject":"Shop","priority":"high","type":"viber","contentType":"button","content":{"text":"Hi","caption":"Twenty characters!!!","action":"http://a.example/"},"address":"79250000001"}""", "error-content-type-format" },
        { false, """{"subject":"Shop","priority":"high","type":"viber","contentType":"button","content":{"text":"Hi","caption":"Go","action":"not a url"},"address":"79250000001"}""", "error-content-type-format" },
        { false, """{"subject":"Shop","priority":"high","type":"viber","content":{"text":"Hi"},"address":"79250000001"}""", "error-content-type-format" },
        { false, """{"subject":"Shop","priority":"high","validityPeriodSec":29,"type":"viber","contentType":"text","content":{"text":"Hi"},"address":"79250000001"}""", "error-validity-period-seconds-format" },
        { false, """{"subject":"Shop","priority":"high","validityPeriodSec":86401,"type":"viber","contentType":"text","content":{"text":"Hi"},"address":"79250000001"}""", "error-validity-period-seconds-format" },
        { false, """{"subject":"Shop","priority":"high","type":"viber","contentType":"text","content":{"text":"Hi"},"address":"79250000001","smsText":"Hi"}""", "error-resend-sms-error" },
        { true, """{"subject":"Shop","priority":"high","type":"viber","contentType":"image","content":{"imageUrl":"http://a.example/i.jpg"},"address":"79250000001"}""", "error-resend-sms-error" },
        { true, """{"subject":"Shop","priority":"high","type":"viber","contentType":"text","content":{"text":"Hi"},"address":"79250000001","smsText":"Hi","smsSrcAddress":"Кириллица"}""", "error-resend-sms-error" },
        { true, """{"subject":"Shop","priority":"high","type":"viber","contentType":"text","content":{"text":"Hi"},"address":"79250000001","smsText":"Hi","smsValidityPeriodSec":59}""", "error-resend-sms-validity-period-error" },
    };

    [Theory]
    [MemberData(nameof(PerMessageRules))]
    public async Task Send_MessageBreakingARule_RejectsOnlyThatMessageWithItsCode(bool resendSms, string message, string expectedCode)
    {
        var (status, body) = await PostAsync("send", $$"""{"resendSms":{{(resendSms ? "true" : "false")}},"messages":[{{message}},{{ValidText}}]}""");

        Assert.Equal(200, status);
        Assert.Equal("ok", (string?)body["status"]);
        var first = body["messages"]![0]!.AsObject();
        Assert.Equal(expectedCode, (string?)first["code"]);
        Assert.False(first.ContainsKey("providerId"));
        Assert.Equal("ok", (string?)body["messages"]![1]!["code"]);
        Assert.Equal("79250000009", Assert.Single(_emulator.AcceptedMessages(ViberProviders.Devino)).Recipient);
    }

    [Theory]
    [InlineData("""{"subject":"Shop","priority":"high","type":1,"contentType":"text","content":{"text":"Hi"},"address":"79250000001"}""", "error-instant-message-typeformat")]
    [InlineData("""{"subject":"Shop","priority":"high","type":"viber","contentType":"video","content":{"text":"Hi"},"address":"79250000001"}""", "error-instant-message-content-type-format")]
    [InlineData("""{"subject":"Shop","priority":"high","type":"viber","contentType":"image","content":{"imageUrl":"image-42"},"address":"79250000001"}""", "error-instant-message-content-image-id-format")]
    [InlineData("""{"subject":"Shop","priority":"high","validityPeriodSec":[1],"type":"viber","contentType":"text","content":{"text":"Hi"},"address":"79250000001"}""", "error-syntax")]
    public async Task Send_RequestWideRule_RefusesTheWholeRequestAt200(string message, string expectedStatus)
    {
        var (status, body) = await PostAsync("send", $$"""{"resendSms":false,"messages":[{{ValidText}},{{message}}]}""");

        Assert.Equal(200, status);
        AssertRefused(body, expectedStatus);
        Assert.Empty(_emulator.AcceptedMessages(ViberProviders.Devino));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"resendSms":false}""")]
    [InlineData("""{"resendSms":false,"messages":[]}""")]
    [InlineData("""{"resendSms":"maybe","messages":[]}""")]
    [InlineData("""{"resendSms":false,"commonData":"x","messages":[{"address":"79250000001"}]}""")]
    public async Task Send_MalformedBody_AnswersErrorSyntax(string body)
    {
        var (status, answer) = await PostAsync("send", body);

        Assert.Equal(200, status);
        AssertRefused(answer, "error-syntax");
    }

    [Fact]
    public async Task Send_MoreThan100Messages_AnswersErrorSyntax()
    {
        var messages = string.Join(",", Enumerable.Range(0, 101).Select(i => "{\"address\":\"7925" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture) + "\"}"));
        var (_, body) = await PostAsync("send", $$$"""{"resendSms":false,"commonData":{"subject":"Shop","priority":"high","type":"viber","contentType":"text","content":{"text":"Hi"}},"messages":[{{{messages}}}]}""");

        AssertRefused(body, "error-syntax");
    }

    [Fact]
    public async Task Send_WrongCredentials_AnswersErrorAuthAt200()
    {
        using var http = CreateClient("emulator-devino", "wrong");

        using var response = await http.PostAsync("send", Json($$"""{"resendSms":false,"messages":[{{ValidText}}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRefused(JsonNode.Parse(await response.Content.ReadAsStringAsync())!, "error-auth");
        Assert.Empty(_emulator.AcceptedMessages(ViberProviders.Devino));
    }

    [Fact]
    public async Task Send_NoAuthorization_Answers401WithSpringBody()
    {
        using var http = new HttpClient { BaseAddress = _emulator.GetBaseAddress(ViberProviders.Devino) };

        using var response = await http.PostAsync("send", Json(ValidText));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertSpring(JsonNode.Parse(await response.Content.ReadAsStringAsync())!, 401, "Unauthorized", "/send");
    }

    [Fact]
    public async Task Send_NotJsonContentType_Answers415WithSpringBody()
    {
        using var response = await _http.PostAsync("send", new StringContent(ValidText, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        AssertSpring(JsonNode.Parse(await response.Content.ReadAsStringAsync())!, 415, "Unsupported Media Type", "/send");
    }

    [Fact]
    public async Task UnknownPath_Answers404WithSpringBody()
    {
        using var response = await _http.PostAsync("sendMessages", Json(ValidText));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertSpring(JsonNode.Parse(await response.Content.ReadAsStringAsync())!, 404, "Not Found", "/sendMessages");
    }

    [Fact]
    public async Task Send_TrailingSlash_IsTheSameEndpoint()
    {
        var (_, body) = await PostAsync("send/", $$"""{"resendSms":false,"messages":[{{ValidText}}]}""");

        Assert.Equal("ok", (string?)body["messages"]![0]!["code"]);
    }

    [Theory]
    [InlineData(RecipientBehavior.InvalidNumber, "error-address-format")]
    [InlineData(RecipientBehavior.Blacklisted, "error-address-unknown")]
    [InlineData(RecipientBehavior.SilentlyDropped, "error-system")]
    public async Task Send_ScriptedRecipient_AnswersItsDocumentedCode(RecipientBehavior behavior, string expectedCode)
    {
        _emulator.ScriptRecipient("+79250000001", behavior);

        var (_, body) = await PostAsync("send", $$"""{"resendSms":false,"messages":[{{ValidText.Replace("79250000009", "79250000001")}},{{ValidText}}]}""");

        Assert.Equal([expectedCode, "ok"], body["messages"]!.AsArray().Select(m => (string?)m!["code"]));
    }

    [Fact]
    public async Task ScriptCode_AnyCode_AnsweredForThatRecipient()
    {
        _emulator.Provider<DevinoEmulatorSettings>().ScriptCode("+7 925 000-00-09", "error-subject-unknown");

        var (_, body) = await PostAsync("send", $$"""{"resendSms":false,"messages":[{{ValidText}}]}""");

        Assert.Equal("error-subject-unknown", (string?)body["messages"]![0]!["code"]);
    }

    [Fact]
    public async Task InjectStatus_NextRequests_RefusedWithTheStatusThenServedAgain()
    {
        _emulator.Provider<DevinoEmulatorSettings>().InjectStatus("error-account-locked", count: 1, pathContains: "send");

        var (_, status) = await PostAsync("status", """{"messages":[1]}""");
        var (_, refused) = await PostAsync("send", $$"""{"resendSms":false,"messages":[{{ValidText}}]}""");
        var (_, served) = await PostAsync("send", $$"""{"resendSms":false,"messages":[{{ValidText}}]}""");

        Assert.Equal("ok", (string?)status["status"]);
        AssertRefused(refused, "error-account-locked");
        Assert.Equal("ok", (string?)served["messages"]![0]!["code"]);
    }

    [Fact]
    public async Task Status_AcceptedMessage_MovesEnqueuedSentDeliveredRead()
    {
        var id = await SendAsync(ValidText);
        var words = new List<string?>();

        foreach (var at in new[] { 0, 150, 350, 650 })
        {
            _clock.SetUtcNow(TestClock.Start.AddMilliseconds(at));
            var (_, body) = await PostAsync("status", $$"""{"messages":[{{id}}]}""");
            words.Add((string?)body["messages"]![0]!["status"]);
        }

        Assert.Equal(["enqueued", "sent", "delivered", "read"], words);
        var (_, last) = await PostAsync("status", $$"""{"messages":[{{id}}]}""");
        var entry = last["messages"]![0]!;
        Assert.Equal(id, entry["providerId"]!.ToJsonString());
        Assert.Equal("ok", (string?)entry["code"]);
        Assert.Equal("2026-01-15 10:00:00", (string?)entry["statusAt"]);
    }

    [Fact]
    public async Task Status_ButtonMessageRead_TurnsVisited()
    {
        var id = await SendAsync("""{"subject":"Shop","priority":"high","type":"viber","contentType":"button","content":{"text":"Hi","caption":"Go","action":"https://a.example/"},"address":"79250000009"}""");
        _clock.SetUtcNow(TestClock.Start.AddMilliseconds(800));

        var (_, body) = await PostAsync("status", $$"""{"messages":["{{id}}"]}""");

        Assert.Equal("visited", (string?)body["messages"]![0]!["status"]);
    }

    [Theory]
    [InlineData(RecipientBehavior.NotViberUser, "undelivered", "not-viber-user")]
    [InlineData(RecipientBehavior.BlocksSender, "undelivered", "user-blocked")]
    [InlineData(RecipientBehavior.Expires, "vp_expired", null)]
    public async Task Status_FailedViber_ReportsStatusAndErrorCode(RecipientBehavior behavior, string expectedStatus, string? expectedError)
    {
        _emulator.ScriptRecipient("+79250000009", behavior);
        var id = await SendAsync(ValidText);
        _clock.SetUtcNow(TestClock.Start.AddMilliseconds(500));

        var (_, body) = await PostAsync("status", $$"""{"messages":[{{id}}]}""");

        var entry = body["messages"]![0]!.AsObject();
        Assert.Equal(expectedStatus, (string?)entry["status"]);
        Assert.Equal(expectedError, (string?)entry["errorCode"]);
        Assert.False(entry.ContainsKey("smsStates"));
    }

    [Fact]
    public async Task Status_SmsResend_ReportsEverySegmentWith64BitIds()
    {
        _emulator.ScriptRecipient("+79250000009", RecipientBehavior.NotViberUser);
        var longSms = new string('x', 200);
        var id = await SendAsync($$"""{"subject":"Shop","priority":"high","type":"viber","contentType":"text","content":{"text":"Hi"},"address":"79250000009","smsText":"{{longSms}}"}""", resendSms: true);

        _clock.SetUtcNow(TestClock.Start.AddMilliseconds(500));
        var (_, sending) = await PostAsync("status", $$"""{"messages":[{{id}}]}""");
        _clock.SetUtcNow(TestClock.Start.AddMilliseconds(800));
        var (_, done) = await PostAsync("status", $$"""{"messages":[{{id}}]}""");

        var segments = done["messages"]![0]!["smsStates"]!.AsArray();
        Assert.Equal(["583465579822710784", "583465579822710785"], segments.Select(s => s!["id"]!.ToJsonString()));
        Assert.All(sending["messages"]![0]!["smsStates"]!.AsArray(), s => Assert.Equal("sent", (string?)s!["status"]));
        Assert.All(segments, s => Assert.Equal("delivered", (string?)s!["status"]));
        Assert.Equal("undelivered", (string?)done["messages"]![0]!["status"]);
        Assert.Equal("not-viber-user", (string?)done["messages"]![0]!["errorCode"]);
    }

    [Fact]
    public async Task Status_DocumentFieldNames_UsesStateAndErrorAndOmitsTheViberStatusBesideSmsStates()
    {
        _emulator.Provider<DevinoEmulatorSettings>().DocumentFieldNames = true;
        _emulator.ScriptRecipient("+79250000008", RecipientBehavior.BlocksSender);
        _emulator.ScriptRecipient("+79250000009", RecipientBehavior.Unreachable);
        var resent = await SendAsync("""{"subject":"Shop","priority":"high","type":"viber","contentType":"text","content":{"text":"Hi"},"address":"79250000009","smsText":"Hi"}""", resendSms: true);
        var blocked = await SendAsync(ValidText.Replace("79250000009", "79250000008"));
        _clock.SetUtcNow(TestClock.Start.AddMilliseconds(800));

        var (_, body) = await PostAsync("status", $$"""{"messages":[{{resent}},{{blocked}}]}""");

        var first = body["messages"]![0]!.AsObject();
        Assert.False(first.ContainsKey("status"));
        Assert.Equal("undelivered", (string?)first["smsStates"]![0]!["state"]);
        var second = body["messages"]![1]!.AsObject();
        Assert.Equal(("undelivered", "user-blocked"), ((string?)second["status"], (string?)second["error"]));
        Assert.False(second.ContainsKey("errorCode"));
    }

    [Fact]
    public async Task Status_IdErrors_ReportedPerIdWithTheirCodes()
    {
        var id = await SendAsync(ValidText);

        var (_, body) = await PostAsync("status", $$"""{"messages":[{{id}},"abc",{{id}},9007199254740993]}""");

        var entries = body["messages"]!.AsArray();
        Assert.Equal("ok", (string?)body["status"]);
        Assert.Equal(["ok", "error-instant-message-provider-id-format", "error-instant-message-provider-id-duplicate", "error-instant-message-provider-id-unknown"], entries.Select(e => (string?)e!["code"]));
        Assert.Equal("9007199254740993", entries[3]!["providerId"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"messages":[]}""")]
    [InlineData("""{"ids":[1]}""")]
    [InlineData("nope")]
    public async Task Status_MalformedBody_AnswersErrorSyntax(string body)
    {
        var (_, answer) = await PostAsync("status", body);

        AssertRefused(answer, "error-syntax");
    }

    [Fact]
    public async Task Status_MoreThan100Ids_AnswersErrorSyntax()
    {
        var (_, answer) = await PostAsync("status", $$"""{"messages":[{{string.Join(",", Enumerable.Range(1, 101))}}]}""");

        AssertRefused(answer, "error-syntax");
    }

    [Fact]
    public async Task Status_WrongCredentials_AnswersErrorAuth()
    {
        using var http = CreateClient("someone", "else");

        using var response = await http.PostAsync("status", Json("""{"messages":[1]}"""));

        AssertRefused(JsonNode.Parse(await response.Content.ReadAsStringAsync())!, "error-auth");
    }

    [Fact]
    public async Task RateLimit_WhenATestSetsOne_Answers429WithSpringBody()
    {
        _emulator.SetRateLimit(ViberProviders.Devino, new EmulatorRateLimit(1, TimeSpan.FromSeconds(1)));

        await PostAsync("status", """{"messages":[1]}""");
        using var response = await _http.PostAsync("status", Json("""{"messages":[1]}"""));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        AssertSpring(JsonNode.Parse(await response.Content.ReadAsStringAsync())!, 429, "Too Many Requests", "/status");
        Assert.Equal(1, _emulator.RateLimitedCount(ViberProviders.Devino));
    }

    [Fact]
    public async Task ServerErrorFault_Answers500WithSpringBody()
    {
        _emulator.InjectFault(ViberProviders.Devino, EmulatorFault.ServerError());

        using var response = await _http.PostAsync("send", Json($$"""{"resendSms":false,"messages":[{{ValidText}}]}"""));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertSpring(JsonNode.Parse(await response.Content.ReadAsStringAsync())!, 500, "Internal Server Error", "/send");
        Assert.Empty(_emulator.AcceptedMessages(ViberProviders.Devino));
    }

    [Fact]
    public void DevinoEmulator_FirstIds_AreAbove2Pow53()
    {
        Assert.True(DevinoEmulator.FirstProviderId > (1L << 53));
        Assert.True(DevinoEmulator.FirstSmsId > (1L << 53));
    }

    private static void AssertRefused(JsonNode body, string status)
    {
        Assert.Equal(status, (string?)body["status"]);
        Assert.Empty(body["messages"]!.AsArray());
    }

    private static void AssertSpring(JsonNode body, int status, string error, string path)
    {
        Assert.Equal(status, (int?)body["status"]);
        Assert.Equal(error, (string?)body["error"]);
        Assert.Equal(path, (string?)body["path"]);
        Assert.False(string.IsNullOrEmpty((string?)body["message"]));
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), (long?)body["timestamp"]);
    }

    private async Task<string> SendAsync(string message, bool resendSms = false)
    {
        var (_, body) = await PostAsync("send", $$"""{"resendSms":{{(resendSms ? "true" : "false")}},"messages":[{{message}}]}""");
        Assert.Equal("ok", (string?)body["messages"]![0]!["code"]);
        return body["messages"]![0]!["providerId"]!.ToJsonString();
    }

    private async Task<(int Status, JsonNode Body)> PostAsync(string path, string json)
    {
        using var response = await _http.PostAsync(path, Json(json));
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private HttpClient CreateClient(string login, string password)
    {
        var http = new HttpClient { BaseAddress = _emulator.GetBaseAddress(ViberProviders.Devino) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{login}:{password}")));
        return http;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
