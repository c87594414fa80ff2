using System.Collections.Concurrent;

namespace ViberMessaging.Testing.Infrastructure;

/// <summary>Everything an emulator instance knows: accepted messages, chats, scripts, ids, windows, faults, records.</summary>
internal sealed class EmulatorState
{
    private readonly ConcurrentDictionary<string, long> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, RecipientBehavior> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrictWindow> _windows = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, StrikeQueue<EmulatorFault>> _faults = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EmulatedMessage> _messages = [];
    private readonly Dictionary<string, EmulatedMessage> _messagesById = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmulatedChat> _chats = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> _requests = [];

    public EmulatorState(ViberEmulatorOptions options)
    {
        Options = options;
        foreach (var (provider, limit) in options.RateLimits)
        {
            SetRateLimit(provider, limit);
        }
    }

    public ViberEmulatorOptions Options { get; }

    public TimeProvider Time => Options.TimeProvider;

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    /// <summary>The next id of a sequence (per provider and purpose), starting at <paramref name="first"/>.</summary>
    public long NextId(string sequence, long first) => _ids.AddOrUpdate(sequence, first, static (_, last) => last + 1);

    /// <summary>Waits until <paramref name="due"/> by the emulator's clock (returns at once when it has passed).</summary>
    public async Task WaitUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        var wait = due - Now;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, Time, cancellationToken).ConfigureAwait(false);
        }
    }

    public RecipientBehavior BehaviorOf(string digits) => _scripts.TryGetValue(digits, out var behavior) ? behavior : RecipientBehavior.Reads;

    public void Script(string digits, RecipientBehavior behavior) => _scripts[digits] = behavior;

    public void SetRateLimit(string provider, EmulatorRateLimit? limit)
    {
        if (limit is null)
        {
            _windows.TryRemove(provider, out _);
        }
        else if (_windows.TryGetValue(provider, out var window))
        {
            window.Reconfigure(limit.Permits, limit.Window);
        }
        else
        {
            _windows[provider] = new StrictWindow(limit.Permits, limit.Window, Time);
        }
    }

    public StrictWindow? WindowOf(string provider) => _windows.TryGetValue(provider, out var window) ? window : null;

    public int RateLimitedCount(string provider) => WindowOf(provider)?.Rejected ?? 0;

    public void InjectFault(string provider, EmulatorFault fault, int count, string? pathContains)
        => _faults.GetOrAdd(provider, _ => new StrikeQueue<EmulatorFault>()).Add(fault, count, pathContains);

    public EmulatorFault? TakeFault(string provider, string path)
        => _faults.TryGetValue(provider, out var queue) ? queue.Take(path) : null;

    public void Accept(EmulatedMessage message)
    {
        lock (_messages)
        {
            _messages.Add(message);
            _messagesById[Key(message.Provider, message.Id)] = message;
        }
    }

    public EmulatedMessage? Find(string provider, string id)
    {
        lock (_messages)
        {
            return _messagesById.TryGetValue(Key(provider, id), out var message) ? message : null;
        }
    }

    public IReadOnlyList<EmulatedMessage> Messages(string? provider = null)
    {
        lock (_messages)
        {
            return provider is null
                ? _messages.ToArray()
                : _messages.Where(m => string.Equals(m.Provider, provider, StringComparison.OrdinalIgnoreCase)).ToArray();
        }
    }

    public EmulatedChat OpenChat(string provider, string id, string recipient, string? sender)
        => _chats.GetOrAdd(Key(provider, id), _ => new EmulatedChat(provider, id, recipient, sender, Now));

    public EmulatedChat? Chat(string provider, string id) => _chats.TryGetValue(Key(provider, id), out var chat) ? chat : null;

    public IReadOnlyList<EmulatedChat> Chats(string provider)
        => _chats.Values.Where(c => string.Equals(c.Provider, provider, StringComparison.OrdinalIgnoreCase)).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id, StringComparer.Ordinal).ToArray();

    public void Record(RecordedRequest request)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }
    }

    public IReadOnlyList<RecordedRequest> Requests()
    {
        lock (_requests)
        {
            return _requests.ToArray();
        }
    }

    public void Clear()
    {
        lock (_requests)
        {
            _requests.Clear();
        }

        lock (_messages)
        {
            _messages.Clear();
            _messagesById.Clear();
        }

        _chats.Clear();
        foreach (var window in _windows.Values)
        {
            window.Reset();
        }
    }

    /// <summary>Where a message stands at <paramref name="now"/>, from its recipient's script and the timeline.</summary>
    public EmulatedStatus StatusOf(EmulatedMessage message, DateTimeOffset now)
    {
        var timeline = Options.Timeline;
        var start = message.ScheduledAt is { } scheduled && scheduled > message.AcceptedAt ? scheduled : message.AcceptedAt;
        var behavior = message.Behavior;
        if (now < start + timeline.SentAfter)
        {
            return new EmulatedStatus(EmulatedViberState.Pending, null, message.AcceptedAt, behavior);
        }

        switch (behavior)
        {
            case RecipientBehavior.Reads or RecipientBehavior.Delivers:
                if (now < start + timeline.DeliveredAfter)
                {
                    return new EmulatedStatus(EmulatedViberState.Sent, null, start + timeline.SentAfter, behavior);
                }

                return behavior == RecipientBehavior.Reads && now >= start + timeline.ReadAfter
                    ? new EmulatedStatus(EmulatedViberState.Read, null, start + timeline.ReadAfter, behavior)
                    : new EmulatedStatus(EmulatedViberState.Delivered, null, start + timeline.DeliveredAfter, behavior);
            default:
                if (now < start + timeline.FailedAfter)
                {
                    return new EmulatedStatus(EmulatedViberState.Sent, null, start + timeline.SentAfter, behavior);
                }

                var failedAt = start + timeline.FailedAfter;
                var viber = behavior is RecipientBehavior.Expires or RecipientBehavior.Unreachable ? EmulatedViberState.Expired : EmulatedViberState.Undeliverable;
                if (!message.HasSmsFallback)
                {
                    return new EmulatedStatus(viber, null, failedAt, behavior);
                }

                var smsDoneAt = failedAt + timeline.SmsDeliveredAfter;
                if (now < smsDoneAt)
                {
                    return new EmulatedStatus(viber, EmulatedSmsState.Sent, failedAt, behavior);
                }

                return new EmulatedStatus(viber, behavior == RecipientBehavior.Unreachable ? EmulatedSmsState.Undeliverable : EmulatedSmsState.Delivered, smsDoneAt, behavior);
        }
    }

    private static string Key(string provider, string id) => provider.ToUpperInvariant() + ":" + id;
}
