using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.Pacing;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Pacing;

public sealed class WaiterQueueTests
{
    private readonly object _lock = new();
    private readonly FakeTimeProvider _time = TestClock.Create();
    private int _wakeUps;

    [Fact]
    public async Task ServeHead_TwoWaiters_ServesThemInArrivalOrder()
    {
        using var sut = CreateSut();
        var first = sut.Watch(sut.Add(probeOnly: false), CancellationToken.None).AsTask();
        var second = sut.Watch(sut.Add(probeOnly: true), CancellationToken.None).AsTask();

        Assert.False(sut.HeadIsProbe);
        sut.ServeHead(Lease());
        Assert.True(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.True(sut.HeadIsProbe);
        sut.ServeHead(Lease());

        Assert.True((await second).IsAcquired);
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public async Task Watch_Cancelled_LeavesTheQueueAtOnce()
    {
        using var sut = CreateSut();
        using var cancel = new CancellationTokenSource();
        var waiting = sut.Watch(sut.Add(probeOnly: false), cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public async Task RefuseAll_HandsEveryWaiterTheRefusalAndCountsThem()
    {
        using var sut = CreateSut();
        var waiting = Enumerable.Range(0, 3).Select(_ => sut.Watch(sut.Add(probeOnly: false), CancellationToken.None).AsTask()).ToArray();

        Assert.Equal(3, sut.RefuseAll(new RefusedLease(TimeSpan.FromMinutes(1))));

        Assert.All(await Task.WhenAll(waiting), lease => Assert.False(lease.IsAcquired));
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void WakeIn_FiresOnceAtTheInstantRoundedUpToAWholeMillisecond()
    {
        using var sut = CreateSut();

        sut.WakeIn(TimeSpan.FromMilliseconds(2.4).Ticks);
        _time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Equal(0, _wakeUps);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(1, _wakeUps);
    }

    [Fact]
    public async Task Dispose_FailsEveryWaiter()
    {
        var sut = CreateSut();
        var waiting = sut.Watch(sut.Add(probeOnly: false), CancellationToken.None).AsTask();

        sut.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
    }

    private static RateLimitLease Lease() => new GateLease(null, 0, 0, acquired: true);

    private WaiterQueue CreateSut() => new(_lock, _time, () => _wakeUps++);
}
