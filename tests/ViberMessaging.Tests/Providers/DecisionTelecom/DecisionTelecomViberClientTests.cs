using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.DecisionTelecom;
using ViberMessaging.Testing;
using ViberMessaging.Tests.TestSupport;
using static ViberMessaging.Tests.Providers.DecisionTelecom.DecisionTelecomTestSupport;

namespace ViberMessaging.Tests.Providers.DecisionTelecom;

public sealed class DecisionTelecomViberClientTests
{
    private const string FirstId = "9007199254740993";
    private static readonly string Key = new EmulatorCredentials().DecisionTelecomApiKey;
    private static readonly PhoneNumber Recipient = PhoneNumber.Parse("+380504444444");

    /// <summary>The emulator's clock in the tests that poll: statuses and replies move only when a poll moves it.</summary>
    private readonly FakeTimeProvider _emulatorClock = TestClock.Create();

    [Fact]
    public async Task SendAsync_TextMessage_PostsOneExactSendViberAndReturnsTheId()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(new ViberMessage { Sender = "Custom Company", Recipients = [Recipient], Text = "Message content" });

        var request = Assert.Single(harness.Emulator.RequestsTo(Provider));
        Assert.Equal(("POST", "/v1/api/send-viber"), (request.Method, request.Path));
        WireAssert.JsonEqual("""{"source_addr":"Custom Company","destination_addr":"380504444444","message_type":106,"text":"Message content","source_type":2}""", request.Body);
        Assert.Equal(Basic(Base64(Key)), request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var recipient = Assert.Single(result.Recipients);
        Assert.Equal((Recipient, RecipientStatus.Accepted, new MessageId(Provider, FirstId)), (recipient.Recipient, recipient.Status, recipient.MessageId));
        Assert.Equal((Provider, 1, true), (result.ProviderName, result.AcceptedCount, result.IsFullyAccepted));
        Assert.Equal(FirstId, Assert.Single(harness.Emulator.AcceptedMessages(Provider)).Id);
    }

    [Theory]
    [InlineData(false, false, null, """{"message_type":106,"source_type":2}""")]
    [InlineData(false, false, MessageKind.Transactional, """{"message_type":106,"source_type":2}""")]
    [InlineData(false, false, MessageKind.Promotional, """{"message_type":106,"source_type":1}""")]
    [InlineData(true, false, null, """{"message_type":108,"source_type":1,"image":"https://x.example/i.jpg","button_caption":"Join Us","button_action":"https://x.example/join"}""")]
    [InlineData(true, false, MessageKind.Promotional, """{"message_type":108,"source_type":1,"image":"https://x.example/i.jpg","button_caption":"Join Us","button_action":"https://x.example/join"}""")]
    [InlineData(false, true, MessageKind.Promotional, """{"message_type":206,"source_type":1}""")]
    [InlineData(true, true, null, """{"message_type":208,"source_type":1,"image":"https://x.example/i.jpg","button_caption":"Join Us","button_action":"https://x.example/join"}""")]
    public async Task SendAsync_EachMessageType_SendsItsTypeAndFieldsAndIsAccepted(bool imageAndButton, bool twoWay, MessageKind? kind, string expectedFields)
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(new ViberMessage
        {
            Sender = "Shop",
            Recipients = [Recipient],
            Text = "Hi",
            ImageUrl = imageAndButton ? new Uri("https://x.example/i.jpg") : null,
            Button = imageAndButton ? new ViberButton("Join Us", new Uri("https://x.example/join")) : null,
            TwoWay = twoWay ? TwoWayOptions.OpenChat : null,
            Kind = kind,
        });

