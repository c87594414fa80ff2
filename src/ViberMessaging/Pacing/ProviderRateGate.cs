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
/// What the log holds is when each request <em>departed</em>, not when it got its permit: a request waiting for a
/// new connection (TCP, TLS) can leave hundreds of milliseconds after its permit. So an attempt counts as departing
/// "now" until <see cref="OnSent"/> reports its body written; requests without a body are placed by
/// <see cref="OnCompleted"/> at their answer time less the fastest recent round trip, and a request whose answer came
/// back later than that moves there too (whatever delayed it on the way delayed its arrival: measured jitter is
/// allowed for by itself, the fixed margin only covers what no answer reveals). <see cref="OnRateLimited"/>
/// pauses the account and lowers the rate when the provider is evidently stricter than configured.
/// </para>
/// </remarks>
internal sealed class ProviderRateGate : RateLimiter
{
    private const int LatencySamples = 32;
    private static readonly TimeSpan LongestPause = TimeSpan.FromDays(3650);
    private static readonly RateLimitLease FailedLease = new GateLease(null, 0, 0, acquired: false);

    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private readonly int _configuredLimit;
    private readonly int _burst;
    private readonly long _window;
    private readonly long _baseMargin;
    private readonly long _marginStep;
    private readonly long _maxMargin;
    private readonly long _defaultPause;
    private readonly long _maxPause;
    private readonly long _recovery;
    private readonly bool _adapt;
    private readonly long[] _log;
    private readonly long[] _logOwners;
    private readonly Answered[] _answered;
    private readonly Dictionary<long, Flight> _flights = [];
    private readonly long[] _latencies = new long[LatencySamples];
    private readonly long[] _roundTrips = new long[LatencySamples];
    private readonly LinkedList<Waiter> _queue = new();
    private readonly HashSet<long> _refused = [];

