using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ViberMessaging.Testing.Infrastructure;
using ViberMessaging.Testing.Providers.SmsBy;

namespace ViberMessaging.Testing.Tests.Providers.SmsBy;

/// <summary>SMS.by's rules on their own, without HTTP: v2 parameters, bulk lists, phones, public images, Minsk time, status words.</summary>
public sealed class SmsByEmulatorRulesTests
{
    [Theory]
    [InlineData("phone=375291234567", "vibername_id is required")]
    [InlineData("vibername_id=1&phone=12345", "Invalid phone number")]
    [InlineData("vibername_id=1&phone=375291234567", "message is required for type_message TEXT")]
    [InlineData("vibername_id=1&phone=375291234567&message=Hi&forwarding_message=2", "forwarding_message must be 0 or 1")]
    [InlineData("vibername_id=1&phone=375291234567&message=Hi&forwarding_time=4", "forwarding_time must be between 5 and 60 minutes")]
    [InlineData("vibername_id=1&phone=375291234567&message=Hi&alphaname_id=x", "alphaname not found")]
    public async Task ReadQuick_BrokenParameter_IsRefusedWithTheFirstProblem(string query, string expected)
    {
        using var parameters = await ParametersAsync(query);

        var (request, error) = SmsByEmulatorRules.ReadQuick(parameters);

        Assert.Null(request);
        Assert.Equal(expected, error);
    }

    [Fact]
    public async Task ReadQuick_Valid_ReadsSenderPhoneContentAndForwarding()
    {
        using var parameters = await ParametersAsync("vibername_id=101&phone=%2B375291234567&message=Hi&forwarding_message=1&forwarding_time=60");

        var (request, error) = SmsByEmulatorRules.ReadQuick(parameters);

        Assert.Null(error);
        Assert.Equal(new SmsByQuickRequest(101, "375291234567", new SmsByContent("TEXT", "Hi"), Forwarding: true), request);
    }

    [Theory]
    [InlineData("vibername_id=1&message=Hi", "list_id is required")]
    [InlineData("vibername_id=1&list_id=1&message=Hi&d_schedule=2026-01-01T10:00", "d_schedule must be in the format YYYY-MM-DD HH:MM")]
    [InlineData("vibername_id=1&list_id=1&type_message=VIDEO", "type_message must be TEXT, IMAGE or BUTTON")]
    public async Task ReadList_BrokenParameter_IsRefusedWithTheFirstProblem(string query, string expected)
    {
        using var parameters = await ParametersAsync(query);

        Assert.Equal(expected, SmsByEmulatorRules.ReadList(parameters).Error);
    }

