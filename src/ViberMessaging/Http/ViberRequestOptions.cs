namespace ViberMessaging.Http;

/// <summary>What the handlers need to know about a request, carried in <see cref="HttpRequestMessage.Options"/>.</summary>
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
    {
        var request = new HttpRequestMessage(method, new Uri(relativeUri, UriKind.Relative)) { Content = content };
        request.Options.Set(Operation, operation);
        request.Options.Set(Idempotent, idempotent);
        return request;
    }

    public static bool IsIdempotent(this HttpRequestMessage request)
        => request.Options.TryGetValue(Idempotent, out var idempotent) && idempotent;

    public static string GetOperation(this HttpRequestMessage request)
        => request.Options.TryGetValue(Operation, out var operation) ? operation : request.Method.Method;

    /// <summary>
    /// Whether the current attempt may have reached the provider: its body began to be written. A request without a
    /// body cannot be tracked and counts as written once attempted.
    /// </summary>
    public static bool WasWritten(this HttpRequestMessage request)
        => request.Content is null || (request.Options.TryGetValue(Tracker, out var tracker) && tracker.Started);

    /// <summary>When the last attempt started writing its body, where known.</summary>
    public static DateTimeOffset? WrittenAt(this HttpRequestMessage request)
        => request.Options.TryGetValue(Tracker, out var tracker) ? tracker.StartedAt : null;
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
