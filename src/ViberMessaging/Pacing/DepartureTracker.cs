namespace ViberMessaging.Pacing;

/// <summary>
/// When each of an account's recent requests departed, as well as the client can tell: the strict sliding log the gate
/// enforces, plus the requests still in flight and the latencies that place them. Not thread-safe: the gate's lock
/// guards it. All times are <see cref="TimeProvider"/> timestamps.
/// </summary>
/// <remarks>
/// A request is stamped when it is granted and counts as departing "now" until <see cref="Sent"/> reports its body
/// written. One without a body is placed by <see cref="Complete"/> at its answer time less the fastest recent latency,
/// and one whose answer came back later than the fastest recent round trip allows moves there too: whatever held it
/// up on its way held its arrival up too, and the provider's window counts from the arrival. Late, never early.
/// </remarks>
internal sealed class DepartureTracker
{
    private const int LatencySamples = 32;
    private const int SamplesToTrust = 8;

    private readonly long _window;
    private readonly long[] _log;
    private readonly long[] _owners;
    private readonly Answered[] _answered;
    private readonly Dictionary<long, Flight> _flights = [];
    private readonly long[] _latencies = new long[LatencySamples];
    private readonly long[] _roundTrips = new long[LatencySamples];
    private long _appended;
    private long _answeredCount;
    private int _latencyCount;
    private int _roundTripCount;

    /// <param name="limit">The most requests the log must answer for in one window (it keeps twice as many).</param>
    /// <param name="window">The provider's window, in timestamp ticks.</param>
    public DepartureTracker(int limit, long window)
    {
        _window = window;
        _log = new long[Math.Max(2, 2 * limit)];
        _owners = new long[_log.Length];
        _answered = new Answered[_log.Length];
    }

    private int Logged => (int)Math.Min(_appended, _log.Length);

    private ReadOnlySpan<Answered> AnsweredSoFar => _answered.AsSpan(0, (int)Math.Min(_answeredCount, _answered.Length));

    /// <summary>A request was granted now: it is in flight, departing now until told otherwise.</summary>
    public void Granted(long sequence, long now) => _flights[sequence] = new Flight(now, Append(now, sequence));

    /// <summary>The request finished writing its body: that is when it departed. False if it was not in flight or had been reported.</summary>
    public bool Sent(long sequence, long now)
    {
        if (!_flights.TryGetValue(sequence, out var flight) || flight.SentAt is not null)
        {
            return false;
        }

        flight.SentAt = now;
        Place(sequence, flight, now);
        return true;
    }

    /// <summary>
    /// Ends a flight (placing it in the log if its departure was never reported, moving it later if its answer was
    /// late); false if it had ended already. Only admitted requests tell the usual round trip: refusals are cheap to answer.
    /// </summary>
    /// <param name="sequence">The request.</param>
    /// <param name="now">When its answer came.</param>
    /// <param name="admitted">Whether the provider admitted it (anything but a rate-limit refusal).</param>
    /// <param name="admittedDeparture">For an admitted request, when it departed as reported (see <see cref="ReportedDepartureOf"/>).</param>
    public bool Complete(long sequence, long now, bool admitted, out long? admittedDeparture)
    {
        admittedDeparture = null;
        if (!_flights.Remove(sequence, out var flight))
        {
            return false;
        }

        _latencies[_latencyCount++ % LatencySamples] = now - flight.GrantedAt;
        var reported = flight.SentAt ?? Math.Max(flight.GrantedAt, now - Fastest(_latencies, _latencyCount));
        _answered[_answeredCount++ % _answered.Length] = new Answered(sequence, reported, admitted);
        if (flight.SentAt is { } sentAt)
        {
            if (admitted)
            {
                _roundTrips[_roundTripCount++ % LatencySamples] = now - sentAt;
            }

            if (_roundTripCount >= SamplesToTrust && _owners[flight.Slot] == sequence)
            {
                _log[flight.Slot] = Math.Max(_log[flight.Slot], now - Fastest(_roundTrips, _roundTripCount));
            }
        }
        else
        {
            Place(sequence, flight, Math.Max(flight.GrantedAt, now - Fastest(_latencies, _latencyCount)));
        }

        if (admitted)
        {
            admittedDeparture = reported;
        }

        return true;
    }

