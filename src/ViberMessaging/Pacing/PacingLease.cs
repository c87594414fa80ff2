using System.Threading.RateLimiting;

namespace ViberMessaging.Pacing;

/// <summary>
/// A pacing permit that hears what became of its request. The SDK takes one permit per HTTP attempt from the account's
/// gate (any <see cref="RateLimiter"/>, see <see cref="IPacingGateFactory"/>); when the lease is a
/// <see cref="PacingLease"/>, it reports to it, in this order: <see cref="OnSent"/> once the body is written (when the
/// provider can see the request), then <see cref="OnCompleted"/> when the answer arrived or the attempt failed, or
/// <see cref="OnRateLimited"/> when the provider refused it for its rate limit; the lease is disposed last.
/// </summary>
/// <remarks>
/// For authors of a pacing gate (the in-process gate and <c>ViberMessaging.Redis</c> are two). The calls come from
/// the attempt's own flow, at most once each, and must not block or throw: a gate that needs I/O to record them does it
/// in the background. Every method does nothing by default.
/// </remarks>
public abstract class PacingLease : RateLimitLease
{
    /// <summary>The request finished writing its body: that is when it departed.</summary>
    public virtual void OnSent()
    {
    }

    /// <summary>The request has its answer (anything but a rate-limit refusal), or failed without one.</summary>
    public virtual void OnCompleted()
    {
    }

    /// <summary>
    /// The provider refused the request for its rate limit: the whole account should pause for
    /// <paramref name="retryAfter"/> (when the provider said), else the gate's default pause.
    /// </summary>
    /// <param name="retryAfter">The provider's Retry-After, if it sent one.</param>
    public virtual void OnRateLimited(TimeSpan? retryAfter)
    {
    }
}
