using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.Devino;
using ViberMessaging.Testing;
using ViberMessaging.Tests.TestSupport;
using static ViberMessaging.Tests.Providers.Devino.DevinoTestSupport;

namespace ViberMessaging.Tests.Providers.Devino;

/// <summary>The Devino adapter over real HTTP against the emulator, through the SDK's whole pipeline.</summary>
public sealed class DevinoViberClientTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _emulatorClock = TestClock.Create();
    private EmulatorHarness _harness = null!;

    private ViberEmulator Emulator => _harness.Emulator;

    public async Task InitializeAsync() => _harness = await StartAsync();

    public Task DisposeAsync() => _harness.DisposeAsync().AsTask();

    [Fact]
    public async Task SendAsync_TextWithSms_PostsTheExactBodyWithBasicAuthAndReturnsThe64BitId()
    {
        var sut = CreateSut();
        var message = new ViberMessage
        {
            Sender = "Subject",
            Recipients = Phones("+79250000001"),
            Text = "Message text",
            TimeToLive = TimeSpan.FromHours(1),
            ClientReference = "order-1042",
            SmsFallback = new SmsFallback("1sms Message text") { Sender = "1TEST", TimeToLive = TimeSpan.FromSeconds(5000) },
        };

        var result = await sut.SendAsync(message);

        var request = Assert.Single(Emulator.RequestsTo(ViberProviders.Devino));
        Assert.Equal(("POST", "/send"), (request.Method, request.Path));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("emulator-devino:emulator-devino-password")), request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        WireAssert.JsonEqual(
            """
            {"resendSms":true,"messages":[{"subject":"Subject","priority":"high","validityPeriodSec":3600,"comment":"order-1042","type":"viber","contentType":"text",
              "content":{"text":"Message text"},"address":"79250000001","smsText":"1sms Message text","smsSrcAddress":"1TEST","smsValidityPeriodSec":5000}]}
            """,
            request.Body);
        var recipient = Assert.Single(result.Recipients);
        Assert.Equal((RecipientStatus.Accepted, "Devino:3158611117333282816"), (recipient.Status, recipient.MessageId.ToString()));
        Assert.Equal(("Devino", 1), (result.ProviderName, result.AcceptedCount));
        Assert.Equal("1sms Message text", Assert.Single(Emulator.AcceptedMessages(ViberProviders.Devino)).SmsText);
    }

    [Fact]
    public async Task SendAsync_ButtonWithImage_SentAsButtonContent()
    {
        var sut = CreateSut();

        var result = await sut.SendAsync(new ViberMessage
        {
            Sender = "Shop",
            Recipients = Phones("+79250000001"),
            Text = "Your order shipped",
            ImageUrl = new Uri("https://shop.example/parcel.jpg"),
            Button = new ViberButton("Track", new Uri("https://shop.example/t/1042")),
            Kind = MessageKind.Promotional,
        });

        Assert.True(result.IsFullyAccepted);
        var body = JsonNode.Parse(Assert.Single(Emulator.RequestsTo(ViberProviders.Devino)).Body)!;
        Assert.Equal(("button", "low", false), ((string?)body["messages"]![0]!["contentType"], (string?)body["messages"]![0]!["priority"], (bool?)body["resendSms"]));
        var accepted = Assert.Single(Emulator.AcceptedMessages(ViberProviders.Devino));
        Assert.Equal(("Track", "https://shop.example/t/1042", "https://shop.example/parcel.jpg"), (accepted.ButtonCaption, accepted.ButtonUrl, accepted.ImageUrl));
    }

    [Fact]
    public async Task SendAsync_ImageOnly_SentAsImageWithoutReSend()
    {
        var sut = CreateSut();

        var result = await sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001"), ImageUrl = new Uri("https://shop.example/sale.jpg") });

        Assert.True(result.IsFullyAccepted);
        WireAssert.JsonEqual(
            """{"resendSms":false,"messages":[{"subject":"Shop","priority":"high","type":"viber","contentType":"image","content":{"imageUrl":"https://shop.example/sale.jpg"},"address":"79250000001"}]}""",
            Assert.Single(Emulator.RequestsTo(ViberProviders.Devino)).Body);
    }

    [Fact]
    public async Task SendAsync_250Recipients_ThreeCommonDataRequestsAndOneResultPerRecipientInOrder()
    {
        var sut = CreateSut();
        var recipients = Enumerable.Range(0, 250).Select(i => PhoneNumber.Parse($"+7925{i:D7}")).ToArray();

        var result = await sut.SendAsync(new ViberMessage
        {
            Sender = "Shop",
            Recipients = recipients,
            Text = "Sale!",
            SmsFallback = new SmsFallback("Sale") { Sender = "Shop" },
        });

        var requests = Emulator.RequestsTo(ViberProviders.Devino);
        Assert.Equal([50, 100, 100], requests.Select(r => JsonNode.Parse(r.Body)!["messages"]!.AsArray().Count).Order());
        Assert.All(requests, r =>
        {
            var body = JsonNode.Parse(r.Body)!;
            Assert.Equal("Sale!", (string?)body["commonData"]!["content"]!["text"]);
            Assert.All(body["messages"]!.AsArray(), m => Assert.Equal(("Sale", "Shop"), ((string?)m!["smsText"], (string?)m["smsSrcAddress"])));
        });
        Assert.Equal(recipients, result.Recipients.Select(r => r.Recipient));
        Assert.Equal(250, result.AcceptedCount);
        var idsByRecipient = Emulator.AcceptedMessages(ViberProviders.Devino).ToDictionary(m => m.Recipient, m => m.Id);
        Assert.All(result.Recipients, r => Assert.Equal("Devino:" + idsByRecipient[r.Recipient.Digits], r.MessageId.ToString()));
        Assert.Equal(0, Emulator.DuplicateCount(ViberProviders.Devino));
    }

    [Fact]
    public async Task SendAsync_MixedBatch_RejectsOnlyTheFailingRecipientsWithReasonAndRawCode()
    {
        var sut = CreateSut();
        Emulator.ScriptRecipient("+79250000002", RecipientBehavior.InvalidNumber);
        Emulator.ScriptRecipient("+79250000003", RecipientBehavior.Blacklisted);
        Emulator.ScriptRecipient("+79250000004", RecipientBehavior.SilentlyDropped);
        Emulator.Provider<DevinoEmulatorSettings>().ScriptCode("+79250000005", "error-subject-unknown");

        var result = await sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001", "+79250000002", "+79250000003", "+79250000004", "+79250000005", "+79250000006"), Text = "Hi" });

        Assert.Equal(
            [RecipientStatus.Accepted, RecipientStatus.Rejected, RecipientStatus.Rejected, RecipientStatus.Rejected, RecipientStatus.Rejected, RecipientStatus.Accepted],
            result.Recipients.Select(r => r.Status));
        Assert.Equal(
            [null, DeliveryFailureReason.InvalidNumber, DeliveryFailureReason.ProhibitedOperator, DeliveryFailureReason.NotAccepted, DeliveryFailureReason.Other, null],
            result.Recipients.Select(r => r.Reason));
        Assert.Equal(
            [null, "error-address-format", "error-address-unknown", "error-system", "error-subject-unknown", null],
            result.Recipients.Select(r => r.ProviderCode));
        Assert.Equal((2, 4), (result.AcceptedCount, result.RejectedCount));
        Assert.Equal(["79250000001", "79250000006"], Emulator.AcceptedMessages(ViberProviders.Devino).Select(m => m.Recipient));
    }

    public static TheoryData<string> PerMessageCodes => [.. DevinoErrorMapper.MessageCodes.Keys];

    [Theory]
    [MemberData(nameof(PerMessageCodes))]
    public async Task SendAsync_EveryDocumentedPerMessageCode_RejectsThatRecipientWithItsReason(string code)
    {
        var sut = CreateSut();
        Emulator.Provider<DevinoEmulatorSettings>().ScriptCode("+79250000001", code);

        var result = await sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001", "+79250000002"), Text = "Hi" });

        var rejected = result.Recipients[0];
        Assert.Equal((RecipientStatus.Rejected, code, DevinoErrorMapper.MessageCodes[code].Reason), (rejected.Status, rejected.ProviderCode, rejected.Reason!.Value));
        Assert.Equal(RecipientStatus.Accepted, result.Recipients[1].Status);
    }

    public static TheoryData<string, ViberErrorCode, SendOutcome> RequestCodesOnSend => new()
    {
        { "error-syntax", ViberErrorCode.InvalidRequest, SendOutcome.NotSent },
        { "error-auth", ViberErrorCode.Unauthorized, SendOutcome.NotSent },
        { "error-system", ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown },
        { "error-account-locked", ViberErrorCode.AccountBlocked, SendOutcome.NotSent },
        { "error-instant-message-typeformat", ViberErrorCode.InvalidRequest, SendOutcome.NotSent },
        { "error-instant-message-content-type-format", ViberErrorCode.InvalidRequest, SendOutcome.NotSent },
        { "error-instant-message-content-image-id-format", ViberErrorCode.InvalidImage, SendOutcome.NotSent },
        { "not-permitted", ViberErrorCode.Forbidden, SendOutcome.NotSent },
        { "error-route-not-found", ViberErrorCode.Forbidden, SendOutcome.NotSent },
    };

    [Theory]
    [MemberData(nameof(RequestCodesOnSend))]
    public async Task SendAsync_EveryDocumentedRequestLevelCodeAt200_ThrowsItsErrorWithoutRetrying(string status, ViberErrorCode expected, SendOutcome outcome)
    {
        var sut = CreateSut();
        Emulator.Provider<DevinoEmulatorSettings>().InjectStatus(status);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001"), Text = "Hi" }));

        Assert.Equal((expected, status, outcome, "Devino"), (error.ErrorCode, error.ProviderErrorCode, error.Outcome, error.ProviderName));
        Assert.Single(Emulator.RequestsTo(ViberProviders.Devino));
    }

    [Theory]
    [InlineData("error-syntax", ViberErrorCode.InvalidRequest)]
    [InlineData("error-auth", ViberErrorCode.Unauthorized)]
    [InlineData("error-system", ViberErrorCode.ProviderUnavailable)]
    [InlineData("error-account-locked", ViberErrorCode.AccountBlocked)]
    [InlineData("not-permitted", ViberErrorCode.Forbidden)]
    public async Task GetStatusesAsync_RequestLevelCode_ThrowsItsError(string status, ViberErrorCode expected)
    {
        var sut = CreateSut();
        Emulator.Provider<DevinoEmulatorSettings>().InjectStatus(status, pathContains: "status");

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.GetStatusesAsync([Id(BigId)]));

        Assert.Equal((expected, status), (error.ErrorCode, error.ProviderErrorCode));
    }

    [Fact]
    public async Task SendAsync_WrongPassword_ThrowsUnauthorizedFromTheErrorAuthBody()
    {
        await using var harness = await StartAsync(configureServices: s => s.PostConfigure<DevinoOptions>(ViberProviders.Devino, o => o.Password = "not-the-password"));
        var sut = harness.Sender(ViberProviders.Devino);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001"), Text = "Hi" }));

        Assert.Equal((ViberErrorCode.Unauthorized, "error-auth", SendOutcome.NotSent), (error.ErrorCode, error.ProviderErrorCode, error.Outcome));
        Assert.Empty(harness.Emulator.AcceptedMessages(ViberProviders.Devino));
    }

    [Fact]
    public async Task SendAsync_NoAuthorizationHeader_ThrowsUnauthorizedFromTheSpring401()
    {
        await using var harness = await StartAsync(configureServices: s => s.AddHttpClient("ViberMessaging.Devino").ConfigureHttpClient(c => c.DefaultRequestHeaders.Authorization = null));
        var sut = harness.Sender(ViberProviders.Devino);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001"), Text = "Hi" }));

        Assert.Equal((ViberErrorCode.Unauthorized, "Unauthorized", System.Net.HttpStatusCode.Unauthorized), (error.ErrorCode, error.ProviderErrorCode, error.StatusCode!.Value));
        Assert.Equal("Full authentication is required to access this resource", error.ProviderMessage);
    }

    [Fact]
    public async Task SendAsync_InvalidMessage_ThrowsEveryProblemBeforeAnyRequest()
    {
        var sut = CreateSut();

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.SendAsync(new ViberMessage
        {
            Sender = "TwelveCharsX",
            Recipients = Phones("+79250000001"),
            ImageUrl = new Uri("https://shop.example/i.jpg"),
            SmsFallback = new SmsFallback("sms") { Sender = "Shop!" },
        }));

        Assert.Equal(["Sender", "SmsFallback", "SmsFallback.Sender"], error.Errors.Select(e => e.Field));
        Assert.Empty(Emulator.RequestsTo(ViberProviders.Devino));
    }

    [Fact]
    public async Task GetStatusesAsync_AfterSend_FollowsTheTimelineWithUtcStatusAt()
    {
        var sut = CreateSut();
        var sent = await sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001"), Text = "Hi" });
        var id = sent.MessageIds.Single();

        var pending = Assert.Single(await sut.GetStatusesAsync([id]));
        _emulatorClock.Advance(TimeSpan.FromMilliseconds(350));
        var delivered = Assert.Single(await sut.GetStatusesAsync([id]));
        _emulatorClock.Advance(TimeSpan.FromMilliseconds(300));
        var read = Assert.Single(await sut.GetStatusesAsync([id]));

        Assert.Equal((DeliveryStatus.Pending, "enqueued"), (pending.Status, pending.RawStatus));
        Assert.Equal((DeliveryStatus.Delivered, "delivered"), (delivered.Status, delivered.RawStatus));
        Assert.Equal((DeliveryStatus.Read, "read", DeliveryChannel.Viber), (read.Status, read.RawStatus, read.DeliveredVia!.Value));
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero), read.StatusAt); // read at 10:00:00.600, sent in whole seconds
        Assert.Equal(id, read.MessageId);
        var request = Emulator.RequestsTo(ViberProviders.Devino).Last();
        Assert.Equal(("POST", "/status", """{"messages":[3158611117333282816]}"""), (request.Method, request.Path, request.Body));
    }

    [Fact]
    public async Task GetStatusesAsync_ButtonVisited_IsRead()
    {
        var sut = CreateSut();
        var sent = await sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001"), Text = "Hi", Button = new ViberButton("Go", new Uri("https://shop.example/")) });
        _emulatorClock.Advance(TimeSpan.FromSeconds(1));

        var report = Assert.Single(await sut.GetStatusesAsync(sent.MessageIds));

        Assert.Equal((DeliveryStatus.Read, "visited"), (report.Status, report.RawStatus));
    }

    [Theory]
    [InlineData(RecipientBehavior.NotViberUser, DeliveryStatus.Undeliverable, DeliveryFailureReason.NotViberUser, "undelivered", "not-viber-user")]
    [InlineData(RecipientBehavior.BlocksSender, DeliveryStatus.Undeliverable, DeliveryFailureReason.BlockedByRecipient, "undelivered", "user-blocked")]
    [InlineData(RecipientBehavior.Expires, DeliveryStatus.Expired, DeliveryFailureReason.Expired, "vp_expired", null)]
    public async Task GetStatusesAsync_ViberFailedWithoutSms_ReportsStatusAndReason(
        RecipientBehavior behavior, DeliveryStatus expected, DeliveryFailureReason reason, string raw, string? code)
    {
        var sut = CreateSut();
        Emulator.ScriptRecipient("+79250000001", behavior);
        var sent = await sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001"), Text = "Hi" });
        _emulatorClock.Advance(TimeSpan.FromSeconds(1));

        var report = Assert.Single(await sut.GetStatusesAsync(sent.MessageIds));

        Assert.Equal((expected, reason, raw, code), (report.Status, report.FailureReason, report.RawStatus, report.ProviderErrorCode));
        Assert.Null(report.SmsStatus);
        Assert.True(report.IsFinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetStatusesAsync_SmsReSendDelivered_AggregatesSegmentsKeepingEvery64BitId(bool documentFieldNames)
    {
        var sut = CreateSut();
        Emulator.Provider<DevinoEmulatorSettings>().DocumentFieldNames = documentFieldNames;
        Emulator.ScriptRecipient("+79250000001", RecipientBehavior.NotViberUser);
        var sent = await sut.SendAsync(new ViberMessage
        {
            Sender = "Shop",
            Recipients = Phones("+79250000001"),
            Text = "Hi",
            SmsFallback = new SmsFallback(new string('x', 300)),
        });

        _emulatorClock.Advance(TimeSpan.FromMilliseconds(500));
        var sending = Assert.Single(await sut.GetStatusesAsync(sent.MessageIds));
        _emulatorClock.Advance(TimeSpan.FromMilliseconds(500));
        var done = Assert.Single(await sut.GetStatusesAsync(sent.MessageIds));

        Assert.Equal((DeliveryStatus.Sent, DeliveryStatus.Sent), (sending.SmsStatus!.Value, sending.Status));
        Assert.Equal((DeliveryStatus.Undeliverable, DeliveryStatus.Delivered, DeliveryStatus.Delivered), (done.ViberStatus, done.SmsStatus!.Value, done.Status));
        Assert.Equal(DeliveryChannel.Sms, done.DeliveredVia);
        Assert.Equal("delivered", done.RawSmsStatus);
        Assert.Equal(["583465579822710784", "583465579822710785"], done.SmsPartIds);
        Assert.Equal(documentFieldNames ? null : "undelivered", done.RawStatus);
        Assert.Equal(documentFieldNames ? DeliveryFailureReason.None : DeliveryFailureReason.NotViberUser, done.FailureReason);
    }

    [Fact]
    public async Task GetStatusesAsync_UnknownIdAmongKnownOnes_ReportsNotFoundForThatIdOnly()
    {
        var sut = CreateSut();
        var sent = await sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001"), Text = "Hi" });
        var unknown = Id(9_007_199_254_740_993);

        var reports = await sut.GetStatusesAsync([unknown, sent.MessageIds.Single()]);

        Assert.Equal([unknown, sent.MessageIds.Single()], reports.Select(r => r.MessageId));
        Assert.Equal((DeliveryStatus.Unknown, ViberErrorCode.NotFound, "error-instant-message-provider-id-unknown"), (reports[0].Status, reports[0].Error!.ErrorCode, reports[0].ProviderErrorCode));
        Assert.Null(reports[1].Error);
        Assert.Equal(DeliveryStatus.Pending, reports[1].Status);
    }

    [Fact]
    public async Task GetStatusesAsync_250Ids_ThreeRequestsOfAtMost100AndOneReportPerIdInOrder()
    {
        var sut = CreateSut();
        var sent = await sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Enumerable.Range(0, 250).Select(i => PhoneNumber.Parse($"+7925{i:D7}")).ToArray(), Text = "Hi" });
        var ids = sent.MessageIds.Reverse().ToArray();

        var reports = await sut.GetStatusesAsync(ids);

        Assert.Equal(ids, reports.Select(r => r.MessageId));
        Assert.All(reports, r => Assert.Null(r.Error));
        var requests = Emulator.RequestsTo(ViberProviders.Devino).Where(r => r.Path == "/status");
        Assert.Equal([50, 100, 100], requests.Select(r => JsonNode.Parse(r.Body)!["messages"]!.AsArray().Count).Order());
    }

    [Fact]
    public async Task MessageId_StoredAsTextAndParsedBack_StillQueriesTheSameMessage()
    {
        var sut = CreateSut();
        var sent = await sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001"), Text = "Hi" });
        var stored = sent.MessageIds.Single().ToString();

        var report = Assert.Single(await sut.GetStatusesAsync([MessageId.Parse(stored)]));

        Assert.Equal("Devino:3158611117333282816", stored);
        Assert.Equal("3158611117333282816", report.MessageId.Value);
        Assert.Null(report.Error);
        Assert.Contains("3158611117333282816", Emulator.RequestsTo(ViberProviders.Devino).Last().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatusesAsync_MalformedOrForeignIds_ThrowsBeforeAnyRequest()
    {
        var sut = CreateSut();

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.GetStatusesAsync([new MessageId("Devino", "12.5"), new MessageId("SmsClub", "1")]));

        Assert.Equal(["Format", "Provider"], error.Errors.Select(e => e.Rule));
        Assert.Empty(Emulator.RequestsTo(ViberProviders.Devino));
    }

    [Fact]
    public async Task SendAsync_ConnectionResetAfterAccept_OutcomeUnknownAndNeverSentTwice()
    {
        var sut = CreateSut();
        Emulator.InjectFault(ViberProviders.Devino, EmulatorFault.ResetAfterAccept());

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001"), Text = "Hi" }));

        Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown), (error.ErrorCode, error.Outcome));
        Assert.Single(Emulator.RequestsTo(ViberProviders.Devino));
        Assert.Single(Emulator.AcceptedMessages(ViberProviders.Devino));
        Assert.Equal(0, Emulator.DuplicateCount(ViberProviders.Devino));
    }

    [Theory]
    [InlineData("malformed")]
    [InlineData("empty")]
    [InlineData("500")]
    public async Task SendAsync_AcceptedButAnswerUnusable_OutcomeUnknownWithoutRetry(string fault)
    {
        var sut = CreateSut();
        Emulator.InjectFault(ViberProviders.Devino, fault switch
        {
            "malformed" => EmulatorFault.MalformedAfterAccept(),
            "empty" => EmulatorFault.EmptyAfterAccept(),
            _ => EmulatorFault.ServerErrorAfterAccept(),
        });

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001"), Text = "Hi" }));

        Assert.Equal(ViberErrorCode.OutcomeUnknown, error.ErrorCode);
        Assert.NotEqual(SendOutcome.NotSent, error.Outcome);
        Assert.Single(Emulator.RequestsTo(ViberProviders.Devino));
        Assert.Equal(0, Emulator.DuplicateCount(ViberProviders.Devino));
    }

    [Theory]
    [InlineData("""{"status":"ok"}""")]
    [InlineData("""{"messages":null}""")]
    [InlineData("""null""")]
    [InlineData("""{"status":"ok","messages":"none"}""")]
    public async Task SendAsync_2xxWithoutPerMessageResults_OutcomeUnknownNeverRejected(string body)
    {
        await using var harness = await StartAsync(configureServices: s => s.AddHttpClient("ViberMessaging.Devino").ConfigurePrimaryHttpMessageHandler(
            () => new StubHandler((_, _) => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") })));
        var sut = harness.Sender(ViberProviders.Devino);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001"), Text = "Hi" }));

        Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Accepted), (error.ErrorCode, error.Outcome));
    }

    [Fact]
    public async Task SendAsync_Spring429_RetriedAndAcceptedOnce()
    {
        var sut = CreateSut();
        Emulator.InjectFault(ViberProviders.Devino, EmulatorFault.RateLimited(TimeSpan.Zero));

        var result = await sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001"), Text = "Hi" });

        Assert.True(result.IsFullyAccepted);
        Assert.Equal([429, 200], Emulator.RequestsTo(ViberProviders.Devino).Select(r => r.ResponseStatus));
        Assert.Single(Emulator.AcceptedMessages(ViberProviders.Devino));
    }

    [Fact]
    public async Task GetStatusesAsync_Spring500_RetriedBecauseStatusIsSafeToRepeat()
    {
        var sut = CreateSut();
        Emulator.InjectFault(ViberProviders.Devino, EmulatorFault.ServerError(), pathContains: "status");

        var report = Assert.Single(await sut.GetStatusesAsync([Id(BigId)]));

        Assert.Equal([500, 200], Emulator.RequestsTo(ViberProviders.Devino).Select(r => r.ResponseStatus));
        Assert.Equal(ViberErrorCode.NotFound, report.Error!.ErrorCode);
    }

    [Fact]
    public async Task Logs_AfterSendsAndErrors_NeverContainTheCredentials()
    {
        var sut = CreateSut();
        Emulator.Provider<DevinoEmulatorSettings>().InjectStatus("error-auth");
        await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001"), Text = "Hi" }));
        await sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = Phones("+79250000001"), Text = "Hi" });

        var logs = string.Join('\n', _harness.Logs.Collector.GetSnapshot().Select(r => r.Message + r.Exception));

        Assert.NotEmpty(_harness.Logs.Collector.GetSnapshot());
        Assert.DoesNotContain("emulator-devino-password", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("emulator-devino:emulator-devino-password")), logs, StringComparison.Ordinal);
    }

    private IViberSender CreateSut() => _harness.Sender(ViberProviders.Devino);

    private Task<EmulatorHarness> StartAsync(Action<IServiceCollection>? configureServices = null)
        => EmulatorHarness.StartAsync(
            b => b.AddDevino(o => o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1)),
            o => o.TimeProvider = _emulatorClock,
            configureServices);
}

/// <summary>The status side of the same account: the sender's <see cref="IStatusQuery"/>, reached as users reach it.</summary>
internal static class DevinoSenderExtensions
{
    public static Task<IReadOnlyList<DeliveryReport>> GetStatusesAsync(this IViberSender sender, IEnumerable<MessageId> ids)
        => (sender.GetService<IStatusQuery>() ?? throw new InvalidOperationException("The sender's account has no status query.")).GetStatusesAsync(ids);
}
