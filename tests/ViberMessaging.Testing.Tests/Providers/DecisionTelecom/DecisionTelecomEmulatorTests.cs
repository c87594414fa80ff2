using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Testing.Tests.Providers.DecisionTelecom;

public sealed class DecisionTelecomEmulatorTests
{
    private const string Provider = ViberProviders.DecisionTelecom;
    private const string Send = "v1/api/send-viber";
    private const string Status = "v1/api/receive-viber";
    private const string Recipient = "380504444444";
    private const string ValidText = """{"source_addr":"Custom Company","destination_addr":"380504444444","message_type":106,"text":"Message content","source_type":2}""";
    private static readonly string Key = new EmulatorCredentials().DecisionTelecomApiKey;

    [Fact]
    public async Task GetEndpoints_TheEmulator_ListsSendAndReceive()
    {
        await using var sut = await CreateSut();

        Assert.Equal(
            ["POST v1/api/send-viber", "POST v1/api/receive-viber"],
            sut.GetEndpoints(Provider).Select(e => e.Replace(sut.GetBaseAddress(Provider).AbsoluteUri, string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OverrideStatus_EmptyId_ThrowsBeforeAnythingChanges()
    {
        await using var sut = await CreateSut();

        Assert.Throws<ArgumentException>(() => sut.Provider<DecisionTelecomEmulatorSettings>().OverrideStatus(string.Empty, 1));
    }

    [Fact]
    public async Task SendViber_TextMessage_AnswersMessageIdAbove2Pow53AndKeepsTheMessage()
    {
        await using var sut = await CreateSut();
        using var http = Client(sut);

        using var response = await PostAsync(http, Send, ValidText);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        WireAssert.JsonEqual("""{"message_id":9007199254740993}""", await response.Content.ReadAsStringAsync());
        var message = Assert.Single(sut.AcceptedMessages(Provider));
        Assert.Equal(("9007199254740993", Recipient, "Custom Company", "Message content"), (message.Id, message.Recipient, message.Sender, message.Text));
        Assert.False(message.HasSmsFallback);
    }

    [Theory]
    [InlineData("base64")]
    [InlineData("base64-colon")]
    [InlineData("verbatim")]
    public async Task SendViber_KeyInEachEncoding_IsAccepted(string encoding)
    {
        await using var sut = await CreateSut();
        using var http = Client(sut, encoding switch
        {
            "base64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(Key)),
            "base64-colon" => Convert.ToBase64String(Encoding.UTF8.GetBytes(Key + ":")),
            _ => Key,
        });

        using var response = await PostAsync(http, Send, ValidText);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(sut.AcceptedMessages(Provider));
    }

    [Theory]
    [InlineData("d3Jvbmc=")]
    [InlineData(null)]
    public async Task SendViber_WrongOrMissingKey_Answers401InItsErrorShape(string? token)
    {
        await using var sut = await CreateSut();
        using var http = Client(sut, token);

        using var response = await PostAsync(http, Send, ValidText);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"api\"", response.Headers.WwwAuthenticate.ToString());
        WireAssert.JsonEqual("""{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(sut.AcceptedMessages(Provider));
    }

    [Theory]
    [InlineData("source_addr", "{'destination_addr':'380504444444','message_type':106,'text':'Hi','source_type':2}")]
    [InlineData("source_addr", "{'source_addr':'ABCDEFGHIJKLMNOPQRSTU','destination_addr':'380504444444','message_type':106,'text':'Hi','source_type':2}")]
    [InlineData("source_addr", "not json")]
    [InlineData("destination_addr", "{'source_addr':'Shop','message_type':106,'text':'Hi','source_type':2}")]
    [InlineData("destination_addr", "{'source_addr':'Shop','destination_addr':'abc','message_type':106,'text':'Hi','source_type':2}")]
    [InlineData("destination_addr", "{'source_addr':'Shop','destination_addr':'380504444444123456789','message_type':106,'text':'Hi','source_type':2}")]
    [InlineData("message_type", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':107,'text':'Hi','source_type':2}")]
    [InlineData("text", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':106,'source_type':2}")]
    [InlineData("text", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':106,'text':null,'source_type':2}")]
    [InlineData("image", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':108,'text':'Hi','button_caption':'Go','button_action':'https://x.example/a','source_type':1}")]
    [InlineData("image", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':108,'text':'Hi','image':'image.jpg','button_caption':'Go','button_action':'https://x.example/a','source_type':1}")]
    [InlineData("button_caption", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':208,'text':'Hi','image':'https://x.example/i.jpg','button_caption':'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDE','button_action':'https://x.example/a','source_type':1}")]
    [InlineData("button_action", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':108,'text':'Hi','image':'https://x.example/i.jpg','button_caption':'Go','source_type':1}")]
    [InlineData("image", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':106,'text':'Hi','image':'https://x.example/i.jpg','source_type':2}")]
    [InlineData("button_caption", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':206,'text':'Hi','button_caption':'Go','source_type':2}")]
    [InlineData("source_type", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':106,'text':'Hi','source_type':3}")]
    [InlineData("source_type", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':106,'text':'Hi'}")]
    [InlineData("text_sms", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':106,'text':'Hi','source_type':1,'text_sms':'Hi'}")]
    [InlineData("callback_url", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':106,'text':'Hi','source_type':2,'callback_url':'ftp://x.example/cb'}")]
    [InlineData("validity_period", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':106,'text':'Hi','source_type':2,'validity_period':39}")]
    [InlineData("validity_period", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':106,'text':'Hi','source_type':2,'validity_period':21601}")]
    [InlineData("validity_period", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':106,'text':'Hi','source_type':2,'validity_period':-1}")]
    [InlineData("validity_period", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':106,'text':'Hi','source_type':2,'text_sms':'Hi','validity_period':3600}")]
    [InlineData("validity_period", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':106,'text':'Hi','source_type':2,'text_sms':'Hi','validity_period':41}")]
    [InlineData("source_type", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':108,'text':'Hi','image':'https://x.example/i.jpg','button_caption':'Go','button_action':'https://x.example/a','source_type':2}")]
    [InlineData("source_type", "{'source_addr':'Shop','destination_addr':'380504444444','message_type':208,'text':'Hi','image':'https://x.example/i.jpg','button_caption':'Go','button_action':'https://x.example/a','source_type':2}")]
    public async Task SendViber_BrokenParameter_Answers400NamingIt(string parameter, string body)
    {
        await using var sut = await CreateSut();
        using var http = Client(sut);

        using var response = await PostAsync(http, Send, body.Replace('\'', '"'));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        WireAssert.JsonEqual(InvalidParameter(parameter), await response.Content.ReadAsStringAsync());
        Assert.Empty(sut.AcceptedMessages(Provider));
    }

    [Fact]
    public async Task SendViber_TextLongerThan1000_Answers400NamingText()
    {
        await using var sut = await CreateSut();
        using var http = Client(sut);

        using var response = await PostAsync(http, Send, With(ValidText, o => o["text"] = new string('a', 1001)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        WireAssert.JsonEqual(InvalidParameter("text"), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData('a', 161)] // GSM-7: 160 septets per SMS
    [InlineData('€', 81)] // GSM-7 extension: two septets each
    [InlineData('ж', 71)] // UCS-2: 70 characters per SMS
    public async Task SendViber_TextSmsBeyondOneSegment_Answers400NamingTextSms(char character, int count)
    {
        await using var sut = await CreateSut();
        using var http = Client(sut);

        using var response = await PostAsync(http, Send, With(ValidText, o => o["text_sms"] = new string(character, count)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        WireAssert.JsonEqual(InvalidParameter("text_sms"), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{'destination_addr':380504444444}")]
    [InlineData("{'validity_period':40}")]
    [InlineData("{'validity_period':21600}")]
    [InlineData("{'text_sms':'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'}")]
    [InlineData("{'text_sms':'жжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжж'}")]
    [InlineData("{'message_type':108,'source_type':1,'image':'https://x.example/i.jpg','button_caption':'ABCDEFGHIJKLMNOPQRSTUVWXYZABCD','button_action':'https://x.example/a'}")]
    [InlineData("{'message_type':206,'source_type':1,'callback_url':'https://x.example/cb'}")]
    [InlineData("{'message_type':208,'source_type':1,'image':'https://x.example/i.png','button_caption':'Go','button_action':'https://x.example/a'}")]
    [InlineData("{'text_sms':'Hi','validity_period':40}")]
    [InlineData("{'validity_period':0}")]
    [InlineData("{'text_sms':'Hi','validity_period':0}")]
    [InlineData("{'image':null,'button_caption':null,'button_action':null,'callback_url':null,'text_sms':null,'validity_period':null}")]
    [InlineData("{'source_addr':'ABCDEFGHIJKLMNOPQRST','unknown_field':'ignored'}")]
    public async Task SendViber_DocumentedValuesAndBoundaries_AreAccepted(string changes)
    {
        await using var sut = await CreateSut();
        using var http = Client(sut);
        var body = JsonNode.Parse(ValidText)!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(changes.Replace('\'', '"'))!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        using var response = await PostAsync(http, Send, body.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(sut.AcceptedMessages(Provider));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendViber_RequestShapedLikeDecisionTelecomsCSharpSdk_IsAcceptedWithNullsAsAbsentFields(bool viberPlusSms)
    {
        await using var sut = await CreateSut();
        using var http = Client(sut);

        // What DecisionTelecom's C# SDK writes: JsonSerializer.Serialize of its whole model (every optional field, null
        // or 0 when unset) in a StringContent (text/plain), enums as their ints. ViberPlusSmsMessage adds text_sms.
        var body = """{"source_addr":"Custom Company","destination_addr":"380504444444","message_type":106,"text":"Message content","image":null,"button_caption":null,"button_action":null,"source_type":2,"callback_url":null,"validity_period":0"""
            + (viberPlusSms ? ""","text_sms":"SMS message content"}""" : "}");
        using var response = await http.PostAsync(Send, new StringContent(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(sut.AcceptedMessages(Provider));
        Assert.Equal(("Message content", null, null), (message.Text, message.ImageUrl, message.ButtonCaption));
        Assert.Equal(viberPlusSms, message.HasSmsFallback);
        Assert.StartsWith("text/plain", Assert.Single(sut.RequestsTo(Provider)).Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendViber_ErrorsWithHttp200_AnswersTheErrorWith200()
    {
        await using var sut = await CreateSut();
        sut.Provider<DecisionTelecomEmulatorSettings>().ErrorsWithHttp200 = true;
        using var http = Client(sut);

        using var response = await PostAsync(http, Send, With(ValidText, o => o.Remove("source_addr")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        WireAssert.JsonEqual(InvalidParameter("source_addr"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SendViber_EmptyBalance_Answers402Code3()
    {
        await using var sut = await CreateSut();
        sut.Provider<DecisionTelecomEmulatorSettings>().BalanceEmpty = true;
        using var http = Client(sut);

        using var response = await PostAsync(http, Send, ValidText);

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        WireAssert.JsonEqual("""{"name":"Topup balance is required","message":"User balance is empty","code":3,"status":402}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(sut.AcceptedMessages(Provider));
    }

    [Fact]
    public async Task SendViber_ScriptedInvalidNumber_Answers400NamingDestinationAddr()
    {
        await using var sut = await CreateSut();
        sut.ScriptRecipient(Recipient, RecipientBehavior.InvalidNumber);
        using var http = Client(sut);

        using var response = await PostAsync(http, Send, ValidText);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        WireAssert.JsonEqual(InvalidParameter("destination_addr"), await response.Content.ReadAsStringAsync());
        Assert.Empty(sut.AcceptedMessages(Provider));
    }

    [Fact]
    public async Task SendViber_ScriptedSilentlyDropped_AnswersAnEmptyObject()
    {
        await using var sut = await CreateSut();
        sut.ScriptRecipient(Recipient, RecipientBehavior.SilentlyDropped);
        using var http = Client(sut);

        using var response = await PostAsync(http, Send, ValidText);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        WireAssert.JsonEqual("{}", await response.Content.ReadAsStringAsync());
        Assert.Empty(sut.AcceptedMessages(Provider));
    }

    [Theory]
    [InlineData(false, HttpStatusCode.TooManyRequests)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task SendViber_TenRequestsInOneSecondWithLimitNine_AnswersExactlyOneRateLimitError(bool errorsWith200, HttpStatusCode expected)
    {
        var clock = TestClock.Create();
        await using var sut = await CreateSut(o =>
        {
            o.TimeProvider = clock;
            o.RateLimits[Provider] = new EmulatorRateLimit(9, TimeSpan.FromSeconds(1));
        });
        sut.Provider<DecisionTelecomEmulatorSettings>().ErrorsWithHttp200 = errorsWith200;
        using var http = Client(sut);

        var bodies = new List<(HttpStatusCode Status, string Body)>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await PostAsync(http, Send, ValidText);
            bodies.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
            clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        var limited = Assert.Single(bodies, b => b.Body.Contains("Too Many Requests", StringComparison.Ordinal));
        Assert.Equal(expected, limited.Status);
        WireAssert.JsonEqual("""{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429}""", limited.Body);
        Assert.Equal(1, sut.RateLimitedCount(Provider));
        Assert.Equal(9, sut.AcceptedMessages(Provider).Count);
    }

    [Fact]
    public async Task SendViber_ServerErrorFault_Answers500Code2()
    {
        await using var sut = await CreateSut();
        sut.InjectFault(Provider, EmulatorFault.ServerError());
        using var http = Client(sut);

        using var response = await PostAsync(http, Send, ValidText);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        WireAssert.JsonEqual(
            """{"name":"Internal server error","message":"The server encountered an unexpected condition which prevented it from fulfilling the request","code":2,"status":500}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReceiveViber_NewMessage_FollowsTheTimelineAsStatusInts()
    {
        var clock = TestClock.Create();
        await using var sut = await CreateSut(o => o.TimeProvider = clock);
        using var http = Client(sut);
        var id = await SendAsync(http, ValidText);

        var pending = await StatusAsync(http, id);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var sent = await StatusAsync(http, id);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        var delivered = await StatusAsync(http, id);
        clock.Advance(TimeSpan.FromSeconds(10));
        var read = await StatusAsync(http, id);

        WireAssert.JsonEqual($$"""{"message_id":{{id}},"status":5}""", pending);
        WireAssert.JsonEqual($$"""{"message_id":{{id}},"status":0}""", sent);
        WireAssert.JsonEqual($$"""{"message_id":{{id}},"status":1}""", delivered);
        WireAssert.JsonEqual($$"""{"message_id":{{id}},"status":1}""", read); // the API has no "read": it stays delivered
    }

    [Fact]
    public async Task ReceiveViber_IdAbove2Pow53_SurvivesTheRoundTripExactly()
    {
        await using var sut = await CreateSut();
        using var http = Client(sut);
        var id = await SendAsync(http, ValidText);

        using var response = await PostAsync(http, Status, $$"""{"message_id":{{id}}}""");
        var body = await response.Content.ReadAsStringAsync();

        // 2^53 + 1: a client that reads ids as double gets ...992 and asks for another message.
        Assert.Equal("9007199254740993", id);
        Assert.StartsWith("""{"message_id":9007199254740993,""", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveViber_IdAsString_IsAccepted()
    {
        await using var sut = await CreateSut();
        using var http = Client(sut);
        var id = await SendAsync(http, ValidText);

        using var response = await PostAsync(http, Status, $$"""{"message_id":"{{id}}"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        WireAssert.JsonEqual($$"""{"message_id":{{id}},"status":5}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(RecipientBehavior.NotViberUser, 4, 2)]
    [InlineData(RecipientBehavior.Expires, 4, 2)]
    [InlineData(RecipientBehavior.Unreachable, 4, 5)]
    public async Task ReceiveViber_ViberPlusSms_ReportsTheSmsFallbackAsSmppStates(RecipientBehavior behavior, int viber, int finalSms)
    {
        var clock = TestClock.Create();
        await using var sut = await CreateSut(o => o.TimeProvider = clock);
        sut.ScriptRecipient(Recipient, behavior);
        using var http = Client(sut);
        var id = await SendAsync(http, With(ValidText, o => o["text_sms"] = "SMS message content"));

        clock.Advance(TimeSpan.FromMilliseconds(100));
        var sent = await StatusAsync(http, id);
        clock.Advance(TimeSpan.FromMilliseconds(300));
        var smsAccepted = await StatusAsync(http, id);
        clock.Advance(TimeSpan.FromMilliseconds(300));
        var smsDone = await StatusAsync(http, id);

        WireAssert.JsonEqual($$"""{"message_id":{{id}},"status":0}""", sent);
        WireAssert.JsonEqual($$"""{"message_id":{{id}},"status":{{viber}},"sms_message_id":3098,"sms_message_status":6}""", smsAccepted);
        WireAssert.JsonEqual($$"""{"message_id":{{id}},"status":{{viber}},"sms_message_id":3098,"sms_message_status":{{finalSms}}}""", smsDone);
        Assert.Equal("SMS message content", Assert.Single(sut.AcceptedMessages(Provider)).SmsText);
    }

    [Theory]
    [InlineData(RecipientBehavior.NotViberUser, 4)]
    [InlineData(RecipientBehavior.BlocksSender, 4)]
    [InlineData(RecipientBehavior.DeviceNotSupported, 4)]
    [InlineData(RecipientBehavior.Blacklisted, 3)]
    public async Task ReceiveViber_FailedWithoutSms_EndsWithTheFailureInt(RecipientBehavior behavior, int expected)
    {
        var clock = TestClock.Create();
        await using var sut = await CreateSut(o => o.TimeProvider = clock);
        sut.ScriptRecipient(Recipient, behavior);
        using var http = Client(sut);
        var id = await SendAsync(http, ValidText);

        clock.Advance(TimeSpan.FromSeconds(5));
        var final = await StatusAsync(http, id);

        WireAssert.JsonEqual($$"""{"message_id":{{id}},"status":{{expected}}}""", final);
    }

    [Theory]
    [InlineData("""{"message_id":12345}""")]
    [InlineData("""{"message_id":"abc"}""")]
    [InlineData("""{}""")]
    [InlineData("""[]""")]
    public async Task ReceiveViber_UnknownOrMissingId_Answers400NamingMessageId(string body)
    {
        await using var sut = await CreateSut();
        using var http = Client(sut);

        using var response = await PostAsync(http, Status, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        WireAssert.JsonEqual(InvalidParameter("message_id"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReceiveViber_OlderThanFiveDays_Answers400NamingMessageId()
    {
        var clock = TestClock.Create();
        await using var sut = await CreateSut(o => o.TimeProvider = clock);
        using var http = Client(sut);
        var id = await SendAsync(http, ValidText);

        clock.Advance(TimeSpan.FromDays(5));
        using var lastDay = await PostAsync(http, Status, $$"""{"message_id":{{id}}}""");
        clock.Advance(TimeSpan.FromSeconds(1));
        using var tooOld = await PostAsync(http, Status, $$"""{"message_id":{{id}}}""");

        Assert.Equal(HttpStatusCode.OK, lastDay.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooOld.StatusCode);
        WireAssert.JsonEqual(InvalidParameter("message_id"), await tooOld.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReceiveViber_OverriddenStatus_AnswersItWithTheSmsState()
    {
        await using var sut = await CreateSut();
        using var http = Client(sut);
        var id = await SendAsync(http, ValidText);
        sut.Provider<DecisionTelecomEmulatorSettings>().OverrideStatus(id, 20, smsStatus: 7);

        var body = await StatusAsync(http, id);

        WireAssert.JsonEqual($$"""{"message_id":{{id}},"status":20,"sms_message_id":3098,"sms_message_status":7}""", body);
    }

    [Fact]
    public async Task ReceiveViber_WrongKey_Answers401()
    {
        await using var sut = await CreateSut();
        using var http = Client(sut, "d3Jvbmc=");

        using var response = await PostAsync(http, Status, """{"message_id":1}""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Callback_StatusChanges_ArePostedToTheCallbackUrl()
    {
        var clock = new TimerCountingTimeProvider();
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var sut = await CreateSut(o => o.TimeProvider = clock);
        using var http = Client(sut);
        var id = await SendAsync(http, With(ValidText, o => o["callback_url"] = receiver.Url.AbsoluteUri));

        clock.Advance(TimeSpan.FromMilliseconds(100));
        var sent = await receiver.NextAsync();
        clock.Advance(TimeSpan.FromMilliseconds(200));
        var delivered = await receiver.NextAsync();

        WireAssert.JsonEqual($$"""{"message_id":{{id}},"status":0}""", sent);
        WireAssert.JsonEqual($$"""{"message_id":{{id}},"status":1}""", delivered);
    }

    [Fact]
    public async Task Callback_BeforeTheSendIsAnswered_EveryStatusChangeIsArmedOnTheClock()
    {
        // A test advances its clock once the send is answered; a wait armed after that would run from the advanced time.
        var clock = new TimerCountingTimeProvider();
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var sut = await CreateSut(o => o.TimeProvider = clock);
        using var http = Client(sut);

        await SendAsync(http, With(ValidText, o => o["callback_url"] = receiver.Url.AbsoluteUri));

        // Sent, delivered, read, failed and SMS delivered: five distinct moments on the default timeline.
        Assert.Equal(5, clock.ArmedTimers);
    }

    [Fact]
    public async Task Callback_ViberPlusSms_PostsTheSmsStates()
    {
        var clock = new TimerCountingTimeProvider();
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var sut = await CreateSut(o => o.TimeProvider = clock);
        sut.ScriptRecipient(Recipient, RecipientBehavior.NotViberUser);
        using var http = Client(sut);
        var id = await SendAsync(http, With(ValidText, o =>
        {
            o["text_sms"] = "SMS";
            o["callback_url"] = receiver.Url.AbsoluteUri;
        }));

        clock.Advance(TimeSpan.FromMilliseconds(100));
        var sent = await receiver.NextAsync();
        clock.Advance(TimeSpan.FromMilliseconds(300));
        var failed = await receiver.NextAsync();
        clock.Advance(TimeSpan.FromMilliseconds(300));
        var smsDelivered = await receiver.NextAsync();

        WireAssert.JsonEqual($$"""{"message_id":{{id}},"status":0}""", sent);
        WireAssert.JsonEqual($$"""{"message_id":{{id}},"status":4,"sms_message_id":3098,"sms_message_status":6}""", failed);
        WireAssert.JsonEqual($$"""{"message_id":{{id}},"status":4,"sms_message_id":3098,"sms_message_status":2}""", smsDelivered);
    }

    [Fact]
    public async Task Callback_TwoWayMessage_PostsTheScriptedReplyWithTrackingData()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var sut = await CreateSut(o => o.Timeline.ReplyAfter = TimeSpan.FromMilliseconds(50));
        using var http = Client(sut);
        var id = await SendAsync(http, With(ValidText, o =>
        {
            o["message_type"] = 206;
            o["callback_url"] = receiver.Url.AbsoluteUri;
        }));

        string reply;
        do
        {
            reply = await receiver.NextAsync();
        }
        while (!reply.Contains("message_token", StringComparison.Ordinal));

        var json = JsonNode.Parse(reply)!;
        Assert.Equal("4444444444444444", json["message_token"]!.ToJsonString());
        Assert.Equal(Recipient, (string?)json["phone_number"]);
        Assert.Equal(sut.AcceptedMessages(Provider)[0].AcceptedAt.AddMilliseconds(50).ToUnixTimeSeconds(), (long)json["time"]!);
        Assert.Equal("Thanks, got it!", (string?)json["message"]!["text"]);
        Assert.Equal("tracking_id:" + id, (string?)json["message"]!["tracking_data"]);
        var chat = Assert.Single(sut.Chats(Provider));
        Assert.Equal(Recipient, chat.Recipient);
        Assert.Contains(chat.MessagesAt(DateTimeOffset.MaxValue), m => m.Incoming && m.InReplyTo == id);
    }

    [Fact]
    public async Task UnknownPath_Answers404InItsErrorShape()
    {
        await using var sut = await CreateSut();
        using var http = Client(sut);

        using var response = await PostAsync(http, "v1/api/send-sms", ValidText);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        WireAssert.JsonEqual("""{"name":"Not Found","message":"Page not found.","code":0,"status":404}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SendViber_WithGet_Answers405()
    {
        await using var sut = await CreateSut();
        using var http = Client(sut);

        using var response = await http.GetAsync(Send);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.Equal(405, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!);
    }

    private static Task<ViberEmulator> CreateSut(Action<ViberEmulatorOptions>? configure = null)
    {
        var options = new ViberEmulatorOptions();
        configure?.Invoke(options);
        return ViberEmulator.StartAsync(options);
    }

    private static HttpClient Client(ViberEmulator emulator, string? token = "")
    {
        var http = new HttpClient { BaseAddress = emulator.GetBaseAddress(Provider) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", token.Length == 0 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(Key)) : token);
        }

        return http;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string json)
        => http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<string> SendAsync(HttpClient http, string json)
    {
        using var response = await PostAsync(http, Send, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["message_id"]!.ToJsonString();
    }

    private static async Task<string> StatusAsync(HttpClient http, string id)
    {
        using var response = await PostAsync(http, Status, $$"""{"message_id":{{id}}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string With(string json, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private static string InvalidParameter(string parameter)
        => $$"""{"name":"Invalid Parameter: {{parameter}}","message":"Empty parameter or parameter validation error","code":1,"status":400}""";

}
