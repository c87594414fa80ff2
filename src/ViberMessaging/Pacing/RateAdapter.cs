namespace ViberMessaging.Pacing;

/// <summary>
/// What an account's 429s say about the provider's real limit: the limit and margin the gate enforces, lowered only on
/// evidence and raised again once it stops. Not thread-safe: the gate's lock guards it. Times are
/// <see cref="TimeProvider"/> timestamps.
/// </summary>
/// <remarks>
/// What one weighed refusal episode does (admitted = our requests the provider admitted in the refused one's window):
/// <code>
///   adaptation off                                          → nothing (the account was paused; that is all)
///   admitted = 0                                            → our previous round still in its window: jitter, margin + 5 ms
///   the provider admitted more of ours in a later window    → noise: nothing
///   a raised limit was being tried, admitted ≈ the old one  → back to admitted; the next try waits twice as long
///   several refused together, admitted &lt; ours − 1           → admitted is the limit (repeated at one count, in one window)
///   a suspicion within 30 windows, admitted within ±1 of it → admitted (the latest) is the limit
///   otherwise                                               → a suspicion only (at our own limit, margin + 5 ms too)
/// </code>
/// A suspicion is dropped as soon as the provider admits more of ours in one window than it says: a stray 429 then
/// costs nothing but its pause. A lowered limit is raised a step after RecoveryPeriod without a refused try.
/// </remarks>
internal sealed class RateAdapter
{
    private readonly DepartureTracker _departures;
    private readonly bool _adapt;
    private readonly int _configuredLimit;
    private readonly long _window;
    private readonly long _baseMargin;
    private readonly long _marginStep;
    private readonly long _maxMargin;
    private readonly long _recovery;
    private readonly HashSet<long> _refused = [];
    private long _last429 = long.MinValue;
    private Refusal? _evidence;
    private Suspicion? _suspicion;
    private long _lastLimitChange;
    private long _lastWidening;
    private long _recoveryWait;
    private bool _probing;

    /// <param name="options">The account's pacing.</param>
    /// <param name="departures">Where the account's requests departed and which were admitted.</param>
    /// <param name="toTicks">Converts a span to timestamp ticks.</param>
    /// <param name="now">The clock's timestamp now.</param>
    public RateAdapter(PacingOptions options, DepartureTracker departures, Func<TimeSpan, long> toTicks, long now)
    {
        _departures = departures;
        _adapt = options.AdaptToRateLimits;
        _configuredLimit = options.PermitLimit;
        Limit = options.PermitLimit;
        _window = toTicks(options.Window);
        _baseMargin = toTicks(options.SafetyMargin);
        Margin = _baseMargin;
        _marginStep = toTicks(TimeSpan.FromMilliseconds(5));
        _maxMargin = Math.Max(_baseMargin, _window / 4);
        _recovery = toTicks(options.RecoveryPeriod);
        _recoveryWait = _recovery;
        _lastLimitChange = now;
        _lastWidening = now;
    }

    /// <summary>The permits per window currently enforced.</summary>
    public int Limit { get; private set; }

    /// <summary>The safety margin currently added to the window, in timestamp ticks.</summary>
    public long Margin { get; private set; }

    /// <summary>
    /// A 429 for a request granted at <paramref name="granted"/> that departed at <paramref name="departure"/> (as
    /// reported, see <see cref="DepartureTracker.ReportedDepartureOf"/>). A request
    /// granted before the previous 429 came back left under the old settings: refused along with it, it is the same
    /// evidence, not more. Counting each such 429 would cut the limit once per request in flight.
    /// </summary>
    public void OnRefused(long sequence, long granted, long departure, long now)
    {
        if (_evidence is null && (_last429 == long.MinValue || granted > _last429))
        {
            _evidence = new Refusal(sequence, departure, now);
        }

        // Only a refusal still to be weighed needs to know which of its neighbours were refused too.
        if (_evidence is not null)
        {
            _refused.Add(sequence);
        }
    }

