using System.Threading.RateLimiting;

namespace ViberMessaging.Pacing;

/// <summary>The provider account an <see cref="IPacingGateFactory"/> creates a gate for.</summary>
public sealed class PacingGateContext
{
    private readonly Func<int, RateLimiter> _createLocalGate;

    internal PacingGateContext(string providerName, string accountKey, PacingOptions options, TimeSpan maxPause, TimeProvider timeProvider, Func<int, RateLimiter> createLocalGate)
    {
        ProviderName = providerName;
        AccountKey = accountKey;
        Options = options;
        MaxPause = maxPause;
        TimeProvider = timeProvider;
        _createLocalGate = createLocalGate;
    }

    /// <summary>The name the account was registered under (<c>SmsClub</c> unless named otherwise).</summary>
    public string ProviderName { get; }

    /// <summary>
    /// A stable identity of the account, the same in every process that uses it: a hex SHA-256 digest of the provider,
    /// its base address and its credentials. It reveals none of them; use it to name the account's shared state.
    /// </summary>
    public string AccountKey { get; }

    /// <summary>The account's pacing options: limit, window, burst, safety margin, pause after a 429.</summary>
    public PacingOptions Options { get; }

    /// <summary>
    /// The longest a request waits for a pause the provider asked for (<see cref="ResilienceOptions.MaxRetryAfter"/>):
    /// while more is left of a pause, the gate should refuse permits at once with the time left.
    /// </summary>
    public TimeSpan MaxPause { get; }

    /// <summary>The clock the SDK runs on.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// Creates the SDK's in-process gate for this account at <paramref name="permitLimit"/> permits per window (the
    /// other options as configured): what a distributed gate falls back on when its store is out of reach. The caller
    /// owns and disposes it.
    /// </summary>
    /// <param name="permitLimit">Permits per <see cref="PacingOptions.Window"/>, between 1 and <see cref="PacingOptions.PermitLimit"/>.</param>
    /// <returns>A new gate; its leases are <see cref="PacingLease"/>s.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permitLimit"/> is below 1 or above the configured limit.</exception>
    public RateLimiter CreateLocalGate(int permitLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitLimit, Options.PermitLimit);
        return _createLocalGate(permitLimit);
    }
}
