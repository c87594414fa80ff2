using System.Threading.RateLimiting;

namespace ViberMessaging.Pacing;

/// <summary>
/// The pause a provider's 429 puts on a whole account: until its Retry-After, else a default. A pause longer than the
/// cap is not waited out: while more than the cap is left of it, callers are refused at once with the time left. Not
/// thread-safe: the gate's lock guards it. Times are <see cref="TimeProvider"/> timestamps.
/// </summary>
/// <param name="time">The clock.</param>
/// <param name="defaultPause">The pause after a 429 without Retry-After, in timestamp ticks.</param>
/// <param name="cap">The longest a caller waits for a pause, in timestamp ticks.</param>
internal sealed class AccountPause(TimeProvider time, long defaultPause, long cap)
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromDays(3650);

    /// <summary>When the pause ends (a timestamp; in the past when there is none).</summary>
    public long Until { get; private set; }

    /// <summary>
    /// Pauses the account for <paramref name="retryAfter"/> (else the default) from <paramref name="now"/>, unless it
    /// is paused longer already.
    /// </summary>
    /// <returns>The pause this 429 asked for, and whether it made the pause exceed the cap when it did not before.</returns>
    public (TimeSpan Pause, bool NewlyBeyondCap) Extend(long now, TimeSpan? retryAfter)
    {
        // A Retry-After date far in the future must not overflow the timestamp arithmetic.
        var pause = retryAfter is { } wait && wait > TimeSpan.Zero ? ProviderRateGate.ToTimestampTicks(time, wait < LongestPause ? wait : LongestPause) : defaultPause;
        var wasBeyondCap = Until - now > cap;
        Until = Math.Max(Until, now + pause);
        return (time.GetElapsedTime(0, pause), !wasBeyondCap && Until - now > cap);
    }

    /// <summary>
    /// While more than the cap is left of the pause, a refusal carrying what is left
    /// (<see cref="MetadataName.RetryAfter"/>); otherwise <see langword="null"/>.
    /// </summary>
    public RateLimitLease? RefusalIfBeyondCap(long now)
        => Until - now > cap ? new RefusedLease(time.GetElapsedTime(now, Until)) : null;
}
