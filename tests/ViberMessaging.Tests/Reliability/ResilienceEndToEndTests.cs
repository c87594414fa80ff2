using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.Testing;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// The retry table end to end, over real loopback HTTP for every provider: Retry-After in both forms is waited out
/// exactly and capped, sends never ask for 100-continue, 429s never open the circuit while 5xx and connect failures
/// do (and an open circuit sends nothing), and status queries retry through transient faults without losing an id.
/// </summary>
public sealed class ResilienceEndToEndTests
{
    public static TheoryData<string, bool> RetryAfterForms => ReliabilityProviders.NamesWithBoth;

    [Theory]
    [MemberData(nameof(RetryAfterForms))]
    public async Task SendAsync_429WithRetryAfter_WaitsExactlyThatLongThenIsAccepted(string name, bool asHttpDate)
    {
        var provider = ReliabilityProviders.Get(name);
        var time = new TimerCountingTimeProvider();
        await using var harness = await StartAsync(provider, time);
        harness.Emulator.InjectFault(provider.Name, EmulatorFault.RateLimited(TimeSpan.FromSeconds(5), asHttpDate), pathContains: provider.SendPath);

        var sending = harness.Sender(provider.Name).SendAsync(provider.Message("retry after"));
        await Eventually.BackingOff(harness, time);
        var armed = time.ArmedTimers;
        time.Advance(TimeSpan.FromSeconds(4.9));
        var armedBeforeTheWaitEnds = time.ArmedTimers; // FakeTimeProvider fires due timers inside Advance: a shorter wait is gone by now
        time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(armed, armedBeforeTheWaitEnds);
        Assert.True(result.IsFullyAccepted);
        var requests = harness.Emulator.RequestsTo(provider.Name);
        Assert.Equal([429, 200], requests.Select(r => r.ResponseStatus));
        Assert.Equal(TimeSpan.FromSeconds(5), requests[1].ReceivedAt - requests[0].ReceivedAt);
        Assert.Single(harness.Emulator.AcceptedMessages(provider.Name));
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task SendAsync_RetryAfterBeyondTheCap_FailsRateLimitedAtOnceWithTheWait(string name)
    {
        var provider = ReliabilityProviders.Get(name);
        var time = new TimerCountingTimeProvider();
        await using var harness = await StartAsync(provider, time, o => o.Resilience.MaxRetryAfter = TimeSpan.FromSeconds(30));
        harness.Emulator.InjectFault(provider.Name, EmulatorFault.RateLimited(TimeSpan.FromMinutes(5)), pathContains: provider.SendPath);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => harness.Sender(provider.Name).SendAsync(provider.Message("capped")).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal((ViberErrorCode.RateLimited, SendOutcome.NotSent), (error.ErrorCode, error.Outcome));
        Assert.Equal(TimeSpan.FromMinutes(5), error.RetryAfter);
        Assert.Single(harness.Emulator.RequestsTo(provider.Name));
        Assert.Empty(harness.Emulator.AcceptedMessages(provider.Name));
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task SendAsync_AccountPausedBeyondTheCap_OtherSendsFailAtOnceNotSentAndTheWarningIsLoggedOnce(string name)
    {
        // One 429 with Retry-After: 3600 pauses the account; no other caller may wait the hour for it.
        var provider = ReliabilityProviders.Get(name);
        var time = new TimerCountingTimeProvider();
        await using var harness = await StartAsync(provider, time, o => o.Resilience.MaxRetryAfter = TimeSpan.FromSeconds(30));
        harness.Emulator.InjectFault(provider.Name, EmulatorFault.RateLimited(TimeSpan.FromHours(1)), pathContains: provider.SendPath);
        var sender = harness.Sender(provider.Name);
        await Assert.ThrowsAsync<ViberMessagingException>(() => sender.SendAsync(provider.Message("refused")).WaitAsync(TimeSpan.FromSeconds(20)));
        var warnings = harness.Logs.Collector.GetSnapshot().Count(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);

        time.Advance(TimeSpan.FromMinutes(1));
        var others = new List<ViberMessagingException>();
        for (var i = 0; i < 3; i++)
        {
            others.Add(await Assert.ThrowsAsync<ViberMessagingException>(() => sender.SendAsync(provider.Message($"during the pause {i}")).WaitAsync(TimeSpan.FromSeconds(20))));
        }

        Assert.All(others, e => Assert.Equal((ViberErrorCode.RateLimited, SendOutcome.NotSent, TimeSpan.FromMinutes(59)), (e.ErrorCode, e.Outcome, e.RetryAfter)));
        Assert.Single(harness.Emulator.RequestsTo(provider.Name));
        Assert.Single(harness.Logs.Collector.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning && r.Message.Contains("MaxRetryAfter", StringComparison.Ordinal));
        Assert.Equal(warnings, harness.Logs.Collector.GetSnapshot().Count(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning));

        time.Advance(TimeSpan.FromMinutes(59));
        Assert.True((await sender.SendAsync(provider.Message("after the pause")).WaitAsync(TimeSpan.FromSeconds(20))).IsFullyAccepted);
    }

    public static TheoryData<string> ProviderNames => ReliabilityProviders.Names;

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task SendAsync_HttpClientDefaultsAskFor100Continue_TheRequestStillCarriesNoExpect(string name)
    {
        var provider = ReliabilityProviders.Get(name);
        await using var harness = await EmulatorHarness.StartAsync(
            b => provider.AddTo(b, _ => { }),
            configureServices: s => s.ConfigureHttpClientDefaults(c => c.ConfigureHttpClient(client => client.DefaultRequestHeaders.ExpectContinue = true)));

        var result = await harness.Sender(provider.Name).SendAsync(provider.Message("no expect"));

        Assert.True(result.IsFullyAccepted);
        var request = Assert.Single(harness.Emulator.RequestsTo(provider.Name));
        Assert.False(request.Headers.ContainsKey("Expect"), $"Expect: {request.Headers.GetValueOrDefault("Expect")}");
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task SendAsync_Two429sBeforeEverySend_NeverOpenTheCircuit(string name)
    {
        var provider = ReliabilityProviders.Get(name);
        await using var harness = await EmulatorHarness.StartAsync(
            b => provider.AddTo(b, o =>
            {
                o.Pacing.Enabled = false;
                o.Resilience.CircuitBreakerMinimumThroughput = 4;
            }),
            emulator => emulator.RateLimits.Clear());
        var sender = harness.Sender(provider.Name);

        for (var i = 0; i < 10; i++)
        {
            harness.Emulator.InjectFault(provider.Name, EmulatorFault.RateLimited(TimeSpan.Zero), count: 2, pathContains: provider.SendPath);
            var result = await sender.SendAsync(provider.Message($"429 then accepted {i}"));
            Assert.True(result.IsFullyAccepted, $"send {i}: {result}");
        }

        Assert.Equal(30, harness.Emulator.RequestsTo(provider.Name).Count);
        Assert.Equal(10, harness.Emulator.AcceptedMessages(provider.Name).Count);
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task SendAsync_CircuitOpenedByServerErrors_FailsTheNextSendWithoutARequest(string name)
    {
        var provider = ReliabilityProviders.Get(name);
        await using var harness = await EmulatorHarness.StartAsync(b => provider.AddTo(b, o => o.Resilience.CircuitBreakerMinimumThroughput = 4));
        var sender = harness.Sender(provider.Name);
        harness.Emulator.InjectFault(provider.Name, EmulatorFault.ServerError(), count: 4, pathContains: provider.SendPath);
        for (var i = 0; i < 4; i++)
        {
            var failed = await Assert.ThrowsAsync<ViberMessagingException>(() => sender.SendAsync(provider.Message($"5xx {i}")));
            Assert.Equal(ViberErrorCode.OutcomeUnknown, failed.ErrorCode);
        }

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sender.SendAsync(provider.Message("after the circuit opened")));

        Assert.Equal((ViberErrorCode.CircuitOpen, SendOutcome.NotSent), (error.ErrorCode, error.Outcome));
        Assert.Equal(4, harness.Emulator.RequestsTo(provider.Name).Count);
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task SendAsync_CircuitOpenedByConnectFailures_FailsTheNextSendWithoutAConnectAttempt(string name)
    {
        var provider = ReliabilityProviders.Get(name);
        var (harness, connect) = await ConnectFaults.StartAsync(provider, o => o.Resilience.CircuitBreakerMinimumThroughput = 4);
        await using var _ = harness;
        var sender = harness.Sender(provider.Name);
        connect.RefuseAll = true;

        var first = await Assert.ThrowsAsync<ViberMessagingException>(() => sender.SendAsync(provider.Message("refused")));
        var attempts = connect.Refused;
        var second = await Assert.ThrowsAsync<ViberMessagingException>(() => sender.SendAsync(provider.Message("after the circuit opened")));

        Assert.Equal(SendOutcome.NotSent, first.Outcome);
        Assert.Equal(4, attempts);
        Assert.Equal((ViberErrorCode.CircuitOpen, SendOutcome.NotSent), (second.ErrorCode, second.Outcome));
        Assert.Equal(attempts, connect.Refused);
        Assert.Empty(harness.Emulator.RequestsTo(provider.Name));
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task GetStatusesAsync_EightTransientFaults_RetriesThroughThemAndAnswersEveryIdInOrder(string name)
    {
        var provider = ReliabilityProviders.Get(name);
        var (harness, connect) = await ConnectFaults.StartAsync(provider, o =>
        {
            o.Resilience.MaxRetryAttempts = 8;
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(1);

            // Eight failures in a row would rightly open the circuit (tested above); here it stays out of the way.
            o.Resilience.CircuitBreakerMinimumThroughput = 1000;
        });
        await using var _ = harness;
        var ids = new List<MessageId>();
        for (var i = 0; i < 6; i++)
        {
            ids.AddRange((await harness.Sender(provider.Name).SendAsync(provider.Message($"tracked {i}"))).MessageIds);
        }

        EmulatorFault[] transient =
        [
            EmulatorFault.ServerError(), EmulatorFault.ServerErrorAfterAccept(), EmulatorFault.ResetBeforeRead(), EmulatorFault.ResetAfterAccept(),
            EmulatorFault.TruncatedAfterAccept(), EmulatorFault.HangAfterAccept(), EmulatorFault.RateLimited(TimeSpan.Zero),
        ];
        foreach (var fault in transient)
        {
            harness.Emulator.InjectFault(provider.Name, fault, pathContains: provider.StatusPath);
        }

        connect.RefuseNext();
        MessageId[] asked = [.. ids, ids[0], UnknownId(provider)];

        var reports = await harness.StatusQuery(provider.Name).GetStatusesAsync(asked);

        Assert.Equal(asked, reports.Select(r => r.MessageId));
        Assert.All(reports.Take(ids.Count + 1), r => Assert.True(r.Error is null && r.Status != DeliveryStatus.Unknown, $"{r.MessageId}: {r.Status} {r.Error?.Message}"));
        var unknown = reports[^1];
        Assert.Equal(DeliveryStatus.Unknown, unknown.Status);
        Assert.NotNull(unknown.Error);
        var struck = harness.Emulator.RequestsTo(provider.Name).Count(r => r.Fault is not null);
        Assert.Equal((transient.Length, 1), (struck, connect.Refused));
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task GetStatusesAsync_Corrupted200s_AreAskedAgainAndEveryIdIsAnswered(string name)
    {
        // A 200 whose body is a proxy's page or empty says nothing about the status; a read may simply be asked again.
        var provider = ReliabilityProviders.Get(name);
        await using var harness = await EmulatorHarness.StartAsync(
            b => provider.AddTo(b, o => o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1)),
            emulator => emulator.RateLimits.Clear());
        var sent = await harness.Sender(provider.Name).SendAsync(provider.Message("corrupted status"));
        harness.Emulator.InjectFault(provider.Name, EmulatorFault.MalformedAfterAccept(), pathContains: provider.StatusPath);
        harness.Emulator.InjectFault(provider.Name, EmulatorFault.EmptyAfterAccept(), pathContains: provider.StatusPath);

        var report = Assert.Single(await harness.StatusQuery(provider.Name).GetStatusesAsync(sent.MessageIds));

        Assert.True(report.Error is null && report.Status != DeliveryStatus.Unknown, $"{report.Status} {report.Error?.Message}");
        Assert.Equal(3, harness.Emulator.RequestsTo(provider.Name).Count(r => r.Path.Contains(provider.StatusPath, StringComparison.Ordinal)));
    }

    private static MessageId UnknownId(ProviderCase provider) => new(provider.Name, provider.Name == ViberProviders.SmsBy ? "quick:1" : "1");

    private static Task<EmulatorHarness> StartAsync(ProviderCase provider, FakeTimeProvider time, Action<ViberProviderOptions>? tweak = null)
        => EmulatorHarness.StartAsync(
            b => provider.AddTo(b, o => tweak?.Invoke(o)),
            emulator =>
            {
                emulator.TimeProvider = time;
                emulator.RateLimits.Clear();
            },
            services => services.AddSingleton<TimeProvider>(time));
}
