using System.Threading.RateLimiting;

namespace ViberMessaging.Tests.Tracking;

/// <summary>An account gate whose statistics say whether sends are queued for a permit; the tracker only reads them.</summary>
internal sealed class WaitingGate(bool sendsWaiting) : RateLimiter
{
    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => new() { CurrentQueuedCount = sendsWaiting ? 3 : 0, CurrentAvailablePermits = sendsWaiting ? 0 : 9 };

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => throw new NotSupportedException();

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) => throw new NotSupportedException();
}
