using System.Threading.RateLimiting;

namespace ViberMessaging.Pacing;

/// <summary>
/// The callers waiting for a permit, first in first out, with one timer armed for the instant the head may be served.
/// The gate's lock guards it: every member is called under that lock, and a cancellation or the timer takes it too.
/// A cancelled waiter leaves the queue at once and consumes nothing.
/// </summary>
/// <param name="gateLock">The gate's lock.</param>
/// <param name="time">The clock that runs the timer.</param>
/// <param name="onTimer">What the timer does when it fires (the gate takes its lock and serves the queue).</param>
internal sealed class WaiterQueue(object gateLock, TimeProvider time, Action onTimer) : IDisposable
{
    private readonly LinkedList<Waiter> _queue = new();
    private ITimer? _timer;

    public int Count => _queue.Count;

    /// <summary>Whether the head waiter only asked whether a permit is available (a request for zero permits).</summary>
    public bool HeadIsProbe => _queue.First is { Value.ProbeOnly: true };

    /// <summary>Queues a caller; <see cref="Watch"/> it once outside the lock.</summary>
    public Waiter Add(bool probeOnly)
    {
        var waiter = new Waiter(probeOnly);
        waiter.Node = _queue.AddLast(waiter);
        return waiter;
    }

    /// <summary>Lets <paramref name="cancellationToken"/> take the waiter out of the queue. Call outside the gate's lock.</summary>
    public ValueTask<RateLimitLease> Watch(Waiter waiter, CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled && !waiter.Completion.Task.IsCompleted)
        {
            waiter.Registration = cancellationToken.UnsafeRegister(
                static (state, token) => ((WaiterQueue)((object[])state!)[0]).Cancel((Waiter)((object[])state)[1], token),
                new object[] { this, waiter });
        }

        return new ValueTask<RateLimitLease>(waiter.Completion.Task);
    }

    /// <summary>Hands <paramref name="lease"/> to the head waiter and removes it.</summary>
    public void ServeHead(RateLimitLease lease)
    {
        var waiter = _queue.First!.Value;
        _queue.RemoveFirst();

        // Unregister, not Dispose: Dispose waits for a running cancellation callback, which waits for the gate's lock.
        waiter.Registration.Unregister();
        waiter.Completion.TrySetResult(lease);
    }

    /// <summary>Hands every waiter the same (refused) lease; returns how many there were.</summary>
    public int RefuseAll(RateLimitLease lease)
    {
        var count = _queue.Count;
        foreach (var waiter in _queue)
        {
            waiter.Registration.Unregister();
            waiter.Completion.TrySetResult(lease);
        }

        _queue.Clear();
        return count;
    }

    /// <summary>Arms the timer to fire after <paramref name="dueTimestampTicks"/>.</summary>
    public void WakeIn(long dueTimestampTicks)
    {
        // Whole milliseconds, rounded up: a timer due in 0.4 ms would otherwise fire at once and spin.
        var dueMs = Math.Max(1, (long)Math.Ceiling(dueTimestampTicks * 1000.0 / time.TimestampFrequency));
        var due = TimeSpan.FromMilliseconds(dueMs);
        if (_timer is null)
        {
            _timer = time.CreateTimer(static state => ((WaiterQueue)state!).OnTimerCallback(), this, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops the timer and fails every waiter with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        foreach (var waiter in _queue)
        {
            waiter.Registration.Unregister();
            waiter.Completion.TrySetException(new ObjectDisposedException(nameof(ProviderRateGate)));
        }

        _queue.Clear();
    }

    private void OnTimerCallback() => onTimer();

    private void Cancel(Waiter waiter, CancellationToken token)
    {
        lock (gateLock)
        {
            if (waiter.Node?.List is null)
            {
                return;
            }

            _queue.Remove(waiter.Node);
            waiter.Completion.TrySetCanceled(token);
        }
    }

    /// <summary>One caller waiting for a permit.</summary>
    internal sealed class Waiter(bool probeOnly)
    {
        public bool ProbeOnly { get; } = probeOnly;

        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }
}