    private long _sequence;
    private long _appended;
    private long _answeredCount;
    private double _tokens;
    private long _lastRefill;
    private long _pausedUntil;
    private long _margin;
    private int _effectiveLimit;
    private long _last429 = long.MinValue;
    private Refusal? _evidence;
    private Suspicion? _suspicion;
    private long _lastLimitChange;
    private long _lastWidening;
    private long _recoveryWait;
    private bool _probing;
    private long _lastGrant;
    private int _latencyCount;
    private int _roundTripCount;
    private long _successfulLeases;
    private long _failedLeases;
    private ITimer? _timer;
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
        _maxPause = ToTimestampTicks(maxPause);
        _configuredLimit = options.PermitLimit;
        _effectiveLimit = options.PermitLimit;
        _burst = Math.Min(options.Burst ?? options.PermitLimit, options.PermitLimit);
        _window = ToTimestampTicks(options.Window);
        _baseMargin = ToTimestampTicks(options.SafetyMargin);
        _margin = _baseMargin;
        _marginStep = ToTimestampTicks(TimeSpan.FromMilliseconds(5));
        _maxMargin = Math.Max(_baseMargin, _window / 4);
        _defaultPause = ToTimestampTicks(options.RateLimitedPause ?? options.Window);
        _recovery = ToTimestampTicks(options.RecoveryPeriod);
        _recoveryWait = _recovery;
        _adapt = options.AdaptToRateLimits;
        _log = new long[Math.Max(2, 2 * options.PermitLimit)];
        _logOwners = new long[_log.Length];
        _answered = new Answered[_log.Length];
        _tokens = _burst;
        _lastRefill = _time.GetTimestamp();
        _lastGrant = _lastRefill;
        _lastLimitChange = _lastRefill;
        _lastWidening = _lastRefill;
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
                return _effectiveLimit;
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
                return _time.GetElapsedTime(0, _margin);
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
                return _queue.Count > 0 ? null : _time.GetElapsedTime(_lastGrant);
            }
        }
    }

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            Refill(_time.GetTimestamp());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = (long)Math.Floor(_tokens),
                CurrentQueuedCount = _queue.Count,
                TotalSuccessfulLeases = _successfulLeases,
                TotalFailedLeases = _failedLeases,
            };
        }
    }

    /// <summary>
    /// Records that the request holding <paramref name="lease"/> finished writing its body: that is when it departed,
    /// and its place in the log moves there.
    /// </summary>
    public void OnSent(RateLimitLease lease)
    {
        if (lease is not GateLease { IsAcquired: true } granted || !ReferenceEquals(granted.Gate, this))
        {
            return;
        }

        lock (_lock)
        {
            if (_flights.TryGetValue(granted.Sequence, out var flight) && flight.SentAt is null)
            {
                var now = _time.GetTimestamp();
                flight.SentAt = now;
                Place(granted.Sequence, flight, now);
                Pump();
            }
        }
    }

    /// <summary>
    /// Records that the request holding <paramref name="lease"/> has its answer (or failed). A request whose
    /// departure was not reported (no body, or it failed before writing) is placed at its answer time less the
    /// fastest recent round trip, and one whose answer came back later than that allows moves there too: late, never
    /// early.
    /// </summary>
    public void OnCompleted(RateLimitLease lease)
    {
        if (lease is not GateLease { IsAcquired: true } granted || !ReferenceEquals(granted.Gate, this))
        {
            return;
        }

        lock (_lock)
        {
            _ = Complete(granted, _time.GetTimestamp());
            WeighRefusalWhenAnswered();
            RecoverIfQuiet(_time.GetTimestamp());
            Pump();
        }
    }

    /// <summary>
    /// Records a 429 for the request holding <paramref name="lease"/>: pauses every sender of the account at once (for
    /// Retry-After, or one window). A pause longer than <see cref="MaxPause"/> is not waited out: callers are refused
    /// at once until what is left of it is within the cap. What the refusal says about the provider's limit is weighed
    /// once every request that left before it has its answer (see <see cref="WeighRefusal"/>): the requests refused
    /// alongside it in the same crowded window must not be counted as ones the provider admitted.
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

            // A Retry-After date far in the future must not overflow the timestamp arithmetic.
            var pause = retryAfter is { } wait && wait > TimeSpan.Zero ? ToTimestampTicks(wait < LongestPause ? wait : LongestPause) : _defaultPause;
            var wasBeyondCap = _pausedUntil - now > _maxPause;
            _pausedUntil = Math.Max(_pausedUntil, now + pause);
            var beyondCap = !wasBeyondCap && _pausedUntil - now > _maxPause;

            if (lease is GateLease { IsAcquired: true } granted && ReferenceEquals(granted.Gate, this) && Complete(granted, now, admitted: false))
            {
                // A request granted before the previous 429 came back left under the old settings: refused along with
                // it, it is the same evidence, not more. Counting each such 429 would cut the limit once per request
                // in flight.
                if (_evidence is null && (_last429 == long.MinValue || granted.Stamp > _last429))
                {
                    _evidence = new Refusal(granted.Sequence, ReportedDepartureOf(granted.Sequence), now);
                }

                // Only a refusal still to be weighed needs to know which of its neighbours were refused too.
                if (_evidence is not null)
                {
                    _refused.Add(granted.Sequence);
                }
            }

            _last429 = now;
            WeighRefusalWhenAnswered();
            Pump();
            return (_time.GetElapsedTime(0, pause), beyondCap);
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
            if (_queue.Count == 0 && EarliestGrant(now) <= now)
            {
                return permitCount == 0 ? new GateLease(null, 0, now, acquired: true) : Grant(now);
            }

            _failedLeases++;
            return PausedBeyondCap(now) is { } refused ? refused : FailedLease;
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

        Waiter waiter;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetTimestamp();
            if (_queue.Count == 0 && EarliestGrant(now) <= now)
            {
                return ValueTask.FromResult(permitCount == 0 ? new GateLease(null, 0, now, acquired: true) : Grant(now));
            }

            if (PausedBeyondCap(now) is { } refused)
            {
                _failedLeases++;
                return ValueTask.FromResult(refused);
            }

            waiter = new Waiter(permitCount == 0);
            waiter.Node = _queue.AddLast(waiter);
            Pump();
        }

        if (cancellationToken.CanBeCanceled && !waiter.Completion.Task.IsCompleted)
        {
            waiter.Registration = cancellationToken.UnsafeRegister(
                static (state, token) => ((ProviderRateGate)((object[])state!)[0]).Cancel((Waiter)((object[])state)[1], token),
                new object[] { this, waiter });
        }

        return new ValueTask<RateLimitLease>(waiter.Completion.Task);
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
                    _timer?.Dispose();
                    foreach (var waiter in _queue)
                    {
                        waiter.Registration.Unregister();
                        waiter.Completion.TrySetException(new ObjectDisposedException(nameof(ProviderRateGate)));
                    }

                    _queue.Clear();
                }
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// While more than <see cref="MaxPause"/> is left of a pause the provider asked for, a refusal carrying what is
    /// left (<see cref="MetadataName.RetryAfter"/>); otherwise <see langword="null"/>.
    /// </summary>
    private RateLimitLease? PausedBeyondCap(long now)
        => _pausedUntil - now > _maxPause ? new RefusedLease(_time.GetElapsedTime(now, _pausedUntil)) : null;

    private static void ValidatePermitCount(int permitCount)
    {
        if (permitCount is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "Each request takes exactly one permit.");
        }
    }

    private long ToTimestampTicks(TimeSpan span) => (long)Math.Ceiling(span.Ticks * (double)_time.TimestampFrequency / TimeSpan.TicksPerSecond);

    private void Cancel(Waiter waiter, CancellationToken token)
    {
        lock (_lock)
        {
            if (waiter.Node?.List is null)
            {
                return;
            }

            _queue.Remove(waiter.Node);
            waiter.Completion.TrySetCanceled(token);
        }
    }

    private RateLimitLease Grant(long now)
    {
        _tokens -= 1;
        _sequence++;
        var flight = new Flight(now, Append(now, _sequence));
        _flights[_sequence] = flight;
        _lastGrant = now;
        _successfulLeases++;
        return new GateLease(this, _sequence, now, acquired: true);
    }

    private int Append(long stamp, long owner)
    {
        var slot = (int)(_appended++ % _log.Length);
        _log[slot] = stamp;
        _logOwners[slot] = owner;
        return slot;
    }

    /// <summary>Moves a flight's stamp later (never earlier); if its slot was reused meanwhile, logs it anew.</summary>
    private void Place(long sequence, Flight flight, long departure)
    {
        if (_logOwners[flight.Slot] == sequence)
        {
            _log[flight.Slot] = Math.Max(_log[flight.Slot], departure);
        }
        else
        {
            flight.Slot = Append(departure, sequence);
        }
    }

    /// <summary>
    /// Ends a flight (placing it in the log if its departure was never reported); false if it had ended already.
    /// A reported departure moves later when the answer came back later than the fastest recent round trip allows:
    /// whatever held the request up on its way (a descheduled client or server, a busy network) held its arrival up
    /// too, and the provider's window counts from the arrival. Late, never early.
    /// </summary>
    private bool Complete(GateLease lease, long now, bool admitted = true)
    {
        if (!_flights.Remove(lease.Sequence, out var flight))
        {
            return false;
        }

        _latencies[_latencyCount++ % LatencySamples] = now - flight.GrantedAt;
        var reported = flight.SentAt ?? Math.Max(flight.GrantedAt, now - Fastest(_latencies, _latencyCount));
        _answered[_answeredCount++ % _answered.Length] = new Answered(lease.Sequence, reported, admitted);
        if (flight.SentAt is { } sentAt)
        {
            // Refusals are cheap to answer: only admitted requests tell the usual round trip.
            if (admitted)
            {
                _roundTrips[_roundTripCount++ % LatencySamples] = now - sentAt;
            }

            if (_roundTripCount >= 8 && _logOwners[flight.Slot] == lease.Sequence)
            {
                _log[flight.Slot] = Math.Max(_log[flight.Slot], now - Fastest(_roundTrips, _roundTripCount));
            }
        }
        else
        {
            Place(lease.Sequence, flight, Math.Max(flight.GrantedAt, now - Fastest(_latencies, _latencyCount)));
        }

        if (admitted)
        {
            DropSuspicionIfContradicted(reported);
        }

        return true;
    }

    /// <summary>
    /// The fastest of the recent round trips; until enough were seen the fastest may itself have been slow, so none
    /// (zero) is assumed.
    /// </summary>
    private static long Fastest(long[] samples, int count)
    {
        if (count < 8)
        {
            return 0;
        }

        var fastest = long.MaxValue;
        for (var i = 0; i < Math.Min(count, samples.Length); i++)
        {
            fastest = Math.Min(fastest, samples[i]);
        }

        return fastest;
    }

    private void Refill(long now)
    {
        var elapsed = now - _lastRefill;
        if (elapsed > 0)
        {
            _tokens = Math.Min(Math.Min(_burst, _effectiveLimit), _tokens + (elapsed * (double)_effectiveLimit / _window));
            _lastRefill = now;
        }
    }

    /// <summary>The first timestamp at which the next permit may be granted: bucket, pause and sliding log all agree.</summary>
    private long EarliestGrant(long now)
    {
        Refill(now);
        var earliest = Math.Max(now, _pausedUntil);
        if (_tokens < 1)
        {
            earliest = Math.Max(earliest, now + (long)Math.Ceiling((1 - _tokens) * _window / _effectiveLimit));
        }

        // At most (limit - 1) departures may lie in (t - window - margin, t]: wait for the limit-th newest to leave.
        // A request that has not finished writing counts as departing now.
        var logged = (int)Math.Min(_appended, _log.Length);
        var unsentElsewhere = 0;
        foreach (var (sequence, flight) in _flights)
        {
            if (flight.SentAt is null && _logOwners[flight.Slot] != sequence)
            {
                unsentElsewhere++;
            }
        }

        if (logged + unsentElsewhere >= _effectiveLimit)
        {
            earliest = Math.Max(earliest, KthNewestDeparture(now, logged, unsentElsewhere, _effectiveLimit) + _window + _margin);
        }

        return earliest;
    }

    private long KthNewestDeparture(long now, int logged, int unsentElsewhere, int k)
    {
        var count = logged + unsentElsewhere;
        Span<long> stamps = count <= 256 ? stackalloc long[count] : new long[count];
        for (var i = 0; i < logged; i++)
        {
            var owner = _logOwners[i];
            stamps[i] = owner != 0 && _flights.TryGetValue(owner, out var flight) && flight.SentAt is null && flight.Slot == i ? now : _log[i];
        }

        stamps[logged..].Fill(now);
        stamps.Sort();
        return stamps[count - k];
    }

    private ReadOnlySpan<Answered> AnsweredSoFar => _answered.AsSpan(0, (int)Math.Min(_answeredCount, _answered.Length));

    /// <summary>When an answered request departed as reported (or placed), before any late-answer correction.</summary>
    private long ReportedDepartureOf(long sequence)
    {
        foreach (var answered in AnsweredSoFar)
        {
            if (answered.Sequence == sequence)
            {
                return answered.Departure;
            }
        }

        return 0;
    }

    // ---- Adapting to the provider's real limit -----------------------------------------------------------------
    // What one weighed refusal episode does (admitted = our requests the provider admitted in the refused one's window):
    //   adaptation off                                        → nothing (the account was paused; that is all)
    //   admitted = 0                                          → our previous round still in its window: jitter, margin + 5 ms
    //   the provider admitted more of ours in a later window   → noise: nothing
    //   a raised limit was being tried, admitted ≈ the old one → back to admitted; the next try waits twice as long
    //   several refused together, admitted < ours − 1         → admitted is the limit (repeated at one count, in one window)
    //   a suspicion within 30 windows, admitted within ±1 of it → admitted (the latest) is the limit
    //   otherwise                                             → a suspicion only (at our own limit, margin + 5 ms too)
    // A suspicion is dropped as soon as the provider admits more of ours in one window than it says: a stray 429 then
    // costs nothing but its pause. A lowered limit is raised a step after RecoveryPeriod without a refused try.

    /// <summary>
    /// Weighs the pending refusal once every request that was in flight when its 429 came back has its answer: the ones
    /// refused alongside it in the same window are then known.
    /// </summary>
    private void WeighRefusalWhenAnswered()
    {
        if (_evidence is not { } refusal)
        {
            return;
        }

        foreach (var flight in _flights.Values)
        {
            if (flight.GrantedAt <= refusal.ReportedAt)
            {
                return;
            }
        }

        WeighRefusal(refusal, _time.GetTimestamp());
        _evidence = null;
        _refused.Clear();
    }

    /// <summary>
    /// What a refusal says about the provider's limit, from how many requests of ours it admitted in its window before
    /// the refused one: our departures in that window, less those refused too (see the table above). Its window runs
    /// on arrival times, which trail our stamps by a varying delay; measured delays are already in the log (see
    /// <see cref="Complete"/>). The window is not widened by our margin: at our limit the previous round of requests
    /// lies exactly a window plus the margin back, and counting it would hide a stricter provider behind our own traffic.
    /// </summary>
    private void WeighRefusal(Refusal refusal, long now)
    {
        if (!_adapt)
        {
            return;
        }

        var admitted = AdmittedInAWindowEndingAt(refusal.Departure);
        if (admitted == 0)
        {
            Widen(now);
        }
        else if (MostAdmittedInAWindowAfter(refusal.Departure) > admitted)
        {
            // The provider admitted more of ours in one window after the refused one than it did before it: whatever
            // refused it, it was not a limit at that count (an injected fault, a hiccup, a proxy). Nothing to learn.
        }
        else if (_probing && admitted >= _effectiveLimit - 2)
        {
            Lower(admitted, now, triedHigher: true);
        }
        else if (admitted < _effectiveLimit - 1 && _refused.Count >= 2)
        {
            Lower(admitted, now);
        }
        else if (_suspicion is { } earlier && Math.Abs(earlier.Count - admitted) <= 1 && now - earlier.At < 30 * _window)
        {
            // The latest count is the freshest: a provider that tightened mid-window shows its old limit first.
            Lower(admitted, now);
        }
        else
        {
            _suspicion = new Suspicion(admitted, refusal.Departure, now);
            if (admitted >= _effectiveLimit - 1)
            {
                Widen(now);
            }
        }
    }

    /// <summary>The provider admitted more of ours in one window than the suspicion says it allows: it was noise.</summary>
    private void DropSuspicionIfContradicted(long departure)
    {
        if (_suspicion is { } suspicion && departure > suspicion.Departure && AdmittedInAWindowEndingAt(departure) > suspicion.Count)
        {
            _suspicion = null;
        }
    }

    /// <summary>
    /// Answered requests the provider admitted that departed in the window ending at <paramref name="departure"/>, by
    /// their reported departures: a departure moved later by a slow answer (see <see cref="Complete"/>) is right for
    /// pacing, which must err late, but it can put two of our rounds in one window in hindsight, and counting them
    /// would hide a limit or invent a contradiction.
    /// </summary>
    private int AdmittedInAWindowEndingAt(long departure)
    {
        var admitted = 0;
        foreach (var answered in AnsweredSoFar)
        {
            if (answered.Admitted && answered.Departure > departure - _window && answered.Departure <= departure)
            {
                admitted++;
            }
        }

        return admitted;
    }

    /// <summary>The most admitted requests that departed in one window ending after <paramref name="departure"/>.</summary>
    private int MostAdmittedInAWindowAfter(long departure)
    {
        Span<long> stamps = _answered.Length <= 256 ? stackalloc long[_answered.Length] : new long[_answered.Length];
        var count = 0;
        foreach (var answered in AnsweredSoFar)
        {
            if (answered.Admitted && answered.Departure > departure - _window)
            {
                stamps[count++] = answered.Departure;
            }
        }

        stamps = stamps[..count];
        stamps.Sort();
        var most = 0;
        for (int first = 0, last = 0; last < count; last++)
        {
            while (stamps[last] - stamps[first] >= _window)
            {
                first++;
            }

            if (stamps[last] > departure)
            {
                most = Math.Max(most, last - first + 1);
            }
        }

        return most;
    }

    private void Lower(int limit, long now, bool triedHigher = false)
    {
        _effectiveLimit = Math.Max(1, Math.Min(_effectiveLimit, limit));
        _suspicion = null;
        _probing = false;
        _recoveryWait = triedHigher ? Math.Min(2 * _recoveryWait, 32 * _recovery) : _recovery;
        _lastLimitChange = now;
    }

    private void Widen(long now)
    {
        _margin = Math.Min(_maxMargin, _margin + _marginStep);
        _lastWidening = now;
    }

    /// <summary>
    /// Raises a lowered limit one step once it has held for the recovery wait without a refused try (RecoveryPeriod,
    /// doubled for every try the provider refused), and narrows a widened margin one step per quiet RecoveryPeriod.
    /// </summary>
    private void RecoverIfQuiet(long now)
    {
        if (now - _lastLimitChange >= _recoveryWait)
        {
            if (_probing)
            {
                // The step held: the provider allows it, and the next may follow as soon.
                _probing = false;
                _recoveryWait = _recovery;
            }

            if (_effectiveLimit < _configuredLimit)
            {
                _effectiveLimit++;
                _probing = true;
                _lastLimitChange = now;
            }
        }

        if (_margin > _baseMargin && now - _lastWidening >= _recovery)
        {
            _margin = Math.Max(_baseMargin, _margin - _marginStep);
            _lastWidening = now;
        }
    }

    /// <summary>
    /// Grants permits to the head of the queue while it is eligible, then arms the timer for the next instant. While the
    /// account is paused for longer than <see cref="MaxPause"/>, every waiter is refused at once instead.
    /// </summary>
    private void Pump()
    {
        if (_queue.Count > 0 && PausedBeyondCap(_time.GetTimestamp()) is { } refused)
        {
            foreach (var waiter in _queue)
            {
                waiter.Registration.Unregister();
                _failedLeases++;
                waiter.Completion.TrySetResult(refused);
            }

            _queue.Clear();
            return;
        }

        while (_queue.First is { } node)
        {
            var now = _time.GetTimestamp();
            var earliest = EarliestGrant(now);
            if (earliest > now)
            {
                ArmTimer(earliest - now);
                return;
            }

            _queue.RemoveFirst();
            var waiter = node.Value;

            // Unregister, not Dispose: Dispose waits for a running cancellation callback, which waits for this lock.
            waiter.Registration.Unregister();
            waiter.Completion.TrySetResult(waiter.ProbeOnly ? new GateLease(null, 0, now, acquired: true) : Grant(now));
        }
    }

    private void ArmTimer(long dueTimestampTicks)
    {
        // Whole milliseconds, rounded up: a timer due in 0.4 ms would otherwise fire at once and spin.
        var dueMs = Math.Max(1, (long)Math.Ceiling(dueTimestampTicks * 1000.0 / _time.TimestampFrequency));
        var due = TimeSpan.FromMilliseconds(dueMs);
        if (_timer is null)
        {
            _timer = _time.CreateTimer(static state => ((ProviderRateGate)state!).OnTimer(), this, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
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

    private sealed class Waiter(bool probeOnly)
    {
        public bool ProbeOnly { get; } = probeOnly;

        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }

    /// <summary>A 429 waiting to be weighed: the refused request, when it departed (as reported), and when its 429 came back.</summary>
    private sealed record Refusal(long Sequence, long Departure, long ReportedAt);

    /// <summary>An answered request: when it departed as reported (or placed), and whether the provider admitted it.</summary>
    private readonly record struct Answered(long Sequence, long Departure, bool Admitted);

    /// <summary>One refusal's count, not yet believed: the provider may allow <paramref name="Count"/> per window.</summary>
    private sealed record Suspicion(int Count, long Departure, long At);

    private sealed class Flight(long grantedAt, int slot)
    {
        public long GrantedAt { get; } = grantedAt;

        public int Slot { get; set; } = slot;

        public long? SentAt { get; set; }
    }

    /// <summary>A permit refused because the provider asked for a longer pause than the SDK waits out; says how long is left.</summary>
    private sealed class RefusedLease(TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }

    private sealed class GateLease(ProviderRateGate? gate, long sequence, long stamp, bool acquired) : RateLimitLease
    {
        public ProviderRateGate? Gate { get; } = gate;

        public long Sequence { get; } = sequence;

        public long Stamp { get; } = stamp;

        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        // A lease given back without a report (an exception between permit and send) must not stay "in flight".
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Gate?.OnCompleted(this);
            }

            base.Dispose(disposing);
        }
    }
}