    [Fact]
    public async Task ReadList_Schedule_IsMinskTime()
    {
        using var parameters = await ParametersAsync("vibername_id=1&list_id=2&message=Hi&d_schedule=2026-01-01%2010:00");

        var request = SmsByEmulatorRules.ReadList(parameters).Request!;

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 7, 0, 0, TimeSpan.Zero), request.ScheduledAt);
        Assert.Equal(2, request.ListId);
    }

    [Theory]
    [InlineData("", true, 0, 100)]
    [InlineData("limit_offset=5&limit_rows=2", true, 5, 2)]
    [InlineData("limit_offset=-1", false, 0, 100)]
    [InlineData("limit_rows=x", false, 0, 0)]
    public async Task TryReadPage_NonNegativeIntegers_DefaultToTheFirstHundred(string query, bool expected, long offset, long rows)
    {
        using var parameters = await ParametersAsync(query);

        Assert.Equal(expected, SmsByEmulatorRules.TryReadPage(parameters, out var readOffset, out var readRows));
        if (expected)
        {
            Assert.Equal((offset, rows), (readOffset, readRows));
        }
    }

    [Theory]
    [InlineData("type_message=image&image_url=https://img.example/a.png", "IMAGE", null)]
    [InlineData("type_message=IMAGE", "IMAGE", "image_url or image is required for type_message IMAGE")]
    [InlineData("type_message=IMAGE&image_url=http://127.0.0.1/a.png", "IMAGE", "Content url is not valid")]
    [InlineData("type_message=BUTTON&message=Hi&button_link=https://x.example", "BUTTON", "button is required for type_message BUTTON")]
    [InlineData("type_message=BUTTON&message=Hi&button=Go", "BUTTON", "button_link is required for a button")]
    [InlineData("type_message=BUTTON&message=Hi&button=Go&button_link=https://x.example", "BUTTON", null)]
    public async Task ReadContent_EachType_NeedsItsFields(string query, string type, string? error)
    {
        using var parameters = await ParametersAsync(query);

        var content = SmsByEmulatorRules.ReadContent(parameters);

        Assert.Equal((type, error), (content.Type, content.Error));
    }

    [Theory]
    [InlineData(null, "button_link is required for a button")]
    [InlineData("ftp://x.example", "button_link is not a valid URL")]
    [InlineData("https://x.example/", null)]
    public void LinkProblem_PresentHttpAndShort(string? link, string? expected)
        => Assert.Equal(expected, SmsByEmulatorRules.LinkProblem(link));

    [Fact]
    public void LinkProblem_Over150Characters_IsRefused()
        => Assert.Equal("button_link must not exceed 150 characters", SmsByEmulatorRules.LinkProblem("https://x.example/" + new string('a', 133)));

    [Theory]
    [InlineData(" +375291234567 ", "375291234567")]
    [InlineData("1234567", "1234567")]
    [InlineData("123456", null)]
    [InlineData("0291234567", null)]
    [InlineData("37529123456a", null)]
    [InlineData(null, null)]
    public void Phone_DigitsAfterAnOptionalPlus_7To15NotStartingWith0(string? text, string? expected)
        => Assert.Equal(expected, SmsByEmulatorRules.Phone(text));

    [Theory]
    [InlineData("https://img.example/a.png", true)]
    [InlineData("https://8.8.8.8/a.png", true)]
    [InlineData("http://localhost/a.png", false)]
    [InlineData("http://127.0.0.1/a.png", false)]
    [InlineData("http://[::1]/a.png", false)]
    [InlineData("http://10.1.2.3/a.png", false)]
    [InlineData("http://172.16.0.1/a.png", false)]
    [InlineData("http://172.32.0.1/a.png", true)]
    [InlineData("http://192.168.1.1/a.png", false)]
    [InlineData("http://169.254.1.1/a.png", false)]
    [InlineData("http://printer.local/a.png", false)]
    [InlineData("http://svc.internal/a.png", false)]
    [InlineData("file:///a.png", false)]
    public void IsPublicUrl_LoopbackPrivateOrLocalNames_AreNotPubliclyAvailable(string url, bool expected)
        => Assert.Equal(expected, SmsByEmulatorRules.IsPublicUrl(url));

    [Theory]
    [InlineData(EmulatedViberState.Pending, RecipientBehavior.Reads, "NEW", 0)]
    [InlineData(EmulatedViberState.Sent, RecipientBehavior.Reads, "SENT", 0)]
    [InlineData(EmulatedViberState.Delivered, RecipientBehavior.Delivers, "DELIVERED", 0)]
    [InlineData(EmulatedViberState.Read, RecipientBehavior.Reads, "READ", 0)]
    [InlineData(EmulatedViberState.Undeliverable, RecipientBehavior.NotViberUser, "UNDELIVERED", 1)]
    [InlineData(EmulatedViberState.Undeliverable, RecipientBehavior.BlocksSender, "UNDELIVERED", 2)]
    [InlineData(EmulatedViberState.Undeliverable, RecipientBehavior.DeviceNotSupported, "UNDELIVERED", 3)]
    [InlineData(EmulatedViberState.Expired, RecipientBehavior.Expires, "UNDELIVERED", 4)]
    public void StatusOf_EachState_IsTheWordAndErrorCode(EmulatedViberState state, RecipientBehavior behavior, string word, int code)
        => Assert.Equal((word, code), SmsByEmulatorRules.StatusOf(new EmulatedStatus(state, null, default, behavior), overridden: null));

    [Fact]
    public void StatusOf_Overridden_IsTheWordAsGivenWithCode0()
        => Assert.Equal(("expired", 0), SmsByEmulatorRules.StatusOf(new EmulatedStatus(EmulatedViberState.Read, null, default, RecipientBehavior.Reads), "expired"));

    [Theory]
    [InlineData("[]", "mailing list 3: a mailing list must be an object")]
    [InlineData("""{"name":"Promo"}""", "Promo: alphaname_id is required")]
    [InlineData("""{"alphaname_id":1,"message_type":"mass"}""", "mailing list 3: message_type must be bulk or personal")]
    [InlineData("""{"alphaname_id":1,"message_type":"bulk","schedule_time":"2026-01-01 10:00"}""", "mailing list 3: schedule_time must be in the format YYYY-MM-DDTHH:mm:ss")]
    [InlineData("""{"alphaname_id":1,"message_type":"bulk"}""", "mailing list 3: content is required")]
    [InlineData("""{"alphaname_id":1,"message_type":"personal","content":{"type":"image","image_url":"https://img.example/a.png"}}""", "mailing list 3: The image option can only be used with message_type = bulk")]
    [InlineData("""{"alphaname_id":1,"message_type":"bulk","content":{"type":"button","text":"Hi"}}""", "mailing list 3: caption is required for a button")]
    [InlineData("""{"alphaname_id":1,"message_type":"bulk","content":{"type":"text","text":"Hi"}}""", "mailing list 3: delivery_list is required")]
    [InlineData("""{"alphaname_id":1,"message_type":"bulk","content":{"type":"text","text":"Hi"},"delivery_list":[{}]}""", "mailing list 3: delivery_list must hold phone numbers")]
    [InlineData("""{"alphaname_id":1,"message_type":"personal","content":{"type":"text"},"delivery_list":[{"phone":"375291234567"}]}""", "mailing list 3: delivery_list[0]: text is required")]
    [InlineData("""{"alphaname_id":1,"message_type":"personal","content":{"type":"button","caption":"Go"},"delivery_list":[{"phone":"375291234567","text":"Hi"}]}""", "mailing list 3: delivery_list[0]: button_link is required for a button")]
    public void ReadBulkList_BrokenList_IsRefusedWithItsNameAndTheFirstProblem(string json, string expected)
    {
        var (list, error) = SmsByEmulatorRules.ReadBulkList(Parse(json), 3);

        Assert.Null(list);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void ReadBulkList_BulkList_EveryPhoneGetsTheContentAndMalformedOnesAreKeptAsNull()
    {
        var (list, error) = SmsByEmulatorRules.ReadBulkList(
            Parse("""{"name":"Promo","alphaname_id":"444","message_type":"BULK","schedule_time":"2026-01-01T10:00:00","content":{"type":"button","caption":"Go","text":"Hi","button_link":"https://x.example"},"delivery_list":["375291234567",375291234568,"12"]}"""),
            1);

        Assert.Null(error);
        Assert.Equal(("Promo", 444, new DateTimeOffset(2026, 1, 1, 7, 0, 0, TimeSpan.Zero)), (list!.Name, list.SenderId, list.ScheduledAt!.Value));
        Assert.Equal(
            [new SmsByBulkEntry("375291234567", "Hi", "https://x.example"), new SmsByBulkEntry("375291234568", "Hi", "https://x.example"), new SmsByBulkEntry(null, "Hi", "https://x.example")],
            list.Entries);
    }

    [Fact]
    public void ReadBulkList_PersonalList_EachEntryBringsItsTextAndLink()
    {
        var (list, _) = SmsByEmulatorRules.ReadBulkList(
            Parse("""{"alphaname_id":1,"message_type":"personal","content":{"type":"button","caption":"Go"},"delivery_list":[{"phone":"375291234567","text":"Hi Ann","button_link":"https://x.example/ann"}]}"""),
            1);

        Assert.Equal("mailing list 1", list!.Name);
        Assert.Equal([new SmsByBulkEntry("375291234567", "Hi Ann", "https://x.example/ann")], list.Entries);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static Task<EmulatorParameters> ParametersAsync(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query.Length == 0 ? string.Empty : "?" + query);
        context.Items[EmulatorPipeline.BodyKey] = Encoding.UTF8.GetBytes(string.Empty);
        return EmulatorParameters.ReadAsync(context);
    }
}
