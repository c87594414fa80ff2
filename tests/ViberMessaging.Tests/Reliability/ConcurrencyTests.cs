using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using ViberMessaging.DependencyInjection;
using ViberMessaging.Testing;
using ViberMessaging.Tests.TestSupport;
using Xunit.Abstractions;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Load through one service provider against the emulator's strict windows: 1 000 concurrent sends across the four
/// providers, and a stream of sends while IHttpClientFactory rotates the handler chains every second. The windows
/// see no 429 and never more than their limit, nothing deadlocks, and every send is accounted for exactly once.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    private const int Limit = 50;

    // A busy shared machine delays requests between their departure and their arrival by tens of milliseconds.
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task SendAsync_ThousandConcurrentSendsAcrossProviders_NoRateLimitNoOverrunEveryResultAccountedFor()
    {
        await using var harness = await EmulatorHarness.StartAsync(
            b => ReliabilityProviders.AddAll(b, o =>
            {
                o.Pacing.PermitLimit = Limit;
                o.Pacing.SafetyMargin = Margin;

                // Evenly spaced: 4 × 50 requests released at once saturate the two cores this in-process emulator
                // shares with the client, and its arrivals then lag their departures by up to a second.
                o.Pacing.Burst = 1;
            }),
            emulator => emulator.RateLimits.Clear());
        await WarmUpThenLimitAsync(harness, Limit, ReliabilityProviders.All);
        var providers = ReliabilityProviders.All;
        var started = TimeProvider.System.GetTimestamp();

        var sends = Enumerable.Range(0, 1000).Select(i =>
        {
            var provider = providers[i % providers.Count];
            return (Provider: provider, Send: harness.Sender(provider.Name).SendAsync(provider.Message(string.Create(CultureInfo.InvariantCulture, $"concurrent {i}"))));
        }).ToArray();
        var results = await Task.WhenAll(sends.Select(s => s.Send)).WaitAsync(TimeSpan.FromMinutes(2));

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        foreach (var provider in providers)
        {
            var gate = ProviderRegistration.Infrastructure(harness.Services, provider.Name).Gate!.GetStatistics()!;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{provider.Name}: {harness.Emulator.AcceptedMessages(provider.Name).Count} accepted, peak {harness.Emulator.PeakRequestsInWindow(provider.Name)}/{Limit} per second, {harness.Emulator.RateLimitedCount(provider.Name)} × 429, {gate.TotalSuccessfulLeases} permits"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"1000 concurrent sends in {elapsed.TotalSeconds:0.0} s ({1000 / elapsed.TotalSeconds:0} per second over 4 providers)"));
        Assert.All(results, r => Assert.True(r.IsFullyAccepted, r.ToString()));
        Assert.Equal(1000, results.SelectMany(r => r.MessageIds).Distinct().Count());
        foreach (var provider in providers)
        {
            Assert.Equal(250, harness.Emulator.AcceptedMessages(provider.Name).Count);
            Assert.Equal(0, harness.Emulator.DuplicateCount(provider.Name));
            Assert.Equal(0, harness.Emulator.RateLimitedCount(provider.Name));
            Assert.InRange(harness.Emulator.PeakRequestsInWindow(provider.Name), 1, Limit);
            Assert.Equal(250 + WarmUpSends, ProviderRegistration.Infrastructure(harness.Services, provider.Name).Gate!.GetStatistics()!.TotalSuccessfulLeases);
        }
    }

    [Fact]
    public async Task SendAsync_HandlerChainsRotatingEverySecond_OneGateStillHoldsTheWindow()
    {
        const int PermitLimit = 30;
        const int Waves = 5;
        var provider = ReliabilityProviders.Get(ViberProviders.Devino);
        var builds = 0;
        await using var harness = await EmulatorHarness.StartAsync(
            b => provider.AddTo(b, o =>
            {
                o.Pacing.PermitLimit = PermitLimit;
                o.Pacing.SafetyMargin = Margin;
            }),
            emulator => emulator.RateLimits.Clear(),
            services => services.Configure<HttpClientFactoryOptions>(ProviderRegistration.HttpClientName(provider.Name), o =>
            {
                o.HandlerLifetime = TimeSpan.FromSeconds(1); // IHttpClientFactory's minimum
                o.HttpMessageHandlerBuilderActions.Add(_ => Interlocked.Increment(ref builds));
            }));
        await WarmUpThenLimitAsync(harness, PermitLimit, [provider]);
        var sender = harness.Sender(provider.Name);
        var sends = new List<Task<SendResult>>();

        // Each wave starts once the previous one's first send is through the gate, about a window later: it gets a
        // newly built handler chain while the previous chain is still carrying the rest of its wave.
        for (var wave = 0; wave < Waves; wave++)
        {
            var current = Enumerable.Range(0, PermitLimit).Select(i => sender.SendAsync(provider.Message($"rotation {wave}.{i}"))).ToArray();
            sends.AddRange(current);
            await Task.WhenAny(current).WaitAsync(TimeSpan.FromMinutes(1));
        }

        var results = await Task.WhenAll(sends).WaitAsync(TimeSpan.FromMinutes(2));

        output.WriteLine($"{sends.Count} sends over {builds} handler chains: peak {harness.Emulator.PeakRequestsInWindow(provider.Name)}/{PermitLimit} per second, {harness.Emulator.RateLimitedCount(provider.Name)} × 429");
        Assert.True(builds >= 3, $"The handler chain was built {builds} times; the test needs rotations.");
        Assert.All(results, r => Assert.True(r.IsFullyAccepted, r.ToString()));
        Assert.Equal(0, harness.Emulator.RateLimitedCount(provider.Name));
        Assert.InRange(harness.Emulator.PeakRequestsInWindow(provider.Name), 1, PermitLimit);
        Assert.Equal(sends.Count + WarmUpSends, ProviderRegistration.Infrastructure(harness.Services, provider.Name).Gate!.GetStatistics()!.TotalSuccessfulLeases);
    }

    private const int WarmUpSends = 3;

    /// <summary>
    /// The first requests of a process pay for JIT on both sides of the in-process emulator (hundreds of ms on a busy
    /// machine, more than any sane margin): they run before the strict windows are switched on. The gate keeps their
    /// departures, so it starts out stricter than the freshly reset windows, never looser.
    /// </summary>
    private static async Task WarmUpThenLimitAsync(EmulatorHarness harness, int limit, IEnumerable<ProviderCase> providers)
    {
        var list = providers.ToArray();
        await Task.WhenAll(list.SelectMany(p => Enumerable.Range(0, WarmUpSends).Select(i => harness.Sender(p.Name).SendAsync(p.Message($"warm-up {i}")))));
        harness.Emulator.Reset();
        foreach (var provider in list)
        {
            harness.Emulator.SetRateLimit(provider.Name, new EmulatorRateLimit(limit, TimeSpan.FromSeconds(1)));
        }
    }
}
