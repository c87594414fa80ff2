using ViberMessaging.Internal;

namespace ViberMessaging.Http;

/// <summary>
/// What an adapter uses to talk to its provider: sends a request through the account's pipeline (resilience →
/// pacing → attempt → transport) and hands back the buffered answer. One per provider registration; thread-safe.
/// </summary>
internal sealed class ProviderTransport(string providerName, string httpClientName, IHttpClientFactory httpClientFactory, SecretRedactor redactor)
{
    public string ProviderName { get; } = providerName;

    public SecretRedactor Redactor { get; } = redactor;

    public async Task<ProviderResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A client per call is the factory's intended use: the handler chain underneath is pooled and rotated.
        var client = httpClientFactory.CreateClient(httpClientName);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var rateLimited = request.Options.TryGetValue(ViberRequestOptions.RateLimited, out var signal);
        return new ProviderResponse(ProviderName, response, !request.IsIdempotent(), signal?.RetryAfter, rateLimited, Redactor);
    }
}
