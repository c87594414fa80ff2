using System.Threading.RateLimiting;

namespace ViberMessaging.Pacing;

/// <summary>
/// The pacing gate of one provider account: a token bucket (rate + burst) whose grants are also held to a strict
/// sliding log of at most <c>limit</c> departures per <c>window + margin</c>. Everything runs on
/// <see cref="TimeProvider"/> timestamps: tokens are replenished lazily when asked, and a single timer is armed for
/// the exact instant the head of the FIFO queue becomes eligible. A cancelled waiter leaves the queue and consumes
/// nothing.
/// </summary>
/// <remarks>
/// Why not the in-box limiters: a timer-replenished bucket catches up after a thread-pool stall and grants two
/// permits a few ms apart, and a segmented sliding window returns permits a segment early; both trip a strict
/// provider window (see pacing-notes). A log of real departure stamps with a small margin does not.
/// <para>
/// The pieces, each under this gate's lock: <see cref="TokenBucket"/> (rate and burst), <see cref="DepartureTracker"/>
/// (when each request really departed: the log), <see cref="AccountPause"/> and <see cref="RateAdapter"/> (what a 429
/// costs and teaches), <see cref="WaiterQueue"/> (FIFO waiters, one timer). This class decides when a permit is due;
/// what a granted request reports back (sent, answered, refused with a 429) is in <c>ProviderRateGate.Feedback.cs</c>.
/// </para>
/// </remarks>
internal sealed partial class ProviderRateGate : RateLimiter
{
    private static readonly RateLimitLease FailedLease = new GateLease(null, 0, 0, acquired: false);

    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private readonly long _window;
    private readonly TokenBucket _bucket;
    private readonly AccountPause _pause;
    private readonly DepartureTracker _departures;
    private readonly RateAdapter _adapter;
    private readonly WaiterQueue _waiters;

    private long _sequence;
    private long _lastGrant;
    private long _successfulLeases;
    private long _failedLeases;
    private bool _disposed;