    /// <summary>A 429 came back now (after <see cref="OnRefused"/> for its request, if the gate knew it).</summary>
    public void OnRateLimited(long now) => _last429 = now;

    /// <summary>The provider admitted a request that departed at <paramref name="departure"/>: a suspicion it contradicts is dropped.</summary>
    public void OnAdmitted(long departure)
    {
        if (_suspicion is { } suspicion && departure > suspicion.Departure
            && _departures.AdmittedInAWindowEndingAt(departure) > suspicion.Count)
        {
            _suspicion = null;
        }
    }

    /// <summary>
    /// Weighs the pending refusal once every request that was in flight when its 429 came back has its answer: the ones
    /// refused alongside it in the same window are then known.
    /// </summary>
    public void WeighWhenAnswered(long now)
    {
        if (_evidence is not { } refusal || _departures.AnyInFlightGrantedBy(refusal.ReportedAt))
        {
            return;
        }

        if (_adapt)
        {
            Weigh(refusal, now);
        }

        _evidence = null;
        _refused.Clear();
    }

    /// <summary>
    /// Raises a lowered limit one step once it has held for the recovery wait without a refused try (RecoveryPeriod,
    /// doubled for every try the provider refused), and narrows a widened margin one step per quiet RecoveryPeriod.
    /// </summary>
    public void RecoverIfQuiet(long now)
    {
        if (now - _lastLimitChange >= _recoveryWait)
        {
            if (_probing)
            {
                // The step held: the provider allows it, and the next may follow as soon.
                _probing = false;
                _recoveryWait = _recovery;
            }

            if (Limit < _configuredLimit)
            {
                Limit++;
                _probing = true;
                _lastLimitChange = now;
            }
        }

        if (Margin > _baseMargin && now - _lastWidening >= _recovery)
        {
            Margin = Math.Max(_baseMargin, Margin - _marginStep);
            _lastWidening = now;
        }
    }

    /// <summary>
    /// What a refusal says about the provider's limit (see the table above). Its window runs on arrival times, which
    /// trail our stamps by a varying delay; measured delays are already in the log. The window is not widened by our
    /// margin: at our limit the previous round of requests lies exactly a window plus the margin back, and counting it
    /// would hide a stricter provider behind our own traffic.
    /// </summary>
    private void Weigh(Refusal refusal, long now)
    {
        var admitted = _departures.AdmittedInAWindowEndingAt(refusal.Departure);
        if (admitted == 0)
        {
            Widen(now);
        }
        else if (_departures.MostAdmittedInAWindowAfter(refusal.Departure) > admitted)
        {
            // The provider admitted more of ours in one window after the refused one than it did before it: whatever
            // refused it, it was not a limit at that count (an injected fault, a hiccup, a proxy). Nothing to learn.
        }
        else if (_probing && admitted >= Limit - 2)
        {
            Lower(admitted, now, triedHigher: true);
        }
        else if (admitted < Limit - 1 && _refused.Count >= 2)
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
            if (admitted >= Limit - 1)
            {
                Widen(now);
            }
        }
    }

    private void Lower(int limit, long now, bool triedHigher = false)
    {
        Limit = Math.Max(1, Math.Min(Limit, limit));
        _suspicion = null;
        _probing = false;
        _recoveryWait = triedHigher ? Math.Min(2 * _recoveryWait, 32 * _recovery) : _recovery;
        _lastLimitChange = now;
    }

    private void Widen(long now)
    {
        Margin = Math.Min(_maxMargin, Margin + _marginStep);
        _lastWidening = now;
    }

    /// <summary>A 429 waiting to be weighed: the refused request, when it departed (as reported), and when its 429 came back.</summary>
    private sealed record Refusal(long Sequence, long Departure, long ReportedAt);

    /// <summary>One refusal's count, not yet believed: the provider may allow <paramref name="Count"/> per window.</summary>
    private sealed record Suspicion(int Count, long Departure, long At);
}
