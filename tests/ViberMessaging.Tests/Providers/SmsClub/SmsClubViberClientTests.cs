using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.SmsClub;
using ViberMessaging.Testing;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Providers.SmsClub;

/// <summary>The SMS Club client over real HTTP against the emulator: every feature of the issue, every error code, no double sends.</summary>
public sealed class SmsClubViberClientTests
{
    private const string Token = "emulator-smsclub-token";
    private static readonly PhoneNumber Phone1 = PhoneNumber.Parse("380989361121");
    private static readonly PhoneNumber Phone2 = PhoneNumber.Parse("380989361126");

    /// <summary>The emulator's clock in the tests that poll: statuses and replies move only when a poll moves it.</summary>
    private readonly FakeTimeProvider _emulatorClock = TestClock.Create();

    [Fact]
    public async Task SendAsync_Text_AcceptsEachRecipientAndSendsTheExactDocumentedRequest()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Phone1, Phone2], Text = "Ваше замовлення відправлено" });

        Assert.Equal(2, result.AcceptedCount);
        Assert.True(result.IsFullyAccepted);
        Assert.Equal([Phone1, Phone2], result.Recipients.Select(r => r.Recipient));
        Assert.Equal(harness.Emulator.AcceptedMessages("SmsClub").Select(m => "SmsClub:" + m.Id), result.MessageIds.Select(id => id.ToString()));
        var request = Assert.Single(harness.Emulator.RequestsTo("SmsClub"));
        Assert.Equal(("POST", "/vibers/send"), (request.Method, request.Path));
        Assert.Equal("Bearer " + Token, request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        WireAssert.JsonEqual("""{"sender":"MyShop","phones":["380989361121","380989361126"],"message":"Ваше замовлення відправлено"}""", request.Body);
    }

    [Fact]
    public async Task SendAsync_BasicAuthentication_SendsLoginAndPassword()
    {
        await using var harness = await StartAsync(o => o.Authentication = SmsClubAuthentication.Basic);
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(Text(Phone1));

        Assert.True(result.IsFullyAccepted);
        var credentials = harness.Emulator.Options.Credentials;
        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials.SmsClubLogin + ":" + credentials.SmsClubPassword));
        Assert.Equal("Basic " + expected, Assert.Single(harness.Emulator.RequestsTo("SmsClub")).Headers["Authorization"]);
    }

    [Fact]
    public async Task SendAsync_ImageButtonAndLifetime_AreSentAndRecorded()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var message = Text(Phone1) with
        {
            ImageUrl = new Uri("https://img.example/promo.jpg"),
            Button = new ViberButton("Купити", new Uri("https://shop.example/sale")),
            TimeToLive = TimeSpan.FromMinutes(2),
        };

        var result = await sut.SendAsync(message);

        Assert.True(result.IsFullyAccepted);
        WireAssert.JsonEqual(
            """{"sender":"MyShop","phones":["380989361121"],"message":"Hello","lifetime":120,"picture_url":"https://img.example/promo.jpg","button_txt":"Купити","button_url":"https://shop.example/sale"}""",
            harness.Emulator.RequestsTo("SmsClub")[0].Body);
        var accepted = Assert.Single(harness.Emulator.AcceptedMessages("SmsClub"));
        Assert.Equal(("https://img.example/promo.jpg", "Купити"), (accepted.ImageUrl, accepted.ButtonCaption));
    }

    [Fact]
    public async Task SendAsync_ViberPlusSms_NotAViberUserIsDeliveredBySms()
    {
        await using var harness = await StartAsync(emulator: e => e.TimeProvider = _emulatorClock);
        harness.Emulator.ScriptRecipient(Phone2.Digits, RecipientBehavior.NotViberUser);
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(Text(Phone1, Phone2) with { SmsFallback = new SmsFallback("SMS: your order shipped") { Sender = "MyShop" } });
        var reports = await PollAsync(sut, _emulatorClock, result.MessageIds, r => r.All(x => x.IsFinal) && r[0].Status == DeliveryStatus.Read);

        Assert.Contains("\"senderSms\":\"MyShop\"", harness.Emulator.RequestsTo("SmsClub")[0].Body, StringComparison.Ordinal);
        Assert.Equal((DeliveryStatus.Read, DeliveryChannel.Viber), (reports[0].Status, reports[0].DeliveredVia!.Value));
        Assert.Null(reports[0].SmsStatus);
        Assert.Equal(DeliveryStatus.Undeliverable, reports[1].ViberStatus);
        Assert.Equal(DeliveryStatus.Delivered, reports[1].SmsStatus);
        Assert.Equal((DeliveryStatus.Delivered, DeliveryChannel.Sms), (reports[1].Status, reports[1].DeliveredVia!.Value));
        Assert.Equal(DeliveryFailureReason.NotViberUser, reports[1].FailureReason);
        Assert.Equal(("Undeliverable", "Delivered", "Not registered"), (reports[1].RawStatus, reports[1].RawSmsStatus, reports[1].ProviderErrorCode));
    }

    [Fact]
    public async Task SendAsync_ScheduleWindow_SendsTheUnixSecondsPairAndTheMessageWaits()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");
        var tomorrow = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), kyiv).Date.AddDays(1);
        var start = new DateTimeOffset(tomorrow.AddHours(10), kyiv.GetUtcOffset(tomorrow.AddHours(10)));
        var end = new DateTimeOffset(tomorrow.AddHours(12), kyiv.GetUtcOffset(tomorrow.AddHours(12)));

        var result = await sut.SendAsync(Text(Phone1) with { Schedule = new MessageSchedule(start) { SendUntil = end } });
        var report = Assert.Single(await sut.GetStatusesAsync(result.MessageIds));

        Assert.True(result.IsFullyAccepted);
        var body = harness.Emulator.RequestsTo("SmsClub")[0].Body;
        Assert.Contains($"\"mgr_plan_date\":{start.ToUnixTimeSeconds()}", body, StringComparison.Ordinal);
        Assert.Contains($"\"mgr_end_time\":{end.ToUnixTimeSeconds()}", body, StringComparison.Ordinal);
        Assert.Equal(start, harness.Emulator.AcceptedMessages("SmsClub")[0].ScheduledAt);
        Assert.Equal(DeliveryStatus.Pending, report.Status);
    }

    [Fact]
    public async Task SendAsync_ScheduleInThePast_IsRejectedBeforeAnyRequest()
    {
        // SMS Club sends a past plan date at once: the caller asked for later and would get now.
        var clock = TestClock.Create(); // 12:00 in Kyiv, inside the scheduling window
        await using var harness = await StartWithClockAsync(clock);
        var now = clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<ViberValidationException>(
            () => CreateSut(harness).SendAsync(Text(Phone1) with { Schedule = new MessageSchedule(now.AddHours(-1)) { SendUntil = now.AddHours(1) } }));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(("Schedule.SendAt", "Future"), (problem.Field, problem.Rule));
        Assert.Contains("past", problem.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Emulator.RequestsTo("SmsClub"));
    }

    [Fact]
    public async Task SendAsync_ScheduleWindowAlreadyOver_RejectsBothEnds()
    {
        var clock = TestClock.Create();
        await using var harness = await StartWithClockAsync(clock);
        var now = clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<ViberValidationException>(
            () => CreateSut(harness).SendAsync(Text(Phone1) with { Schedule = new MessageSchedule(now.AddHours(-2)) { SendUntil = now.AddHours(-1) } }));

        Assert.Equal(["Schedule.SendAt", "Schedule.SendUntil"], error.Errors.Where(e => e.Rule == "Future").Select(e => e.Field));
        Assert.Empty(harness.Emulator.RequestsTo("SmsClub"));
    }

    [Fact]
    public async Task SendAsync_ScheduleSecondsAgoWithinTheClockSkew_IsSent()
    {
        var clock = TestClock.Create();
        await using var harness = await StartWithClockAsync(clock);
        var now = clock.GetUtcNow();

        var result = await CreateSut(harness).SendAsync(Text(Phone1) with { Schedule = new MessageSchedule(now.AddSeconds(-30)) { SendUntil = now.AddHours(1) } });

        Assert.True(result.IsFullyAccepted);
    }

    [Fact]
    public async Task SendAsync_ScheduleClockSkewZero_RejectsAScheduleSecondsAgo()
    {
        var clock = TestClock.Create();
        await using var harness = await StartWithClockAsync(clock, o => o.ScheduleClockSkew = TimeSpan.Zero);
        var now = clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<ViberValidationException>(
            () => CreateSut(harness).SendAsync(Text(Phone1) with { Schedule = new MessageSchedule(now.AddSeconds(-5)) { SendUntil = now.AddHours(1) } }));

        Assert.Equal("Future", Assert.Single(error.Errors).Rule);
    }

    [Fact]
    public async Task TwoWay_OpenReadAndReplyInAChat_RoundTrips()
    {
        await using var harness = await StartAsync(emulator: e => e.TimeProvider = _emulatorClock);
        var sut = CreateSut(harness);

        var opened = await sut.SendAsync(Text(Phone1) with { Text = "Question?", TwoWay = TwoWayOptions.OpenChat });
        var chatId = Assert.Single(opened.Recipients).ChatId!;
        var chats = await ListAsync(sut.GetChatsAsync());
        var messages = await PollMessagesAsync(sut, _emulatorClock, chatId, count: 2);
        var reply = await sut.ReplyAsync(chatId, "Follow-up");
        var after = await ListAsync(sut.GetMessagesAsync(chatId));

        Assert.Contains("\"is_2way\":true", harness.Emulator.RequestsTo("SmsClub")[0].Body, StringComparison.Ordinal);
        var chat = Assert.Single(chats);
        Assert.Equal((chatId, Phone1), (chat.ChatId, chat.Recipient));
        Assert.NotNull(chat.CreatedAt);
        Assert.Equal([ChatMessageDirection.Outgoing, ChatMessageDirection.Incoming], messages.Select(m => m.Direction));
        Assert.Equal(["Question?", harness.Emulator.Options.AutoReplyText], messages.Select(m => m.Text));
        Assert.All(messages, m => Assert.Equal((chatId, Phone1), (m.ChatId, m.Phone)));
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv").GetUtcOffset(messages[0].Timestamp!.Value), messages[0].Timestamp!.Value.Offset);
        var replied = Assert.Single(reply.Recipients);
        Assert.Equal((RecipientStatus.Accepted, Phone1, chatId), (replied.Status, replied.Recipient, replied.ChatId));
        Assert.Contains(replied.MessageId!.Value.Value, ViberMessaging.Tests.Reliability.RawRepresentationTests.RawJson(reply.RawRepresentation), StringComparison.Ordinal);
        WireAssert.JsonEqual($$"""{"message":"Follow-up","is_2way":true,"chat_id":"{{chatId}}"}""", harness.Emulator.RequestsTo("SmsClub").Last(r => r.Path == "/vibers/send").Body);
        Assert.Equal(["Question?", harness.Emulator.Options.AutoReplyText, "Follow-up"], after.Select(m => m.Text));
    }

    [Fact]
    public async Task ReplyAsync_UnknownChat_ThrowsNotFoundWithTheProvidersKey()
    {
        await using var harness = await StartAsync();
        IViberChats sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.ReplyAsync("404", "Hello?"));

        Assert.Equal((ViberErrorCode.NotFound, "chat_id", HttpStatusCode.BadRequest), (error.ErrorCode, error.ProviderErrorCode, error.StatusCode));
        Assert.Empty(harness.Emulator.AcceptedMessages("SmsClub"));
    }

    [Fact]
    public async Task GetChatsAsync_ThirtyOneChats_ReadsTwoPagesOfThirty()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        await sut.SendAsync(Text(Phones(31)) with { TwoWay = TwoWayOptions.OpenChat });

        var chats = await ListAsync(sut.GetChatsAsync());

        Assert.Equal(31, chats.Select(c => c.ChatId).Distinct().Count());
        Assert.Equal(["?page=1", "?page=2"], harness.Emulator.RequestsTo("SmsClub").Where(r => r.Path == "/vibers/chats").Select(r => r.Query));
    }

    [Fact]
    public async Task GetMessagesAsync_UnknownChat_ThrowsNotFound()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => ListAsync(sut.GetMessagesAsync("404")));

        Assert.Equal(ViberErrorCode.NotFound, error.ErrorCode);
    }

    [Fact]
    public async Task SendAsync_1200Recipients_ThreePacedRequestsOfAtMost500MergedInOrder()
    {
        await using var harness = await StartAsync(o => o.Pacing.Burst = 1);
        var sut = CreateSut(harness);
        var phones = Phones(1200);

        var result = await sut.SendAsync(Text(phones));

        Assert.Equal(1200, result.AcceptedCount);
        Assert.Equal(phones, result.Recipients.Select(r => r.Recipient));
        Assert.Equal(1200, result.MessageIds.Distinct().Count());
        var sends = harness.Emulator.RequestsTo("SmsClub").OrderBy(r => r.ReceivedAt).ToArray();
        Assert.Equal(3, sends.Length);
        var sentPhones = sends.Select(s => System.Text.Json.Nodes.JsonNode.Parse(s.Body)!["phones"]!.AsArray().Select(p => (string)p!).ToArray()).ToArray();
        Assert.All(sentPhones, p => Assert.InRange(p.Length, 1, 500));
        Assert.Equal(phones.Select(p => p.Digits).Order(), sentPhones.SelectMany(p => p).Order());
        Assert.Equal(0, harness.Emulator.RateLimitedCount("SmsClub"));
        Assert.Equal(0, harness.Emulator.DuplicateCount("SmsClub"));
        Assert.True(sends[2].ReceivedAt - sends[0].ReceivedAt >= TimeSpan.FromMilliseconds(100), "With Burst = 1 the requests are spaced by the pacing gate.");
    }

    [Fact]
    public async Task GetStatusesAsync_1200IdsAndAnUnknownOne_ThreeRequestsOneReportPerIdInOrder()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var sent = await sut.SendAsync(Text(Phones(1200)));
        var ids = sent.MessageIds.Append(new MessageId("SmsClub", "999999999")).Prepend(sent.MessageIds.First()).ToArray();

        var reports = await sut.GetStatusesAsync(ids);

        Assert.Equal(ids, reports.Select(r => r.MessageId));
        Assert.All(reports.Take(1201), r => Assert.Null(r.Error));
        Assert.All(reports.Take(1201), r => Assert.NotEqual(DeliveryStatus.Unknown, r.ViberStatus));
        Assert.Equal((DeliveryStatus.Unknown, ViberErrorCode.NotFound), (reports[^1].Status, reports[^1].Error!.ErrorCode));
        var queries = harness.Emulator.RequestsTo("SmsClub").Where(r => r.Path == "/vibers/status").ToArray();
        Assert.Equal(3, queries.Length);
        Assert.All(queries, q => Assert.InRange(System.Text.Json.Nodes.JsonNode.Parse(q.Body)!["messageIds"]!.AsArray().Count, 1, 500));
        Assert.Equal(0, harness.Emulator.RateLimitedCount("SmsClub"));
    }

    [Fact]
    public async Task Pacing_TwentyConcurrentQueriesOnAColdClient_StayInsideTheNinePerSecondWindow()
    {
        // A cold client's first requests leave long after their permits (connection set-up, first-call JIT): the gate
        // counts each request from the moment its body was written. The margin covers only the lag between that moment
        // and the emulator's stamp, which on a loaded 2-core CI box reaches ~100 ms (the pacing harness measures the
        // default margin on a quiet machine).
        await using var harness = await StartAsync(o => o.Pacing.SafetyMargin = TimeSpan.FromMilliseconds(150));
        var sut = CreateSut(harness);
        var id = new MessageId("SmsClub", "1");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => sut.GetStatusesAsync([id])));

        var requests = harness.Emulator.RequestsTo("SmsClub").OrderBy(r => r.ReceivedAt).ToArray();
        Assert.Equal(20, requests.Length);
        Assert.All(requests, r => Assert.Equal(200, r.ResponseStatus));
        Assert.Equal(0, harness.Emulator.RateLimitedCount("SmsClub"));
        Assert.InRange(harness.Emulator.PeakRequestsInWindow("SmsClub"), 1, 9);
        for (var i = 0; i + 9 < requests.Length; i++)
        {
            Assert.True(requests[i + 9].ReceivedAt - requests[i].ReceivedAt >= TimeSpan.FromSeconds(1), $"Requests {i} and {i + 9} arrived within one second.");
        }
    }

    [Fact]
    public async Task SendAsync_ScriptedRecipients_RejectedPerRecipientAndNoneLost()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        PhoneNumber[] phones = [Phone1, PhoneNumber.Parse("380670000001"), PhoneNumber.Parse("380670000002"), PhoneNumber.Parse("380670000003"), PhoneNumber.Parse("380989361123111")];
        harness.Emulator.ScriptRecipient("380670000001", RecipientBehavior.InvalidNumber);
        harness.Emulator.ScriptRecipient("380670000002", RecipientBehavior.Blacklisted);
        harness.Emulator.ScriptRecipient("380670000003", RecipientBehavior.SilentlyDropped);

        var result = await sut.SendAsync(Text(phones));

        Assert.Equal(phones, result.Recipients.Select(r => r.Recipient));
        Assert.Equal(
            [RecipientStatus.Accepted, RecipientStatus.Rejected, RecipientStatus.Rejected, RecipientStatus.Rejected, RecipientStatus.Rejected],
            result.Recipients.Select(r => r.Status));
        Assert.Equal(
            [null, DeliveryFailureReason.InvalidNumber, DeliveryFailureReason.Blacklisted, DeliveryFailureReason.NotAccepted, DeliveryFailureReason.InvalidNumber],
            result.Recipients.Select(r => r.Reason));
        Assert.Equal([null, "incorrectPhones", "blackList", null, "incorrectPhones"], result.Recipients.Select(r => r.ProviderCode));
        Assert.Equal((1, 4), (result.AcceptedCount, result.RejectedCount));
    }

    [Fact]
    public async Task SendAsync_EveryRecipientBlacklisted_ThrowsInvalidRecipientsForThe200WithNoMessages()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        harness.Emulator.ScriptRecipient(Phone1.Digits, RecipientBehavior.Blacklisted);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(Text(Phone1)));

        Assert.Equal((ViberErrorCode.InvalidRecipients, SendOutcome.NotSent, HttpStatusCode.OK), (error.ErrorCode, error.Outcome, error.StatusCode));
        Assert.Contains("1 blacklisted", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string?, string?, string, int, ViberErrorCode, string> ProviderErrors => new()
    {
        { SmsClubEmulatorSettings.BlockedAccountSender, null, null, "Hello", 460, ViberErrorCode.AccountBlocked, "account" },
        { SmsClubEmulatorSettings.UnregisteredSender, null, null, "Hello", 461, ViberErrorCode.InvalidSender, "sender" },
        { "MyShop", null, null, "A CENSORED word", 462, ViberErrorCode.InvalidText, "text" },
        { SmsClubEmulatorSettings.NoMoneySender, null, null, "Hello", 464, ViberErrorCode.InsufficientFunds, "noMoney" },
        { SmsClubEmulatorSettings.SystemErrorSender, null, null, "Hello", 465, ViberErrorCode.ProviderUnavailable, "systemError" },
        { "MyShop", SmsClubEmulatorSettings.UnregisteredSmsSender, "SMS", "Hello", 466, ViberErrorCode.InvalidSender, "SMS" },
        { "MyShop", "MyShop", "A CENSORED SMS", "Hello", 467, ViberErrorCode.InvalidText, "SMS" },
        { "MyShop", SmsClubEmulatorSettings.NoMoneyForSmsSender, "SMS", "Hello", 468, ViberErrorCode.InsufficientFunds, "noMoney" },
    };

    [Theory]
    [MemberData(nameof(ProviderErrors))]
    public async Task SendAsync_ProviderRejectsTheSend_MapsTheDocumentedCodeAndKeepsTheKey(
        string sender, string? smsSender, string? smsText, string text, int status, ViberErrorCode code, string key)
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var message = Text(Phone1) with { Sender = sender, Text = text, SmsFallback = smsText is null ? null : new SmsFallback(smsText) { Sender = smsSender } };

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(message));

        Assert.Equal((code, key, (HttpStatusCode)status, SendOutcome.NotSent), (error.ErrorCode, error.ProviderErrorCode, error.StatusCode, error.Outcome));
        Assert.NotNull(error.ProviderMessage);
        Assert.Equal("SmsClub", error.ProviderName);
        Assert.Single(harness.Emulator.RequestsTo("SmsClub"));
        Assert.Empty(harness.Emulator.AcceptedMessages("SmsClub"));
    }

    [Fact]
    public async Task SendAsync_NoCorrectPhone_ThrowsInvalidRecipientsFor463()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(Text(PhoneNumber.Parse("380989361123111"))));

        Assert.Equal((ViberErrorCode.InvalidRecipients, "anyCorrectPhones", (HttpStatusCode)463), (error.ErrorCode, error.ProviderErrorCode, error.StatusCode));
    }

    [Fact]
    public async Task SendAsync_ButtonWithoutImage_ThrowsNamingTheGroupRuleBeforeAnyRequest()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.SendAsync(Text(Phone1) with { Button = new ViberButton("Open", new Uri("https://shop.example/")) }));

        Assert.Equal(("ImageUrl", "ButtonRequiresImage"), (error.Errors.Single().Field, error.Errors.Single().Rule));
        Assert.True(sut.Capabilities.ButtonRequiresImage);
        Assert.Empty(harness.Emulator.Requests);
    }

    [Fact]
    public async Task SendAsync_ImageTheProviderCannotLoad_ThrowsInvalidImageFor400()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var message = Text(Phone1) with
        {
            ImageUrl = new Uri("https://img.example/" + SmsClubEmulatorSettings.BrokenImageMarker + ".jpg"),
            Button = new ViberButton("Open", new Uri("https://shop.example/")),
        };

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(message));

        Assert.Equal((ViberErrorCode.InvalidImage, "upload_img", HttpStatusCode.BadRequest, "Failed to load image."), (error.ErrorCode, error.ProviderErrorCode, error.StatusCode, error.ProviderMessage));
    }

    [Fact]
    public async Task EveryOperation_WrongToken_ThrowsUnauthorizedFor401()
    {
        await using var harness = await StartAsync(configureServices: s => s.PostConfigureAll<SmsClubOptions>(o => o.Token = "wrong-token"));
        var sut = CreateSut(harness);

        var send = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(Text(Phone1)));
        var status = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.GetStatusesAsync([new MessageId("SmsClub", "1")]));
        var balance = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.GetBalanceAsync());
        var chats = await Assert.ThrowsAsync<ViberMessagingException>(() => ListAsync(sut.GetChatsAsync()));

        Assert.All([send, status, balance, chats], e => Assert.Equal((ViberErrorCode.Unauthorized, HttpStatusCode.Unauthorized, "Unauthorized"), (e.ErrorCode, e.StatusCode, e.ProviderErrorCode)));
        Assert.Equal(4, harness.Emulator.RequestsTo("SmsClub").Count);
    }

    [Fact]
    public async Task SendAsync_OneInjected429_WaitsOutThePauseAndSendsExactlyOnce()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        harness.Emulator.InjectFault("SmsClub", EmulatorFault.RateLimited());

        var result = await sut.SendAsync(Text(Phone1));

        Assert.True(result.IsFullyAccepted);
        Assert.Equal([429, 200], harness.Emulator.RequestsTo("SmsClub").Select(r => r.ResponseStatus));
        Assert.Single(harness.Emulator.AcceptedMessages("SmsClub"));
        Assert.Equal(0, harness.Emulator.DuplicateCount("SmsClub"));
    }

    [Fact]
    public async Task SendAsync_429AskingToWaitTooLong_ThrowsRateLimitedNotSent()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        harness.Emulator.InjectFault("SmsClub", EmulatorFault.RateLimited(TimeSpan.FromMinutes(2)));

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(Text(Phone1)));

        Assert.Equal((ViberErrorCode.RateLimited, SendOutcome.NotSent, HttpStatusCode.TooManyRequests), (error.ErrorCode, error.Outcome, error.StatusCode));
        Assert.Equal(TimeSpan.FromMinutes(2), error.RetryAfter);
        Assert.Equal("Rate limit exceeded.", error.ProviderMessage);
        Assert.Empty(harness.Emulator.AcceptedMessages("SmsClub"));
    }

    public static TheoryData<string> FaultsAfterAccept => new() { "ServerError", "Reset", "Malformed", "Empty", "Truncated" };

    [Theory]
    [MemberData(nameof(FaultsAfterAccept))]
    public async Task SendAsync_FaultAfterTheProviderAccepted_OutcomeUnknownAndNeverResent(string fault)
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        harness.Emulator.InjectFault("SmsClub", fault switch
        {
            "ServerError" => EmulatorFault.ServerErrorAfterAccept(),
            "Reset" => EmulatorFault.ResetAfterAccept(),
            "Malformed" => EmulatorFault.MalformedAfterAccept(),
            "Empty" => EmulatorFault.EmptyAfterAccept(),
            _ => EmulatorFault.TruncatedAfterAccept(),
        });

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(Text(Phone1)));

        Assert.Equal(ViberErrorCode.OutcomeUnknown, error.ErrorCode);
        Assert.NotEqual(SendOutcome.NotSent, error.Outcome);
        Assert.Single(harness.Emulator.RequestsTo("SmsClub"));
        Assert.Single(harness.Emulator.AcceptedMessages("SmsClub"));
        Assert.Equal(0, harness.Emulator.DuplicateCount("SmsClub"));
    }

    [Fact]
    public async Task GetStatusesAsync_ServerErrorOnce_IsRetriedAndAnswers()
    {
        await using var harness = await StartAsync(o => o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(10));
        var sut = CreateSut(harness);
        var sent = await sut.SendAsync(Text(Phone1));
        harness.Emulator.InjectFault("SmsClub", EmulatorFault.ServerError(), pathContains: "status");

        var report = Assert.Single(await sut.GetStatusesAsync(sent.MessageIds));

        Assert.Null(report.Error);
        Assert.Equal([500, 200], harness.Emulator.RequestsTo("SmsClub").Where(r => r.Path == "/vibers/status").Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task GetStatusesAsync_ReadingRecipient_ProgressesToRead()
    {
        await using var harness = await StartAsync(emulator: e => e.TimeProvider = _emulatorClock);
        var sut = CreateSut(harness);
        var sent = await sut.SendAsync(Text(Phone1));

        var report = Assert.Single(await PollAsync(sut, _emulatorClock, sent.MessageIds, r => r[0].Status == DeliveryStatus.Read));

        Assert.Equal((DeliveryStatus.Read, "Delivered", DeliveryChannel.Viber), (report.ViberStatus, report.RawStatus, report.DeliveredVia!.Value));
    }

    [Fact]
    public async Task GetStatusesAsync_IdOfAnotherProvider_ThrowsValidationBeforeAnyRequest()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.GetStatusesAsync([new MessageId("Devino", "1")]));

        Assert.Equal("Provider", Assert.Single(error.Errors).Rule);
        Assert.Empty(harness.Emulator.RequestsTo("SmsClub"));
    }

    [Fact]
    public async Task SendAsync_InvalidMessage_ThrowsEveryProblemBeforeAnyRequest()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.SendAsync(new ViberMessage { Recipients = [Phone1, Phone2], Text = "x", TimeToLive = TimeSpan.FromSeconds(60) }));

        Assert.Equal(["Sender:Required", "TimeToLive:Range"], error.Errors.Select(e => $"{e.Field}:{e.Rule}"));
        Assert.Empty(harness.Emulator.RequestsTo("SmsClub"));
    }

    [Fact]
    public async Task GetBalanceAsync_Account_ReadsTheExactAmountAndCurrency()
    {
        await using var harness = await StartAsync();
        IBalanceQuery sut = harness.Services.GetRequiredKeyedService<IBalanceQuery>("SmsClub");

        var balance = await sut.GetBalanceAsync();

        Assert.Equal(new AccountBalance(8111.1700m, "UAH"), balance);
        Assert.Equal("8111.1700", balance.Amount.ToString(CultureInfo.InvariantCulture));
        var request = Assert.Single(harness.Emulator.RequestsTo("SmsClub"));
        Assert.Equal(("POST", "/sms/balance", "Bearer " + Token), (request.Method, request.Path, request.Headers["Authorization"]));
    }

    [Fact]
    public async Task GetSenderNamesAsync_Account_ListsTheRegisteredNames()
    {
        await using var harness = await StartAsync();
        var sut = harness.Services.GetRequiredKeyedService<ISmsClubAccount>("SmsClub");

        var names = await sut.GetSenderNamesAsync();

        Assert.Equal(harness.Emulator.Provider<SmsClubEmulatorSettings>().RegisteredSenders, names);
        Assert.Equal(("GET", "/vibers/originator"), (harness.Emulator.RequestsTo("SmsClub")[0].Method, harness.Emulator.RequestsTo("SmsClub")[0].Path));
    }

    [Fact]
    public async Task SendAsync_SecondAccountName_PrefixesItsMessageIds()
    {
        await using var harness = await EmulatorHarness.StartAsync(b => b.AddSmsClub("SmsClubMarketing"));
        var sut = harness.Sender("SmsClubMarketing");

        var result = await sut.SendAsync(Text(Phone1));

        Assert.Equal("SmsClubMarketing", Assert.Single(result.MessageIds).Provider);
        Assert.Equal("SmsClubMarketing", result.ProviderName);
    }

    [Fact]
    public async Task Logs_AfterSendsAndFailures_NeverContainTheToken()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        harness.Emulator.InjectFault("SmsClub", EmulatorFault.ServerErrorAfterAccept());

        await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(Text(Phone1)));
        await sut.SendAsync(Text(Phone2));

        Assert.NotEmpty(harness.Logs.Collector.GetSnapshot());
        Assert.DoesNotContain(harness.Logs.Collector.GetSnapshot(), r => r.Message.Contains(Token, StringComparison.Ordinal) || (r.Exception?.ToString().Contains(Token, StringComparison.Ordinal) ?? false));
    }

    private static Task<EmulatorHarness> StartAsync(Action<SmsClubOptions>? configure = null, Action<IServiceCollection>? configureServices = null, Action<ViberEmulatorOptions>? emulator = null)
        => EmulatorHarness.StartAsync(b => b.AddSmsClub(configure), emulator, configureServices);

    /// <summary>The SDK and the emulator on one manual clock (nothing here waits on it).</summary>
    private static Task<EmulatorHarness> StartWithClockAsync(FakeTimeProvider clock, Action<SmsClubOptions>? configure = null)
        => EmulatorHarness.StartAsync(b => b.AddSmsClub(configure), e => e.TimeProvider = clock, s => s.AddSingleton<TimeProvider>(clock));

    private static SmsClubViberClient CreateSut(EmulatorHarness harness) => harness.Services.GetRequiredKeyedService<SmsClubViberClient>("SmsClub");

    private static MessageDraft Text(params PhoneNumber[] phones) => new(phones);

    private static PhoneNumber[] Phones(int count) => Enumerable.Range(0, count).Select(i => PhoneNumber.Parse((380670000000L + i).ToString(CultureInfo.InvariantCulture))).ToArray();

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>
    /// Asks until <paramref name="done"/> (50 times at most), moving the emulator's clock a second between asks: no real
    /// waiting, and the emulator's rate window (9 a second, on the same clock) slides as the polls go.
    /// </summary>
    private static async Task<IReadOnlyList<DeliveryReport>> PollAsync(IStatusQuery sut, FakeTimeProvider emulatorClock, IEnumerable<MessageId> ids, Func<IReadOnlyList<DeliveryReport>, bool> done)
    {
        IReadOnlyList<DeliveryReport> reports = [];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            reports = await sut.GetStatusesAsync(ids);
            if (done(reports))
            {
                break;
            }

            emulatorClock.Advance(TimeSpan.FromSeconds(1));
        }

        return reports;
    }

    /// <summary>Reads the chat until it holds <paramref name="count"/> messages (50 reads at most), moving the emulator's clock a second between reads.</summary>
    private static async Task<List<ChatMessage>> PollMessagesAsync(IViberChats sut, FakeTimeProvider emulatorClock, string chatId, int count)
    {
        var messages = new List<ChatMessage>();
        for (var attempt = 0; attempt < 50 && messages.Count < count; attempt++)
        {
            if (attempt > 0)
            {
                emulatorClock.Advance(TimeSpan.FromSeconds(1));
            }

            messages = await ListAsync(sut.GetMessagesAsync(chatId));
        }

        return messages;
    }

    /// <summary>A valid one-way text to vary with <c>with</c>.</summary>
    private sealed record MessageDraft(PhoneNumber[] Phones)
    {
        public string Sender { get; init; } = "MyShop";

        public string Text { get; init; } = "Hello";

        public Uri? ImageUrl { get; init; }

        public ViberButton? Button { get; init; }

        public TimeSpan? TimeToLive { get; init; }

        public SmsFallback? SmsFallback { get; init; }

        public MessageSchedule? Schedule { get; init; }

        public TwoWayOptions? TwoWay { get; init; }

        public static implicit operator ViberMessage(MessageDraft draft) => new()
        {
            Sender = draft.Sender,
            Recipients = draft.Phones,
            Text = draft.Text,
            ImageUrl = draft.ImageUrl,
            Button = draft.Button,
            TimeToLive = draft.TimeToLive,
            SmsFallback = draft.SmsFallback,
            Schedule = draft.Schedule,
            TwoWay = draft.TwoWay,
        };
    }
}
