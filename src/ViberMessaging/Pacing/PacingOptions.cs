using System.ComponentModel.DataAnnotations;

namespace ViberMessaging;

/// <summary>
/// How requests to one provider account are paced: a token bucket (rate and burst) enforced against a strict
/// sliding window, so sends run at the provider's limit without tripping its 429.
/// </summary>
/// <remarks>
/// Every HTTP attempt (retries too) takes one permit. A request waits for its permit in FIFO order; cancelling the
/// wait consumes nothing. A 429 from the provider pauses the whole account and, if the provider is evidently
/// stricter than configured, lowers the rate until it has been quiet for <see cref="RecoveryPeriod"/>.
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

    /// <summary>How long the account must see no 429 before a rate lowered after 429s is raised again by one step.</summary>
    /// <value>5 minutes.</value>
    public TimeSpan RecoveryPeriod { get; set; } = TimeSpan.FromMinutes(5);
}