        var expected = JsonNode.Parse("""{"source_addr":"Shop","destination_addr":"380504444444","text":"Hi"}""")!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(expectedFields)!.AsObject())
        {
            expected[name] = value?.DeepClone();
        }

        WireAssert.JsonEqual(expected.ToJsonString(), Assert.Single(harness.Emulator.RequestsTo(Provider)).Body);
        Assert.Equal(RecipientStatus.Accepted, Assert.Single(result.Recipients).Status);
        var accepted = Assert.Single(harness.Emulator.AcceptedMessages(Provider));
        Assert.Equal(imageAndButton ? "https://x.example/i.jpg" : null, accepted.ImageUrl);
    }

    [Fact]
    public async Task SendAsync_ViberPlusSms_SendsTextSmsCallbackAndValidityPeriod()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        await sut.SendAsync(new ViberMessage
        {
            Sender = "Shop",
            Recipients = [Recipient],
            Text = "Your code is 1234",
            SmsFallback = new SmsFallback("Code 1234"),
            TimeToLive = TimeSpan.FromSeconds(40),
            CallbackUrl = new Uri("https://shop.example/dt"),
        });

        WireAssert.JsonEqual(
            """{"source_addr":"Shop","destination_addr":"380504444444","message_type":106,"text":"Your code is 1234","source_type":2,"text_sms":"Code 1234","callback_url":"https://shop.example/dt","validity_period":40}""",
            Assert.Single(harness.Emulator.RequestsTo(Provider)).Body);
        Assert.Equal("Code 1234", Assert.Single(harness.Emulator.AcceptedMessages(Provider)).SmsText);
    }

    [Fact]
    public async Task SendAsync_ImageAndButtonWithoutAKind_IsPromotionalAsTheDocumentSaysAndAccepted()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(Rich(kind: null));

        var body = JsonNode.Parse(Assert.Single(harness.Emulator.RequestsTo(Provider)).Body)!;
        Assert.Equal((108, 1), (body["message_type"]!.GetValue<int>(), body["source_type"]!.GetValue<int>()));
        Assert.True(result.IsFullyAccepted);
        Assert.Equal("https://x.example/i.jpg", Assert.Single(harness.Emulator.AcceptedMessages(Provider)).ImageUrl);
    }

    [Fact]
    public async Task SendAsync_TransactionalWithImageAndButton_ThrowsNamingTheRuleBeforeAnyRequest()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.SendAsync(Rich(MessageKind.Transactional)));

        var broken = Assert.Single(error.Errors);
        Assert.Equal(("Kind", "TransactionalTextOnly"), (broken.Field, broken.Rule));
        Assert.Contains("transactional message (text message) – 2", broken.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Emulator.Requests);
    }

    [Fact]
    public async Task SendAsync_SmsFallbackWithoutTimeToLive_SendsTheOnly40SecondsAndIsAccepted()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = [Recipient], Text = "Hi", SmsFallback = new SmsFallback("Code 1234") });

        WireAssert.JsonEqual(
            """{"source_addr":"Shop","destination_addr":"380504444444","message_type":106,"text":"Hi","source_type":2,"text_sms":"Code 1234","validity_period":40}""",
            Assert.Single(harness.Emulator.RequestsTo(Provider)).Body);
        Assert.True(result.IsFullyAccepted);
        Assert.Equal("Code 1234", Assert.Single(harness.Emulator.AcceptedMessages(Provider)).SmsText);
    }

    [Theory]
    [InlineData(41)]
    [InlineData(3600)]
    public async Task SendAsync_SmsFallbackWithAnotherTimeToLive_ThrowsQuotingTheDocumentBeforeAnyRequest(int seconds)
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.SendAsync(new ViberMessage
        {
            Sender = "Shop",
            Recipients = [Recipient],
            Text = "Hi",
            SmsFallback = new SmsFallback("Code 1234"),
            TimeToLive = TimeSpan.FromSeconds(seconds),
        }));

        var broken = Assert.Single(error.Errors);
        Assert.Equal(("TimeToLive", "ViberPlusSmsTtl"), (broken.Field, broken.Rule));
        Assert.Contains("transactional message + SMS – TTL only 40 seconds", broken.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Emulator.Requests);
    }

    [Fact]
    public async Task SendAsync_ImageAndButtonWithSmsFallbackAndNoKind_ThrowsTransactionalOnlyBeforeAnyRequest()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.SendAsync(Rich(kind: null, new SmsFallback("SMS"))));

        var broken = Assert.Single(error.Errors);
        Assert.Equal(("SmsFallback", "TransactionalOnly"), (broken.Field, broken.Rule));
        Assert.Contains("promotional", broken.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Emulator.Requests);
    }

    [Theory]
    [InlineData(DecisionTelecomKeyEncoding.Base64)]
    [InlineData(DecisionTelecomKeyEncoding.Base64WithColon)]
    [InlineData(DecisionTelecomKeyEncoding.Verbatim)]
    public async Task SendAsync_EachKeyEncoding_IsAcceptedWithItsHeader(DecisionTelecomKeyEncoding encoding)
    {
        const string Base64Key = "ZW11bGF0b3Ita2V5";
        await using var harness = await StartAsync(o => o.KeyEncoding = encoding, e => e.Credentials.DecisionTelecomApiKey = Base64Key);
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(Text(Recipient));

        Assert.True(result.IsFullyAccepted);
        Assert.Equal(
            encoding switch
            {
                DecisionTelecomKeyEncoding.Base64 => Basic(Base64(Base64Key)),
                DecisionTelecomKeyEncoding.Base64WithColon => Basic(Base64(Base64Key + ":")),
                _ => Basic(Base64Key),
            },
            Assert.Single(harness.Emulator.RequestsTo(Provider)).Headers["Authorization"]);
    }

    [Fact]
    public async Task SendAsync_FiftyRecipients_FansOutOnePacedRequestEachWithoutA429InRecipientOrder()
    {
        await using var harness = await StartAsync(
            o =>
            {
                o.Pacing.PermitLimit = 20;
                o.Pacing.SafetyMargin = TimeSpan.FromMilliseconds(50); // a shared CI machine's jitter, as the option's docs advise
                o.MaxConcurrentRequests = 8;
            },
            e => e.RateLimits[Provider] = new EmulatorRateLimit(20, TimeSpan.FromSeconds(1)));
        var sut = CreateSut(harness);
        var recipients = Enumerable.Range(0, 50).Select(i => PhoneNumber.Parse($"+3805000000{i:00}")).ToArray();

        var result = await sut.SendAsync(Text(recipients));

        Assert.Equal(recipients, result.Recipients.Select(r => r.Recipient));
        Assert.Equal(50, result.AcceptedCount);
        var requests = harness.Emulator.RequestsTo(Provider);
        Assert.Equal(50, requests.Count);
        Assert.Equal(
            recipients.Select(r => r.Digits).Order(),
            requests.Select(r => (string)JsonNode.Parse(r.Body)!["destination_addr"]!).Order());
        Assert.Equal(0, harness.Emulator.RateLimitedCount(Provider));
        Assert.InRange(harness.Emulator.PeakRequestsInWindow(Provider), 1, 20);
        Assert.Equal(0, harness.Emulator.DuplicateCount(Provider));
        var byId = harness.Emulator.AcceptedMessages(Provider).ToDictionary(m => m.Id);
        Assert.All(result.Recipients, r => Assert.Equal(r.Recipient.Digits, byId[r.MessageId!.Value.Value].Recipient));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendAsync_OneInvalidNumberAmongMany_RejectsOnlyThatRecipientAndSendsTheRest(bool errorsWithHttp200)
    {
        await using var harness = await StartAsync();
        harness.Emulator.Provider<DecisionTelecomEmulatorSettings>().ErrorsWithHttp200 = errorsWithHttp200;
        harness.Emulator.ScriptRecipient("+380500000002", RecipientBehavior.InvalidNumber);
        var sut = CreateSut(harness);
        var recipients = Enumerable.Range(1, 4).Select(i => PhoneNumber.Parse($"+38050000000{i}")).ToArray();

        var result = await sut.SendAsync(Text(recipients));

        Assert.Equal(
            [RecipientStatus.Accepted, RecipientStatus.Rejected, RecipientStatus.Accepted, RecipientStatus.Accepted],
            result.Recipients.Select(r => r.Status));
        var rejected = result.Recipients[1];
        Assert.Equal((recipients[1], DeliveryFailureReason.InvalidNumber, "Invalid Parameter: destination_addr"), (rejected.Recipient, rejected.Reason, rejected.ProviderCode));
        Assert.Equal(3, harness.Emulator.AcceptedMessages(Provider).Count);
        Assert.Equal(4, harness.Emulator.RequestsTo(Provider).Count);
    }

    [Fact]
    public async Task SendAsync_2xxWithNeitherIdNorError_ThatRecipientFailsWithAnUnknownOutcomeOthersGoOut()
    {
        await using var harness = await StartAsync();
        harness.Emulator.ScriptRecipient(Recipient.Digits, RecipientBehavior.SilentlyDropped);
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(Text(Recipient, PhoneNumber.Parse("+380500000001")));

        Assert.Equal(RecipientStatus.Failed, result.Recipients[0].Status);
        Assert.Equal(ViberErrorCode.OutcomeUnknown, result.Recipients[0].Error!.ErrorCode);
        Assert.Equal(SendOutcome.Accepted, result.Recipients[0].Error!.Outcome);
        Assert.Equal(RecipientStatus.Accepted, result.Recipients[1].Status);
    }

    [Theory]
    [InlineData(false, HttpStatusCode.PaymentRequired)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task SendAsync_EmptyBalance_ThrowsInsufficientFundsAfterOneRequest(bool errorsWithHttp200, HttpStatusCode expected)
    {
        await using var harness = await StartAsync(o => o.MaxConcurrentRequests = 1);
        harness.Emulator.Provider<DecisionTelecomEmulatorSettings>().ErrorsWithHttp200 = errorsWithHttp200;
        harness.Emulator.Provider<DecisionTelecomEmulatorSettings>().BalanceEmpty = true;
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(Text(Recipient, PhoneNumber.Parse("+380500000001"), PhoneNumber.Parse("+380500000002"))));

        Assert.Equal((ViberErrorCode.InsufficientFunds, SendOutcome.NotSent, expected), (error.ErrorCode, error.Outcome, error.StatusCode));
        Assert.Equal(("3", "Topup balance is required: User balance is empty"), (error.ProviderErrorCode, error.ProviderMessage));
        Assert.Single(harness.Emulator.RequestsTo(Provider));
        Assert.Empty(harness.Emulator.AcceptedMessages(Provider));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task SendAsync_InternalError_IsOutcomeUnknownAndNeverResent(bool errorsWithHttp200, bool afterAccept)
    {
        await using var harness = await StartAsync();
        harness.Emulator.Provider<DecisionTelecomEmulatorSettings>().ErrorsWithHttp200 = errorsWithHttp200;
        harness.Emulator.InjectFault(Provider, afterAccept ? EmulatorFault.ServerErrorAfterAccept() : EmulatorFault.ServerError());
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(Text(Recipient)));

        // The SDK cannot tell the two apart: both may have been processed, so neither is retried.
        Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown), (error.ErrorCode, error.Outcome));
        Assert.Equal(errorsWithHttp200 ? HttpStatusCode.OK : HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("2", error.ProviderErrorCode);
        Assert.Single(harness.Emulator.RequestsTo(Provider));
        Assert.Equal(afterAccept ? 1 : 0, harness.Emulator.AcceptedMessages(Provider).Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendAsync_ProviderRateLimit_PausesRetriesAndSendsEachRecipientOnce(bool errorsWithHttp200)
    {
        await using var harness = await StartAsync(
            o =>
            {
                o.MaxConcurrentRequests = 1;
                o.Pacing.PermitLimit = 10;
                o.Pacing.Window = TimeSpan.FromMilliseconds(300);
            },
            e => e.RateLimits[Provider] = new EmulatorRateLimit(1, TimeSpan.FromMilliseconds(300)));
        harness.Emulator.Provider<DecisionTelecomEmulatorSettings>().ErrorsWithHttp200 = errorsWithHttp200;
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(Text(Recipient, PhoneNumber.Parse("+380500000001")));

        Assert.True(result.IsFullyAccepted);
        Assert.True(harness.Emulator.RateLimitedCount(Provider) >= 1);
        Assert.Equal(2, harness.Emulator.AcceptedMessages(Provider).Count);
        Assert.Equal(0, harness.Emulator.DuplicateCount(Provider));
        Assert.Contains(harness.Logs.Collector.GetSnapshot(), r => r.Id.Id == 3 && r.Message.Contains("rate limited", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_WrongKey_ThrowsUnauthorizedWithoutLeakingTheKey()
    {
        await using var harness = await StartAsync(services: s => s.PostConfigureAll<DecisionTelecomOptions>(o => o.ApiKey = "wrong-user-hash-key"));
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(Text(Recipient)));

        Assert.Equal((ViberErrorCode.Unauthorized, HttpStatusCode.Unauthorized, "0"), (error.ErrorCode, error.StatusCode, error.ProviderErrorCode));
        Assert.Empty(harness.Emulator.AcceptedMessages(Provider));
        var everything = error + string.Join('\n', harness.Logs.Collector.GetSnapshot().Select(r => r.Message));
        Assert.DoesNotContain("wrong-user-hash-key", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Base64("wrong-user-hash-key"), everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ConnectionResetAfterAccept_FailsThatRecipientOnlyAndNeverResends()
    {
        await using var harness = await StartAsync(o => o.MaxConcurrentRequests = 1);
        harness.Emulator.InjectFault(Provider, EmulatorFault.ResetAfterAccept(), pathContains: "send-viber");
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(Text(Recipient, PhoneNumber.Parse("+380500000001"), PhoneNumber.Parse("+380500000002")));

        var failed = result.Recipients[0];
        Assert.Equal((RecipientStatus.Failed, ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown), (failed.Status, failed.Error!.ErrorCode, failed.Error.Outcome));
        Assert.Equal([RecipientStatus.Accepted, RecipientStatus.Accepted], result.Recipients.Skip(1).Select(r => r.Status));
        Assert.Equal(3, harness.Emulator.RequestsTo(Provider).Count);
        Assert.Equal(3, harness.Emulator.AcceptedMessages(Provider).Count);
        Assert.Equal(0, harness.Emulator.DuplicateCount(Provider));
    }

    [Theory]
    [InlineData("malformed")]
    [InlineData("empty")]
    [InlineData("truncated")]
    public async Task SendAsync_UnreadableAnswerAfterAccept_IsOutcomeUnknownAndNeverResent(string fault)
    {
        await using var harness = await StartAsync();
        harness.Emulator.InjectFault(Provider, fault switch
        {
            "malformed" => EmulatorFault.MalformedAfterAccept(),
            "empty" => EmulatorFault.EmptyAfterAccept(),
            _ => EmulatorFault.TruncatedAfterAccept(),
        });
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(Text(Recipient)));

        Assert.Equal(ViberErrorCode.OutcomeUnknown, error.ErrorCode);
        Assert.NotEqual(SendOutcome.NotSent, error.Outcome);
        Assert.Single(harness.Emulator.RequestsTo(Provider));
        Assert.Single(harness.Emulator.AcceptedMessages(Provider));
    }

    [Fact]
    public async Task SendAsync_InvalidMessage_ThrowsEveryProblemBeforeAnyRequest()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.SendAsync(new ViberMessage
        {
            Sender = "A sender name that is far too long",
            Recipients = [Recipient],
            Text = "Hi",
            ImageUrl = new Uri("https://x.example/i.jpg"),
            Kind = MessageKind.Promotional,
            SmsFallback = new SmsFallback("SMS"),
        }));

        Assert.Equal(["Sender", "Button", "SmsFallback"], error.Errors.Select(e => e.Field));
        Assert.Empty(harness.Emulator.RequestsTo(Provider));
    }

    [Fact]
    public async Task GetStatusesAsync_AfterSend_PostsTheExactIdAndReachesDelivered()
    {
        await using var harness = await StartAsync(emulator: e => e.TimeProvider = _emulatorClock);
        var sut = CreateSut(harness);
        var id = (await sut.SendAsync(Text(Recipient))).MessageIds.Single();

        var report = await PollUntilFinalAsync(sut, _emulatorClock, id);

        Assert.Equal((id, DeliveryStatus.Delivered, DeliveryChannel.Viber, "1"), (report.MessageId, report.Status, report.DeliveredVia, report.RawStatus));
        var query = harness.Emulator.RequestsTo(Provider).Last();
        Assert.Equal(("POST", "/v1/api/receive-viber"), (query.Method, query.Path));
        Assert.Equal("""{"message_id":9007199254740993}""", query.Body);
        Assert.Equal(Basic(Base64(Key)), query.Headers["Authorization"]);
    }

    [Theory]
    [InlineData(0, DeliveryStatus.Sent)]
    [InlineData(1, DeliveryStatus.Delivered)]
    [InlineData(2, DeliveryStatus.Failed)]
    [InlineData(3, DeliveryStatus.Rejected)]
    [InlineData(4, DeliveryStatus.Undeliverable)]
    [InlineData(5, DeliveryStatus.Pending)]
    [InlineData(20, DeliveryStatus.Unknown)]
    [InlineData(7, DeliveryStatus.Unknown)]
    [InlineData(99, DeliveryStatus.Unknown)]
    public async Task GetStatusesAsync_EveryStatusInt_MapsItAndKeepsTheRawInt(int status, DeliveryStatus expected)
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var id = (await sut.SendAsync(Text(Recipient))).MessageIds.Single();
        harness.Emulator.Provider<DecisionTelecomEmulatorSettings>().OverrideStatus(id.Value, status);

        var report = Assert.Single(await sut.GetStatusesAsync([id]));

        Assert.Equal((expected, expected, status.ToString(System.Globalization.CultureInfo.InvariantCulture)), (report.ViberStatus, report.Status, report.RawStatus));
        Assert.Null(report.SmsStatus);
        Assert.Null(report.Error);
    }

    [Theory]
    [InlineData(0, DeliveryStatus.Unknown, DeliveryStatus.Unknown)]
    [InlineData(1, DeliveryStatus.Sent, DeliveryStatus.Sent)]
    [InlineData(2, DeliveryStatus.Delivered, DeliveryStatus.Delivered)]
    [InlineData(3, DeliveryStatus.Expired, DeliveryStatus.Expired)]
    [InlineData(4, DeliveryStatus.Cancelled, DeliveryStatus.Cancelled)]
    [InlineData(5, DeliveryStatus.Undeliverable, DeliveryStatus.Undeliverable)]
    [InlineData(6, DeliveryStatus.Sent, DeliveryStatus.Sent)]
    [InlineData(8, DeliveryStatus.Rejected, DeliveryStatus.Rejected)]
    public async Task GetStatusesAsync_EverySmsState_FillsTheSmsFallbackPart(int smsStatus, DeliveryStatus expectedSms, DeliveryStatus expectedOverall)
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var id = (await sut.SendAsync(Text(Recipient))).MessageIds.Single();
        harness.Emulator.Provider<DecisionTelecomEmulatorSettings>().OverrideStatus(id.Value, 4, smsStatus);

        var report = Assert.Single(await sut.GetStatusesAsync([id]));

        Assert.Equal((DeliveryStatus.Undeliverable, expectedSms, expectedOverall), (report.ViberStatus, report.SmsStatus, report.Status));
        Assert.Equal(smsStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), report.RawSmsStatus);
        Assert.Equal(["3098"], report.SmsPartIds);
    }

    [Theory]
    [InlineData(RecipientBehavior.NotViberUser, DeliveryStatus.Delivered, "2")]
    [InlineData(RecipientBehavior.Unreachable, DeliveryStatus.Undeliverable, "5")]
    public async Task GetStatusesAsync_ViberPlusSmsThroughTheTimeline_EndsWithTheSmsOutcome(RecipientBehavior behavior, DeliveryStatus expected, string rawSms)
    {
        await using var harness = await StartAsync(emulator: e => e.TimeProvider = _emulatorClock);
        harness.Emulator.ScriptRecipient(Recipient.Digits, behavior);
        var sut = CreateSut(harness);
        var id = (await sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = [Recipient], Text = "Code 1", SmsFallback = new SmsFallback("Code 1") })).MessageIds.Single();

        var report = await PollUntilFinalAsync(sut, _emulatorClock, id);

        Assert.Equal((DeliveryStatus.Undeliverable, expected, expected, "4", rawSms), (report.ViberStatus, report.SmsStatus, report.Status, report.RawStatus, report.RawSmsStatus));
        Assert.Equal(expected == DeliveryStatus.Delivered ? DeliveryChannel.Sms : null, report.DeliveredVia);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetStatusesAsync_OlderThanFiveDaysOrUnknown_IsAPerIdUnknownMessageReport(bool errorsWithHttp200)
    {
        var clock = TestClock.Create();
        await using var harness = await StartAsync(emulator: e => e.TimeProvider = clock);
        harness.Emulator.Provider<DecisionTelecomEmulatorSettings>().ErrorsWithHttp200 = errorsWithHttp200;
        var sut = CreateSut(harness);
        var old = (await sut.SendAsync(Text(Recipient))).MessageIds.Single();
        clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromSeconds(1));
        var fresh = (await sut.SendAsync(Text(Recipient))).MessageIds.Single();
        var unknown = new MessageId(Provider, "12345");

        var reports = await sut.GetStatusesAsync([old, unknown, fresh]);

        Assert.Equal([old, unknown, fresh], reports.Select(r => r.MessageId));
        Assert.All(reports.Take(2), r =>
        {
            Assert.Equal((DeliveryStatus.Unknown, DeliveryFailureReason.UnknownMessage, "1"), (r.Status, r.FailureReason, r.ProviderErrorCode));
            Assert.Equal(ViberErrorCode.NotFound, r.Error!.ErrorCode);
            Assert.Contains("5 days", r.Error.Message, StringComparison.Ordinal);
        });
        Assert.Equal((DeliveryStatus.Pending, "5", null), (reports[2].Status, reports[2].RawStatus, reports[2].Error));
    }

    [Fact]
    public async Task GetStatusesAsync_ManyIdsWithADuplicate_AsksEachOnceAndAnswersInOrder()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var ids = (await sut.SendAsync(Text(Enumerable.Range(1, 4).Select(i => PhoneNumber.Parse($"+38050000000{i}")).ToArray()))).MessageIds.ToArray();
        harness.Emulator.Reset();
        MessageId[] asked = [ids[3], ids[0], ids[2], ids[1], ids[0]];

        var reports = await sut.GetStatusesAsync(asked);

        Assert.Equal(asked, reports.Select(r => r.MessageId));
        var bodies = harness.Emulator.RequestsTo(Provider).Select(r => r.Body).Order().ToArray();
        Assert.Equal(ids.Select(i => $$"""{"message_id":{{i.Value}}}""").Order(), bodies);
    }

    [Fact]
    public async Task GetStatusesAsync_ForeignAndMalformedIds_ThrowsBeforeAnyRequest()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.GetStatusesAsync([new MessageId(ViberProviders.Devino, "1"), new MessageId(Provider, "x1")]));

        Assert.Equal(["messageIds[0]", "messageIds[1]"], error.Errors.Select(e => e.Field));
        Assert.Empty(harness.Emulator.RequestsTo(Provider));
    }

    [Fact]
    public async Task GetStatusesAsync_TransientServerError_IsRetried()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var id = (await sut.SendAsync(Text(Recipient))).MessageIds.Single();
        harness.Emulator.InjectFault(Provider, EmulatorFault.ServerError(), pathContains: "receive-viber");

        var report = Assert.Single(await sut.GetStatusesAsync([id]));

        Assert.Null(report.Error);
        Assert.NotNull(report.RawStatus);
        Assert.Equal([500, 200], harness.Emulator.RequestsTo(Provider).Where(r => r.Path.Contains("receive", StringComparison.Ordinal)).Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task GetStatusesAsync_WrongKey_ThrowsUnauthorized()
    {
        await using var harness = await StartAsync(services: s => s.PostConfigureAll<DecisionTelecomOptions>(o => o.ApiKey = "wrong-user-hash-key"));
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.GetStatusesAsync([new MessageId(Provider, "1")]));

        Assert.Equal((ViberErrorCode.Unauthorized, HttpStatusCode.Unauthorized), (error.ErrorCode, error.StatusCode));
    }

    [Fact]
    public async Task SendAsync_TwoWayWithCallbackUrl_CallbacksParseBackToTheSentMessage()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var harness = await StartAsync(emulator: e => e.Timeline.ReplyAfter = TimeSpan.FromMilliseconds(50));
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(new ViberMessage
        {
            Sender = "Shop",
            Recipients = [Recipient],
            Text = "Did the parcel arrive?",
            TwoWay = TwoWayOptions.OpenChat,
            CallbackUrl = receiver.Url,
        });

        var id = result.MessageIds.Single();
        ChatMessage? reply = null;
        DeliveryReport? status = null;
        while (reply is null || status is null)
        {
            var body = await receiver.NextAsync();
            if (DecisionTelecomCallbacks.IsReply(body))
            {
                reply = DecisionTelecomCallbacks.ParseReply(body);
            }
            else
            {
                status = DecisionTelecomCallbacks.ParseStatus(body);
            }
        }

        Assert.Equal(206, (int)JsonNode.Parse(Assert.Single(harness.Emulator.RequestsTo(Provider)).Body)!["message_type"]!);
        Assert.Equal((id, ChatMessageDirection.Incoming, "Thanks, got it!", Recipient), (reply.InReplyTo, reply.Direction, reply.Text, reply.Phone));
        Assert.Equal("4444444444444444", reply.ProviderMessageId);
        Assert.Equal(id, status.MessageId);
    }

    private static Task<EmulatorHarness> StartAsync(
        Action<DecisionTelecomOptions>? configure = null,
        Action<ViberEmulatorOptions>? emulator = null,
        Action<IServiceCollection>? services = null)
        => EmulatorHarness.StartAsync(
            b => b.AddDecisionTelecom(o =>
            {
                o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(10);
                configure?.Invoke(o);
            }),
            emulator,
            services);

    private static DecisionTelecomViberClient CreateSut(EmulatorHarness harness)
        => harness.Services.GetRequiredKeyedService<DecisionTelecomViberClient>(Provider);

    private static ViberMessage Text(params PhoneNumber[] recipients) => new() { Sender = "Shop", Recipients = recipients, Text = "Hi" };

    private static ViberMessage Rich(MessageKind? kind, SmsFallback? sms = null) => new()
    {
        Sender = "Shop",
        Recipients = [Recipient],
        Text = "Hi",
        SmsFallback = sms,
        ImageUrl = new Uri("https://x.example/i.jpg"),
        Button = new ViberButton("Join Us", new Uri("https://x.example/join")),
        Kind = kind,
    };

    /// <summary>Asks until the report is final (50 times at most), moving the emulator's clock 100 ms between asks: no real waiting.</summary>
    private static async Task<DeliveryReport> PollUntilFinalAsync(IStatusQuery sut, FakeTimeProvider emulatorClock, MessageId id)
    {
        var report = (await sut.GetStatusesAsync([id]))[0];
        for (var attempt = 0; attempt < 50 && !report.IsFinal; attempt++)
        {
            emulatorClock.Advance(TimeSpan.FromMilliseconds(100));
            report = (await sut.GetStatusesAsync([id]))[0];
        }

        return report;
    }
}
