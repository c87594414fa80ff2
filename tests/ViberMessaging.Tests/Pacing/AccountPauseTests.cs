using System.Threading.RateLimiting;
using ViberMessaging.Pacing;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Pacing;

public sealed class AccountPauseTests
{
    private static readonly TimeProvider Time = TestClock.Create();

    [Fact]
    public void Extend_WithoutRetryAfter_PausesForTheDefault()
    {
        var sut = new AccountPause(Time, defaultPause: Ticks(1), cap: Ticks(30));

        var (pause, beyondCap) = sut.Extend(now: 100, retryAfter: null);

        Assert.Equal((TimeSpan.FromSeconds(1), false), (pause, beyondCap));
        Assert.Equal(100 + Ticks(1), sut.Until);
        Assert.Null(sut.RefusalIfBeyondCap(100));
    }

    [Fact]
    public void Extend_RetryAfterBeyondTheCap_SaysSoOnceAndRefusesWithWhatIsLeft()
    {
        var sut = new AccountPause(Time, defaultPause: Ticks(1), cap: Ticks(30));

        var first = sut.Extend(now: 0, retryAfter: TimeSpan.FromHours(1));
        var second = sut.Extend(now: Ticks(10), retryAfter: TimeSpan.FromHours(1));

        Assert.Equal((TimeSpan.FromHours(1), true), first);
        Assert.False(second.NewlyBeyondCap);
        var refusal = sut.RefusalIfBeyondCap(Ticks(20));
        Assert.NotNull(refusal);
        Assert.False(refusal.IsAcquired);
        Assert.True(refusal.TryGetMetadata(MetadataName.RetryAfter, out var left));
        Assert.Equal(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(10) - TimeSpan.FromSeconds(20), left);
    }

    [Fact]
    public void Extend_ShorterPauseDuringALongerOne_KeepsTheLonger()
    {
        var sut = new AccountPause(Time, defaultPause: Ticks(1), cap: Ticks(30));
        sut.Extend(now: 0, retryAfter: TimeSpan.FromSeconds(20));

        sut.Extend(now: Ticks(1), retryAfter: null);

        Assert.Equal(Ticks(20), sut.Until);
    }

    private static long Ticks(int seconds) => seconds * Time.TimestampFrequency;
}
