using System.Threading.RateLimiting;

namespace ViberMessaging.Pacing;

/// <summary>What a granted request reports back to its gate: when it departed, when it was answered, a 429.</summary>
internal sealed partial class ProviderRateGate
{
    /// <summary>
    /// Records that the request holding <paramref name="lease"/> finished writing its body: that is when it departed,
    /// and its place in the log moves there.
    /// </summary>
    public void OnSent(RateLimitLease lease)
    {
        if (Own(lease) is not { } granted)
        {
            return;
        }

        lock (_lock)
        {
            if (_departures.Sent(granted.Sequence, _time.GetTimestamp()))
            {
                Pump();
            }
        }
    }

    /// <summary>
    /// Records that the request holding <paramref name="lease"/> has its answer (or failed): its departure is placed
    /// (see <see cref="DepartureTracker.Complete"/>), and a 429 waiting for its neighbours' answers may be weighed.
    /// </summary>
    public void OnCompleted(RateLimitLease lease)
    {
        if (Own(lease) is not { } granted)
        {
            return;
        }

        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (_departures.Complete(granted.Sequence, now, admitted: true, out var admittedDeparture) && admittedDeparture is { } departure)
            {
                _adapter.OnAdmitted(departure);
            }

            _adapter.WeighWhenAnswered(now);
            _adapter.RecoverIfQuiet(now);
            Pump();
        }
    }

    /// <summary>
    /// Records a 429 for the request holding <paramref name="lease"/>: pauses every sender of the account at once (see
    /// <see cref="AccountPause"/>); what it says about the provider's limit is weighed once every request in flight
    /// with it has its answer (see <see cref="RateAdapter"/>).
    /// </summary>
    /// <returns>
    /// How long this refusal pauses the account (its Retry-After, else <see cref="PacingOptions.RateLimitedPause"/>), and
    /// whether it made the pause longer than <see cref="MaxPause"/> when it was not before: worth one warning.
    /// </returns>
    public (TimeSpan Pause, bool NewlyBeyondCap) OnRateLimited(RateLimitLease lease, TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var paused = _pause.Extend(now, retryAfter);
            if (Own(lease) is { } granted && _departures.Complete(granted.Sequence, now, admitted: false, out _))
            {
                _adapter.OnRefused(granted.Sequence, granted.Stamp, _departures.ReportedDepartureOf(granted.Sequence), now);
            }

            _adapter.OnRateLimited(now);
            _adapter.WeighWhenAnswered(now);
            Pump();
            return paused;
        }
    }
}
