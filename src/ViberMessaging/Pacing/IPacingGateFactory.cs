using System.Threading.RateLimiting;

namespace ViberMessaging.Pacing;

/// <summary>
/// Creates the pacing gate of a provider account in place of the in-process one: register an implementation in DI
/// (keyed by the provider name for one account, or unkeyed for all) to pace an account across processes, as
/// <c>ViberMessaging.Redis</c>'s <c>UseRedisPacing()</c> does.
/// </summary>
/// <remarks>
/// Called once per account, when its first client is built; the SDK owns the gate returned and disposes it with the
/// service provider. The gate grants one permit per HTTP attempt (<see cref="RateLimiter.AcquireAsync"/> with one
/// permit); a refused lease fails the attempt before any request, not sent, with the lease's
/// <see cref="MetadataName.RetryAfter"/> if it has one. Leases that derive from <see cref="PacingLease"/> hear what
/// became of their request. Not called when <see cref="PacingOptions.Enabled"/> is off.
/// </remarks>
public interface IPacingGateFactory
{
    /// <summary>Creates the gate of the account described by <paramref name="context"/>.</summary>
    /// <param name="context">The account, its pacing options and the in-process gate to fall back on.</param>
    /// <returns>The account's gate.</returns>
    RateLimiter Create(PacingGateContext context);
}
