using System.Threading.RateLimiting;
using ViberMessaging.Pacing;

namespace ViberMessaging.Redis;

/// <summary>
/// A permit granted through Redis: its member in the account's log, and the local permit also held just after an
/// outage (see <see cref="RedisRateGate"/>), which hears the same reports.
/// </summary>
internal sealed class RedisLease(RedisRateGate gate, string member, RateLimitLease? local) : PacingLease
{
    private readonly long _granted = gate.Timestamp();
    private long _sent;

    /// <summary>The last report's call to Redis (tests await it; the SDK never waits on it).</summary>
    internal Task Reported { get; private set; } = Task.CompletedTask;

    public override bool IsAcquired => true;

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }

    public override void OnSent()
    {
        _sent = gate.Timestamp();
        Reported = gate.OnSent(member);
        (local as PacingLease)?.OnSent();
    }

    public override void OnCompleted()
    {
        Reported = gate.OnCompleted(member, _sent != 0 ? _sent : _granted);
        (local as PacingLease)?.OnCompleted();
    }

    public override void OnRateLimited(TimeSpan? retryAfter)
    {
        Reported = gate.OnRateLimited(retryAfter);
        (local as PacingLease)?.OnRateLimited(retryAfter);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            local?.Dispose();
        }

        base.Dispose(disposing);
    }
}
