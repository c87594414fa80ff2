using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.Pacing;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Pacing;

public sealed class ProviderRateGateTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void AttemptAcquire_BurstOfLimit_GrantsLimitThenRefuses()
    {
        var (sut, _) = CreateSut();

        var leases = Enumerable.Range(0, 9).Select(_ => Depart(sut, sut.AttemptAcquire())).ToList();
        var tenth = sut.AttemptAcquire();

        Assert.All(leases, lease => Assert.True(lease.IsAcquired));
        Assert.False(tenth.IsAcquired);
        Assert.Equal(1, sut.GetStatistics()!.TotalFailedLeases);
    }

    [Fact]
    public async Task AcquireAsync_TenthRequest_WaitsForWindowPlusMargin()
    {
        var (sut, time) = CreateSut();
        for (var i = 0; i < 9; i++)
        {
            Assert.True(Depart(sut, await sut.AcquireAsync()).IsAcquired);
        }

        var tenth = sut.AcquireAsync().AsTask();
        time.Advance(1009 * Ms);
        Assert.False(tenth.IsCompleted);

        time.Advance(Ms);
        Assert.True((await tenth).IsAcquired);
    }

    [Fact]
    public void AcquireAsync_ManyWaiters_NeverMoreThanLimitInAnyWindow()
    {
        var (sut, time) = CreateSut();
        var grants = new List<long>();
        var waiters = Enumerable.Range(0, 100).Select(_ => sut.AcquireAsync().AsTask()).ToList();

        for (var step = 0; step < 12_000 && grants.Count < 100; step += 7)
        {
            time.Advance(7 * Ms);
            foreach (var waiter in waiters.Where(w => w.IsCompleted).ToList())
            {
                grants.Add(time.GetTimestamp());
                Depart(sut, waiter.Result);
                waiters.Remove(waiter);
            }
        }

        Assert.Equal(100, grants.Count);
        AssertAtMost(9, TimeSpan.FromSeconds(1), grants);
    }

    [Fact]
    public void AcquireAsync_AfterStall_DoesNotCatchUpWithABurst()
    {
        // A thread-pool stall: the clock jumps 400 ms at once. A timer-refilled bucket would grant several
        // permits back to back here; the sliding log keeps every window at the limit.
        var (sut, time) = CreateSut();
        var grants = new List<long>();
        var waiters = Enumerable.Range(0, 60).Select(_ => sut.AcquireAsync().AsTask()).ToList();
        var step = 0;
        while (waiters.Count > 0 && step++ < 5_000)
        {
            if (step % 50 == 0)
            {
                time.Advance(400 * Ms); // FakeTimeProvider fires the timers that fell due at the end, late
            }

            time.Advance(3 * Ms);
            foreach (var waiter in waiters.Where(w => w.IsCompleted).ToList())
            {
                grants.Add(time.GetTimestamp());
                Depart(sut, waiter.Result);
                waiters.Remove(waiter);
            }
        }

        Assert.Empty(waiters);
        AssertAtMost(9, TimeSpan.FromSeconds(1), grants);
    }

    [Fact]
    public async Task AcquireAsync_AfterIdle_GrantsAFullBurstButNoMore()
    {
        var (sut, time) = CreateSut();
        for (var i = 0; i < 9; i++)
        {
            Depart(sut, await sut.AcquireAsync());
        }

        time.Advance(TimeSpan.FromSeconds(10));
        var burst = Enumerable.Range(0, 9).Select(_ => Depart(sut, sut.AttemptAcquire())).ToList();

        Assert.All(burst, lease => Assert.True(lease.IsAcquired));
        Assert.False(sut.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWaiter_LeavesQueueAndConsumesNothing()
    {
        var (sut, time) = CreateSut(limit: 1);
        Depart(sut, await sut.AcquireAsync());
        using var cancel = new CancellationTokenSource();
        var cancelled = sut.AcquireAsync(1, cancel.Token).AsTask();
        var next = sut.AcquireAsync().AsTask();
        Assert.Equal(2, sut.GetStatistics()!.CurrentQueuedCount);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, sut.GetStatistics()!.CurrentQueuedCount);
        time.Advance(1010 * Ms);
        Assert.True((await next).IsAcquired);
        Assert.Equal(2, sut.GetStatistics()!.TotalSuccessfulLeases);
    }

    [Fact]
    public async Task AcquireAsync_AlreadyCancelledToken_ReturnsCancelledWithoutQueueing()
    {
        var (sut, _) = CreateSut();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.AcquireAsync(1, new CancellationToken(true)).AsTask());
        Assert.Equal(0, sut.GetStatistics()!.CurrentQueuedCount);
        Assert.Equal(0, sut.GetStatistics()!.TotalSuccessfulLeases);
    }

    [Fact]
    public async Task AcquireAsync_Waiters_AreServedInArrivalOrder()
    {
        var (sut, time) = CreateSut(limit: 1);
        Depart(sut, await sut.AcquireAsync());
        var order = new List<int>();
        var waiters = Enumerable.Range(1, 5).Select(i => sut.AcquireAsync().AsTask().ContinueWith(t => { Depart(sut, t.Result); lock (order) { order.Add(i); } }, TaskScheduler.Default)).ToArray();

        for (var i = 0; i < 5; i++)
        {
            time.Advance(1010 * Ms);
#pragma warning disable RS0030 // A deadline for the waiter the advance released, not a wait: the order is asserted after.
            await Task.WhenAny(waiters[i], Task.Delay(TimeSpan.FromSeconds(5)));
#pragma warning restore RS0030
        }

        await Task.WhenAll(waiters);
        Assert.Equal([1, 2, 3, 4, 5], order);
    }

    [Fact]
    public async Task OnRateLimited_WithRetryAfter_PausesEveryWaiterUntilItPasses()
    {
        var (sut, time) = CreateSut();
        var lease = Depart(sut, await sut.AcquireAsync());

        var (pause, _) = sut.OnRateLimited(lease, TimeSpan.FromSeconds(2));
        var waiter = sut.AcquireAsync().AsTask();

        Assert.Equal(TimeSpan.FromSeconds(2), pause);

        time.Advance(1999 * Ms);
        Assert.False(waiter.IsCompleted);
        time.Advance(Ms);
        Assert.True((await waiter).IsAcquired);
    }

    [Fact]
    public async Task OnRateLimited_RetryAfterBeyondTheCap_FailsNewAndQueuedCallersAtOnceWithTheRemainingWait()
    {
        // Retry-After: 3600 must not hold every caller of the account for an hour: with a 30 s cap they fail at once
        // and learn how long the provider asked for.
        var (sut, time) = CreateSut(limit: 1, maxPause: TimeSpan.FromSeconds(30));
        var lease = Depart(sut, await sut.AcquireAsync());
        var queued = sut.AcquireAsync().AsTask();

        sut.OnRateLimited(lease, TimeSpan.FromHours(1));
        time.Advance(TimeSpan.FromMinutes(10));
        var later = await sut.AcquireAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        var refused = await queued.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.Equal(TimeSpan.FromHours(1), wait);
        Assert.False(later.IsAcquired);
        Assert.True(later.TryGetMetadata(MetadataName.RetryAfter, out var laterWait));
        Assert.Equal(TimeSpan.FromMinutes(50), laterWait);
    }

    [Fact]
    public async Task OnRateLimited_RetryAfterBeyondTheCap_CallersWaitOnceWhatIsLeftIsWithinTheCap()
    {
        var (sut, time) = CreateSut(limit: 1, maxPause: TimeSpan.FromSeconds(30));
        sut.OnRateLimited(Depart(sut, await sut.AcquireAsync()), TimeSpan.FromMinutes(5));

        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(20));
        var waiter = sut.AcquireAsync().AsTask();
        Assert.False(waiter.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(20));

        Assert.True((await waiter.WaitAsync(TimeSpan.FromSeconds(5))).IsAcquired);
    }

    [Fact]
    public async Task OnRateLimited_WithoutRetryAfter_PausesOneWindow()
    {
        var (sut, time) = CreateSut();
        var lease = Depart(sut, await sut.AcquireAsync());

        var (pause, _) = sut.OnRateLimited(lease, retryAfter: null);

        Assert.Equal(TimeSpan.FromSeconds(1), pause);   // logged as the pause, not "0 ms"
        Assert.False(sut.AttemptAcquire().IsAcquired);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(sut.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task OnRateLimited_ProviderAllowedFewerThanOurLimitTwice_LowersTheLimitToWhatItAllowed()
    {
        // A provider tightened to 7/s refuses our 8th request in a window. Once could be a stray refusal: it is only a
        // suspicion, and costs nothing. The same count again within 30 windows is the provider's limit.
        var (sut, time) = CreateSut();

        sut.OnRateLimited(await EighthOfAWindowAsync(sut, time), retryAfter: null);
        Assert.Equal((9, TimeSpan.FromMilliseconds(10)), (sut.EffectiveLimit, sut.CurrentMargin));

        time.Advance(TimeSpan.FromSeconds(2));
        sut.OnRateLimited(await EighthOfAWindowAsync(sut, time), retryAfter: null);
        Assert.Equal(7, sut.EffectiveLimit);
    }

    [Fact]
    public async Task OnRateLimited_AtOurOwnLimit_WidensTheMarginFirstThenLowersTheLimitIfItRepeats()
    {
        var (sut, time) = CreateSut();
        var leases = new List<RateLimitLease>();
        for (var i = 0; i < 9; i++)
        {
            leases.Add(Depart(sut, await sut.AcquireAsync()));
        }

        sut.OnRateLimited(leases[8], retryAfter: null);
        Answer(sut, leases.Take(8));
        Assert.Equal(9, sut.EffectiveLimit);
        Assert.Equal(TimeSpan.FromMilliseconds(15), sut.CurrentMargin);

        time.Advance(TimeSpan.FromSeconds(2));
        var again = new List<RateLimitLease>();
        for (var i = 0; i < 9; i++)
        {
            again.Add(Depart(sut, await sut.AcquireAsync()));
        }

        sut.OnRateLimited(again[8], retryAfter: null);
        Answer(sut, again.Take(8));
        Assert.Equal(8, sut.EffectiveLimit);
    }

    [Fact]
    public async Task OnRateLimited_SeveralRequestsRefusedTogetherAtOneCount_LowersTheLimitToThatCountAtOnce()
    {
        // A provider tightened to 7/s refuses our 8th and 9th requests of a window: two refusals at one count in one
        // window are evidence, not noise. The 9th is refused along with the 8th, not a request the provider admitted:
        // the limit is 7, not 8 (nor 5, counting each 429 as an event of its own).
        var (sut, time) = CreateSut();
        var leases = new List<RateLimitLease>();
        for (var i = 0; i < 9; i++)
        {
            leases.Add(Depart(sut, await sut.AcquireAsync()));
            time.Advance(100 * Ms);
        }

        sut.OnRateLimited(leases[7], retryAfter: null);
        sut.OnRateLimited(leases[8], retryAfter: null);
        Answer(sut, leases.Take(7));

        Assert.Equal((7, TimeSpan.FromMilliseconds(10)), (sut.EffectiveLimit, sut.CurrentMargin));
    }

    [Fact]
    public async Task OnRateLimited_StrayRefusalThenAFullWindowAdmitted_IsForgotten()
    {
        // A provider without a limit refuses our 8th request once; the next window it admits all nine of ours. A second
        // stray at the same count later is then not a repeat: the first was contradicted.
        var (sut, time) = CreateSut();
        sut.OnRateLimited(await EighthOfAWindowAsync(sut, time), retryAfter: null);

        time.Advance(TimeSpan.FromSeconds(2));
        var full = new List<RateLimitLease>();
        for (var i = 0; i < 9; i++)
        {
            full.Add(Depart(sut, await sut.AcquireAsync()));
        }

        Answer(sut, full);
        time.Advance(TimeSpan.FromSeconds(2));
        sut.OnRateLimited(await EighthOfAWindowAsync(sut, time), retryAfter: null);

        Assert.Equal((9, TimeSpan.FromMilliseconds(10)), (sut.EffectiveLimit, sut.CurrentMargin));
    }

    [Fact]
    public async Task OnRateLimited_TwoStraysInOneWindowWithLaterOnesAdmitted_IsNoise()
    {
        // A provider without a limit refuses our 3rd and 5th requests of a window (two injected faults) and admits the
        // 4th and 6th to 9th: no limit refuses two at "two per window" and then admits six more in the same window.
        var (sut, time) = CreateSut();
        var leases = new List<RateLimitLease>();
        for (var i = 0; i < 9; i++)
        {
            leases.Add(Depart(sut, await sut.AcquireAsync()));
            time.Advance(100 * Ms);
        }

        sut.OnRateLimited(leases[2], retryAfter: null);
        sut.OnRateLimited(leases[4], retryAfter: null);
        Answer(sut, leases.Where((_, i) => i is not 2 and not 4));

        Assert.Equal((9, TimeSpan.FromMilliseconds(10)), (sut.EffectiveLimit, sut.CurrentMargin));
    }

    [Fact]
    public async Task OnRateLimited_EveryInFlightRequestRefused_DoesNotCollapseTheLimit()
    {
        // Eight requests in flight when the provider's window closes (a burst of jitter): eight 429s for one event.
        var (sut, _) = CreateSut();
        var leases = new List<RateLimitLease>();
        for (var i = 0; i < 9; i++)
        {
            leases.Add(Depart(sut, await sut.AcquireAsync()));
        }

        foreach (var lease in leases.Skip(1))
        {
            sut.OnRateLimited(lease, retryAfter: null);
        }

        Assert.InRange(sut.EffectiveLimit, 8, 9);
    }

    [Fact]
    public async Task OnRateLimited_BurstAtTheWindowEdge_IsNotTakenForAStricterLimit()
    {
        // Four requests leave at t0 and five 50 ms later; the tenth leaves a window + margin after t0. The first four
        // reached the provider late (a cold connection or server), so its window still held all nine: a 429 at our own
        // limit, not evidence that the provider allows five.
        var (sut, time) = CreateSut();
        var admitted = new List<RateLimitLease>();
        for (var i = 0; i < 4; i++)
        {
            admitted.Add(Depart(sut, await sut.AcquireAsync()));
        }

        time.Advance(50 * Ms);
        for (var i = 0; i < 5; i++)
        {
            admitted.Add(Depart(sut, await sut.AcquireAsync()));
        }

        var tenth = sut.AcquireAsync().AsTask();
        time.Advance(960 * Ms);
        var refused = Depart(sut, await tenth);

        sut.OnRateLimited(refused, retryAfter: null);
        Answer(sut, admitted);

        Assert.Equal(9, sut.EffectiveLimit);
        Assert.Equal(TimeSpan.FromMilliseconds(10), sut.CurrentMargin);
    }

    [Fact]
    public async Task OnRateLimited_SeveralRequestsInFlightRefusedTogether_ReactsOnce()
    {
        // One crowded window refuses the four requests that were in flight: one event, not four.
        var (sut, time) = CreateSut();
        var admitted = new List<RateLimitLease>();
        for (var i = 0; i < 9; i++)
        {
            admitted.Add(Depart(sut, await sut.AcquireAsync()));
        }

        var waiting = Enumerable.Range(0, 4).Select(_ => sut.AcquireAsync().AsTask()).ToList();
        time.Advance(1010 * Ms);
        var inFlight = new List<RateLimitLease>();
        foreach (var lease in waiting)
        {
            inFlight.Add(Depart(sut, await lease));
        }

        foreach (var lease in inFlight)
        {
            sut.OnRateLimited(lease, retryAfter: null);
            time.Advance(Ms);
        }

        Answer(sut, admitted);

        Assert.Equal(9, sut.EffectiveLimit);
        Assert.Equal(TimeSpan.FromMilliseconds(15), sut.CurrentMargin);
    }

    [Fact]
    public async Task OnCompleted_AfterQuietRecoveryPeriod_RaisesALoweredLimitOneStep()
    {
        var (sut, time) = CreateSut(recovery: TimeSpan.FromSeconds(30));
        sut.OnRateLimited(await EighthOfAWindowAsync(sut, time), retryAfter: null);
        time.Advance(TimeSpan.FromSeconds(2));
        sut.OnRateLimited(await EighthOfAWindowAsync(sut, time), retryAfter: null);
        Assert.Equal(7, sut.EffectiveLimit);

        time.Advance(TimeSpan.FromSeconds(31));
        var lease = Depart(sut, await sut.AcquireAsync());
        sut.OnCompleted(lease);

        Assert.Equal(8, sut.EffectiveLimit);
    }

    [Fact]
    public async Task OnRateLimited_OneRefusalFarBelowOurLimit_IsNotTakenAsTheLimit()
    {
        // The provider's side stalled and admitted two of our windows back to back: our third request of a window
        // was refused. One such sample is not the provider's limit (2 of 9 would cost three quarters of the rate).
        var (sut, _) = CreateSut();
        var leases = new List<RateLimitLease>();
        for (var i = 0; i < 3; i++)
        {
            leases.Add(Depart(sut, await sut.AcquireAsync()));
        }

        sut.OnRateLimited(leases[2], retryAfter: null);
        Answer(sut, leases.Take(2));

        Assert.Equal(9, sut.EffectiveLimit);
        Assert.Equal(TimeSpan.FromMilliseconds(10), sut.CurrentMargin);
    }

    [Fact]
    public async Task OnRateLimited_FarBelowOurLimitAgainAndAgain_BelievesTheCountWhenItRepeats()
    {
        // A provider that really allows 3 per window: every window refuses our 4th. Each episode is new evidence.
        var (sut, time) = CreateSut();
        for (var episode = 0; episode < 12 && sut.EffectiveLimit > 3; episode++)
        {
            time.Advance(TimeSpan.FromSeconds(2));
            var leases = new List<RateLimitLease>();
            for (var i = 0; i < 4; i++)
            {
                leases.Add(Depart(sut, await sut.AcquireAsync()));
            }

            sut.OnRateLimited(leases[3], retryAfter: null);
            Answer(sut, leases.Take(3));
        }

        Assert.Equal(3, sut.EffectiveLimit);
    }

    [Fact]
    public async Task OnSent_RequestThatDepartedLate_KeepsLaterGrantsAWindowAwayFromItsDeparture()
    {
        // Two permits at t0: one request departs at once, the other waits 300 ms for a new connection.
        var (sut, time) = CreateSut(limit: 2);
        var quick = Depart(sut, await sut.AcquireAsync());
        var cold = await sut.AcquireAsync();
        time.Advance(300 * Ms);
        sut.OnSent(cold);

        time.Advance(TimeSpan.FromMilliseconds(1010 - 300));
        var first = sut.AcquireAsync().AsTask();
        var second = sut.AcquireAsync().AsTask();

        Assert.True(Depart(sut, await first).IsAcquired);
        time.Advance(299 * Ms);
        Assert.False(second.IsCompleted);
        time.Advance(Ms);
        Assert.True((await second).IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_RequestsNotYetDeparted_CountAsDepartingNow()
    {
        // Permits whose requests still wait for their connections may reach the provider at any moment.
        var (sut, time) = CreateSut(limit: 2);
        var first = await sut.AcquireAsync();
        var second = await sut.AcquireAsync();

        time.Advance(TimeSpan.FromSeconds(3));
        var next = sut.AcquireAsync().AsTask();
        Assert.False(next.IsCompleted);

        sut.OnSent(first);
        time.Advance(1009 * Ms);
        Assert.False(next.IsCompleted);
        time.Advance(Ms);
        Assert.True((await next).IsAcquired);
        sut.OnSent(second);
    }

    [Fact]
    public async Task OnCompleted_WithoutDepartureReport_PlacesTheRequestAtItsAnswer()
    {
        var (sut, time) = CreateSut(limit: 1);
        var noBody = await sut.AcquireAsync();
        time.Advance(400 * Ms);
        sut.OnCompleted(noBody);

        var next = sut.AcquireAsync().AsTask();
        time.Advance(1009 * Ms);
        Assert.False(next.IsCompleted);
        time.Advance(Ms);
        Assert.True((await next).IsAcquired);
    }

    [Fact]
    public async Task OnCompleted_AnswerLaterThanTheFastestRoundTrip_MovesTheDepartureLater()
    {
        // Eight requests answered 2 ms after they left teach the gate its fastest round trip. The ninth is answered
        // 30 ms after it left: whatever held it up (a descheduled server, a busy path) held up its arrival too, so the
        // provider's window counts from 28 ms after our stamp, and the next request must wait for that.
        var (sut, time) = CreateSut(limit: 1);
        await CalibrateAsync(sut, time);

        var slow = Depart(sut, await sut.AcquireAsync());
        time.Advance(30 * Ms);
        sut.OnCompleted(slow);

        var next = sut.AcquireAsync().AsTask();
        time.Advance((1010 - 30 + 27) * Ms);
        Assert.False(next.IsCompleted);
        time.Advance(Ms);
        Assert.True((await next).IsAcquired);
    }

    [Fact]
    public async Task OnCompleted_AnswerAsFastAsUsual_KeepsTheDepartureStamp()
    {
        var (sut, time) = CreateSut(limit: 1);
        await CalibrateAsync(sut, time);

        var usual = Depart(sut, await sut.AcquireAsync());
        time.Advance(2 * Ms);
        sut.OnCompleted(usual);

        var next = sut.AcquireAsync().AsTask();
        time.Advance((1010 - 2 - 1) * Ms);
        Assert.False(next.IsCompleted);
        time.Advance(Ms);
        Assert.True((await next).IsAcquired);
    }

    [Fact]
    public async Task OnRateLimited_WarmGateOneRefusalBelowOurLimit_IsNoiseUntilItRepeats()
    {
        // Mid-run, with round trips measured, one refusal of our 8th request is what a stray 429 looks like too: the
        // rate stays. The same count in a later window is the provider's limit.
        var (sut, time) = CreateSut();
        await CalibrateAsync(sut, time);

        sut.OnRateLimited(await EighthOfAWindowAsync(sut, time), retryAfter: null);
        Assert.Equal((9, TimeSpan.FromMilliseconds(10)), (sut.EffectiveLimit, sut.CurrentMargin));
        time.Advance(TimeSpan.FromSeconds(2));
        sut.OnRateLimited(await EighthOfAWindowAsync(sut, time), retryAfter: null);

        Assert.Equal(7, sut.EffectiveLimit);
    }

    [Fact]
    public async Task OnCompleted_RaisedStepRefusedAgain_GoesBackAtOnceAndWaitsTwiceAsLongBeforeTheNextTry()
    {
        var (sut, time) = CreateSut(recovery: TimeSpan.FromSeconds(15));
        sut.OnRateLimited(await EighthOfAWindowAsync(sut, time), retryAfter: null);
        time.Advance(TimeSpan.FromSeconds(2));
        sut.OnRateLimited(await EighthOfAWindowAsync(sut, time), retryAfter: null);
        Assert.Equal(7, sut.EffectiveLimit);

        time.Advance(TimeSpan.FromSeconds(16));
        Complete(sut, time);
        Assert.Equal(8, sut.EffectiveLimit);
        time.Advance(TimeSpan.FromSeconds(2));
        sut.OnRateLimited(await EighthOfAWindowAsync(sut, time), retryAfter: null);
        Assert.Equal(7, sut.EffectiveLimit);

        time.Advance(TimeSpan.FromSeconds(16));
        Complete(sut, time);
        Assert.Equal(7, sut.EffectiveLimit);
        time.Advance(TimeSpan.FromSeconds(15));
        Complete(sut, time);
        Assert.Equal(8, sut.EffectiveLimit);

        static void Complete(ProviderRateGate gate, FakeTimeProvider clock)
        {
            var lease = gate.AttemptAcquire();
            Assert.True(lease.IsAcquired);
            gate.OnSent(lease);
            clock.Advance(2 * Ms);
            gate.OnCompleted(lease);
        }
    }

    [Fact]
    public async Task OnRateLimited_ARequestRefusedAlongsideIt_IsNotCountedAsAdmitted()
    {
        // Mid-run a provider tightened to 7/s admits seven of a burst and refuses two that left together, the later
        // stamped one's refusal arriving first. Counting the other refused one as admitted would read 8 — our own
        // limit, jitter — and cost a second episode; weighed once both answers are in, the count is 7.
        var (sut, time) = CreateSut();
        await CalibrateAsync(sut, time);
        var admitted = new List<RateLimitLease>();
        for (var i = 0; i < 7; i++)
        {
            admitted.Add(Depart(sut, await sut.AcquireAsync()));
        }

        var eighth = await sut.AcquireAsync();
        var ninth = Depart(sut, await sut.AcquireAsync());
        time.Advance(Ms);
        Depart(sut, eighth);
        time.Advance(Ms);
        Answer(sut, admitted);

        sut.OnRateLimited(eighth, retryAfter: null);
        Assert.Equal(9, sut.EffectiveLimit);
        sut.OnRateLimited(ninth, retryAfter: null);

        Assert.Equal(7, sut.EffectiveLimit);
        Assert.Equal(TimeSpan.FromMilliseconds(10), sut.CurrentMargin);
    }

    [Fact]
    public async Task LeaseDisposedWithoutReport_DoesNotStayInFlight()
    {
        var (sut, time) = CreateSut(limit: 1);
        var lease = await sut.AcquireAsync();
        lease.Dispose();

        time.Advance(1010 * Ms);

        Assert.True(sut.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void Burst_One_SpacesRequestsEvenly()
    {
        var (sut, time) = CreateSut(burst: 1);

        Assert.True(Depart(sut, sut.AttemptAcquire()).IsAcquired);
        Assert.False(sut.AttemptAcquire().IsAcquired);
        time.Advance(112 * Ms);
        Assert.True(sut.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task Dispose_FailsQueuedWaiters()
    {
        var (sut, _) = CreateSut(limit: 1);
        Depart(sut, await sut.AcquireAsync());
        var waiter = sut.AcquireAsync().AsTask();

        sut.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiter);
    }

    [Fact]
    public async Task AcquireAsync_ConcurrentCallers_AllServedAndNoneExceedsTheLimit()
    {
        var (sut, time) = CreateSut();

        // 200 callers enter the gate from thread-pool threads at once; their waits are collected as they are.
        var waits = new System.Collections.Concurrent.ConcurrentBag<Task<RateLimitLease>>();
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => waits.Add(sut.AcquireAsync().AsTask()))));
        var grants = new List<long>();
        var pending = waits.ToList();
        for (var i = 0; i < 30_000 && pending.Count > 0; i++)
        {
            time.Advance(5 * Ms);
            foreach (var task in pending.Where(t => t.IsCompleted).ToList())
            {
                grants.Add(time.GetTimestamp());
                Depart(sut, task.Result);
                pending.Remove(task);
            }
        }

        Assert.Empty(pending);
        Assert.Equal(200, sut.GetStatistics()!.TotalSuccessfulLeases);
        AssertAtMost(9, TimeSpan.FromSeconds(1), grants);
    }

    [Fact]
    public void OnRateLimited_FourStray429sWithNoProviderLimit_KeepTheRateWithinTenSecondsOfTheLast()
    {
        // A provider without a limit refuses four requests in a minute (a hiccup, a shared account): noise, not a limit.
        // Measured as the pacing harness does: 9 per (1 s + 10 ms margin) is 99 %.
        var (sut, time) = CreateDefaultSut();
        var simulation = new GateSimulation(sut, time);
        simulation.InjectRefusals(9_500, 24_300, 38_700, 50_200);

        simulation.Run(TimeSpan.FromSeconds(61));

        var last = simulation.LastRefusal;
        Assert.Equal(4, simulation.RefusedFrom(0));
        Assert.InRange(simulation.SustainedShare(9, last, last + 10_000), 0.95, 1.0);
        Assert.Equal(9, sut.EffectiveLimit);
    }

    [Fact]
    public void OnRateLimited_ProviderTightensFrom9To7_CostsAtMostFour429sAndReaches95PercentOfTheNewLimit()
    {
        var (sut, time) = CreateDefaultSut();
        var simulation = new GateSimulation(sut, time) { LimitAt = ms => ms < 15_000 ? 9 : 7 };

        simulation.Run(TimeSpan.FromSeconds(60));

        Assert.Equal(0, simulation.RefusedFrom(0) - simulation.RefusedFrom(15_000));
        Assert.InRange(simulation.RefusedFrom(15_000), 1, 4);
        Assert.InRange(simulation.ReachedShare(15_000, 7, 0.95) ?? long.MaxValue, 15_000, 35_000);
    }

    [Fact]
    public void OnRateLimited_ProviderTightensFrom9To7WithLateAnswers_StillCostsAtMostFour429s()
    {
        // Answers up to 60 ms late move departures later in hindsight, so our log can show two rounds of requests in one
        // window. That must not pass for the provider admitting more than 7 and hide its new limit.
        var (sut, time) = CreateDefaultSut();
        var simulation = new GateSimulation(sut, time) { LimitAt = ms => ms < 15_000 ? 9 : 7, LateAnswerMs = 60 };

        simulation.Run(TimeSpan.FromSeconds(60));

        Assert.Equal(0, simulation.RefusedFrom(0) - simulation.RefusedFrom(15_000));
        Assert.InRange(simulation.RefusedFrom(15_000), 1, 4);
    }

    [Fact]
    public void OnCompleted_ProviderLoosensAgain_RecoversTheConfiguredRateWithinSeconds()
    {
        // Tightened to 7/s for 10 s, then back to 9/s: once the refusals stop, the gate climbs back in steps of
        // RecoveryPeriod (15 s), not one step per five minutes.
        var (sut, time) = CreateDefaultSut();
        var simulation = new GateSimulation(sut, time) { LimitAt = ms => ms is >= 10_000 and < 20_000 ? 7 : 9 };

        simulation.Run(TimeSpan.FromSeconds(15));
        Assert.Equal(7, sut.EffectiveLimit);
        simulation.Run(TimeSpan.FromSeconds(40));

        Assert.Equal(9, sut.EffectiveLimit);
        Assert.InRange(simulation.SustainedShare(9, 45_000, 55_000), 0.95, 1.0);
    }

    [Fact]
    public void OnRateLimited_AdaptationOff_RefusalsOnlyPauseTheAccount()
    {
        var time = TestClock.Create();
        var sut = new ProviderRateGate(new PacingOptions { AdaptToRateLimits = false }, time, TimeSpan.FromSeconds(30));
        for (var episode = 0; episode < 3; episode++)
        {
            time.Advance(TimeSpan.FromSeconds(2));
            var leases = new List<RateLimitLease>();
            for (var i = 0; i < 9; i++)
            {
                var lease = sut.AttemptAcquire();
                Assert.True(lease.IsAcquired, $"episode {episode}: permit {i} refused; the limit is {sut.EffectiveLimit}");
                leases.Add(Depart(sut, lease));
            }

            sut.OnRateLimited(leases[7], retryAfter: null);
            sut.OnRateLimited(leases[8], retryAfter: null);
            Answer(sut, leases.Take(7));
            Assert.False(sut.AttemptAcquire().IsAcquired);
        }

        Assert.Equal((9, TimeSpan.FromMilliseconds(10)), (sut.EffectiveLimit, sut.CurrentMargin));
    }

    private static (ProviderRateGate Sut, FakeTimeProvider Time) CreateDefaultSut()
    {
        var time = TestClock.Create();
        return (new ProviderRateGate(new PacingOptions(), time, TimeSpan.FromSeconds(30)), time);
    }

    /// <summary>Eight requests 100 ms apart; returns the eighth (the one a provider at 7/s refuses).</summary>
    private static async Task<RateLimitLease> EighthOfAWindowAsync(ProviderRateGate gate, FakeTimeProvider time)
    {
        for (var i = 0; i < 7; i++)
        {
            var admitted = Depart(gate, await gate.AcquireAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
            time.Advance(2 * Ms);
            gate.OnCompleted(admitted);
            time.Advance(98 * Ms);
        }

        var eighth = Depart(gate, await gate.AcquireAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        time.Advance(100 * Ms);
        return eighth;
    }

    /// <summary>The provider's answers to requests it admitted arrive now.</summary>
    private static void Answer(ProviderRateGate gate, IEnumerable<RateLimitLease> leases)
    {
        foreach (var lease in leases)
        {
            gate.OnCompleted(lease);
        }
    }

    /// <summary>Eight requests, each answered 2 ms after it left, 2 s apart: the gate learns its fastest round trip.</summary>
    private static async Task CalibrateAsync(ProviderRateGate gate, FakeTimeProvider time)
    {
        for (var i = 0; i < 8; i++)
        {
            var lease = Depart(gate, await gate.AcquireAsync());
            time.Advance(2 * Ms);
            gate.OnCompleted(lease);
            time.Advance(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>The request holding the lease wrote its body now.</summary>
    private static RateLimitLease Depart(ProviderRateGate gate, RateLimitLease lease)
    {
        gate.OnSent(lease);
        return lease;
    }

    private static (ProviderRateGate Sut, FakeTimeProvider Time) CreateSut(int limit = 9, int? burst = null, TimeSpan? recovery = null, TimeSpan? maxPause = null)
    {
        var time = TestClock.Create();
        var options = new PacingOptions
        {
            PermitLimit = limit,
            Burst = burst,
            Window = TimeSpan.FromSeconds(1),
            SafetyMargin = TimeSpan.FromMilliseconds(10),
            RecoveryPeriod = recovery ?? TimeSpan.FromMinutes(5),
        };
        return (new ProviderRateGate(options, time, maxPause ?? TimeSpan.FromSeconds(30)), time);
    }

    private static void AssertAtMost(int limit, TimeSpan window, List<long> grantTimestamps)
    {
        var sorted = grantTimestamps.Order().ToArray();
        for (var i = limit; i < sorted.Length; i++)
        {
            var span = sorted[i] - sorted[i - limit];
            Assert.True(span >= window.Ticks, $"grants {i - limit} and {i} are {TimeSpan.FromTicks(span).TotalMilliseconds} ms apart: {limit + 1} grants within {window.TotalMilliseconds} ms");
        }
    }
}
