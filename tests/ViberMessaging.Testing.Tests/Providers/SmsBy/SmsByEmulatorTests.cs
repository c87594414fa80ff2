using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Testing.Tests.Providers.SmsBy;

/// <summary>Raw-HTTP self-tests of the emulated SMS.by: one per documented endpoint and rule, errors in SMS.by's own shapes.</summary>
public sealed class SmsByEmulatorTests : IAsyncLifetime
{
    private const string Token = "emulator-smsby-token";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 15, 7, 0, 0, TimeSpan.Zero));
    private ViberEmulator _emulator = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ViberEmulator.StartAsync(new ViberEmulatorOptions { TimeProvider = _clock });
        _http = new HttpClient { BaseAddress = _emulator.GetBaseAddress(ViberProviders.SmsBy) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public void GetEndpoints_TheEmulator_ListsTheElevenDocumentedCalls()
        => Assert.Equal(11, _emulator.GetEndpoints(ViberProviders.SmsBy).Count);

    [Fact]
    public async Task SendQuickViberMessage_Text_AnswersMessageIdAndAcceptsTheMessage()
    {
        var (status, body) = await PostFormAsync("api/v2/sendQuickViberMessage", ("vibername_id", "101"), ("phone", "375291234567"), ("type_message", "TEXT"), ("message", "Hello"));

        Assert.Equal(200, status);
        Assert.Equal("OK", body["status"]!.GetValue<string>());
        var id = body["result"]!["message_id"]!.GetValue<long>();
        var accepted = Assert.Single(_emulator.AcceptedMessages(ViberProviders.SmsBy));
        Assert.Equal(("375291234567", "Hello", "101", id.ToString()), (accepted.Recipient, accepted.Text, accepted.Sender, accepted.GroupId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task AnyMethod_MissingOrWrongToken_Answers403AccessDenied(string? token)
    {
        var fields = new List<KeyValuePair<string, string>> { new("message_id", "1") };
        if (token is not null)
        {
            fields.Add(new("token", token));
        }

        using var response = await _http.PostAsync("api/v2/getViberMessageData", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"error":"Access denied"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetViberMessages_TokenInQueryAsDocumented_IsAccepted()
    {
        using var response = await _http.PostAsync("api/v2/getViberMessages?token=" + Token, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"OK","result":[]}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("TEXT", "message is required for type_message TEXT")]
    [InlineData("IMAGE", "image_url or image is required for type_message IMAGE")]
    [InlineData("BUTTON", "button is required for type_message BUTTON")]
    [InlineData("VIDEO", "type_message must be TEXT, IMAGE or BUTTON")]
    public async Task SendQuickViberMessage_ContentMissingForItsType_AnswersErrorAt200(string type, string error)
    {
        var (status, body) = await PostFormAsync("api/v2/sendQuickViberMessage", ("vibername_id", "101"), ("phone", "375291234567"), ("type_message", type));

        Assert.Equal(200, status);
        Assert.Equal(error, body["error"]!.GetValue<string>());
        Assert.Empty(_emulator.AcceptedMessages(ViberProviders.SmsBy));
    }

    [Fact]
    public async Task SendQuickViberMessage_ButtonLinkOver150_AnswersError()
    {
        var (_, body) = await PostFormAsync("api/v2/sendQuickViberMessage", ("vibername_id", "101"), ("phone", "375291234567"), ("type_message", "BUTTON"), ("message", "Hi"), ("button", "Go"), ("button_link", "https://example.com/" + new string('a', 131)));

        Assert.Equal("button_link must not exceed 150 characters", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendQuickViberMessage_ButtonLinkOf150_IsAccepted()
    {
        var link = "https://example.com/" + new string('a', 130);
        var (_, body) = await PostFormAsync("api/v2/sendQuickViberMessage", ("vibername_id", "101"), ("phone", "375291234567"), ("type_message", "BUTTON"), ("message", "Hi"), ("button", "Go"), ("button_link", link));

        Assert.Equal("OK", body["status"]!.GetValue<string>());
        Assert.Equal(("Go", link), (_emulator.AcceptedMessages(ViberProviders.SmsBy)[0].ButtonCaption, _emulator.AcceptedMessages(ViberProviders.SmsBy)[0].ButtonUrl));
    }

    [Fact]
    public async Task SendQuickViberMessage_ImageUrlNotAUrl_AnswersContentUrlNotValid()
    {
        var (_, body) = await PostFormAsync("api/v2/sendQuickViberMessage", ("vibername_id", "101"), ("phone", "375291234567"), ("type_message", "IMAGE"), ("image_url", "not a url"));

        Assert.Equal("Content url is not valid", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendQuickViberMessage_ImageUploadedAsMultipartFile_IsAccepted()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Token), "token" },
            { new StringContent("101"), "vibername_id" },
            { new StringContent("375291234567"), "phone" },
            { new StringContent("IMAGE"), "type_message" },
        };
        var image = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0]);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(image, "image", "offer.jpg");

        using var response = await _http.PostAsync("api/v2/sendQuickViberMessage", content);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("OK", body["status"]!.GetValue<string>());
        Assert.Equal("https://app.sms.by/uploads/viber/offer.jpg", Assert.Single(_emulator.AcceptedMessages(ViberProviders.SmsBy)).ImageUrl);
    }

    [Theory]
    [InlineData("4", false)]
    [InlineData("5", true)]
    [InlineData("60", true)]
    [InlineData("61", false)]
    public async Task SendQuickViberMessage_ForwardingTime_MustBe5To60Minutes(string minutes, bool accepted)
    {
        var (_, body) = await PostFormAsync("api/v2/sendQuickViberMessage", ("vibername_id", "101"), ("phone", "375291234567"), ("message", "Hi"), ("forwarding_message", "1"), ("forwarding_time", minutes), ("alphaname_id", "444"));

        if (accepted)
        {
            Assert.Equal("OK", body["status"]!.GetValue<string>());
            Assert.True(Assert.Single(_emulator.AcceptedMessages(ViberProviders.SmsBy)).HasSmsFallback);
        }
        else
        {
            Assert.Equal("forwarding_time must be between 5 and 60 minutes", body["error"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("12345", null, "Invalid phone number")]
    [InlineData("375291234567", RecipientBehavior.InvalidNumber, "Invalid phone number")]
    [InlineData("375291234567", RecipientBehavior.Blacklisted, "Phone number is in the black list")]
    public async Task SendQuickViberMessage_RefusedPhone_AnswersErrorNamingIt(string phone, RecipientBehavior? script, string error)
    {
        if (script is { } behavior)
        {
            _emulator.ScriptRecipient(phone, behavior);
        }

        var (_, body) = await PostFormAsync("api/v2/sendQuickViberMessage", ("vibername_id", "101"), ("phone", phone), ("message", "Hi"));

        Assert.Equal(error, body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendQuickViberMessage_MissingVibernameId_AnswersError()
    {
        var (_, body) = await PostFormAsync("api/v2/sendQuickViberMessage", ("phone", "375291234567"), ("message", "Hi"));

        Assert.Equal("vibername_id is required", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetViberDeliveryData_AsTimePasses_MovesFromNewToRead()
    {
        var id = await SendQuickAsync("375291234567");

        var statuses = new List<string>();
        foreach (var step in new[] { 0, 150, 200, 300 })
        {
            _clock.Advance(TimeSpan.FromMilliseconds(step));
            var (_, body) = await PostFormAsync("api/v2/getViberDeliveryData", ("message_id", id));
            statuses.Add(body["result"]!["status"]!.GetValue<string>());
            Assert.Equal("375291234567", body["result"]!["phone"]!.GetValue<string>());
            Assert.Equal(0, body["result"]!["error_code"]!.GetValue<int>());
        }

        Assert.Equal(["NEW", "SENT", "DELIVERED", "READ"], statuses);
    }

    [Fact]
    public async Task GetViberDeliveryData_NotAViberUser_IsUndeliveredWithErrorCode1()
    {
        _emulator.ScriptRecipient("375291234567", RecipientBehavior.NotViberUser);
        var id = await SendQuickAsync("375291234567");
        _clock.Advance(TimeSpan.FromSeconds(1));

        var (_, body) = await PostFormAsync("api/v2/getViberDeliveryData", ("message_id", id));

        Assert.Equal(("UNDELIVERED", 1), (body["result"]!["status"]!.GetValue<string>(), body["result"]!["error_code"]!.GetValue<int>()));
    }

    [Fact]
    public async Task GetViberDeliveryData_UnknownId_AnswersNotFoundAt200()
    {
        var (status, body) = await PostFormAsync("api/v2/getViberDeliveryData", ("message_id", "999999"));

        Assert.Equal(200, status);
        Assert.Equal("not found", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetViberDeliveryData_IdOfAListMailing_AnswersBareNull()
    {
        var (_, prepared) = await PostFormAsync("api/v2/sendViberMessageList", ("vibername_id", "101"), ("list_id", "1"), ("message", "Hi"));

        using var response = await _http.PostAsync("api/v2/getViberDeliveryData", Form(("message_id", prepared["result"]!["message_id"]!.ToString())));

        Assert.Equal("null", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SendViberMessageList_KnownList_AnswersIdAndSubscriberCountAndSendsNothingYet()
    {
        var (_, body) = await PostFormAsync("api/v2/sendViberMessageList", ("name", "January"), ("vibername_id", "101"), ("list_id", "1"), ("type_message", "TEXT"), ("message", "Sale"));

        Assert.Equal("OK", body["status"]!.GetValue<string>());
        Assert.True(body["result"]!["message_id"]!.GetValue<long>() > 0);
        Assert.Equal(4, body["result"]!["count_subscribers"]!.GetValue<int>());
        Assert.Empty(_emulator.AcceptedMessages(ViberProviders.SmsBy));
    }

    [Fact]
    public async Task SendViberMessageList_UnknownList_AnswersError()
    {
        var (_, body) = await PostFormAsync("api/v2/sendViberMessageList", ("vibername_id", "101"), ("list_id", "77"), ("message", "Sale"));

        Assert.Equal("Subscriber list not found", body["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2026-01-20 09:30", true)]
    [InlineData("2026-01-20T09:30:00", false)]
    [InlineData("20.01.2026 09:30", false)]
    public async Task SendViberMessageList_DSchedule_MustBeYyyyMmDdHhMm(string schedule, bool accepted)
    {
        var (_, body) = await PostFormAsync("api/v2/sendViberMessageList", ("vibername_id", "101"), ("list_id", "1"), ("message", "Sale"), ("d_schedule", schedule));

        if (accepted)
        {
            var (_, data) = await PostFormAsync("api/v2/getViberMessageData", ("message_id", body["result"]!["message_id"]!.ToString()));
            Assert.Equal("2026-01-20 09:30:00", data["result"]!["d_schedule"]!.GetValue<string>());
        }
        else
        {
            Assert.Equal("d_schedule must be in the format YYYY-MM-DD HH:MM", body["error"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task ConfirmViberMessage_PreparedMailing_SendsToTheListOnceThenAnswersBareFalse()
    {
        var (_, prepared) = await PostFormAsync("api/v2/sendViberMessageList", ("vibername_id", "101"), ("list_id", "2"), ("message", "Sale"));
        var id = prepared["result"]!["message_id"]!.ToString();

        using var first = await _http.PostAsync("api/v2/confirmViberMessage", Form(("message_id", id)));
        using var second = await _http.PostAsync("api/v2/confirmViberMessage", Form(("message_id", id)));

        Assert.Equal("""{"status":"OK"}""", await first.Content.ReadAsStringAsync());
        Assert.Equal("false", await second.Content.ReadAsStringAsync());
        Assert.Equal(["375292000001", "375292000002"], _emulator.AcceptedMessages(ViberProviders.SmsBy).Select(m => m.Recipient));
    }

    [Fact]
    public async Task ConfirmViberMessage_UnknownMailing_AnswersNotFound()
    {
        var (_, body) = await PostFormAsync("api/v2/confirmViberMessage", ("message_id", "424242"));

        Assert.Equal("not found", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetViberMessages_LimitOffsetAndRows_PagesInIdOrderWithIdsAsStringOrNumber()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SendQuickAsync("37529123456" + i));
        }

        var (_, page) = await PostFormAsync("api/v2/getViberMessages", ("limit_offset", "1"), ("limit_rows", "2"));

        var result = page["result"]!.AsArray();
        Assert.Equal(ids.Skip(1), result.Select(m => m!["message_id"]!.ToString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Number, result[0]!["message_id"]!.GetValueKind());
        Assert.Equal(System.Text.Json.JsonValueKind.String, result[1]!["message_id"]!.GetValueKind());
    }

    [Fact]
    public async Task GetViberMessageData_QuickMessage_AnswersTheDocumentedFieldsInMinskTime()
    {
        var id = await SendQuickAsync("375291234567");

        var (_, body) = await PostFormAsync("api/v2/getViberMessageData", ("message_id", id));

        var expected = JsonNode.Parse($$$"""
            {"status":"OK","result":{"message_id":{{{id}}},"message_type":"TEXT","message":"Hello","button_caption":"","button_link":"",
             "image_file":"","status":"SENT","d_create":"2026-01-15 10:00:00","d_schedule":"2026-01-15 10:00:00","cost":"0.04900 EUR"} }
            """);
        WireAssert.JsonEqual(expected, body);
    }

    [Fact]
    public async Task GetViberDeliveryList_ConfirmedMailing_ListsEachPhoneWithPhonesAsStringOrNumber()
    {
        var (_, prepared) = await PostFormAsync("api/v2/sendViberMessageList", ("vibername_id", "101"), ("list_id", "1"), ("message", "Sale"));
        var id = prepared["result"]!["message_id"]!.ToString();
        await PostFormAsync("api/v2/confirmViberMessage", ("message_id", id));
        _clock.Advance(TimeSpan.FromMilliseconds(350));

        var (_, body) = await PostFormAsync("api/v2/getViberDeliveryList", ("message_id", id));

        var result = body["result"]!.AsArray();
        Assert.Equal(["375291000001", "375291000002", "375291000003", "375291000004"], result.Select(d => d!["phone"]!.ToString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Number, result[1]!["phone"]!.GetValueKind());
        Assert.All(result, d => Assert.Equal("DELIVERED", d!["status"]!.GetValue<string>()));
        Assert.Equal(4, result.Select(d => d!["delivery_id"]!.GetValue<long>()).Distinct().Count());
    }

    [Fact]
    public async Task GetNewIncomingMessages_ReplyArrivesThenIsMarkedRead()
    {
        var id = await SendQuickAsync("375291234567");
        var (_, before) = await PostFormAsync("api/v2/getNewIncomingMessages", ("message_id", id));
        _clock.Advance(TimeSpan.FromSeconds(1));

        var (_, after) = await PostFormAsync("api/v2/getNewIncomingMessages", ("message_id", id));
        var reply = Assert.Single(after["result"]!.AsArray())!;
        var (_, marked) = await PostFormAsync("api/v2/readResponseStatus", ("incoming_messages", reply["id"]!.GetValue<string>() + ",999"));
        var (_, afterRead) = await PostFormAsync("api/v2/getNewIncomingMessages", ("message_id", id));

        Assert.Empty(before["result"]!.AsArray());
        Assert.Equal("ok", after["status"]!.GetValue<string>());
        Assert.Equal(("375291234567", "Thanks, got it!", "2026-01-15 10:00:00"), (reply["phone"]!.GetValue<string>(), reply["message"]!.GetValue<string>(), reply["d_receiver"]!.GetValue<string>()));
        Assert.Equal("Number of flagged messages: 1", marked["result"]!.GetValue<string>());
        Assert.Empty(afterRead["result"]!.AsArray());
    }

    [Fact]
    public async Task ReadResponseStatus_NoIds_AnswersError()
    {
        var (_, body) = await PostFormAsync("api/v2/readResponseStatus");

        Assert.Equal("incoming_messages is required", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendBulkViber_BulkList_AnswersUuidAndStatusListsEveryPhoneWithMicroseconds()
    {
        var (status, sent) = await PostJsonAsync("api/v1/sendBulkViber", $$"""
            {"token":"{{Token}}","messages":[{"alphaname_id":"444","name":"list 1","message_type":"bulk",
              "content":{"type":"text","text":"Sale"},"delivery_list":["375291111111",375292222222]}]}
            """);
        var uuid = sent["uuid"]!.GetValue<string>();
        _clock.Advance(TimeSpan.FromMilliseconds(120.5));

        var (_, lists) = await PostJsonAsync("api/v1/statusBulkViber", $$"""{"token":"{{Token}}","uuid":"{{uuid}}"}""");

        Assert.Equal(200, status);
        Assert.Equal("OK", sent["success"]!.GetValue<string>());
        Assert.True(Guid.TryParse(uuid, out _));
        var list = Assert.Single(lists.AsArray())!;
        Assert.Equal(("list 1", 444), (list["name"]!.GetValue<string>(), list["alphaname_id"]!.GetValue<int>()));
        Assert.Equal(["375291111111", "375292222222"], list["success"]!.AsArray().Select(d => d!["phone"]!.GetValue<string>()));
        Assert.All(list["success"]!.AsArray(), d => Assert.Equal(("SENT", "2026-01-15 10:00:00.100000"), (d!["status"]!.GetValue<string>(), d["status_time"]!.GetValue<string>())));
    }

    [Fact]
    public async Task SendBulkViber_DocumentSampleWithBrokenLists_CreatesGoodListsAndReportsTheRestAsErrors()
    {
        var longLink = "https://example-site.com/" + new string('x', 130);
        var (_, sent) = await PostJsonAsync("api/v1/sendBulkViber", $$"""
            {"token":"{{Token}}","messages":[
              {"alphaname_id":"444","name":"mailing list 1","message_type":"personal","schedule_time":"2024-10-30T22:56:00",
               "content":{"type":"button","image_url":"https://example-site.com/images/image.jpg","caption":"Push me"},
               "delivery_list":[{"phone":"375291111111","text":"personal message 1.1","button_link":"https://example-site.com/some_action/1"},
                                {"phone":"375292222222","text":"personal message 1.2","button_link":"https://example-site.com/some_action/2"}]},
              {"alphaname_id":"444","name":"mailing list 2","message_type":"personal","content":{"type":"image","image_url":"https://example-site.com/i.jpg"},
               "delivery_list":[{"phone":"375291111111","text":"x"}]},
              {"alphaname_id":"444","name":"mailing list 3","message_type":"bulk","content":{"type":"image","image_url":"ftp://nope"},
               "delivery_list":["375291111111"]},
              {"alphaname_id":"444","name":"mailing list 4","message_type":"bulk",
               "content":{"type":"button","button_link":"{{longLink}}","caption":"Button","text":"message text 4"},"delivery_list":["375291111111"]},
              {"alphaname_id":"444","name":"mailing list 5","message_type":"bulk","schedule_time":"2024-10-30 22:56",
               "content":{"type":"text","text":"t"},"delivery_list":["375291111111"]}
            ]}
            """);

        var (_, lists) = await PostJsonAsync("api/v1/statusBulkViber", $$"""{"token":"{{Token}}","uuid":"{{sent["uuid"]}}"}""");

        var items = lists.AsArray();
        Assert.Equal(5, items.Count);
        Assert.Equal("mailing list 1", items[0]!["name"]!.GetValue<string>());
        Assert.Equal(["375291111111", "375292222222"], items[0]!["success"]!.AsArray().Select(d => d!["phone"]!.GetValue<string>()));
        Assert.Equal(
            [
                "mailing list 2: The image option can only be used with message_type = bulk",
                "mailing list 3: Content url is not valid",
                "mailing list 4: button_link must not exceed 150 characters",
                "mailing list 5: schedule_time must be in the format YYYY-MM-DDTHH:mm:ss",
            ],
            items.Skip(1).Select(i => Assert.Single(i!["errors"]!.AsArray())!.GetValue<string>()));
        var personal = _emulator.AcceptedMessages(ViberProviders.SmsBy);
        Assert.Equal(["personal message 1.1", "personal message 1.2"], personal.Select(m => m.Text));
        Assert.Equal(new DateTimeOffset(2024, 10, 30, 19, 56, 0, TimeSpan.Zero), personal[0].ScheduledAt);
    }

    [Theory]
    [InlineData("""{"messages":[]}""", "messages is required")]
    [InlineData("""{"messages":"x"}""", "messages is required")]
    [InlineData("""{"callback_url":"not a url","messages":[{}]}""", "callback_url is not valid")]
    public async Task SendBulkViber_MalformedRequest_Answers400WithError(string json, string error)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        body["token"] = Token;

        var (status, answer) = await PostJsonAsync("api/v1/sendBulkViber", body.ToJsonString());

        Assert.Equal(400, status);
        Assert.Equal(error, answer["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendBulkViber_TokenMissingFromJsonBody_Answers403()
    {
        var (status, answer) = await PostJsonAsync("api/v1/sendBulkViber", """{"messages":[{}]}""");

        Assert.Equal((403, "Access denied"), (status, answer["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SendBulkViber_DroppedAndMalformedPhones_AreLeftOutOfTheListSilently()
    {
        _emulator.ScriptRecipient("375293333333", RecipientBehavior.SilentlyDropped);
        _emulator.ScriptRecipient("375294444444", RecipientBehavior.Blacklisted);
        var (_, sent) = await PostJsonAsync("api/v1/sendBulkViber", $$"""
            {"token":"{{Token}}","messages":[{"alphaname_id":444,"name":"l","message_type":"bulk","content":{"type":"text","text":"Hi"},
              "delivery_list":["375291111111","375293333333","375294444444","12"]}]}
            """);

        var (_, lists) = await PostJsonAsync("api/v1/statusBulkViber", $$"""{"token":"{{Token}}","uuid":"{{sent["uuid"]}}"}""");

        Assert.Equal(["375291111111"], lists[0]!["success"]!.AsArray().Select(d => d!["phone"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SendBulkViber_NullOptionalFieldsAndTokenInTheQuery_AreAccepted()
    {
        // The token where the parameter table puts it (the query), and null for every optional field.
        var (status, sent) = await PostJsonAsync($"api/v1/sendBulkViber?token={Token}", """
            {"callback_url":null,"messages":[{"alphaname_id":"444","name":"l","message_type":"bulk","schedule_time":null,
              "content":{"type":"text","text":"Hi","image_url":null,"button_link":null,"caption":null},"delivery_list":["375291111111"]}]}
            """);
        var (_, lists) = await PostJsonAsync($"api/v1/statusBulkViber?token={Token}&uuid={sent["uuid"]}", "{}");

        Assert.Equal(200, status);
        var list = Assert.Single(lists.AsArray())!;
        Assert.Null(list["errors"]);
        Assert.Equal("375291111111", Assert.Single(list["success"]!.AsArray())!["phone"]!.GetValue<string>());
        var message = Assert.Single(_emulator.AcceptedMessages(ViberProviders.SmsBy));
        Assert.Equal(("Hi", null, null), (message.Text, message.ImageUrl, message.ScheduledAt));
    }

    [Theory]
    [InlineData("http://127.0.0.1/a.jpg")]
    [InlineData("http://localhost:8080/a.jpg")]
    [InlineData("https://10.1.2.3/a.jpg")]
    [InlineData("https://192.168.0.5/a.jpg")]
    [InlineData("https://images.internal/a.jpg")]
    public async Task SendBulkViber_ImageNotPubliclyAvailable_RefusesTheListInStatusBulkViber(string imageUrl)
    {
        var (_, sent) = await PostJsonAsync("api/v1/sendBulkViber", $$"""
            {"token":"{{Token}}","messages":[{"alphaname_id":"444","name":"promo","message_type":"bulk",
              "content":{"type":"image","image_url":"{{imageUrl}}"},"delivery_list":["375291111111"]}]}
            """);
        var (_, lists) = await PostJsonAsync("api/v1/statusBulkViber", $$"""{"token":"{{Token}}","uuid":"{{sent["uuid"]}}"}""");

        Assert.Equal("OK", sent["success"]!.GetValue<string>());
        Assert.Equal("promo: Content url is not valid", Assert.Single(Assert.Single(lists.AsArray())!["errors"]!.AsArray())!.GetValue<string>());
        Assert.Empty(_emulator.AcceptedMessages(ViberProviders.SmsBy));
    }

    [Fact]
    public async Task OverrideStatus_AnyWord_IsReportedByEveryStatusMethod()
    {
        var id = await SendQuickAsync("375291111111");
        var (_, sent) = await PostJsonAsync("api/v1/sendBulkViber", $$"""
            {"token":"{{Token}}","messages":[{"alphaname_id":"444","name":"l","message_type":"bulk","content":{"type":"text","text":"Hi"},"delivery_list":["375291111111"]}]}
            """);
        _emulator.Provider<SmsByEmulatorSettings>().OverrideStatus("+375291111111", "expired");

        var (_, quick) = await PostFormAsync("api/v2/getViberDeliveryData", ("message_id", id));
        var (_, list) = await PostFormAsync("api/v2/getViberDeliveryList", ("message_id", id));
        var (_, bulk) = await PostJsonAsync("api/v1/statusBulkViber", $$"""{"token":"{{Token}}","uuid":"{{sent["uuid"]}}"}""");

        Assert.Equal("expired", quick["result"]!["status"]!.GetValue<string>());
        Assert.Equal("expired", list["result"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("expired", bulk[0]!["success"]![0]!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    public async Task NotFoundStatus_UnknownIdAndUuid_AnswerNotFoundWithThatStatus(int httpStatus)
    {
        _emulator.Provider<SmsByEmulatorSettings>().NotFoundStatus = (HttpStatusCode)httpStatus;

        var quick = await PostFormAsync("api/v2/getViberDeliveryData", ("message_id", "999999"));
        var bulk = await PostJsonAsync("api/v1/statusBulkViber", $$"""{"token":"{{Token}}","uuid":"cc9c8043-8caf-11ef-b035-9e8f47954dec"}""");

        Assert.All(new[] { quick, bulk }, answer => Assert.Equal((httpStatus, "not found"), (answer.Status, answer.Body["error"]!.GetValue<string>())));
    }

    [Fact]
    public async Task StatusBulkViber_UnknownUuid_AnswersNotFoundAt200()
    {
        var (status, body) = await PostJsonAsync("api/v1/statusBulkViber", $$"""{"token":"{{Token}}","uuid":"cc9c8043-8caf-11ef-b035-9e8f47954dec"}""");

        Assert.Equal((200, "not found"), (status, body["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SendBulkViber_CallbackUrl_PostsTheRequestsStatusThere()
    {
        var callback = new Uri(_emulator.GetBaseAddress(ViberProviders.SmsBy), "callback-sink");
        await PostJsonAsync("api/v1/sendBulkViber", $$"""
            {"token":"{{Token}}","callback_url":"{{callback}}","messages":[{"alphaname_id":"444","name":"l","message_type":"bulk",
              "content":{"type":"text","text":"Hi"},"delivery_list":["375291111111"]}]}
            """);

        RecordedRequest? posted = null;
        var deadline = TimeProvider.System.GetTimestamp() + (30 * TimeProvider.System.TimestampFrequency);
        while (posted is null && TimeProvider.System.GetTimestamp() < deadline)
        {
            posted = _emulator.RequestsTo(ViberProviders.SmsBy).FirstOrDefault(r => r.Path == "/callback-sink");
            if (posted is null)
            {
#pragma warning disable RS0030 // The emulator posts the callback from its own task: polls for it with a deadline.
                await Task.Delay(20);
#pragma warning restore RS0030
            }
        }

        Assert.NotNull(posted);
        Assert.Equal("l", JsonNode.Parse(posted.Body)![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownPath_Answers404PageNotFound()
    {
        using var response = await _http.PostAsync("api/v2/getVibernamesEverything", Form());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"error":"Page not found"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RateWindow_SecondRequestWithinTheWindow_Answers429InSmsByShape()
    {
        _emulator.SetRateLimit(ViberProviders.SmsBy, new EmulatorRateLimit(1, TimeSpan.FromSeconds(1)));

        using var first = await _http.PostAsync("api/v2/getViberMessages", Form());
        using var second = await _http.PostAsync("api/v2/getViberMessages", Form());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("""{"error":"Request limit exceeded"}""", await second.Content.ReadAsStringAsync());
        Assert.Equal(1, _emulator.RateLimitedCount(ViberProviders.SmsBy));
    }

    [Fact]
    public async Task InjectedServerError_Answers500InSmsByShape()
    {
        _emulator.InjectFault(ViberProviders.SmsBy, EmulatorFault.ServerError());

        using var response = await _http.PostAsync("api/v2/getViberMessages", Form());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("""{"error":"Server unavailable"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SetSubscriberList_DefinesAListThatMailingsCanUse()
    {
        _emulator.Provider<SmsByEmulatorSettings>().SetSubscriberList(9, "+375 29 700-00-01");

        var (_, body) = await PostFormAsync("api/v2/sendViberMessageList", ("vibername_id", "101"), ("list_id", "9"), ("message", "Sale"));

        Assert.Equal(1, body["result"]!["count_subscribers"]!.GetValue<int>());
    }

    [Fact]
    public async Task AddIncomingMessage_ReplyIsListedAtOnce()
    {
        var id = await SendQuickAsync("375291234567");

        var incomingId = _emulator.Provider<SmsByEmulatorSettings>().AddIncomingMessage(long.Parse(id), "375291234567", "Yes");
        var (_, body) = await PostFormAsync("api/v2/getNewIncomingMessages", ("message_id", id));

        var reply = Assert.Single(body["result"]!.AsArray())!;
        Assert.Equal((incomingId, "Yes"), (reply["id"]!.GetValue<string>(), reply["message"]!.GetValue<string>()));
    }

    private async Task<string> SendQuickAsync(string phone)
    {
        var (_, body) = await PostFormAsync("api/v2/sendQuickViberMessage", ("vibername_id", "101"), ("phone", phone), ("message", "Hello"));
        return body["result"]!["message_id"]!.ToString();
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields)
        => new([new("token", Token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    private async Task<(int Status, JsonNode Body)> PostFormAsync(string path, params (string Name, string Value)[] fields)
    {
        using var response = await _http.PostAsync(path, Form(fields));
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private async Task<(int Status, JsonNode Body)> PostJsonAsync(string path, string json)
    {
        using var response = await _http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
