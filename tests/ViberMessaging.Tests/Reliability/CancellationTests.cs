using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.DependencyInjection;
using ViberMessaging.Testing;
using ViberMessaging.Tests.TestSupport;
using Xunit.Abstractions;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// A send cancelled while it waits for a pacing permit, or while it backs off before a retry, returns at once (the
/// time from Cancel to the exception is measured and printed; the bound is generous) and is never sent later, however
/// far the clock then moves: no permit is granted to it (the gate's counts) and no timer is left that could retry it.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class CancellationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);

    public static TheoryData<string> ProviderNames => ReliabilityProviders.Names;

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task SendAsync_CancelledWhileWaitingForAPermit_ReturnsPromptlyAndIsNeverSent(string name)
    {
        var provider = ReliabilityProviders.Get(name);
        var time = new TimerCountingTimeProvider();
        await using var harness = await StartAsync(provider, time, o =>
        {
            o.Pacing.PermitLimit = 1;
            o.Pacing.Window = TimeSpan.FromSeconds(10);
        });
        var sender = harness.Sender(provider.Name);
        var gate = ProviderRegistration.Infrastructure(harness.Services, provider.Name).Gate!;
        await sender.SendAsync(provider.Message("takes the only permit"));
        using var cancel = new CancellationTokenSource();

        var waiting = sender.SendAsync(provider.Message("cancelled in the queue"), cancel.Token);
        await Eventually.True(() => gate.GetStatistics()!.CurrentQueuedCount == 1, "the send to queue for a permit");
        var (elapsed, thrown) = await CancelAndMeasureAsync(cancel, waiting);
        time.Advance(TimeSpan.FromMinutes(1));
        var later = await sender.SendAsync(provider.Message("sent after the window"));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: a send waiting for a permit returned {elapsed.TotalMilliseconds:0.0} ms after Cancel"));
        Assert.InRange(elapsed, TimeSpan.Zero, Generous);
        Assert.IsNotType<SendCanceledException>(thrown);
        Assert.True(later.IsFullyAccepted);
        Assert.DoesNotContain(harness.Emulator.Requests, r => r.Body.Contains("cancelled in the queue", StringComparison.Ordinal) || r.Body.Contains("cancelled+in+the+queue", StringComparison.Ordinal));
        Assert.Equal(2, harness.Emulator.RequestsTo(provider.Name).Count);
        Assert.Equal((0, 2L), (gate.GetStatistics()!.CurrentQueuedCount, gate.GetStatistics()!.TotalSuccessfulLeases));
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task SendAsync_CancelledWhileBackingOffAfterA429_ReturnsPromptlyAndIsNeverRetried(string name)
    {
        var provider = ReliabilityProviders.Get(name);
        var time = new TimerCountingTimeProvider();
        await using var harness = await StartAsync(provider, time);
        harness.Emulator.InjectFault(provider.Name, EmulatorFault.RateLimited(TimeSpan.FromSeconds(20)), pathContains: provider.SendPath);
        using var cancel = new CancellationTokenSource();

        var backingOff = harness.Sender(provider.Name).SendAsync(provider.Message("cancelled in back-off"), cancel.Token);
        await Eventually.BackingOff(harness, time);
        var (elapsed, _) = await CancelAndMeasureAsync(cancel, backingOff);

        // The call has ended, and nothing is left on the clock that could fire a retry (the back-off's timer went with it).
        Assert.Equal(0, time.ArmedTimers);
        time.Advance(TimeSpan.FromMinutes(1));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: a send backing off after a 429 returned {elapsed.TotalMilliseconds:0.0} ms after Cancel"));
        Assert.InRange(elapsed, TimeSpan.Zero, Generous);
        Assert.Equal(429, Assert.Single(harness.Emulator.RequestsTo(provider.Name)).ResponseStatus);
        Assert.Empty(harness.Emulator.AcceptedMessages(provider.Name));
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task SendAsync_CancelledWhileBackingOffAfterAConnectFailure_ReturnsPromptlyAndIsNeverRetried(string name)
    {
        var provider = ReliabilityProviders.Get(name);
        var time = new TimerCountingTimeProvider();
        var (harness, connect) = await ConnectFaults.StartAsync(provider, o => o.Resilience.BaseDelay = TimeSpan.FromSeconds(10), s => s.AddSingleton<TimeProvider>(time));
        await using var _ = harness;
        connect.RefuseNext();
        using var cancel = new CancellationTokenSource();

        var backingOff = harness.Sender(provider.Name).SendAsync(provider.Message("cancelled after refusal"), cancel.Token);
        await Eventually.BackingOff(harness, time);
        var (elapsed, _) = await CancelAndMeasureAsync(cancel, backingOff);

        // The call has ended, and nothing is left on the clock that could fire a retry (the back-off's timer went with it).
        Assert.Equal(0, time.ArmedTimers);
        time.Advance(TimeSpan.FromMinutes(1));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: a send backing off after a refused connection returned {elapsed.TotalMilliseconds:0.0} ms after Cancel"));
        Assert.InRange(elapsed, TimeSpan.Zero, Generous);
        Assert.Equal((1, 0), (connect.Refused, connect.Connects));
        Assert.Empty(harness.Emulator.RequestsTo(provider.Name));
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task SendAsync_CancelledAfterTheRequestWasWritten_ThrowsSendCanceledNamingTheRecipients(string name)
    {
        var provider = ReliabilityProviders.Get(name);
        var time = new TimerCountingTimeProvider();
        await using var harness = await StartAsync(provider, time);
        harness.Emulator.InjectFault(provider.Name, EmulatorFault.HangAfterAccept(), pathContains: provider.SendPath);
        using var cancel = new CancellationTokenSource();

        var hanging = harness.Sender(provider.Name).SendAsync(provider.Message("cancelled after it was written"), cancel.Token);
        await Eventually.True(() => harness.Emulator.AcceptedMessages(provider.Name).Count == 1, "the provider to accept the message");
        var (_, thrown) = await CancelAndMeasureAsync(cancel, hanging);

        // Still an OperationCanceledException, but one that says the provider may have processed the message.
        var canceled = Assert.IsType<SendCanceledException>(thrown);
        Assert.Equal((SendOutcome.Unknown, provider.Name), (canceled.Outcome, canceled.ProviderName));
        Assert.Equal([provider.Recipient], canceled.Recipients);
        var error = Assert.Single(canceled.Result!.Recipients).Error!;
        Assert.Equal((ViberErrorCode.Cancelled, SendOutcome.Unknown), (error.ErrorCode, error.Outcome));
        Assert.Equal([provider.Recipient], error.Recipients);
        Assert.Equal(time.GetUtcNow(), error.RequestWrittenAt);
        Assert.StartsWith("sha256:", error.Account, StringComparison.Ordinal);
        Assert.Single(harness.Emulator.RequestsTo(provider.Name));
    }

    /// <summary>Cancels, then measures (in real time) how long the call takes to end; it must end cancelled.</summary>
    private static async Task<(TimeSpan Elapsed, OperationCanceledException Thrown)> CancelAndMeasureAsync(CancellationTokenSource cancel, Task call)
    {
        Assert.False(call.IsCompleted, "The call should still be waiting when it is cancelled.");
        var started = TimeProvider.System.GetTimestamp();
        await cancel.CancelAsync();
        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        return (TimeProvider.System.GetElapsedTime(started), thrown);
    }

    private static Task<EmulatorHarness> StartAsync(ProviderCase provider, FakeTimeProvider time, Action<ViberProviderOptions>? tweak = null)
        => EmulatorHarness.StartAsync(
            b => provider.AddTo(b, o => tweak?.Invoke(o)),
            emulator => emulator.RateLimits.Clear(),
            s => s.AddSingleton<TimeProvider>(time));
}
