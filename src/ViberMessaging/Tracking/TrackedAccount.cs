using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.DependencyInjection;
using ViberMessaging.Pacing;

namespace ViberMessaging.Tracking;

/// <summary>
/// What the tracker needs of one provider account: its status query, how many ids one status request carries, the
/// account's pacing gate (to see whether sends are waiting) and the polling budget that caps polls while they are.
/// </summary>
/// <param name="Name">The registration name.</param>
/// <param name="Query">The account's status query (observed: traced and logged like a user's call).</param>
/// <param name="MaxIdsPerRequest">The provider's most ids per status request.</param>
/// <param name="Gate">The account's pacing gate, or <see langword="null"/> when pacing is off.</param>
/// <param name="PollingBudget">At most <see cref="DeliveryTrackerOptions.PollingShare"/> of the account's permits per window.</param>
internal sealed record TrackedAccount(string Name, IStatusQuery Query, int MaxIdsPerRequest, RateLimiter? Gate, RateLimiter PollingBudget) : IDisposable
{
    /// <summary>The account registered as <paramref name="name"/>, or <see langword="null"/> when there is none.</summary>
    public static TrackedAccount? FromServices(IServiceProvider services, string name, DeliveryTrackerOptions options, TimeProvider time)
    {
        if (services.GetRequiredService<ProviderRegistry>().Find(name) is not { } entry)
        {
            return null;
        }

        var query = services.GetRequiredKeyedService<IStatusQuery>(entry.Name);
        var capabilities = services.GetRequiredKeyedService<IViberSender>(entry.Name).Capabilities;
        var pacing = services.GetRequiredKeyedService<ViberProviderOptions>(entry.Name).Pacing;
        var gate = ProviderRegistration.Infrastructure(services, entry.Name).Gate;
        return new TrackedAccount(entry.Name, query, Math.Max(1, capabilities.MaxStatusIdsPerRequest), gate, Budget(pacing.PermitLimit, pacing.Window, options.PollingShare, time));
    }

    /// <summary>A gate of ⌊limit × share⌋ permits (at least one) per window: "at most the share", never a permit more.</summary>
    public static RateLimiter Budget(int permitLimit, TimeSpan window, double share, TimeProvider time)
    {
        var permits = Math.Max(1, (int)Math.Floor(permitLimit * share));
        var pacing = new PacingOptions { PermitLimit = permits, Window = window, SafetyMargin = TimeSpan.Zero, AdaptToRateLimits = false };
        return new ProviderRateGate(pacing, time, window);
    }

    public void Dispose() => PollingBudget.Dispose();
}
