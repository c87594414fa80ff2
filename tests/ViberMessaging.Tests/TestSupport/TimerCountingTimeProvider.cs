using Microsoft.Extensions.Time.Testing;

namespace ViberMessaging.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> (at <see cref="TestClock.Start"/>) that also counts its armed timers, which
/// FakeTimeProvider does not expose: a test that must move the clock only once the code under test waits on it (a retry
/// back-off, the emulator's scheduled callbacks) waits for <see cref="ArmedTimers"/> instead of for real time.
/// </summary>
public sealed class TimerCountingTimeProvider() : FakeTimeProvider(TestClock.Start)
{
    private int _armed;

    /// <summary>Timers created on this clock that are due to fire and have neither fired (one-shot) nor been disposed.</summary>
    public int ArmedTimers => Volatile.Read(ref _armed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var counted = new CountedTimer(this);
        counted.Inner = base.CreateTimer(counted.Fire, (callback, state), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        counted.Change(dueTime, period);
        return counted;
    }

    private sealed class CountedTimer(TimerCountingTimeProvider owner) : ITimer
    {
        private readonly object _lock = new();
        private bool _armed;
        private bool _periodic;

        public ITimer Inner { get; set; } = null!;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_lock)
            {
                _periodic = period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero;
                SetArmed(dueTime != Timeout.InfiniteTimeSpan);
            }

            // Outside the lock: a timer due now fires inside Change.
            return Inner.Change(dueTime, period);
        }

        public void Fire(object? state)
        {
            lock (_lock)
            {
                if (!_periodic)
                {
                    SetArmed(false);
                }
            }

            var (callback, callbackState) = ((TimerCallback, object?))state!;
            callback(callbackState);
        }

        public void Dispose()
        {
            lock (_lock)
            {
                SetArmed(false);
            }

            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }

        private void SetArmed(bool armed)
        {
            if (armed != _armed)
            {
                _armed = armed;
                Interlocked.Add(ref owner._armed, armed ? 1 : -1);
            }
        }
    }
}
