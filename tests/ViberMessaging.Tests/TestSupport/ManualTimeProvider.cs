namespace ViberMessaging.Tests.TestSupport;

/// <summary>A clock that moves only when told to; timers fire as <see cref="Advance"/> passes their due time.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;
    private long _timestamp;

    public ManualTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public int ActiveTimers
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(t => t.Due is not null);
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _timestamp;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// A stall: the clock jumps forward and no timer fires on the way; timers that fell due fire late, at the next
    /// <see cref="Advance"/>, as they do after a thread-pool stall.
    /// </summary>
    public void Stall(TimeSpan by)
    {
        lock (_lock)
        {
            _timestamp += by.Ticks;
            _now += by;
            foreach (var timer in _timers.Where(t => t.Due is { } due && due < _timestamp))
            {
                timer.Due = _timestamp;
            }
        }
    }

    /// <summary>Moves the clock forward, firing due timers in order (each at its due instant).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        long target;
        lock (_lock)
        {
            target = _timestamp + by.Ticks;
        }

        while (true)
        {
            ManualTimer? next = null;
            lock (_lock)
            {
                next = _timers.Where(t => t.Due is { } due && due <= target).OrderBy(t => t.Due).FirstOrDefault();
                if (next is null)
                {
                    var delta = target - _timestamp;
                    _timestamp = target;
                    _now += TimeSpan.FromTicks(delta);
                    return;
                }

                var step = next.Due!.Value - _timestamp;
                if (step > 0)
                {
                    _timestamp += step;
                    _now += TimeSpan.FromTicks(step);
                }

                next.Due = next.Period is { } period && period > TimeSpan.Zero ? _timestamp + period.Ticks : null;
            }

            next.Fire();
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long? Due { get; set; }

        public TimeSpan? Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner._timestamp + Math.Max(0, dueTime.Ticks);
                Period = period == Timeout.InfiniteTimeSpan ? null : period;
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
