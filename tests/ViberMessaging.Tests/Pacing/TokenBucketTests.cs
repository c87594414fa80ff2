using ViberMessaging.Pacing;

namespace ViberMessaging.Tests.Pacing;

/// <summary>Times are plain timestamps in milliseconds; the window is 1000.</summary>
public sealed class TokenBucketTests
{
    [Fact]
    public void WaitForOne_EmptiedBucket_IsTheTimeOneTokenTakesToRefill()
    {
        var sut = new TokenBucket(burst: 2, window: 1000, now: 0);
        sut.Take();
        sut.Take();

        Assert.Equal(112, sut.WaitForOne(now: 0, limit: 9));
        Assert.Equal(0, sut.WaitForOne(now: 112, limit: 9));
    }

    [Fact]
    public void Available_AfterALongIdle_NeverMoreThanTheBurstOrTheLimit()
    {
        var sut = new TokenBucket(burst: 9, window: 1000, now: 0);

        Assert.Equal(9, sut.Available(now: 60_000, limit: 9));
        Assert.Equal(7, sut.Available(now: 120_000, limit: 7));
    }
}
