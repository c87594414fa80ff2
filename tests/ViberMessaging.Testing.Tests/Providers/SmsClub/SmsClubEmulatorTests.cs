using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Testing.Tests.Providers.SmsClub;

/// <summary>The emulated SMS Club over raw HTTP: one test per documented rule and endpoint, errors in SMS Club's own shapes.</summary>
public sealed class SmsClubEmulatorTests : IAsyncLifetime
{
    private const string Phone1 = "380989361121";
    private const string Phone2 = "380989361126";
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private ViberEmulator _emulator = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ViberEmulator.StartAsync(new ViberEmulatorOptions { TimeProvider = _clock });
        _http = CreateClient(_emulator, "Bearer", _emulator.Options.Credentials.SmsClubToken);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Send_TextWithBearerToken_AnswersOneIdPerPhone()
    {
        var (status, json) = await PostAsync("vibers/send", $$"""{"sender":"MyShop","phones":["{{Phone1}}","{{Phone2}}"],"message":"Hello"}""");

        Assert.Equal(200, status);
        var messages = json["successfulRequest"]!["requestData"]!["messages"]!.AsArray();
        Assert.Equal([Phone1, Phone2], messages.Select(m => (string)m!["number"]!));
        Assert.All(messages, m => Assert.Equal(System.Text.Json.JsonValueKind.String, m!["id"]!.GetValueKind()));
        Assert.Equal(System.Text.Json.JsonValueKind.Array, json["successfulRequest"]!["requestData"]!["additionalInfo"]!.GetValueKind());
        Assert.Equal(2, _emulator.AcceptedMessages("SmsClub").Count);
        Assert.Equal("Hello", _emulator.AcceptedMessages("SmsClub")[0].Text);
    }

