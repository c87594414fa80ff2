namespace ViberMessaging.Testing.Infrastructure;

/// <summary>
/// A strict sliding log: a request is admitted only if fewer than <c>permits</c> requests were admitted in the
/// <c>window</c> before its arrival. Rejected requests are counted, not logged.
/// </summary>
internal sealed class StrictWindow(int permits, TimeSpan window, TimeProvider time)
{
    private readonly object _lock = new();
    private readonly Queue<long> _admitted = new();
    private int _permits = permits;
    private long _windowTicks = ToTicks(window, time);
    private int _rejected;
    private int _admittedTotal;

    public int Rejected => Volatile.Read(ref _rejected);

    public int Admitted => Volatile.Read(ref _admittedTotal);

    /// <summary>The most requests admitted within any one window so far.</summary>
    public int PeakInWindow { get; private set; }

    public bool TryAdmit()
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            while (_admitted.Count > 0 && now - _admitted.Peek() >= _windowTicks)
            {
                _admitted.Dequeue();
            }

            if (_admitted.Count >= _permits)
            {
                _rejected++;
                return false;
            }

            _admitted.Enqueue(now);
            _admittedTotal++;
            PeakInWindow = Math.Max(PeakInWindow, _admitted.Count);
            return true;
        }
    }

    public void Reconfigure(int permits, TimeSpan window)
    {
        lock (_lock)
        {
            _permits = permits;
            _windowTicks = ToTicks(window, time);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _admitted.Clear();
            _rejected = 0;
            _admittedTotal = 0;
            PeakInWindow = 0;
        }
    }

    private static long ToTicks(TimeSpan span, TimeProvider time) => (long)(span.Ticks * (double)time.TimestampFrequency / TimeSpan.TicksPerSecond);
}
