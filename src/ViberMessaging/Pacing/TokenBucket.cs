namespace ViberMessaging.Pacing;

/// <summary>
/// The rate and burst users configure, replenished lazily from timestamps when asked — never by a timer, which would
/// catch up after a thread-pool stall and grant permits a few ms apart. Not thread-safe: the gate's lock guards it.
/// </summary>
/// <param name="burst">The bucket's capacity (never more than the limit).</param>
/// <param name="window">The window the limit is counted over, in timestamp ticks.</param>
/// <param name="now">The clock's timestamp now: the bucket starts full.</param>
internal sealed class TokenBucket(int burst, long window, long now)
{
    private double _tokens = burst;
    private long _lastRefill = now;

    /// <summary>Whole tokens available at <paramref name="now"/> with <paramref name="limit"/> per window.</summary>
    public long Available(long now, int limit)
    {
        Refill(now, limit);
        return (long)Math.Floor(_tokens);
    }

    /// <summary>Timestamp ticks from <paramref name="now"/> until a whole token is there (0 if one is).</summary>
    public long WaitForOne(long now, int limit)
    {
        Refill(now, limit);
        return _tokens >= 1 ? 0 : (long)Math.Ceiling((1 - _tokens) * window / limit);
    }

    /// <summary>Takes one token (the caller checked <see cref="WaitForOne"/>).</summary>
    public void Take() => _tokens -= 1;

    private void Refill(long now, int limit)
    {
        var elapsed = now - _lastRefill;
        if (elapsed > 0)
        {
            _tokens = Math.Min(Math.Min(burst, limit), _tokens + (elapsed * (double)limit / window));
            _lastRefill = now;
        }
    }
}
