using System.ComponentModel.DataAnnotations;

namespace ViberMessaging;

/// <summary>
/// How requests to one provider account are paced: a token bucket (rate and burst) enforced against a strict
/// sliding window, so sends run at the provider's limit without tripping its 429.
/// </summary>
/// <remarks>
/// Every HTTP attempt (retries too) takes one permit. A request waits for its permit in FIFO order; cancelling the
/// wait consumes nothing. A 429 from the provider pauses the whole account for its Retry-After, else
/// <see cref="RateLimitedPause"/> (while more than <see cref="ResilienceOptions.MaxRetryAfter"/> of a pause is left,
/// requests fail at once instead of waiting). A single 429, or a few far apart,
/// is noise and costs only that pause; only repeated 429s at a consistent count per window lower the rate (see
/// <see cref="AdaptToRateLimits"/>), and it climbs back a step per <see cref="RecoveryPeriod"/> once they stop.
/// </remarks>
public sealed class PacingOptions
{
    /// <summary>Whether requests are paced at all.</summary>
    /// <value><see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>How many requests the provider allows per <see cref="Window"/>.</summary>
    /// <value>The provider's documented limit (SMS Club: 9).</value>
    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 9;

    /// <summary>The provider's rate window.</summary>
    /// <value>1 second.</value>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many requests may start at once after an idle period (the bucket's capacity). Never more than <see cref="PermitLimit"/> per window.</summary>
    /// <value><see langword="null"/>: equal to <see cref="PermitLimit"/>. Set 1 for evenly spaced requests.</value>
    [Range(1, 100_000)]
    public int? Burst { get; set; }

    /// <summary>
    /// Extra time added to the window to absorb jitter between taking a permit and the request's arrival at the
    /// provider (thread-pool delays, connection set-up, network). The sustained rate is
    /// <c>PermitLimit / (Window + SafetyMargin)</c>.
    /// </summary>
    /// <value>10 milliseconds (98–99 % of the limit on a short network path). Raise it for long or jittery paths.</value>
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How long the account pauses after a 429 that carries no Retry-After.</summary>
    /// <value><see langword="null"/>: one <see cref="Window"/>.</value>
    public TimeSpan? RateLimitedPause { get; set; }

    /// <summary>
    /// Whether 429s teach the gate a stricter limit than <see cref="PermitLimit"/>. Only evidence counts: several of our
    /// requests refused together at one count per window, or two refusals at a consistent count within 30 windows,
    /// lower the enforced rate to that count; a refusal at our own limit widens the margin by 5 ms. A single 429, or a
    /// few far apart, is noise: a refusal the provider contradicts by admitting more of ours in one window is forgotten
    /// and costs only its pause. When off, a 429 only pauses the account (see <see cref="RateLimitedPause"/>) and the
    /// configured rate and margin are always used.
    /// </summary>
    /// <value><see langword="true"/>. Turn it off for a provider whose 429s do not mean a rate limit (a shared account,
    /// a proxy that refuses for reasons of its own).</value>
    public bool AdaptToRateLimits { get; set; } = true;

    /// <summary>
    /// How long a lowered rate must hold without a refusal before it is raised one step (and a widened margin narrowed
    /// by 5 ms). A raised step the provider refuses again goes back at once, and the next try waits twice as long
    /// (at most 32 times this), so a provider that really is stricter costs one 429 per try, ever more rarely.
    /// </summary>
    /// <value>15 seconds. Between 1 second and 1 day.</value>
    public TimeSpan RecoveryPeriod { get; set; } = TimeSpan.FromSeconds(15);
}
