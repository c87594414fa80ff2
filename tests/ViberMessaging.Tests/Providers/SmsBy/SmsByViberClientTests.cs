using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.SmsBy;
using ViberMessaging.Testing;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Providers.SmsBy;

/// <summary>The SMS.by adapter over real HTTP against the emulator: the recorded requests and the results.</summary>
public sealed class SmsByViberClientTests
{
    private const string Token = "emulator-smsby-token";
    private static readonly PhoneNumber Recipient = PhoneNumber.Parse("+375291234567");

    /// <summary>The emulator's clock in the tests that poll: statuses and replies move only when a poll moves it.</summary>
    private readonly FakeTimeProvider _emulatorClock = TestClock.Create();

    [Fact]
    public async Task SendAsync_OneRecipient_PostsTheQuickFormAndReturnsAQuickId()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Hello" });

        var request = Assert.Single(harness.Emulator.RequestsTo(ViberProviders.SmsBy));
        Assert.Equal(("POST", "/api/v2/sendQuickViberMessage", string.Empty), (request.Method, request.Path, request.Query));
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal($"token={Token}&vibername_id=101&phone=375291234567&type_message=TEXT&message=Hello", request.Body);
        var accepted = Assert.Single(result.Recipients);
        Assert.Equal((RecipientStatus.Accepted, "SmsBy:quick:8484", Recipient), (accepted.Status, accepted.MessageId.ToString(), accepted.Recipient));
        Assert.Equal("375291234567", Assert.Single(harness.Emulator.AcceptedMessages(ViberProviders.SmsBy)).Recipient);
    }

    [Fact]
    public async Task SendAsync_ThousandRecipients_IsOneBulkRequestAndTheirStatusesOneRequestPerPoll()
    {
        await using var harness = await StartAsync(emulator: e => e.TimeProvider = _emulatorClock);
        var sut = CreateSut(harness);
        var recipients = Enumerable.Range(0, 1000).Select(i => PhoneNumber.Parse(string.Create(CultureInfo.InvariantCulture, $"37529{1_000_000 + i}"))).ToArray();

        var result = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = recipients, Text = "Sale", ClientReference = "sale-1" });
        var (reports, polls) = await PollAsync(sut, _emulatorClock, result.MessageIds, r => r.Status == DeliveryStatus.Read);

        var send = Assert.Single(harness.Emulator.RequestsTo(ViberProviders.SmsBy), r => r.Path == "/api/v1/sendBulkViber");
        var body = JsonNode.Parse(send.Body)!;
        Assert.Equal((Token, "sale-1", "bulk", "101"), (body["token"]!.GetValue<string>(), body["messages"]![0]!["name"]!.GetValue<string>(), body["messages"]![0]!["message_type"]!.GetValue<string>(), body["messages"]![0]!["alphaname_id"]!.GetValue<string>()));
        Assert.Equal(1000, body["messages"]![0]!["delivery_list"]!.AsArray().Count);
        Assert.Equal(1000, result.AcceptedCount);
        var uuid = Assert.Single(result.BatchIds);
        Assert.Equal(recipients.Select(r => $"SmsBy:bulk:{uuid}:{r.Digits}"), result.MessageIds.Select(id => id.ToString()));
        Assert.All(reports, r => Assert.Equal((DeliveryStatus.Read, "READ"), (r.Status, r.RawStatus)));
        Assert.Equal(recipients, reports.Select(r => r.Recipient));
        Assert.Equal(1 + polls, harness.Emulator.RequestsTo(ViberProviders.SmsBy).Count(r => r.Path == "/api/v1/statusBulkViber")); // one read right after the send
        Assert.Equal(0, harness.Emulator.DuplicateCount(ViberProviders.SmsBy));
    }

    [Fact]
    public async Task SendAsync_MoreRecipientsThanTheBulkChunk_SplitsIntoRequestsAndQueriesEachOnce()
    {
        await using var harness = await StartAsync(o => o.MaxRecipientsPerBulkRequest = 2);
        var sut = CreateSut(harness);
        var recipients = Enumerable.Range(1, 5).Select(i => PhoneNumber.Parse("37529100000" + i)).ToArray();

        var result = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = recipients, Text = "Sale" });
        var reports = await sut.GetStatusesAsync(result.MessageIds);

        Assert.Equal(3, harness.Emulator.RequestsTo(ViberProviders.SmsBy).Count(r => r.Path == "/api/v1/sendBulkViber"));
        Assert.Equal(3, result.BatchIds.Distinct().Count());
        Assert.Equal(5, result.AcceptedCount);
        Assert.Equal(3 + 3, harness.Emulator.RequestsTo(ViberProviders.SmsBy).Count(r => r.Path == "/api/v1/statusBulkViber")); // after each send, then once per uuid
        Assert.All(reports, r => Assert.NotEqual(DeliveryStatus.Unknown, r.ViberStatus));
    }

    [Fact]
    public async Task SendAsync_ScheduleInThePast_IsRejectedBeforeAnyRequest()
    {
        // SMS.by sends a past schedule_time at once.
        var clock = TestClock.Create();
        await using var harness = await StartAsync(emulator: e => e.TimeProvider = clock, services: s => s.AddSingleton<TimeProvider>(clock));

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => CreateSut(harness).SendAsync(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [Recipient, PhoneNumber.Parse("375292222222")],
            Text = "Later",
            Schedule = new MessageSchedule(clock.GetUtcNow().AddMinutes(-5)),
        }));

        Assert.Equal(("Schedule.SendAt", "Future"), (Assert.Single(error.Errors).Field, error.Errors[0].Rule));
        Assert.Empty(harness.Emulator.RequestsTo(ViberProviders.SmsBy));
    }

    [Fact]
    public async Task SendMailingsAsync_SendAtInThePast_IsRejectedBeforeAnyRequest()
    {
        var clock = TestClock.Create();
        await using var harness = await StartAsync(emulator: e => e.TimeProvider = clock, services: s => s.AddSingleton<TimeProvider>(clock));

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => CreateSut(harness).SendMailingsAsync(
            [new SmsByBulkMailing { Name = "news", Sender = "MyShop", Text = "News", Recipients = [Recipient], SendAt = clock.GetUtcNow().AddDays(-1) }]));

        Assert.Equal(("mailings[0].SendAt", "Future"), (Assert.Single(error.Errors).Field, error.Errors[0].Rule));
        Assert.Empty(harness.Emulator.RequestsTo(ViberProviders.SmsBy));
    }

    [Fact]
    public async Task PrepareListMailingAsync_SendAtInThePast_IsRejectedBeforeAnyRequest()
    {
        var clock = TestClock.Create();
        await using var harness = await StartAsync(emulator: e => e.TimeProvider = clock, services: s => s.AddSingleton<TimeProvider>(clock));

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => CreateSut(harness).PrepareListMailingAsync(
            new SmsByListMailing { ListId = 1, Name = "January", Sender = "MyShop", Text = "Sale", SendAt = clock.GetUtcNow().AddHours(-3) }));

        Assert.Equal(("SendAt", "Future"), (Assert.Single(error.Errors).Field, error.Errors[0].Rule));
        Assert.Empty(harness.Emulator.RequestsTo(ViberProviders.SmsBy));
    }

    [Fact]
    public async Task SendAsync_ScheduleAndCallback_GoIntoTheBulkRequestInMinskTime()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        await sut.SendAsync(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [Recipient],
            Text = "Later",
            Schedule = new MessageSchedule(new DateTimeOffset(2030, 5, 1, 7, 0, 0, TimeSpan.Zero)),
            CallbackUrl = new Uri(harness.Emulator.GetBaseAddress(ViberProviders.SmsBy), "hook"),
        });

        var body = JsonNode.Parse(Assert.Single(harness.Emulator.RequestsTo(ViberProviders.SmsBy), r => r.Path == "/api/v1/sendBulkViber").Body)!;
        Assert.Equal("2030-05-01T10:00:00", body["messages"]![0]!["schedule_time"]!.GetValue<string>());
        Assert.EndsWith("/smsby/hook", body["callback_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2030, 5, 1, 7, 0, 0, TimeSpan.Zero), Assert.Single(harness.Emulator.AcceptedMessages(ViberProviders.SmsBy)).ScheduledAt);
    }

    [Fact]
    public async Task SendAsync_SmsFallbackToSeveral_SendsAQuickMessageEachWithForwarding()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        PhoneNumber[] recipients = [Recipient, PhoneNumber.Parse("375292222222")];

        var result = await sut.SendAsync(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = recipients,
            Text = "Your code is 1234",
            SmsFallback = new SmsFallback("Your code is 1234") { Sender = "MyShopSms", TimeToLive = TimeSpan.FromMinutes(10) },
        });

        var sends = harness.Emulator.RequestsTo(ViberProviders.SmsBy);
        Assert.Equal(2, sends.Count);
        Assert.All(sends, r => Assert.EndsWith("&forwarding_message=1&forwarding_time=10&alphaname_id=444", r.Body, StringComparison.Ordinal));
        Assert.All(harness.Emulator.AcceptedMessages(ViberProviders.SmsBy), m => Assert.True(m.HasSmsFallback));
        Assert.All(result.MessageIds, id => Assert.StartsWith("quick:", id.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_ScriptedRefusals_AreRejectedPerRecipientAndTheRestSent()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        harness.Emulator.ScriptRecipient("375292222222", RecipientBehavior.InvalidNumber);
        harness.Emulator.ScriptRecipient("375293333333", RecipientBehavior.Blacklisted);
        PhoneNumber[] recipients = [Recipient, PhoneNumber.Parse("375292222222"), PhoneNumber.Parse("375293333333")];

        var result = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = recipients, Text = "Hi", TwoWay = TwoWayOptions.OpenChat });

        Assert.Equal(
            [(RecipientStatus.Accepted, null, null), (RecipientStatus.Rejected, DeliveryFailureReason.InvalidNumber, "Invalid phone number"), (RecipientStatus.Rejected, DeliveryFailureReason.Blacklisted, "Phone number is in the black list")],
            result.Recipients.Select(r => (r.Status, r.Reason, r.ProviderCode)));
        Assert.Equal("8484:375291234567", result.Recipients[0].ChatId);
    }

    [Fact]
    public async Task SendAsync_InvalidMessage_ReportsEveryProblemAndSendsNothing()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.SendAsync(new ViberMessage
        {
            Sender = "Unmapped",
            Recipients = [Recipient],
            Text = "Hi",
            Button = new ViberButton("Go", new Uri("https://example.com/" + new string('a', 140))),
        }));

        Assert.Equal(["Sender", "Button.Url"], error.Errors.Select(e => e.Field));
        Assert.Empty(harness.Emulator.Requests);
    }

    [Fact]
    public async Task SendAsync_ServerErrorAfterAccept_IsOutcomeUnknownAndNeverResent()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        harness.Emulator.InjectFault(ViberProviders.SmsBy, EmulatorFault.ServerErrorAfterAccept());

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Hi" }));

        Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown, HttpStatusCode.InternalServerError), (error.ErrorCode, error.Outcome, error.StatusCode!.Value));
        Assert.Single(harness.Emulator.RequestsTo(ViberProviders.SmsBy));
        Assert.Single(harness.Emulator.AcceptedMessages(ViberProviders.SmsBy));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SendAsync_UnreadableAnswerAfterAccept_IsOutcomeUnknownAndNeverResent(bool empty)
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        harness.Emulator.InjectFault(ViberProviders.SmsBy, empty ? EmulatorFault.EmptyAfterAccept() : EmulatorFault.MalformedAfterAccept());

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient, PhoneNumber.Parse("375292222222")], Text = "Hi" }));

        Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Accepted), (error.ErrorCode, error.Outcome));
        Assert.Single(harness.Emulator.RequestsTo(ViberProviders.SmsBy));
        Assert.Equal(2, harness.Emulator.AcceptedMessages(ViberProviders.SmsBy).Count);
    }

    [Fact]
    public async Task SendAsync_RateLimited429_PausesAndRetriesTheUnprocessedRequest()
    {
        await using var harness = await StartAsync(o => o.Pacing.RateLimitedPause = TimeSpan.FromMilliseconds(50));
        var sut = CreateSut(harness);
        harness.Emulator.InjectFault(ViberProviders.SmsBy, EmulatorFault.RateLimited());

        var result = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Hi" });

        Assert.Equal([429, 200], harness.Emulator.RequestsTo(ViberProviders.SmsBy).Select(r => r.ResponseStatus));
        Assert.True(result.IsFullyAccepted);
        Assert.Single(harness.Emulator.AcceptedMessages(ViberProviders.SmsBy));
    }

    [Fact]
    public async Task SendAsync_WrongToken_FailsUnauthorizedWithSmsBysWordsAndNoToken()
    {
        await using var harness = await StartAsync(services: s => s.PostConfigure<SmsByOptions>(ViberProviders.SmsBy, o => o.Token = "wrong-token-value"));
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Hi" }));

        Assert.Equal((ViberErrorCode.Unauthorized, HttpStatusCode.Forbidden, "Access denied", SendOutcome.NotSent), (error.ErrorCode, error.StatusCode!.Value, error.ProviderMessage, error.Outcome));
        Assert.DoesNotContain("wrong-token-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryMethod_TheToken_GoesWhereTheDocumentsTablePutsItAndIntoNoLogLine()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var sent = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient, PhoneNumber.Parse("375292222222")], Text = "Hi" });
        var quick = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Hi again" });
        await sut.GetStatusesAsync([.. sent.MessageIds, .. quick.MessageIds]);
        await foreach (var mailing in sut.GetMailingsAsync())
        {
            await sut.GetMailingAsync(mailing.MailingId);
        }

        var prepared = await sut.PrepareListMailingAsync(new SmsByListMailing { ListId = 2, Sender = "MyShop", Text = "Sale" });
        await sut.ConfirmMailingAsync(prepared.MailingId);
        await sut.GetMailingDeliveriesAsync(prepared.MailingId);
        await sut.GetNewIncomingMessagesAsync(prepared.MailingId);
        await sut.MarkIncomingMessagesReadAsync(["1234"]);

        // The parameter tables: token "query" for these five methods (and uuid for statusBulkViber), "formData" elsewhere.
        string[] inQuery = ["/api/v1/sendBulkViber", "/api/v1/statusBulkViber", "/api/v2/confirmViberMessage", "/api/v2/getViberMessages", "/api/v2/getViberMessageData"];
        var requests = harness.Emulator.RequestsTo(ViberProviders.SmsBy);
        Assert.Equal(11, requests.Select(r => r.Path).Distinct().Count());
        Assert.All(requests, r =>
        {
            var query = r.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
            if (inQuery.Contains(r.Path))
            {
                Assert.Equal("token=" + Token, query[0]);
                Assert.Equal(r.Path == "/api/v1/statusBulkViber" ? 2 : 1, query.Length);
                Assert.True(r.Path != "/api/v1/statusBulkViber" || query[1].StartsWith("uuid=", StringComparison.Ordinal));
                Assert.True(r.Path.StartsWith("/api/v1/", StringComparison.Ordinal) == r.Body.Contains(Token, StringComparison.Ordinal), $"{r.Path}: the token is in the JSON body of the bulk methods only");
            }
            else
            {
                Assert.Empty(query);
                Assert.StartsWith("token=" + Token + "&", r.Body, StringComparison.Ordinal);
            }
        });
        Assert.NotEmpty(harness.Logs.Collector.GetSnapshot());
        Assert.DoesNotContain(harness.Logs.Collector.GetSnapshot(), r => r.Message.Contains(Token, StringComparison.Ordinal) || (r.Exception?.ToString().Contains(Token, StringComparison.Ordinal) ?? false));
    }

    [Fact]
    public async Task GetStatusesAsync_QuickMessage_ProgressesToRead()
    {
        await using var harness = await StartAsync(emulator: e => e.TimeProvider = _emulatorClock);
        var sut = CreateSut(harness);
        var sent = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Hi" });

        var (reports, polls) = await PollAsync(sut, _emulatorClock, sent.MessageIds, r => r.Status == DeliveryStatus.Read);

        var report = Assert.Single(reports);
        Assert.Equal((DeliveryStatus.Read, "READ", Recipient, DeliveryChannel.Viber), (report.Status, report.RawStatus, report.Recipient, report.DeliveredVia!.Value));
        Assert.Equal(polls, harness.Emulator.RequestsTo(ViberProviders.SmsBy).Count(r => r.Path == "/api/v2/getViberDeliveryData"));
        Assert.Equal($"token={Token}&message_id=8484", harness.Emulator.RequestsTo(ViberProviders.SmsBy).Last().Body);
    }

    [Fact]
    public async Task GetStatusesAsync_NotAViberUser_IsUndeliverableWithTheRawErrorCode()
    {
        await using var harness = await StartAsync(emulator: e => e.TimeProvider = _emulatorClock);
        var sut = CreateSut(harness);
        harness.Emulator.ScriptRecipient(Recipient.Digits, RecipientBehavior.NotViberUser);
        var sent = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Hi" });

        var (reports, _) = await PollAsync(sut, _emulatorClock, sent.MessageIds, r => r.IsFinal);

        Assert.Equal((DeliveryStatus.Undeliverable, "UNDELIVERED", "1", DeliveryFailureReason.Other), (reports[0].Status, reports[0].RawStatus, reports[0].ProviderErrorCode, reports[0].FailureReason));
    }

    [Fact]
    public async Task GetStatusesAsync_KnownAndUnknownIdsOfEveryKind_AnswersEachInOrderWithoutThrowing()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var quick = (await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Hi" })).MessageIds.Single();
        var bulk = (await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient, PhoneNumber.Parse("375292222222")], Text = "Hi" })).MessageIds.ToArray();
        var sentRequests = harness.Emulator.RequestsTo(ViberProviders.SmsBy).Count;
        MessageId[] asked =
        [
            bulk[1],
            new("SmsBy", "quick:999999"),
            quick,
            new("SmsBy", "bulk:00000000-0000-0000-0000-000000000000:375291234567"),
            new("SmsBy", "mailing:8484:375299999999"),
            bulk[0],
            quick,
        ];

        var reports = await sut.GetStatusesAsync(asked);

        Assert.Equal(asked, reports.Select(r => r.MessageId));
        Assert.Equal([false, true, false, true, true, false, false], reports.Select(r => r.ViberStatus == DeliveryStatus.Unknown));
        Assert.All(reports.Where(r => r.ViberStatus == DeliveryStatus.Unknown), r => Assert.Equal(ViberErrorCode.NotFound, r.Error!.ErrorCode));
        Assert.Single(harness.Emulator.RequestsTo(ViberProviders.SmsBy).Skip(sentRequests), r => r.Path == "/api/v1/statusBulkViber" && r.Query.Contains("uuid=" + bulk[0].Value.Split(':')[1], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("UNDELIVERED", DeliveryStatus.Undeliverable, DeliveryFailureReason.None)]
    [InlineData("EXPIRED", DeliveryStatus.Expired, DeliveryFailureReason.Expired)]
    [InlineData("expired", DeliveryStatus.Expired, DeliveryFailureReason.Expired)]
    [InlineData("REJECTED", DeliveryStatus.Rejected, DeliveryFailureReason.None)]
    [InlineData("ERROR", DeliveryStatus.Failed, DeliveryFailureReason.None)]
    [InlineData("failed", DeliveryStatus.Failed, DeliveryFailureReason.None)]
    [InlineData("CANCELLED", DeliveryStatus.Cancelled, DeliveryFailureReason.None)]
    [InlineData("cancelled", DeliveryStatus.Cancelled, DeliveryFailureReason.None)]
    public async Task GetStatusesAsync_FailureWordBeyondTheDocument_IsTheMatchingFinalStatusWithTheRawWord(string word, DeliveryStatus expected, DeliveryFailureReason reason)
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var quick = (await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Hi" })).MessageIds.Single();
        var bulk = (await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient, PhoneNumber.Parse("375292222222")], Text = "Hi" })).MessageIds.First();
        harness.Emulator.Provider<SmsByEmulatorSettings>().OverrideStatus(Recipient.ToString(), word);

        var reports = await sut.GetStatusesAsync([quick, bulk]);

        Assert.All(reports, r => Assert.Equal((expected, word, true, reason), (r.Status, r.RawStatus, r.IsFinal, r.FailureReason)));
        Assert.DoesNotContain(harness.Logs.Collector.GetSnapshot(), r => r.Id.Id == 20);
    }

    [Fact]
    public async Task GetStatusesAsync_WordNeverSeen_IsUnknownNotFinalRawKeptAndLoggedOnceAtWarning()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var quick = (await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Hi" })).MessageIds.Single();
        var bulk = (await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient, PhoneNumber.Parse("375292222222")], Text = "Hi" })).MessageIds.First();
        harness.Emulator.Provider<SmsByEmulatorSettings>().OverrideStatus(Recipient.ToString(), "MODERATION");

        var first = await sut.GetStatusesAsync([quick, bulk]);
        var second = await sut.GetStatusesAsync([quick, bulk]);

        Assert.All(first.Concat(second), r => Assert.Equal((DeliveryStatus.Unknown, "MODERATION", false, null), (r.Status, r.RawStatus, r.IsFinal, r.Error)));
        var logged = Assert.Single(harness.Logs.Collector.GetSnapshot(), r => r.Id.Id == 20);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, logged.Level);
        Assert.Contains("'MODERATION'", logged.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(404)]
    public async Task GetStatusesAsync_IdTheGatewayDoesNotKnow_IsAnUnknownReportWithAnErrorAloneOrAmongOthersAtAnyHttpStatus(int notFoundStatus)
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var known = (await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Hi" })).MessageIds.Single();
        harness.Emulator.Provider<SmsByEmulatorSettings>().NotFoundStatus = (HttpStatusCode)notFoundStatus;
        MessageId[] unknown = [new("SmsBy", "quick:999999"), new("SmsBy", "bulk:00000000-0000-0000-0000-000000000000:375291234567"), new("SmsBy", "mailing:999999:375291234567")];

        foreach (var id in unknown)
        {
            var alone = Assert.Single(await sut.GetStatusesAsync([id]));
            var among = await sut.GetStatusesAsync([known, id]);

            foreach (var report in new[] { alone, among[1] })
            {
                Assert.Equal((id, DeliveryStatus.Unknown, ViberErrorCode.NotFound, "not found"), (report.MessageId, report.ViberStatus, report.Error!.ErrorCode, report.Error.ProviderMessage));
                Assert.Equal((HttpStatusCode)notFoundStatus, report.Error.StatusCode);
            }

            Assert.NotEqual(DeliveryStatus.Unknown, among[0].ViberStatus);
        }
    }

    [Fact]
    public async Task GetStatusesAsync_QuickIdOfAListMailing_IsUnavailableFromSmsBysBareNull()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var prepared = await sut.PrepareListMailingAsync(new SmsByListMailing { ListId = 2, Sender = "MyShop", Text = "Sale" });
        var id = new MessageId("SmsBy", "quick:" + prepared.MailingId.ToString(CultureInfo.InvariantCulture));

        var report = Assert.Single(await sut.GetStatusesAsync([id]));

        Assert.Equal((DeliveryStatus.Unknown, ViberErrorCode.Unknown, "null"), (report.ViberStatus, report.Error!.ErrorCode, report.Error.ProviderMessage));
    }

    [Fact]
    public async Task GetStatusesAsync_WrongBaseAddress_FailsWith404InsteadOfUnknownReports()
    {
        await using var harness = await StartAsync(services: s => s.PostConfigure<SmsByOptions>(ViberProviders.SmsBy, o => o.BaseAddress = new Uri(o.BaseAddress!, "wrong/")));
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.GetStatusesAsync([new MessageId("SmsBy", "quick:8484")]));

        Assert.Equal((ViberErrorCode.NotFound, HttpStatusCode.NotFound, "Page not found"), (error.ErrorCode, error.StatusCode!.Value, error.ProviderMessage));
        Assert.Equal("/wrong/api/v2/getViberDeliveryData", Assert.Single(harness.Emulator.RequestsTo(ViberProviders.SmsBy)).Path);
    }

    [Fact]
    public async Task GetMailingAsync_ServerErrorOnce_IsRetriedBecauseReadsAreSafeToRepeat()
    {
        await using var harness = await StartAsync(o => o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(10));
        var sut = CreateSut(harness);
        var sent = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Hi" });
        harness.Emulator.InjectFault(ViberProviders.SmsBy, EmulatorFault.ServerError());

        var mailing = await sut.GetMailingAsync(8484);

        Assert.Equal((8484L, "Hi"), (mailing.MailingId, mailing.Text));
        Assert.Equal([500, 200], harness.Emulator.RequestsTo(ViberProviders.SmsBy).Where(r => r.Path == "/api/v2/getViberMessageData").Select(r => r.ResponseStatus));
        Assert.True(sent.IsFullyAccepted);
    }

    [Fact]
    public async Task GetStatusesAsync_RecipientSmsByDroppedFromABulkList_IsRejectedNotAccepted()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        harness.Emulator.ScriptRecipient("375292222222", RecipientBehavior.SilentlyDropped);
        var sent = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient, PhoneNumber.Parse("375292222222")], Text = "Hi" });

        var reports = await sut.GetStatusesAsync(sent.MessageIds);

        Assert.Equal(2, sent.AcceptedCount);
        Assert.NotEqual(DeliveryStatus.Rejected, reports[0].ViberStatus);
        Assert.Equal((DeliveryStatus.Rejected, DeliveryFailureReason.NotAccepted), (reports[1].ViberStatus, reports[1].FailureReason));
    }

    [Fact]
    public async Task GetStatusesAsync_MalformedOrForeignIds_ThrowBeforeAnyRequest()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.GetStatusesAsync([new MessageId("SmsBy", "8484"), new MessageId("Devino", "1")]));

        Assert.Equal(2, error.Errors.Count);
        Assert.Empty(harness.Emulator.Requests);
    }

    [Fact]
    public async Task SendMailingsAsync_PersonalAndBulkLists_IsOneRequestWhoseRecipientsAreQueryable()
    {
        await using var harness = await StartAsync(emulator: e => e.TimeProvider = _emulatorClock);
        var sut = CreateSut(harness);
        var second = PhoneNumber.Parse("375292222222");
        SmsByMailing[] mailings =
        [
            new SmsByPersonalMailing
            {
                Name = "codes",
                Sender = "MyShop",
                ButtonCaption = "Open",
                Messages =
                [
                    new SmsByPersonalMessage(Recipient, "Your code is 1111") { ButtonUrl = new Uri("https://shop.example/1") },
                    new SmsByPersonalMessage(second, "Your code is 2222") { ButtonUrl = new Uri("https://shop.example/2") },
                ],
            },
            new SmsByBulkMailing { Name = "news", Sender = "Other", Text = "News", Recipients = [Recipient, second] },
        ];

        var result = await sut.SendMailingsAsync(mailings);
        var status = await sut.GetBulkStatusAsync(result.BatchIds.Single());
        var (reports, _) = await PollAsync(sut, _emulatorClock, result.MessageIds, r => r.IsFinal);

        var request = Assert.Single(harness.Emulator.RequestsTo(ViberProviders.SmsBy), r => r.Path == "/api/v1/sendBulkViber");
        var lists = JsonNode.Parse(request.Body)!["messages"]!.AsArray();
        Assert.Equal(["personal", "bulk"], lists.Select(l => l!["message_type"]!.GetValue<string>()));
        Assert.Equal(["101", "303"], lists.Select(l => l!["alphaname_id"]!.GetValue<string>()));
        var uuid = result.BatchIds.Single();
        Assert.Equal(
            [$"bulk:{uuid}:375291234567:codes", $"bulk:{uuid}:375292222222:codes", $"bulk:{uuid}:375291234567:news", $"bulk:{uuid}:375292222222:news"],
            result.MessageIds.Select(id => id.Value));
        Assert.Equal([("codes", 101), ("news", 303)], status.Mailings.Select(m => (m.Name!, m.SenderId!.Value)));
        Assert.Empty(status.Errors);
        Assert.Equal(result.MessageIds, status.Mailings.SelectMany(m => m.Recipients).Select(r => r.MessageId));
        Assert.All(reports, r => Assert.True(r.Status is DeliveryStatus.Delivered or DeliveryStatus.Read));
        Assert.Equal(["Your code is 1111", "Your code is 2222", "News", "News"], harness.Emulator.AcceptedMessages(ViberProviders.SmsBy).Select(m => m.Text));
        Assert.Equal("https://shop.example/2", harness.Emulator.AcceptedMessages(ViberProviders.SmsBy)[1].ButtonUrl);
    }

    [Fact]
    public async Task SendAsync_BulkSenderWithAnAlphaNameMapped_SendsTheAlphanameIdElseTheViberId()
    {
        await using var harness = await StartAsync(o => o.SmsSenders["MyShop"] = 444);
        var sut = CreateSut(harness);
        PhoneNumber[] two = [Recipient, PhoneNumber.Parse("375292222222")];

        await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = two, Text = "Sale" });
        await sut.SendAsync(new ViberMessage { Sender = "Other", Recipients = two, Text = "Sale" });
        await sut.SendMailingsAsync([new SmsByBulkMailing { Name = "news", Sender = "myshop", Text = "News", Recipients = two }]);

        var senders = harness.Emulator.RequestsTo(ViberProviders.SmsBy).Where(r => r.Path == "/api/v1/sendBulkViber")
            .Select(r => JsonNode.Parse(r.Body)!["messages"]![0]!["alphaname_id"]!.GetValue<string>());
        Assert.Equal(["444", "303", "444"], senders);
        Assert.Equal(["444", "444", "303", "303", "444", "444"], harness.Emulator.AcceptedMessages(ViberProviders.SmsBy).Select(m => m.Sender));
    }

    [Fact]
    public async Task SendAsync_BulkListTheGatewayRefuses_ReportsItsRecipientsRejectedWithTheReasonAtSendTime()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        // SMS.by needs "a link to an image that is publicly available": it refuses a loopback one after answering OK.
        var result = await sut.SendAsync(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [Recipient, PhoneNumber.Parse("375292222222")],
            Text = "Sale",
            ImageUrl = new Uri("http://127.0.0.1/sale.jpg"),
            Button = new ViberButton("Open", new Uri("https://shop.example/sale")),
        });

        Assert.Equal(0, result.AcceptedCount);
        Assert.All(result.Recipients, r => Assert.Equal((RecipientStatus.Rejected, DeliveryFailureReason.Other, "ViberMessaging: Content url is not valid", null), (r.Status, r.Reason, r.ProviderCode, r.MessageId)));
        Assert.Single(result.BatchIds);
        Assert.Equal(["/api/v1/sendBulkViber", "/api/v1/statusBulkViber"], harness.Emulator.RequestsTo(ViberProviders.SmsBy).Select(r => r.Path));
        Assert.Empty(harness.Emulator.AcceptedMessages(ViberProviders.SmsBy));
    }

    [Fact]
    public async Task SendMailingsAsync_OneListRefused_RejectsOnlyItsRecipients()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        SmsByMailing[] mailings =
        [
            new SmsByBulkMailing { Name = "good", Sender = "MyShop", Text = "News", Recipients = [Recipient] },
            new SmsByBulkMailing { Name = "bad", Sender = "MyShop", ImageUrl = new Uri("http://192.168.1.10/a.jpg"), Recipients = [Recipient] },
        ];

        var result = await sut.SendMailingsAsync(mailings);

        Assert.Equal([RecipientStatus.Accepted, RecipientStatus.Rejected], result.Recipients.Select(r => r.Status));
        Assert.Equal("bad: Content url is not valid", result.Recipients[1].ProviderCode);
        Assert.Single(harness.Emulator.AcceptedMessages(ViberProviders.SmsBy));
    }

    [Fact]
    public async Task SendAsync_FollowUpStatusReadFails_TheSendStandsAndTheFailureIsLogged()
    {
        await using var harness = await StartAsync(o =>
        {
            o.Resilience.MaxRetryAttempts = 1;
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
        });
        var sut = CreateSut(harness);
        harness.Emulator.InjectFault(ViberProviders.SmsBy, EmulatorFault.ServerError(), count: 2, pathContains: "statusBulkViber");

        var result = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient, PhoneNumber.Parse("375292222222")], Text = "Hi" });

        Assert.Equal(2, result.AcceptedCount);
        Assert.Equal([200, 500, 500], harness.Emulator.RequestsTo(ViberProviders.SmsBy).Select(r => r.ResponseStatus));
        Assert.Contains(harness.Logs.Collector.GetSnapshot(), r => r.Id.Id == 21 && r.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Equal(1, harness.Emulator.RequestsTo(ViberProviders.SmsBy).Count(r => r.Path == "/api/v1/sendBulkViber"));
    }

    [Fact]
    public async Task GetBulkStatusAsync_UnknownUuid_IsNotFound()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.GetBulkStatusAsync("cc9c8043-8caf-11ef-b035-9e8f47954dec"));

        Assert.Equal((ViberErrorCode.NotFound, "not found"), (error.ErrorCode, error.ProviderMessage));
    }

    [Fact]
    public async Task SendWithImageFileAsync_ImageAlone_UploadsTheFileAsMultipart()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var result = await sut.SendWithImageFileAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient] }, new SmsByImageFile("offer.png", new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png"));

        var request = Assert.Single(harness.Emulator.RequestsTo(ViberProviders.SmsBy));
        Assert.StartsWith("multipart/form-data; boundary=", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("name=type_message\r\n\r\nIMAGE\r\n", request.Body, StringComparison.Ordinal);
        Assert.Contains("Content-Type: image/png", request.Body, StringComparison.Ordinal);
        Assert.Equal("https://app.sms.by/uploads/viber/offer.png", Assert.Single(harness.Emulator.AcceptedMessages(ViberProviders.SmsBy)).ImageUrl);
        Assert.StartsWith("quick:", result.MessageIds.Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareListMailingAsync_ThenConfirm_SendsAndChargesOnlyOnConfirm()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var prepared = await sut.PrepareListMailingAsync(new SmsByListMailing { ListId = 1, Name = "January", Sender = "MyShop", Text = "Sale", SendAt = new DateTimeOffset(2030, 1, 20, 6, 30, 0, TimeSpan.Zero) });
        var beforeConfirm = await sut.GetMailingAsync(prepared.MailingId);
        var sentBeforeConfirm = harness.Emulator.AcceptedMessages(ViberProviders.SmsBy).Count;
        await sut.ConfirmMailingAsync(prepared.MailingId);
        var afterConfirm = await sut.GetMailingAsync(prepared.MailingId);
        var again = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.ConfirmMailingAsync(prepared.MailingId));

        Assert.Equal(4, prepared.SubscriberCount);
        Assert.Equal($"token={Token}&name=January&vibername_id=101&list_id=1&type_message=TEXT&message=Sale&d_schedule=2030-01-20+09%3A30", harness.Emulator.RequestsTo(ViberProviders.SmsBy)[0].Body);
        Assert.Equal((0, 0m, "NEW"), (sentBeforeConfirm, beforeConfirm.Cost!.Value, beforeConfirm.Status));
        Assert.Equal((0.19600m, "EUR", "SENT"), (afterConfirm.Cost!.Value, afterConfirm.Currency, afterConfirm.Status));
        Assert.Equal(new DateTimeOffset(2030, 1, 20, 9, 30, 0, TimeSpan.FromHours(3)), afterConfirm.ScheduledAt);
        Assert.Equal(4, harness.Emulator.AcceptedMessages(ViberProviders.SmsBy).Count);
        Assert.Equal((ViberErrorCode.Unknown, "false"), (again.ErrorCode, again.ProviderMessage));
    }

    [Fact]
    public async Task GetMailingsAsync_SeveralPages_EnumeratesEveryMailingOnce()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var sent = new List<long>();
        for (var i = 1; i <= 5; i++)
        {
            var result = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [PhoneNumber.Parse("37529100000" + i)], Text = "Hi " + i });
            sent.Add(long.Parse(result.MessageIds.Single().Value["quick:".Length..], CultureInfo.InvariantCulture));
        }

        var mailings = new List<SmsByMailingInfo>();
        await foreach (var mailing in sut.GetMailingsAsync(pageSize: 2))
        {
            mailings.Add(mailing);
        }

        Assert.Equal(sent, mailings.Select(m => m.MailingId));
        Assert.Equal(["Hi 1", "Hi 2", "Hi 3", "Hi 4", "Hi 5"], mailings.Select(m => m.Text));
        Assert.Equal(
            [$"?token={Token} limit_offset=0&limit_rows=2", $"?token={Token} limit_offset=2&limit_rows=2", $"?token={Token} limit_offset=4&limit_rows=2"],
            harness.Emulator.RequestsTo(ViberProviders.SmsBy).Where(r => r.Path == "/api/v2/getViberMessages").Select(r => r.Query + " " + r.Body));
    }

    [Fact]
    public async Task GetMailingDeliveriesAsync_ConfirmedMailing_ReportsEachPhoneWithIdsThatStatusQueriesAnswer()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var prepared = await sut.PrepareListMailingAsync(new SmsByListMailing { ListId = 1, Sender = "101", Text = "Sale" });
        await sut.ConfirmMailingAsync(prepared.MailingId);

        var deliveries = await sut.GetMailingDeliveriesAsync(prepared.MailingId);
        var reports = await sut.GetStatusesAsync(deliveries.Select(d => d.MessageId));

        Assert.Equal(["375291000001", "375291000002", "375291000003", "375291000004"], deliveries.Select(d => d.Recipient!.Digits));
        Assert.Equal(deliveries.Select(d => $"mailing:{prepared.MailingId}:{d.Recipient!.Digits}"), deliveries.Select(d => d.MessageId.Value));
        Assert.All(reports, r => Assert.NotEqual(DeliveryStatus.Unknown, r.ViberStatus));
        Assert.Equal(2, harness.Emulator.RequestsTo(ViberProviders.SmsBy).Count(r => r.Path == "/api/v2/getViberDeliveryList"));
    }

    [Fact]
    public async Task GetNewIncomingMessagesAsync_ThenMarkRead_ReadsAndClearsTheReplies()
    {
        await using var harness = await StartAsync(emulator: o => o.AutoReply = false);
        var sut = CreateSut(harness);
        await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Shall we?" });
        harness.Emulator.Provider<SmsByEmulatorSettings>().AddIncomingMessage(8484, Recipient.Digits, "Yes please");

        var incoming = await sut.GetNewIncomingMessagesAsync(8484);
        var marked = await sut.MarkIncomingMessagesReadAsync(incoming.Select(m => m.ProviderMessageId!));
        var after = await sut.GetNewIncomingMessagesAsync(8484);

        var reply = Assert.Single(incoming);
        Assert.Equal((ChatMessageDirection.Incoming, "Yes please", "8484:375291234567", Recipient), (reply.Direction, reply.Text, reply.ChatId, reply.Phone));
        Assert.Equal(1, marked);
        Assert.Empty(after);
        Assert.Equal($"token={Token}&incoming_messages={reply.ProviderMessageId}", harness.Emulator.RequestsTo(ViberProviders.SmsBy).Single(r => r.Path == "/api/v2/readResponseStatus").Body);
    }

    [Fact]
    public async Task Chats_OpenReadAndReply_WorkThroughTheNeutralInterface()
    {
        await using var harness = await StartAsync(o => o.DefaultSender = "Other", emulator: o => o.AutoReply = false);
        var sut = CreateSut(harness);
        IViberChats chats = sut;
        var opened = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Recipient], Text = "Rate us?", TwoWay = TwoWayOptions.OpenChat });
        var chatId = opened.Recipients[0].ChatId!;
        harness.Emulator.Provider<SmsByEmulatorSettings>().AddIncomingMessage(8484, Recipient.Digits, "5 stars");

        var listed = new List<ViberChat>();
        await foreach (var chat in chats.GetChatsAsync())
        {
            listed.Add(chat);
        }

        var messages = new List<ChatMessage>();
        await foreach (var message in chats.GetMessagesAsync(chatId))
        {
            messages.Add(message);
        }

        var reply = await chats.ReplyAsync(chatId, "Thank you!");

        Assert.Equal("8484:375291234567", chatId);
        Assert.Equal((chatId, Recipient), (Assert.Single(listed).ChatId, listed[0].Recipient));
        Assert.Equal("5 stars", Assert.Single(messages).Text);
        Assert.Equal($"token={Token}&vibername_id=303&phone=375291234567&type_message=TEXT&message=Thank+you%21", harness.Emulator.RequestsTo(ViberProviders.SmsBy).Last().Body);
        Assert.Equal("8485:375291234567", Assert.Single(reply.Recipients).ChatId);
    }

    [Fact]
    public async Task GetMailingAsync_UnknownMailing_IsNotFound()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.GetMailingAsync(424242));

        Assert.Equal((ViberErrorCode.NotFound, HttpStatusCode.OK), (error.ErrorCode, error.StatusCode!.Value));
    }

    private static Task<EmulatorHarness> StartAsync(Action<SmsByOptions>? configure = null, Action<ViberEmulatorOptions>? emulator = null, Action<IServiceCollection>? services = null)
        => EmulatorHarness.StartAsync(
            b => b.AddSmsBy(o =>
            {
                o.ViberSenders["MyShop"] = 101;
                o.ViberSenders["Other"] = 303;
                o.SmsSenders["MyShopSms"] = 444;
                configure?.Invoke(o);
            }),
            emulator,
            services);

    private static SmsByViberClient CreateSut(EmulatorHarness harness)
        => harness.Services.GetRequiredKeyedService<SmsByViberClient>(ViberProviders.SmsBy);

    /// <summary>Asks until every report is <paramref name="done"/> (50 times at most), moving the emulator's clock 100 ms between asks: no real waiting.</summary>
    private static async Task<(IReadOnlyList<DeliveryReport> Reports, int Polls)> PollAsync(IStatusQuery sut, FakeTimeProvider emulatorClock, IEnumerable<MessageId> ids, Func<DeliveryReport, bool> done)
    {
        var asked = ids.ToArray();
        IReadOnlyList<DeliveryReport> reports = [];
        var polls = 0;
        while (polls < 50)
        {
            reports = await sut.GetStatusesAsync(asked);
            polls++;
            if (reports.All(done))
            {
                break;
            }

            emulatorClock.Advance(TimeSpan.FromMilliseconds(100));
        }

        return (reports, polls);
    }
}
