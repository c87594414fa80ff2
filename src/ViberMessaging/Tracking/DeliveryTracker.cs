using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ViberMessaging.Tracking;

/// <summary>
/// The <see cref="IDeliveryTracker"/>: a table of messages not yet final, each with the time it is next due, polled in
/// passes (per account: due ids in requests of the provider's size, one request at a time, within the polling
/// budget while sends wait), plus a dispatcher that hands every change to the watchers and the handlers.
/// </summary>
internal sealed partial class DeliveryTracker : BackgroundService, IDeliveryTracker
{
    private readonly object _lock = new();
    private readonly Dictionary<MessageId, TrackedMessage> _pending = [];
    private readonly Dictionary<string, TrackedAccount?> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Channel<DeliveryReport>> _watchers = [];
    private readonly Channel<DeliveryReport> _changes = Channel.CreateUnbounded<DeliveryReport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDeliveryStore _store;
    private readonly IReadOnlyList<IDeliveryReportHandler> _handlers;
    private readonly DeliveryTrackerOptions _options;
    private readonly Func<string, TrackedAccount?> _resolve;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _disposing = new();
    private int _disposed;
    private DateTimeOffset _sleepingUntil = DateTimeOffset.MaxValue;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DeliveryTracker(
        IDeliveryStore store,
        IEnumerable<IDeliveryReportHandler> handlers,
        IOptions<DeliveryTrackerOptions> options,
        Func<string, TrackedAccount?> resolve,
        TimeProvider time,
        ILogger logger)
    {
        _store = store;
        _handlers = handlers.ToArray();
        _options = options.Value;
        _resolve = resolve;
        _time = time;
        _logger = logger;

        // Changes reach watchers and handlers whether or not the polling service runs (callbacks alone feed it too).
        _ = Task.Run(() => DispatchAsync(_disposing.Token));
    }

    /// <summary>How many messages are followed and not yet final.</summary>
    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>How many <see cref="WatchAsync"/> subscriptions are open.</summary>
    public int WatcherCount
    {
        get
        {
            lock (_watchers)
            {
                return _watchers.Count;
            }
        }
    }

    public void Track(SendResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            foreach (var id in result.MessageIds)
            {
                if (!_pending.ContainsKey(id))
                {
                    var first = _options.CallbackProviders.Contains(id.Provider) ? _options.CallbackSilence : _options.FirstPollAfter;
                    _pending.Add(id, new TrackedMessage(id, now, now + first));
                    if (now + first < _sleepingUntil)
                    {
                        // Only a message due before the loop's next wake-up wakes it: a burst of sends costs one pass, not one each.
                        _sleepingUntil = now + first;
                        _wake.TrySetResult();
                    }
                }
            }
        }
    }

    public async ValueTask<bool> ReportAsync(DeliveryReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var update = await _store.MergeAsync(report, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (_pending.TryGetValue(report.MessageId, out var message))
            {
                if (update.Report.IsFinal)
                {
                    _pending.Remove(report.MessageId);
                }
                else if (_options.CallbackProviders.Contains(report.MessageId.Provider) && message.NextPollAt < now + _options.CallbackSilence)
                {
                    // The provider pushes this message's statuses: a poll is only the fallback for a lost callback.
                    // (SMS.by's one answer to a bulk request is no such promise: its messages keep their polling.)
                    message.NextPollAt = now + _options.CallbackSilence;
                }
            }
        }

        if (update.Changed)
        {
            _changes.Writer.TryWrite(update.Report);
        }

        return update.Changed;
    }

    public async ValueTask<DeliveryReport?> GetAsync(MessageId messageId, CancellationToken cancellationToken = default)
    {
        if (await _store.GetAsync(messageId, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return stored;
        }

        lock (_lock)
        {
            return _pending.ContainsKey(messageId) ? new DeliveryReport(messageId, DeliveryStatus.Pending) : null;
        }
    }

    public IAsyncEnumerable<DeliveryReport> WatchAsync(CancellationToken cancellationToken = default)
    {
        // The subscription starts here, not at the first MoveNextAsync: a caller that watches, then sends, sees every
        // change the send causes even if it starts enumerating later.
        var channel = Channel.CreateUnbounded<DeliveryReport>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        lock (_watchers)
        {
            if (Volatile.Read(ref _disposed) == 1)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _watchers.Add(channel);
            }
        }

        // A subscription never enumerated ends with its token instead of buffering forever.
        var registration = cancellationToken.Register(() => Unwatch(channel));
        return ReadAsync(channel, registration, cancellationToken);
    }

    /// <summary>
    /// One polling pass: every message due by now, per account in requests of the provider's size. Returns when all of
    /// them are polled (or rescheduled after a failure). The hosted loop calls it; tests call it on a fake clock.
    /// </summary>
    public async Task PollDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();

        // Messages due within the slack join this pass, so nearby due times share requests and passes stay few.
        var horizon = now + Slack;
        var due = new Dictionary<string, List<TrackedMessage>>(StringComparer.OrdinalIgnoreCase);
        lock (_lock)
        {
            foreach (var message in _pending.Values.ToArray())
            {
                if (message.Polling || message.NextPollAt > horizon)
                {
                    continue;
                }

                if (now - message.TrackedAt >= _options.MaxAge)
                {
                    _pending.Remove(message.Id);
                    DeliveryTrackerLog.GaveUp(_logger, message.Id, _options.MaxAge.TotalHours);
                    continue;
                }

                message.Polling = true;
                (due.TryGetValue(message.Id.Provider, out var list) ? list : due[message.Id.Provider] = []).Add(message);
            }
        }

        await Task.WhenAll(due.Select(group => PollAccountAsync(group.Key, group.Value, cancellationToken))).ConfigureAwait(false);
    }

    private TimeSpan Slack => TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, _options.FirstPollAfter.Ticks / 20));

    public override void Dispose()
    {
        // Dependency injection disposes the one instance once per service it is registered as.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _changes.Writer.TryComplete();
        _disposing.Cancel();
        lock (_watchers)
        {
            _watchers.ForEach(w => w.Writer.TryComplete());
        }

        _disposing.Dispose();
        lock (_accounts)
        {
            foreach (var account in _accounts.Values)
            {
                account?.Dispose();
            }

            _accounts.Clear();
        }

        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Task wake;
                lock (_lock)
                {
                    _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _sleepingUntil = DateTimeOffset.MinValue; // during a pass no wake is needed: the wait after it sees every message
                    wake = _wake.Task;
                }

                var failed = false;
                try
                {
                    await PollDueAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    DeliveryTrackerLog.PassFailed(_logger, exception);
                    failed = true;
                }

                TimeSpan delay;
                lock (_lock)
                {
                    var next = _pending.Count == 0 ? DateTimeOffset.MaxValue : _pending.Values.Min(m => m.NextPollAt);
                    delay = next == DateTimeOffset.MaxValue ? Timeout.InfiniteTimeSpan : next - _time.GetUtcNow();
                    if (failed && delay != Timeout.InfiniteTimeSpan && delay < _options.FirstPollAfter)
                    {
                        // A pass that failed outright (a broken store) is not retried in a tight loop.
                        delay = _options.FirstPollAfter;
                        next = _time.GetUtcNow() + delay;
                    }
                    else if (delay <= TimeSpan.Zero)
                    {
                        continue;
                    }

                    _sleepingUntil = next;
                }

                // A Track() bringing an earlier due time completes the wake task; the timer is released either way.
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(Task.Delay(delay, _time, wait.Token), wake).ConfigureAwait(false);
                await wait.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