    /// <param name="options">The account's pacing.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="maxPause">
    /// The longest a caller waits for a pause the provider asked for (<see cref="ResilienceOptions.MaxRetryAfter"/>):
    /// while more than this is left of the pause, permits are refused at once with the time left.
    /// </param>
    public ProviderRateGate(PacingOptions options, TimeProvider timeProvider, TimeSpan maxPause)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        MaxPause = maxPause;
        _window = ToTimestampTicks(options.Window);
        _pause = new AccountPause(timeProvider, ToTimestampTicks(options.RateLimitedPause ?? options.Window), ToTimestampTicks(maxPause));
        _lastGrant = _time.GetTimestamp();
        _bucket = new TokenBucket(Math.Min(options.Burst ?? options.PermitLimit, options.PermitLimit), _window, _lastGrant);
        _departures = new DepartureTracker(options.PermitLimit, _window);
        _adapter = new RateAdapter(options, _departures, ToTimestampTicks, _lastGrant);
        _waiters = new WaiterQueue(_lock, timeProvider, OnTimer);
    }

    /// <summary>The longest a caller waits for a pause the provider asked for; beyond it permits are refused at once.</summary>
    public TimeSpan MaxPause { get; }

    /// <summary>The permits per window currently enforced (lowered after evidence of a stricter provider).</summary>
    public int EffectiveLimit
    {
        get
        {
            lock (_lock)
            {
                return _adapter.Limit;
            }
        }
    }

    /// <summary>The safety margin currently added to the window.</summary>
    public TimeSpan CurrentMargin
    {
        get
        {
            lock (_lock)
            {
                return _time.GetElapsedTime(0, _adapter.Margin);
            }
        }
    }

    /// <inheritdoc/>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                return _waiters.Count > 0 ? null : _time.GetElapsedTime(_lastGrant);
            }
        }
    }

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _bucket.Available(_time.GetTimestamp(), _adapter.Limit),
                CurrentQueuedCount = _waiters.Count,
                TotalSuccessfulLeases = _successfulLeases,
                TotalFailedLeases = _failedLeases,
            };
        }
    }

    /// <inheritdoc/>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ValidatePermitCount(permitCount);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetTimestamp();
            if (GrantAtOnce(permitCount, now) is { } lease)
            {
                return lease;
            }

            _failedLeases++;
            return _pause.RefusalIfBeyondCap(now) is { } refused ? refused : FailedLease;
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ValidatePermitCount(permitCount);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<RateLimitLease>(cancellationToken);
        }

        WaiterQueue.Waiter waiter;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetTimestamp();
            if (GrantAtOnce(permitCount, now) is { } lease)
            {
                return ValueTask.FromResult(lease);
            }

            if (_pause.RefusalIfBeyondCap(now) is { } refused)
            {
                _failedLeases++;
                return ValueTask.FromResult(refused);
            }

            waiter = _waiters.Add(probeOnly: permitCount == 0);
            Pump();
        }

        return _waiters.Watch(waiter, cancellationToken);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_lock)
            {
                if (!_disposed)
                {
                    _disposed = true;
                    _waiters.Dispose();
                }
            }
        }

        base.Dispose(disposing);
    }

    private static void ValidatePermitCount(int permitCount)
    {
        if (permitCount is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "Each request takes exactly one permit.");
        }
    }

    /// <summary>A span in <paramref name="time"/>'s timestamp ticks, rounded up.</summary>
    internal static long ToTimestampTicks(TimeProvider time, TimeSpan span) => (long)Math.Ceiling(span.Ticks * (double)time.TimestampFrequency / TimeSpan.TicksPerSecond);

    private long ToTimestampTicks(TimeSpan span) => ToTimestampTicks(_time, span);

    /// <summary>A permit now if nobody queues before the caller and one is due; else <see langword="null"/>.</summary>
    private RateLimitLease? GrantAtOnce(int permitCount, long now)
        => _waiters.Count == 0 && EarliestGrant(now) <= now ? Grant(now, probeOnly: permitCount == 0) : null;

    private RateLimitLease Grant(long now, bool probeOnly = false)
    {
        if (probeOnly)
        {
            return new GateLease(null, 0, now, acquired: true);
        }

        _bucket.Take();
        _sequence++;
        _departures.Granted(_sequence, now);
        _lastGrant = now;
        _successfulLeases++;
        return new GateLease(this, _sequence, now, acquired: true);
    }

    /// <summary>The lease as one of this gate's grants, or <see langword="null"/> (refused, a probe, another gate's).</summary>
    private GateLease? Own(RateLimitLease lease)
        => lease is GateLease { IsAcquired: true } granted && ReferenceEquals(granted.Gate, this) ? granted : null;

    /// <summary>The first timestamp at which the next permit may be granted: bucket, pause and sliding log all agree.</summary>
    private long EarliestGrant(long now)
    {
        var limit = _adapter.Limit;
        var earliest = Math.Max(Math.Max(now, _pause.Until), now + _bucket.WaitForOne(now, limit));

        // At most (limit - 1) departures may lie in (t - window - margin, t]: wait for the limit-th newest to leave.
        if (_departures.KthNewestDeparture(now, limit) is { } kth)
        {
            earliest = Math.Max(earliest, kth + _window + _adapter.Margin);
        }

        return earliest;
    }

    /// <summary>
    /// Grants permits to the head of the queue while it is eligible, then arms the timer for the next instant. While the
    /// account is paused for longer than <see cref="MaxPause"/>, every waiter is refused at once instead.
    /// </summary>
    private void Pump()
    {
        if (_waiters.Count > 0 && _pause.RefusalIfBeyondCap(_time.GetTimestamp()) is { } refused)
        {
            _failedLeases += _waiters.RefuseAll(refused);
            return;
        }

        while (_waiters.Count > 0)
        {
            var now = _time.GetTimestamp();
            var earliest = EarliestGrant(now);
            if (earliest > now)
            {
                _waiters.WakeIn(earliest - now);
                return;
            }

            _waiters.ServeHead(Grant(now, _waiters.HeadIsProbe));
        }
    }

    private void OnTimer()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                Pump();
            }
        }
    }
}
