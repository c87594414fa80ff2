using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using ViberMessaging.Internal;
using ViberMessaging.Pacing;
using ViberMessaging.Telemetry;

namespace ViberMessaging.Http;

/// <summary>
/// Takes one permit from the account's gate for every attempt, right before the request goes out, and reports back:
/// when the answer arrived (for late-arrival correction) or that the provider refused it for its rate limit (which
/// pauses the whole account). The gate is a DI singleton: handler instances come and go, the gate stays.
/// </summary>
internal sealed class PacingHandler(
    string providerName,
    ProviderRateGate? gate,
    TimeProvider timeProvider,
    Func<HttpResponseMessage, CancellationToken, ValueTask<bool>>? isRateLimitedBody,
    ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        RateLimitLease? lease = null;
        if (gate is not null)
        {
            var waitStart = timeProvider.GetTimestamp();
            lease = await gate.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            ViberMessagingInstruments.RecordPacingWait(providerName, timeProvider.GetElapsedTime(waitStart));
        }

        using (lease)
        {
            if (lease is not null && request.Options.TryGetValue(ViberRequestOptions.Tracker, out var tracker))
            {
                tracker.OnWritten(() => gate!.OnSent(lease));
            }

            var start = timeProvider.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                if (lease is not null)
                {
                    gate!.OnCompleted(lease);
                }

                throw;
            }

            Log.RequestCompleted(logger, providerName, request.GetOperation(), (int)response.StatusCode, timeProvider.GetElapsedTime(start).TotalMilliseconds);
            LogAllowedHeaders(request, response);
            var rateLimited = response.StatusCode == HttpStatusCode.TooManyRequests
                || (isRateLimitedBody is not null && await isRateLimitedBody(response, cancellationToken).ConfigureAwait(false));
            if (rateLimited)
            {
                var retryAfter = RetryAfterHeader.Read(response, timeProvider);
                request.Options.Set(ViberRequestOptions.RateLimited, new RateLimitSignal(retryAfter));
                ViberMessagingInstruments.RecordRateLimited(providerName);
                if (lease is not null)
                {
                    var pause = gate!.OnRateLimited(lease, retryAfter);
                    Log.RateLimited(logger, providerName, pause.TotalMilliseconds, gate.EffectiveLimit);
                }
            }
            else if (lease is not null)
            {
                gate!.OnCompleted(lease);
            }

            return response;
        }
    }

    private static readonly string[] AllowedHeaders = ["Retry-After", "Date", "Content-Type", "Content-Length", "X-Request-Id", "X-RateLimit-Remaining"];

    private void LogAllowedHeaders(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (!logger.IsEnabled(LogLevel.Trace))
        {
            return;
        }

        foreach (var name in AllowedHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
            {
                Log.ResponseHeader(logger, providerName, request.GetOperation(), name, string.Join(", ", values));
            }
        }
    }
}