    /// <summary>
    /// The <paramref name="k"/>-th newest departure, counting a request that has not finished writing as departing
    /// <paramref name="now"/>; <see langword="null"/> while fewer than <paramref name="k"/> are known.
    /// </summary>
    public long? KthNewestDeparture(long now, int k)
    {
        var logged = Logged;
        var unsentElsewhere = 0;
        foreach (var (sequence, flight) in _flights)
        {
            if (flight.SentAt is null && _owners[flight.Slot] != sequence)
            {
                unsentElsewhere++;
            }
        }

        var count = logged + unsentElsewhere;
        if (count < k)
        {
            return null;
        }

        Span<long> stamps = count <= 256 ? stackalloc long[count] : new long[count];
        for (var i = 0; i < logged; i++)
        {
            var owner = _owners[i];
            stamps[i] = owner != 0 && _flights.TryGetValue(owner, out var flight) && flight.SentAt is null && flight.Slot == i ? now : _log[i];
        }

        stamps[logged..].Fill(now);
        stamps.Sort();
        return stamps[count - k];
    }

    /// <summary>When the request departed as far as the log knows (late answers moved it later): its latest stamp, or <paramref name="granted"/>.</summary>
    public long DepartureOf(long sequence, long granted)
    {
        var departure = granted;
        for (var i = 0; i < Logged; i++)
        {
            if (_owners[i] == sequence)
            {
                departure = Math.Max(departure, _log[i]);
            }
        }

        return departure;
    }

    /// <summary>Whether a request granted at or before <paramref name="instant"/> still waits for its answer.</summary>
    public bool AnyInFlightGrantedBy(long instant)
    {
        foreach (var flight in _flights.Values)
        {
            if (flight.GrantedAt <= instant)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// When an answered request departed as reported (or placed, when it reported none), before any late-answer
    /// correction; 0 if it is not among the recent answers.
    /// </summary>
    public long ReportedDepartureOf(long sequence)
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

    /// <summary>
    /// Answered requests the provider admitted that departed in the window ending at <paramref name="departure"/>, by
    /// their reported departures: a departure moved later by a slow answer is right for pacing, which must err late,
    /// but it can put two of our rounds in one window in hindsight, and counting them would hide a limit or invent a
    /// contradiction.
    /// </summary>
    public int AdmittedInAWindowEndingAt(long departure)
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
    public int MostAdmittedInAWindowAfter(long departure)
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

    /// <summary>The fastest of the recent samples; until enough were seen the fastest may itself have been slow, so zero.</summary>
    private static long Fastest(long[] samples, int count)
    {
        if (count < SamplesToTrust)
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

    private int Append(long stamp, long owner)
    {
        var slot = (int)(_appended++ % _log.Length);
        _log[slot] = stamp;
        _owners[slot] = owner;
        return slot;
    }

    /// <summary>Moves a flight's stamp later (never earlier); if its slot was reused meanwhile, logs it anew.</summary>
    private void Place(long sequence, Flight flight, long departure)
    {
        if (_owners[flight.Slot] == sequence)
        {
            _log[flight.Slot] = Math.Max(_log[flight.Slot], departure);
        }
        else
        {
            flight.Slot = Append(departure, sequence);
        }
    }

    /// <summary>An answered request: when it departed as reported (or placed), and whether the provider admitted it.</summary>
    private readonly record struct Answered(long Sequence, long Departure, bool Admitted);

    private sealed class Flight(long grantedAt, int slot)
    {
        public long GrantedAt { get; } = grantedAt;

        public int Slot { get; set; } = slot;

        public long? SentAt { get; set; }
    }
}