    [Fact]
    public async Task Send_BasicLoginPassword_IsAccepted()
    {
        var credentials = _emulator.Options.Credentials;
        using var http = CreateClient(_emulator, "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials.SmsClubLogin + ":" + credentials.SmsClubPassword)));

        using var response = await http.PostAsync("vibers/send", Json($$"""{"sender":"MyShop","phones":["{{Phone1}}"],"message":"Hi"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Bearer", "wrong-token")]
    [InlineData("Basic", "d3Jvbmc6d3Jvbmc=")]
    [InlineData(null, null)]
    public async Task Send_BadCredentials_Answers401InFrameworkShape(string? scheme, string? value)
    {
        using var http = CreateClient(_emulator, scheme, value);

        using var response = await http.PostAsync("vibers/send", Json($$"""{"sender":"MyShop","phones":["{{Phone1}}"],"message":"Hi"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Unauthorized", (string)json["name"]!);
        Assert.Equal(401, (int)json["status"]!);
        Assert.Empty(_emulator.AcceptedMessages("SmsClub"));
    }

    [Fact]
    public async Task Send_ViberPlusSms_AcceptsAndKeepsTheSmsText()
    {
        var (status, _) = await PostAsync("vibers/send", $$"""{"sender":"MyShop","senderSms":"MyShop","phones":["{{Phone1}}"],"message":"Viber text","messageSms":"SMS text"}""");

        Assert.Equal(200, status);
        var message = Assert.Single(_emulator.AcceptedMessages("SmsClub"));
        Assert.Equal("SMS text", message.SmsText);
        Assert.True(message.HasSmsFallback);
    }

    [Fact]
    public async Task Send_NullOptionalFields_AreReadAsAbsent()
    {
        // A client that serialises its whole model writes null for every optional field it does not set.
        var (status, _) = await PostAsync("vibers/send", $$"""
            {"sender":"MyShop","phones":["{{Phone1}}"],"message":"Hi","lifetime":null,"picture_url":null,"button_txt":null,"button_url":null,
             "senderSms":null,"messageSms":null,"mgr_plan_date":null,"mgr_end_time":null,"is_2way":null,"chat_id":null}
            """);

        Assert.Equal(200, status);
        var message = Assert.Single(_emulator.AcceptedMessages("SmsClub"));
        Assert.Equal(("Hi", null, null, null, null), (message.Text, message.ImageUrl, message.ButtonCaption, message.SmsText, message.ChatId));
    }

    [Fact]
    public async Task Send_PictureWithButton_AcceptsAndKeepsAllThree()
    {
        var (status, _) = await PostAsync("vibers/send", $$"""{"sender":"MyShop","phones":["{{Phone1}}"],"message":"Look","picture_url":"https://img.example/a.jpg","button_txt":"Open","button_url":"https://shop.example/"}""");

        Assert.Equal(200, status);
        var message = Assert.Single(_emulator.AcceptedMessages("SmsClub"));
        Assert.Equal(("https://img.example/a.jpg", "Open", "https://shop.example/"), (message.ImageUrl, message.ButtonCaption, message.ButtonUrl));
    }

    [Theory]
    [InlineData("""{"senderSms":"MyShop"}""", "SMS", "should be filled together")]
    [InlineData("""{"messageSms":"SMS text"}""", "SMS", "should be filled together")]
    [InlineData("""{"button_txt":"Open"}""", "button", "must be filled both")]
    [InlineData("""{"button_url":"https://shop.example/"}""", "button", "must be filled both")]
    [InlineData("""{"picture_url":"https://img.example/a.jpg"}""", "picture_url", "must be used together or not at all")]
    [InlineData("""{"button_txt":"Open","button_url":"https://shop.example/"}""", "picture_url", "must be used together or not at all")]
    [InlineData("""{"picture_url":"https://img.example/broken-image.jpg","button_txt":"Open","button_url":"https://shop.example/"}""", "upload_img", "Failed to load image.")]
    [InlineData("""{"picture_url":"/relative.jpg","button_txt":"Open","button_url":"https://shop.example/"}""", "upload_img", "Failed to load image.")]
    [InlineData("""{"mgr_plan_date":1768471200}""", "date", "Date parameters must be present or absent together")]
    [InlineData("""{"mgr_end_time":1768471200}""", "date", "Date parameters must be present or absent together")]
    [InlineData("""{"mgr_plan_date":"tomorrow","mgr_end_time":1768471200}""", "date", "Incorrect unix date format")]
    [InlineData("""{"mgr_plan_date":1768478400,"mgr_end_time":1768471200}""", "date", "The mailing end date is less than the mailing start date")]
    [InlineData("""{"mgr_plan_date":1768453200,"mgr_end_time":1768460400}""", "date", "Distributions can be scheduled from 8:00 to 20:00")]
    [InlineData("""{"mgr_plan_date":1768471200,"mgr_end_time":1768501800}""", "date", "Distributions can be scheduled from 8:00 to 20:00")]
    [InlineData("""{"lifetime":59}""", "lifetime", "from 60 to 86000")]
    [InlineData("""{"lifetime":86001}""", "lifetime", "from 60 to 86000")]
    [InlineData("""{"lifetime":"long"}""", "lifetime", "from 60 to 86000")]
    [InlineData("""{"is_2way":"yes"}""", "is_2way", "true or false")]
    public async Task Send_BrokenDocumentedRule_Answers400NamingTheKey(string extra, string key, string message)
    {
        var body = JsonNode.Parse($$"""{"sender":"MyShop","phones":["{{Phone1}}"],"message":"Hi"}""")!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(extra)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        var (status, json) = await PostAsync("vibers/send", body.ToJsonString());

        Assert.Equal(400, status);
        var messages = json["errorRequest"]!["errors"]![key]!.AsArray();
        Assert.Contains(messages, m => ((string)m!).Contains(message, StringComparison.Ordinal));
        Assert.Empty(_emulator.AcceptedMessages("SmsClub"));
    }

    [Fact]
    public async Task Send_ScheduleInsideTheKyivWindow_AcceptsAndSchedules()
    {
        // 2026-01-15 10:00 and 12:00 in Kyiv (UTC+2 in winter).
        var (status, _) = await PostAsync("vibers/send", $$"""{"sender":"MyShop","phones":["{{Phone1}}"],"message":"Hi","mgr_plan_date":1768464000,"mgr_end_time":1768471200}""");

        Assert.Equal(200, status);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1768464000), Assert.Single(_emulator.AcceptedMessages("SmsClub")).ScheduledAt);
    }

    [Theory]
    [InlineData(1, 60, 200)]
    [InlineData(1, 86000, 200)]
    [InlineData(2, 3600, 200)]
    [InlineData(2, 3599, 400)]
    [InlineData(2, 86001, 400)]
    public async Task Send_Lifetime_SingleAndBulkRanges(int phones, int lifetime, int expected)
    {
        var numbers = string.Join(",", Enumerable.Range(0, phones).Select(i => $"\"38098936112{i}\""));

        var (status, _) = await PostAsync("vibers/send", $$"""{"sender":"MyShop","phones":[{{numbers}}],"message":"Hi","lifetime":{{lifetime}}}""");

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task Send_SeveralProblems_ReportsEveryKeyAtOnce()
    {
        var (status, json) = await PostAsync("vibers/send", """{"phones":"380989361121","senderSms":"X","button_txt":"Open"}""");

        Assert.Equal(400, status);
        var keys = json["errorRequest"]!["errors"]!.AsObject().Select(p => p.Key).ToArray();
        Assert.Equal(["sender", "text", "phones", "button", "picture_url", "SMS"], keys);
    }

    [Fact]
    public async Task Send_MoreThan500Phones_Answers400()
    {
        var numbers = string.Join(",", Enumerable.Range(0, 501).Select(i => $"\"380{670000000 + i}\""));

        var (status, json) = await PostAsync("vibers/send", $$"""{"sender":"MyShop","phones":[{{numbers}}],"message":"Hi"}""");

        Assert.Equal(400, status);
        Assert.Contains("should not exceed 500", (string)json["errorRequest"]!["errors"]!["phones"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ScriptedAndMalformedPhones_ListsThemInAdditionalInfoAndDropsTheSilentOne()
    {
        _emulator.ScriptRecipient("380670000001", RecipientBehavior.InvalidNumber);
        _emulator.ScriptRecipient("380670000002", RecipientBehavior.Blacklisted);
        _emulator.ScriptRecipient("380670000003", RecipientBehavior.SilentlyDropped);

        var (status, json) = await PostAsync(
            "vibers/send",
            """{"sender":"MyShop","phones":["380670000000","380670000001","380670000002","380670000003","380989361123111","3809"],"message":"Hi"}""");

        Assert.Equal(200, status);
        var data = json["successfulRequest"]!["requestData"]!;
        Assert.Equal(["380670000000"], data["messages"]!.AsArray().Select(m => (string)m!["number"]!));
        Assert.Equal(["380670000001", "380989361123111", "3809"], data["additionalInfo"]!["incorrectPhones"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(["380670000002"], data["additionalInfo"]!["blackList"]!.AsArray().Select(p => (string)p!));
    }

    [Fact]
    public async Task Send_OnlyBlacklistedPhones_Answers200WithNoMessages()
    {
        _emulator.ScriptRecipient(Phone1, RecipientBehavior.Blacklisted);

        var (status, json) = await PostAsync("vibers/send", $$"""{"sender":"MyShop","phones":["{{Phone1}}"],"message":"Hi"}""");

        Assert.Equal(200, status);
        Assert.Empty(json["successfulRequest"]!["requestData"]!["messages"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"phones":["3809"]}""", 463, "anyCorrectPhones", "No valid numbers found.")]
    [InlineData("""{"sender":"BlockedAccount"}""", 460, "account", "Distribution of SMS-mailings from this account is not available")]
    [InlineData("""{"sender":"Unregistered"}""", 461, "sender", "Sender name is incorrect")]
    [InlineData("""{"message":"a CENSORED word"}""", 462, "text", "Incorrect text.")]
    [InlineData("""{"sender":"NoMoney"}""", 464, "noMoney", "Not enough money. It is necessary to refill the balance")]
    [InlineData("""{"sender":"SystemError"}""", 465, "systemError", "Sorry, a system error has occurred, please contact support.")]
    [InlineData("""{"senderSms":"UnregSms","messageSms":"SMS"}""", 466, "SMS", "Sender name is incorrect (SMS)")]
    [InlineData("""{"senderSms":"MoreThanElevenChars","messageSms":"SMS"}""", 466, "SMS", "Sender name is incorrect (SMS)")]
    [InlineData("""{"senderSms":"MyShop","messageSms":"CENSORED"}""", 467, "SMS", "Incorrect text (SMS).")]
    [InlineData("""{"senderSms":"NoMoneySms","messageSms":"SMS"}""", 468, "noMoney", "VIBER + SMS")]
    public async Task Send_AccountLevelTrigger_AnswersDocumentedStatusAndKey(string overrides, int expectedStatus, string key, string message)
    {
        var body = JsonNode.Parse($$"""{"sender":"MyShop","phones":["{{Phone1}}"],"message":"Hi"}""")!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(overrides)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        var (status, json) = await PostAsync("vibers/send", body.ToJsonString());

        Assert.Equal(expectedStatus, status);
        Assert.Contains(message, (string)json["errorRequest"]!["errors"]![key]![0]!, StringComparison.Ordinal);
        Assert.Empty(_emulator.AcceptedMessages("SmsClub"));
    }

    [Fact]
    public async Task Send_TwoWay_OpensAChatPerPhoneAndAnswersChatIds()
    {
        var (status, json) = await PostAsync("vibers/send", $$"""{"sender":"MyShop","phones":["{{Phone1}}","{{Phone2}}"],"message":"Question?","is_2way":true}""");

        Assert.Equal(200, status);
        var chatIds = json["successfulRequest"]!["requestData"]!["messages"]!.AsArray().Select(m => (string)m!["chat_id"]!).ToArray();
        Assert.Equal(2, chatIds.Distinct().Count());
        Assert.Equal(chatIds.Order(), _emulator.Chats("SmsClub").Select(c => c.Id).Order());
    }

    [Fact]
    public async Task Send_ChatIdWithIs2Way_RepliesIntoTheChat()
    {
        var chatId = await OpenChatAsync(Phone1);

        var (status, json) = await PostAsync("vibers/send", $$"""{"message":"Follow-up","is_2way":true,"chat_id":"{{chatId}}"}""");

        Assert.Equal(200, status);
        var message = json["successfulRequest"]!["requestData"]!["messages"]![0]!;
        Assert.Equal((Phone1, chatId), ((string)message["number"]!, (string)message["chat_id"]!));
        var chat = Assert.Single(_emulator.Chats("SmsClub"));
        Assert.Equal(["Question?", "Follow-up"], chat.MessagesAt(_clock.GetUtcNow()).Where(m => !m.Incoming).Select(m => m.Text));
    }

    [Theory]
    [InlineData("""{"message":"Hi","is_2way":true,"chat_id":"404"}""", "chat_id")]
    [InlineData("""{"message":"Hi","chat_id":"404"}""", "is_2way")]
    public async Task Send_ReplyToUnknownChatOrWithoutIs2Way_Answers400(string body, string key)
    {
        var (status, json) = await PostAsync("vibers/send", body);

        Assert.Equal(400, status);
        Assert.NotNull(json["errorRequest"]!["errors"]![key]);
    }

    [Fact]
    public async Task Status_KnownIds_AnswersAnObjectKeyedByIdThatProgressesOverTime()
    {
        _emulator.ScriptRecipient(Phone2, RecipientBehavior.NotViberUser);
        var (_, sent) = await PostAsync("vibers/send", $$"""{"sender":"MyShop","senderSms":"MyShop","phones":["{{Phone1}}","{{Phone2}}"],"message":"Hi","messageSms":"SMS"}""");
        var ids = sent["successfulRequest"]!["requestData"]!["messages"]!.AsArray().Select(m => (string)m!["id"]!).ToArray();

        var (_, pending) = await PostAsync("vibers/status", $$"""{"messageIds":["{{ids[0]}}","{{ids[1]}}"]}""");
        _clock.Advance(TimeSpan.FromSeconds(5));
        var (status, final) = await PostAsync("vibers/status", $$"""{"messageIds":["{{ids[0]}}",{{ids[1]}}]}""");

        Assert.Equal(200, status);
        WireAssert.JsonEqual(
            JsonNode.Parse($$$"""{"{{{ids[0]}}}":{"status":"Pending","additionStatus":null,"smsStatus":null},"{{{ids[1]}}}":{"status":"Pending","additionStatus":null,"smsStatus":null}}"""),
            pending["successfulRequest"]!["requestData"]);
        WireAssert.JsonEqual(
            JsonNode.Parse($$$"""{"{{{ids[0]}}}":{"status":"Delivered","additionStatus":"Read","smsStatus":null},"{{{ids[1]}}}":{"status":"Undeliverable","additionStatus":"Not registered","smsStatus":"Delivered"}}"""),
            final["successfulRequest"]!["requestData"]);
    }

    [Fact]
    public async Task Status_OnlyUnknownIds_AnswersAnEmptyArrayLikePhp()
    {
        var (status, json) = await PostAsync("vibers/status", """{"messageIds":["1","2"]}""");

        Assert.Equal(200, status);
        Assert.Equal("[]", json["successfulRequest"]!["requestData"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"messageIds":"5769"}""")]
    [InlineData("""{"ids":["5769"]}""")]
    public async Task Status_NoIdArray_Answers400(string body)
    {
        var (status, json) = await PostAsync("vibers/status", body);

        Assert.Equal(400, status);
        Assert.NotNull(json["errorRequest"]!["errors"]!["messageIds"]);
    }

    [Fact]
    public async Task Status_MoreThan500Ids_Answers400()
    {
        var ids = string.Join(",", Enumerable.Range(1, 501).Select(i => $"\"{i}\""));

        var (status, _) = await PostAsync("vibers/status", $$"""{"messageIds":[{{ids}}]}""");

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Chats_ThirtyOnePhonesInTwoWay_PagesThirtyThenOneThenNone()
    {
        var numbers = string.Join(",", Enumerable.Range(0, 31).Select(i => $"\"380{670000000 + i}\""));
        await PostAsync("vibers/send", $$"""{"sender":"MyShop","phones":[{{numbers}}],"message":"Hi","is_2way":true}""");

        var (_, page1) = await GetAsync("vibers/chats");
        var (_, page2) = await GetAsync("vibers/chats?page=2");
        var (_, page3) = await GetAsync("vibers/chats?page=3");

        Assert.Equal(30, page1["successfulRequest"]!["requestData"]!["chats"]!.AsArray().Count);
        var last = Assert.Single(page2["successfulRequest"]!["requestData"]!["chats"]!.AsArray())!;
        Assert.Equal(System.Text.Json.JsonValueKind.String, last["recipient"]!.GetValueKind());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", (string)last["creation_date"]!);
        Assert.Empty(page3["successfulRequest"]!["requestData"]!["chats"]!.AsArray());
    }

    [Fact]
    public async Task Chat_AfterTheReplyTime_ListsOutgoingThenTheScriptedIncomingReply()
    {
        var chatId = await OpenChatAsync(Phone1);
        var (_, before) = await GetAsync($"vibers/chat?chat_id={chatId}");
        _clock.Advance(TimeSpan.FromSeconds(1));

        var (status, after) = await GetAsync($"vibers/chat?chat_id={chatId}&page=1");

        Assert.Equal(200, status);
        Assert.Single(before["successfulRequest"]!["requestData"]!["chat"]!["messages"]!.AsArray());
        var chat = after["successfulRequest"]!["requestData"]!["chat"]!;
        Assert.Equal(System.Text.Json.JsonValueKind.Number, chat["recipient"]!.GetValueKind());
        Assert.Equal(380989361121L, (long)chat["recipient"]!);
        Assert.Equal("MyShop", (string)chat["source_address"]!);
        var messages = chat["messages"]!.AsArray();
        Assert.Equal(["outcoming", "incoming"], messages.Select(m => (string)m!["type"]!));
        Assert.Equal(["Question?", _emulator.Options.AutoReplyText], messages.Select(m => (string)m!["text"]!));
        var kyiv = TimeZoneInfo.ConvertTime(_clock.Start, TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv"));
        Assert.Equal(kyiv.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), (string)messages[0]!["date"]!);
    }

    [Theory]
    [InlineData("vibers/chat?chat_id=404")]
    [InlineData("vibers/chat")]
    public async Task Chat_UnknownOrMissingChatId_Answers400(string path)
    {
        var (status, json) = await GetAsync(path);

        Assert.Equal(400, status);
        Assert.NotNull(json["errorRequest"]!["errors"]!["chat_id"]);
    }

    [Fact]
    public async Task Originator_ListsTheRegisteredSenderNames()
    {
        var (status, json) = await GetAsync("vibers/originator");

        Assert.Equal(200, status);
        Assert.Equal(_emulator.Provider<SmsClubEmulatorSettings>().RegisteredSenders, json["successfulRequest"]!["requestData"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task Balance_AnswersMoneyAsAFourDecimalString()
    {
        var (status, json) = await PostAsync("sms/balance", string.Empty);

        Assert.Equal(200, status);
        WireAssert.JsonEqual(JsonNode.Parse("""{"success_request":{"info":{"money":"8111.1700","currency":"UAH"}}}"""), json);
    }

    [Fact]
    public async Task OriginatorAndBalance_SettingsChanged_AnswerTheNewValues()
    {
        var settings = _emulator.Provider<SmsClubEmulatorSettings>();
        settings.RegisteredSenders = ["Other"];
        settings.Balance = 0.5m;
        settings.Currency = "EUR";

        var (_, senders) = await GetAsync("vibers/originator");
        var (_, balance) = await PostAsync("sms/balance", string.Empty);

        WireAssert.JsonEqual(JsonNode.Parse("""["Other"]"""), senders["successfulRequest"]!["requestData"]);
        WireAssert.JsonEqual(JsonNode.Parse("""{"success_request":{"info":{"money":"0.5000","currency":"EUR"}}}"""), balance);
    }

    [Theory]
    [InlineData("GET", "vibers/originator")]
    [InlineData("POST", "sms/balance")]
    [InlineData("POST", "vibers/status")]
    [InlineData("GET", "vibers/chats")]
    public async Task EveryEndpoint_WithoutCredentials_Answers401(string method, string path)
    {
        using var http = CreateClient(_emulator, null, null);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? Json("{}") : null });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RateWindow_TenRequestsInOneInstant_ExactlyOneAnswers429InFrameworkShape()
    {
        // The fake clock's timestamps stand still until advanced: the rate window sees the ten requests at one instant.
        var statuses = new List<int>();
        string? body = null;
        for (var i = 0; i < 10; i++)
        {
            using var response = await _http.GetAsync("vibers/originator");
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                body = await response.Content.ReadAsStringAsync();
            }
        }

        Assert.Equal(9, statuses.Count(s => s == 200));
        Assert.Equal(429, statuses[^1]);
        Assert.Equal(1, _emulator.RateLimitedCount("SmsClub"));
        WireAssert.JsonEqual(JsonNode.Parse("""{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429}"""), JsonNode.Parse(body!));
    }

    [Fact]
    public async Task InjectedServerError_AnswersTheFrameworkShapeAt500()
    {
        _emulator.InjectFault("SmsClub", EmulatorFault.ServerErrorAfterAccept());

        var (status, json) = await PostAsync("vibers/send", $$"""{"sender":"MyShop","phones":["{{Phone1}}"],"message":"Hi"}""");

        Assert.Equal(500, status);
        Assert.Equal(500, (int)json["status"]!);
        Assert.Single(_emulator.AcceptedMessages("SmsClub"));
    }

    [Fact]
    public async Task Send_NumericPhoneAndStringLifetime_AreAcceptedLeniently()
    {
        var (status, json) = await PostAsync("vibers/send", """{"sender":"MyShop","phones":[380989361121],"message":"Hi","lifetime":"600"}""");

        Assert.Equal(200, status);
        Assert.Equal("380989361121", (string)json["successfulRequest"]!["requestData"]!["messages"]![0]!["number"]!);
    }

    private static HttpClient CreateClient(ViberEmulator emulator, string? scheme, string? value)
    {
        var http = new HttpClient { BaseAddress = emulator.GetBaseAddress("SmsClub") };
        if (scheme is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, value);
        }

        return http;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<string> OpenChatAsync(string phone)
    {
        var (_, json) = await PostAsync("vibers/send", $$"""{"sender":"MyShop","phones":["{{phone}}"],"message":"Question?","is_2way":true}""");
        return (string)json["successfulRequest"]!["requestData"]!["messages"]![0]!["chat_id"]!;
    }

    private async Task<(int Status, JsonNode Json)> PostAsync(string path, string body)
    {
        using var response = await _http.PostAsync(path, Json(body));
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private async Task<(int Status, JsonNode Json)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
