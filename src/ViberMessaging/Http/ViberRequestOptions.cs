using System.Diagnostics.CodeAnalysis;

namespace ViberMessaging.Http;

/// <summary>
/// What the handlers need to know about a request. A request made by <see cref="Create"/> carries it in fields
/// (<see cref="ViberRequestMessage"/>); any other request in <see cref="HttpRequestMessage.Options"/>, under these keys.
/// </summary>
internal static class ViberRequestOptions
{
    /// <summary>Whether the request may be repeated without effect (status, reads). Sends are not.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("ViberMessaging.Idempotent");

    /// <summary>A short operation name for logs and metrics (<c>send</c>, <c>status</c>, …).</summary>
    public static readonly HttpRequestOptionsKey<string> Operation = new("ViberMessaging.Operation");

    /// <summary>Whether the current attempt started writing its body to the connection.</summary>
    public static readonly HttpRequestOptionsKey<WriteTracker> Tracker = new("ViberMessaging.WriteTracker");

    /// <summary>Set by the pacing handler when the provider refused the attempt for its rate limit.</summary>
    public static readonly HttpRequestOptionsKey<RateLimitSignal> RateLimited = new("ViberMessaging.RateLimited");

    /// <summary>Creates a request for one provider call.</summary>
    public static HttpRequestMessage Create(HttpMethod method, string relativeUri, HttpContent? content, string operation, bool idempotent)
        => new ViberRequestMessage(method, new Uri(relativeUri, UriKind.Relative), operation, idempotent) { Content = content };

    public static bool IsIdempotent(this HttpRequestMessage request)
        => request is ViberRequestMessage own ? own.Idempotent : request.Options.TryGetValue(Idempotent, out var idempotent) && idempotent;

    public static string GetOperation(this HttpRequestMessage request)
        => request is ViberRequestMessage own ? own.Operation
            : request.Options.TryGetValue(Operation, out var operation) ? operation : request.Method.Method;

    /// <summary>The current attempt's write tracker, if an attempt started.</summary>
    public static WriteTracker? GetTracker(this HttpRequestMessage request)
        => request is ViberRequestMessage own ? own.Tracker : request.Options.TryGetValue(Tracker, out var tracker) ? tracker : null;

    /// <summary>Gives the attempt about to start its write tracker, and forgets the previous attempt's 429.</summary>
    public static void StartAttempt(this HttpRequestMessage request, WriteTracker tracker)
    {
        if (request is ViberRequestMessage own)
        {
            own.Tracker = tracker;
            own.RateLimited = null;
            return;
        }

        request.Options.Set(Tracker, tracker);
        ((IDictionary<string, object?>)request.Options).Remove(RateLimited.Key);
    }

    /// <summary>Whether the provider refused the current attempt for its rate limit, and what it said.</summary>
    public static bool TryGetRateLimited(this HttpRequestMessage request, [NotNullWhen(true)] out RateLimitSignal? signal)
    {
        signal = request is ViberRequestMessage own ? own.RateLimited : request.Options.TryGetValue(RateLimited, out var set) ? set : null;
        return signal is not null;
    }

    /// <summary>Marks the current attempt as refused for the provider's rate limit.</summary>
    public static void SetRateLimited(this HttpRequestMessage request, RateLimitSignal signal)
    {
        if (request is ViberRequestMessage own)
        {
            own.RateLimited = signal;
        }
        else
        {
            request.Options.Set(RateLimited, signal);
        }
    }

    /// <summary>
    /// Whether the current attempt may have reached the provider: its body began to be written. A request without a
    /// body cannot be tracked and counts as written once attempted.
    /// </summary>
    public static bool WasWritten(this HttpRequestMessage request)
        => request.Content is null || request.GetTracker() is { Started: true };

    /// <summary>When the last attempt started writing its body, where known.</summary>
    public static DateTimeOffset? WrittenAt(this HttpRequestMessage request)
        => request.GetTracker()?.StartedAt;
}

/// <summary>
/// A request for one provider call, with what the handlers need to know in fields: <see cref="HttpRequestMessage.Options"/>
/// would allocate a dictionary (and box a bool) on every request.
/// </summary>
internal sealed class ViberRequestMessage(HttpMethod method, Uri requestUri, string operation, bool idempotent) : HttpRequestMessage(method, requestUri)
{
    /// <summary>A short operation name for logs and metrics.</summary>
    public string Operation { get; } = operation;

    /// <summary>Whether the request may be repeated without effect.</summary>
    public bool Idempotent { get; } = idempotent;

    /// <summary>The current attempt's write tracker.</summary>
    public WriteTracker? Tracker { get; set; }

    /// <summary>Set when the provider refused the current attempt for its rate limit.</summary>
    public RateLimitSignal? RateLimited { get; set; }
}

/// <summary>
/// Records whether an attempt's request left the process, and tells the pacing gate the moment its body was written:
/// by then the connection (TCP, TLS) was set up, so that moment, not the permit's, is when the request departed.
/// </summary>
internal sealed class WriteTracker(TimeProvider? timeProvider = null)
{
    private volatile bool _started;
    private DateTimeOffset? _startedAt;
    private Action? _onWritten;
    private int _written;

    /// <summary>Whether the body started to be written.</summary>
    public bool Started => _started;

    /// <summary>When the body started to be written (by the account's clock), or <see langword="null"/> before.</summary>
    public DateTimeOffset? StartedAt => _started ? _startedAt : null;

    public void MarkStarted()
    {
        if (!_started)
        {
            _startedAt = timeProvider?.GetUtcNow();
            _started = true;
        }
    }

    /// <summary>Runs <paramref name="callback"/> once the body has been written (at once if it already was).</summary>
    public void OnWritten(Action callback)
    {
        _onWritten = callback;
        if (Volatile.Read(ref _written) == 1)
        {
            Interlocked.Exchange(ref _onWritten, null)?.Invoke();
        }
    }

    public void MarkWritten()
    {
        Volatile.Write(ref _written, 1);
        Interlocked.Exchange(ref _onWritten, null)?.Invoke();
    }
}

/// <summary>The provider refused an attempt for its rate limit; how long it asked to wait, if it said.</summary>
internal sealed record RateLimitSignal(TimeSpan? RetryAfter);
