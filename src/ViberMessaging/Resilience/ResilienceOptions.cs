using System.ComponentModel.DataAnnotations;

namespace ViberMessaging;

/// <summary>
/// Retries, timeouts and the circuit breaker of one provider account. Sends are never retried once the provider may
/// have seen them; status queries and other reads are retried through transient faults.
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>How many times a failed attempt is retried when retrying is safe (a 429, a connect failure, a failed read).</summary>
    /// <value>3.</value>
    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first back-off delay; later ones grow exponentially, with jitter.</summary>
    /// <value>500 milliseconds.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest Retry-After the SDK waits out by itself, for the call that got it and for every other call of the
    /// account (a 429 pauses the whole account). A provider asking for longer fails the call with
    /// <see cref="ViberErrorCode.RateLimited"/> and <see cref="ViberMessagingException.RetryAfter"/> set, and the
    /// account's other calls fail the same way at once, not sent, until what is left of the pause is within this cap
    /// (logged once, at Warning). No caller waits longer than this because of a provider's header.
    /// </summary>
    /// <value>30 seconds.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one HTTP attempt may take, counted from the moment it got its pacing permit.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one operation may take in all (every attempt, back-off and pacing wait).</summary>
    /// <value><see langword="null"/>: no limit beyond the caller's cancellation token (a large send can wait long for permits).</value>
    public TimeSpan? TotalTimeout { get; set; }

    /// <summary>Whether a circuit breaker stops calls to a failing provider. 429s never open it.</summary>
    /// <value><see langword="true"/>.</value>
    public bool CircuitBreakerEnabled { get; set; } = true;

    /// <summary>The share of failed attempts (5xx, timeouts, network errors) within <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit.</summary>
    /// <value>0.5.</value>
    [Range(0.01, 1.0)]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>The fewest attempts within the sampling duration before the circuit may open.</summary>
    /// <value>10.</value>
    [Range(2, 10_000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The window in which failures are counted.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls at once before it lets a trial call through.</summary>
    /// <value>15 seconds.</value>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
