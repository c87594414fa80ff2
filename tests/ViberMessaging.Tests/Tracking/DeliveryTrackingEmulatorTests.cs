using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.Tests.Reliability;
using ViberMessaging.Tests.TestSupport;
using ViberMessaging.Tracking;

namespace ViberMessaging.Tests.Tracking;

/// <summary>
/// <c>AddDeliveryTracking()</c> for real: the hosted tracker polls each provider's emulator over loopback, the SDK and
/// the emulator on one fake clock, until the message is final, then stops asking.
/// </summary>
public sealed class DeliveryTrackingEmulatorTests
{
    [Theory]
    [MemberData(nameof(ReliabilityProviders.Names), MemberType = typeof(ReliabilityProviders))]
    public async Task HostedTracker_MessageDeliveredAfterFirstPoll_AnnouncesEachChangeOnceThenStopsPolling(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));
        var @case = ReliabilityProviders.Get(provider);
        await using var harness = await EmulatorHarness.StartAsync(
            b => @case.AddTo(b, _ => { }).AddDeliveryTracking(),
            e =>
            {
                e.TimeProvider = clock;
                e.Timeline.DeliveredAfter = TimeSpan.FromSeconds(15);
                e.Timeline.ReadAfter = TimeSpan.FromMinutes(10);
            },
            s => s.AddSingleton<TimeProvider>(clock));
        var sut = harness.Services.GetRequiredService<IDeliveryTracker>();
        var hosted = Assert.Single(harness.Services.GetServices<IHostedService>().OfType<DeliveryTracker>());
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await hosted.StartAsync(stop.Token);
        var changes = new List<DeliveryReport>();
        var stream = sut.WatchAsync(stop.Token);   // subscribed here, before the send: the task below may start reading late
        var watching = Task.Run(async () =>
        {
            await foreach (var report in stream)
            {
                lock (changes)
                {
                    changes.Add(report);
                }
            }
        });

        var result = await harness.Sender(provider).SendAsync(@case.Message("Your order has shipped"));
        var statusRequestsBefore = StatusRequests(harness, @case);
        sut.Track(result);
        var id = Assert.Single(result.MessageIds);
        await StepUntilAsync(clock, () => Count(changes) >= 2);

        Assert.Equal(0, hosted.PendingCount);
        lock (changes)
        {
            Assert.All(changes, c => Assert.Equal(id, c.MessageId));
            Assert.False(changes[0].IsFinal, changes[0].ToString());
            Assert.Equal(DeliveryStatus.Delivered, changes[1].Status);
        }

        Assert.Equal(DeliveryStatus.Delivered, (await sut.GetAsync(id))?.Status);
        Assert.Equal(2, StatusRequests(harness, @case) - statusRequestsBefore);
        await hosted.StopAsync(CancellationToken.None);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);
    }

    [Fact]
    public void AddDeliveryTracking_InvalidOptions_ReportsEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddViberMessaging().AddDeliveryTracking(o =>
        {
            o.FirstPollAfter = TimeSpan.Zero;
            o.PollingShare = 1.5;
            o.MaxAge = TimeSpan.FromSeconds(-1);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DeliveryTrackerOptions>>().Value);

        Assert.Equal(3, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains(nameof(DeliveryTrackerOptions.FirstPollAfter), StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains(nameof(DeliveryTrackerOptions.PollingShare), StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains(nameof(DeliveryTrackerOptions.MaxAge), StringComparison.Ordinal));
    }

    [Fact]
    public void AddDeliveryTracking_TwiceWithAStoreOfYourOwn_RegistersOneTrackerOverYourStore()
    {
        var services = new ServiceCollection();
        var store = new InMemoryDeliveryStore();
        services.AddSingleton<IDeliveryStore>(store);
        services.AddViberMessaging().AddDeliveryTracking().AddDeliveryTracking();

        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
        Assert.Single(services, d => d.ServiceType == typeof(IDeliveryStore));
    }

    private static int StatusRequests(EmulatorHarness harness, ProviderCase @case)
        => harness.Emulator.RequestsTo(@case.Name).Count(r => r.Path.Contains(@case.StatusPath, StringComparison.Ordinal));

    private static int Count(List<DeliveryReport> changes)
    {
        lock (changes)
        {
            return changes.Count;
        }
    }

    /// <summary>
    /// Moves the shared clock a quarter second at a time, pausing briefly in real time so the tracker's loop and the
    /// loopback requests a step released can run, until <paramref name="done"/> (at most 100 s of fake time).
    /// </summary>
    private static async Task StepUntilAsync(FakeTimeProvider clock, Func<bool> done)
    {
        for (var step = 0; step < 400 && !done(); step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
#pragma warning disable RS0030 // A real-time yield so loopback requests a clock step released can run; the condition, not the wait, is asserted.
            await Task.Delay(10);
#pragma warning restore RS0030
        }

        Assert.True(done(), "the tracker did not get there within 100 s of fake time");
    }
}
