using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using ViberMessaging.Internal;
using ViberMessaging.Pacing;
using ViberMessaging.Resilience;
using ViberMessaging.Telemetry;

namespace ViberMessaging.Http;

/// <summary>
/// Takes one permit from the account's gate for every attempt, right before the request goes out, and reports back:
/// when the answer arrived (for late-arrival correction) or that the provider refused it for its rate limit (which
/// pauses the whole account). The gate is a DI singleton: handler instances come and go, the gate stays. It is the
/// in-process <see cref="ProviderRateGate"/> or one from an <see cref="IPacingGateFactory"/>: either way its leases hear
/// back through <see cref="PacingLease"/>.
/// </summary>
internal sealed class PacingHandler(
    string providerName,
    RateLimiter? gate,
    TimeProvider timeProvider,
    Func<HttpResponseMessage, CancellationToken, ValueTask<bool>>? isRateLimitedBody,
    ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var lease = await AcquireAsync(request, cancellationToken).ConfigureAwait(false);
        using (lease)
        {
            var paced = lease as PacingLease;
            if (paced is not null && request.GetTracker() is { } tracker)
            {
                tracker.OnWritten(paced.OnSent);
            }

            // Timed only for the Debug line that reports it: two clock reads per attempt for nothing otherwise.
            var timed = logger.IsEnabled(LogLevel.Debug);
            var start = timed ? timeProvider.GetTimestamp() : 0;
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                paced?.OnCompleted();
                throw;
            }

            if (timed)
            {
                Log.RequestCompleted(logger, providerName, request.GetOperation(), (int)response.StatusCode, timeProvider.GetElapsedTime(start).TotalMilliseconds);
            }

            LogAllowedHeaders(request, response);
            var rateLimited = response.StatusCode == HttpStatusCode.TooManyRequests
                || (isRateLimitedBody is not null && await isRateLimitedBody(response, cancellationToken).ConfigureAwait(false));
            if (rateLimited)
            {
                OnRateLimited(request, response, lease, paced);
            }
            else
            {
                paced?.OnCompleted();
            }

            return response;
        }
    }

    /// <summary>One permit of the account's gate for this attempt (none without a gate); a pause beyond the cap fails it.</summary>
    private async ValueTask<RateLimitLease?> AcquireAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (gate is null)
        {
            return null;
        }

        var waitStart = timeProvider.GetTimestamp();
        var lease = await gate.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        ViberMessagingInstruments.RecordPacingWait(providerName, timeProvider.GetElapsedTime(waitStart));
        return lease.IsAcquired ? lease : throw Paused(request, lease);
    }

    /// <summary>A 429 (or the provider's rate-limit body): marks the request, counts it and tells the gate, which pauses the account.</summary>
    private void OnRateLimited(HttpRequestMessage request, HttpResponseMessage response, RateLimitLease? lease, PacingLease? paced)
    {
        var retryAfter = RetryAfterHeader.Read(response, timeProvider);
        request.SetRateLimited(new RateLimitSignal(retryAfter));
        ViberMessagingInstruments.RecordRateLimited(providerName);
        if (lease is GateLease { Gate: { } local })
        {
            var (pause, beyondCap) = local.OnRateLimited(lease, retryAfter);
            if (beyondCap)
            {
                Log.AccountPausedBeyondCap(logger, providerName, pause.TotalSeconds, local.MaxPause.TotalSeconds);
            }
            else
            {
                Log.RateLimited(logger, providerName, pause.TotalMilliseconds, local.EffectiveLimit);
            }
        }
        else
        {
            paced?.OnRateLimited(retryAfter);
        }
    }

    /// <summary>
    /// The account is paused for longer than the SDK waits (the provider's Retry-After beyond MaxRetryAfter): the request
    /// fails at once, not sent, with what is left of the pause. The pause itself was logged once when it began.
    /// </summary>
    private ViberMessagingException Paused(HttpRequestMessage request, RateLimitLease lease)
    {
        var left = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : (TimeSpan?)null;
        lease.Dispose();
        Log.PausedRequestRefused(logger, providerName, request.GetOperation(), (left ?? TimeSpan.Zero).TotalSeconds);
        var decision = SendOutcomeRules.Decide(AttemptFacts.Failed(!request.IsIdempotent(), written: false, AttemptFailure.AccountPaused));
        return new ViberMessagingException(
            decision.Code!.Value,
            "The provider asked to pause this account for longer than MaxRetryAfter; the request was not sent. Try again after RetryAfter.")
        {
            ProviderName = providerName,
            RetryAfter = left,
            Outcome = decision.Outcome,
        };
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
