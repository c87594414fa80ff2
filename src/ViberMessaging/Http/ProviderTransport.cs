using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ViberMessaging.Internal;
using ViberMessaging.Resilience;

namespace ViberMessaging.Http;

/// <summary>
/// What an adapter uses to talk to its provider: sends a request through the account's pipeline (resilience →
/// pacing → attempt → transport) and reads the answer through the provider's one error parser
/// (<see cref="CallAsync{TWire, TState, TResult}"/>), so every client method is build request → call → map.
/// One per provider registration; thread-safe.
/// </summary>
internal sealed class ProviderTransport(
    string providerName,
    string httpClientName,
    IHttpClientFactory httpClientFactory,
    SecretRedactor redactor,
    TimeProvider? timeProvider = null,
    TimeSpan? handlerLifetime = null,
    ProviderErrorParser? errorParser = null)
{
    /// <summary>
    /// The longest one HttpClient from the factory is reused: half the factory's default handler lifetime (2 minutes).
    /// Long enough that a request does not pay for a new client (its default headers, credentials and configuration
    /// callbacks) every time.
    /// </summary>
    internal static readonly TimeSpan ClientLifetime = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly TimeSpan _reuseFor = ReuseFor(handlerLifetime);
    private readonly ProviderErrorParser _errorParser = errorParser ?? NoErrorShape;
    private CachedClient? _client;

    public string ProviderName { get; } = providerName;

    public SecretRedactor Redactor { get; } = redactor;

    /// <summary>
    /// Sends <paramref name="request"/> and returns its buffered answer. A failure says what the SDK knows for
    /// reconciling: the account and when the request was written. A send cancelled after its request was written
    /// throws <see cref="SendCanceledException"/> (the provider may have processed it); one cancelled before stays a
    /// plain cancellation.
    /// </summary>
    public Task<ProviderResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => SendCoreAsync(request, cancellationToken).AsTask();

    /// <summary>
    /// What <see cref="SendAsync"/> does, as a <see cref="ValueTask{TResult}"/>: <see cref="CallAsync{TWire, TState, TResult}"/>
    /// awaits it without a task of its own when the answer is already there.
    /// </summary>
    private async ValueTask<ProviderResponse> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            var client = Client();
            client.Resolve(request);
            response = await client.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (ViberMessagingException error)
        {
            error.Account ??= Redactor.Account;
            error.RequestWrittenAt ??= request.WrittenAt();
            throw;
        }
        catch (OperationCanceledException canceled) when (cancellationToken.IsCancellationRequested
            && SendOutcomeRules.Decide(AttemptFacts.Failed(!request.IsIdempotent(), request.WasWritten(), AttemptFailure.Cancelled)).MayHaveBeenSent)
        {
            throw new SendCanceledException(ProviderName, [], result: null, canceled, cancellationToken)
            {
                RequestWrittenAt = request.WrittenAt(),
                Account = Redactor.Account,
            };
        }

        var rateLimited = request.TryGetRateLimited(out var signal);
        return new ProviderResponse(ProviderName, response, !request.IsIdempotent(), signal?.RetryAfter, rateLimited, Redactor)
        {
            RequestWrittenAt = request.WrittenAt(),
        };
    }

    /// <summary>
    /// The kit's one call shape: sends <paramref name="request"/> (and disposes it), reads the answer as
    /// <typeparamref name="TWire"/> through the provider's error parser (<see cref="ProviderResponse.TryRead{T}"/>) and
    /// maps it. The provider's error is thrown — unless <paramref name="refused"/> turns it into a per-item result (a
    /// rejected recipient, an unknown id) or throws it itself. A <see cref="JsonException"/> from
    /// <paramref name="map"/> means the answer could not be understood: it is thrown as a malformed answer (for a send,
    /// the outcome rule makes it an unknown outcome). <paramref name="state"/> reaches both callbacks, so that they can
    /// be <see langword="static"/> and a call allocates no closure.
    /// </summary>
    /// <exception cref="ViberMessagingException">The provider answered an error, or an answer that cannot be read.</exception>
    public async Task<TResult> CallAsync<TWire, TState, TResult>(
        HttpRequestMessage request,
        JsonTypeInfo<TWire> answerType,
        TState state,
        Func<ProviderResponse, TWire, TState, TResult> map,
        Func<ProviderResponse, ProviderError, TState, TResult>? refused,
        CancellationToken cancellationToken)
        where TWire : class
    {
        using (request)
        {
            using var response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.TryRead(answerType, _errorParser, out var answer, out var error))
            {
                return refused is null ? throw response.Error(error) : refused(response, error, state);
            }

            try
            {
                return map(response, answer, state);
            }
            catch (JsonException exception)
            {
                throw response.Malformed(exception);
            }
        }
    }

    /// <summary>As <see cref="CallAsync{TWire, TState, TResult}"/> for a call whose answer maps by itself and whose every refusal is thrown.</summary>
    /// <exception cref="ViberMessagingException">The provider answered an error, or an answer that cannot be read.</exception>
    public Task<TResult> CallAsync<TWire, TResult>(HttpRequestMessage request, JsonTypeInfo<TWire> answerType, Func<TWire, TResult> map, CancellationToken cancellationToken)
        where TWire : class
        => CallAsync(request, answerType, map, static (_, answer, map) => map(answer), refused: null, cancellationToken);

    private static bool NoErrorShape(ProviderResponse response, object? answer, [NotNullWhen(true)] out ProviderError? error)
    {
        error = null;
        return false;
    }

    private CachedClient Client()
    {
        var now = _time.GetTimestamp();
        var cached = Volatile.Read(ref _client);
        if (cached is null || _time.GetElapsedTime(cached.Created, now) >= _reuseFor)
        {
            // A race creates two clients; both work. The replaced one is not disposed: requests may still be using it.
            cached = new CachedClient(httpClientFactory.CreateClient(httpClientName), now);
            Volatile.Write(ref _client, cached);
        }

        return cached;
    }

    /// <summary>
    /// How long to keep a client so that the handler rotation the user configured (<c>HandlerLifetime</c>) still
    /// happens: at most half of it, and never more than <see cref="ClientLifetime"/>.
    /// </summary>
    internal static TimeSpan ReuseFor(TimeSpan? handlerLifetime) =>
        handlerLifetime is { } lifetime && lifetime != Timeout.InfiniteTimeSpan && lifetime / 2 < ClientLifetime
            ? lifetime / 2
            : ClientLifetime;

    /// <summary>
    /// A client from the factory, and the absolute addresses of the paths it was asked for: HttpClient would combine its
    /// <see cref="HttpClient.BaseAddress"/> with a relative path on every request (a new <see cref="Uri"/> parsed each
    /// time, the costliest step of an in-memory send); the combination is the same every time, and a <see cref="Uri"/>
    /// is immutable, so it is made once per path and client.
    /// </summary>
    private sealed class CachedClient(HttpClient client, long created)
    {
        // Paths are the endpoints' constants; a path with an id in it would fill the cache, so it stops at this size.
        private const int MaxPaths = 32;
        private readonly Uri? _baseAddress = client.BaseAddress;
        private readonly ConcurrentDictionary<string, Uri> _absolute = new(StringComparer.Ordinal);

        public HttpClient Client { get; } = client;

        public long Created { get; } = created;

        /// <summary>Makes a relative request address absolute, as the client would, from the cache.</summary>
        public void Resolve(HttpRequestMessage request)
        {
            if (_baseAddress is null || request.RequestUri is not { IsAbsoluteUri: false } relative)
            {
                return;
            }

            var path = relative.OriginalString;
            if (!_absolute.TryGetValue(path, out var absolute))
            {
                absolute = new Uri(_baseAddress, relative);
                if (_absolute.Count < MaxPaths)
                {
                    _absolute.TryAdd(path, absolute);
                }
            }

            request.RequestUri = absolute;
        }
    }
}
