using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using ViberMessaging.Internal;

namespace ViberMessaging.Http;

/// <summary>
/// The Polly pipelines of one provider account, built once and shared by every handler instance (so the circuit
/// breaker survives IHttpClientFactory's handler rotation).
/// </summary>
/// <remarks>
/// <see cref="Operation"/> (outer, in <see cref="ResilienceHandler"/>): total timeout → retry → circuit breaker.
/// <see cref="Attempt"/> (in <see cref="AttemptHandler"/>, after the pacing permit): the per-attempt timeout,
/// so time spent queueing for a permit never counts against an attempt. No hedging anywhere: it re-sends by design.
/// </remarks>
internal sealed class ProviderPipelines
{
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("ViberMessaging.Request");

    public ProviderPipelines(string providerName, ResilienceOptions options, PacingOptions pacing, TimeProvider timeProvider, ILogger logger)
    {
        ProviderName = providerName;
        TimeProvider = timeProvider;
        var rateLimitedFallback = pacing.RateLimitedPause ?? pacing.Window;

        var operation = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.TotalTimeout is { } total)
        {
            operation.AddTimeout(total);
        }

        if (options.MaxRetryAttempts > 0)
        {
            operation.AddRetry(RetryOptions(providerName, options, rateLimitedFallback, logger));
        }

        if (options.CircuitBreakerEnabled)
        {
            operation.AddCircuitBreaker(CircuitOptions(providerName, options, logger));
        }

        Operation = operation.Build();
        Attempt = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout })
            .Build();
    }

    public string ProviderName { get; }

    /// <summary>The account's clock (when requests were written is told by it).</summary>
    public TimeProvider TimeProvider { get; }

    public ResiliencePipeline<HttpResponseMessage> Operation { get; }

    public ResiliencePipeline<HttpResponseMessage> Attempt { get; }

    /// <summary>Retries what may be retried (a send never once the provider may have seen it), waiting Retry-After on a 429 up to the cap.</summary>
    private static RetryStrategyOptions<HttpResponseMessage> RetryOptions(string providerName, ResilienceOptions options, TimeSpan rateLimitedFallback, ILogger logger)
        => new()
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            Delay = options.BaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args =>
            {
                var request = args.Context.Properties.GetValue(RequestKey, null!);
                if (args.Outcome.Exception is { } exception)
                {
                    return ValueTask.FromResult(FailureClassifier.IsRetryable(exception, request, args.Context.CancellationToken));
                }

                var response = args.Outcome.Result!;
                if (!FailureClassifier.IsRetryable(response, request))
                {
                    return ValueTask.FromResult(false);
                }

                // A Retry-After beyond the cap fails the call with RateLimited instead of holding the caller.
                return ValueTask.FromResult(
                    !request.TryGetRateLimited(out var signal)
                    || (signal.RetryAfter ?? rateLimitedFallback) <= options.MaxRetryAfter);
            },
            DelayGenerator = args =>
            {
                var request = args.Context.Properties.GetValue(RequestKey, null!);
                if (args.Outcome.Result is not null && request.TryGetRateLimited(out var signal))
                {
                    return ValueTask.FromResult<TimeSpan?>(signal.RetryAfter ?? rateLimitedFallback);
                }

                return ValueTask.FromResult<TimeSpan?>(null);
            },
            OnRetry = args =>
            {
                var request = args.Context.Properties.GetValue(RequestKey, null!);
                var reason = args.Outcome.Exception is { } e ? e.GetType().Name
                    : FailureClassifier.IsCorrupted(args.Outcome.Result!) ? $"HTTP {(int)args.Outcome.Result!.StatusCode} with an unreadable body"
                    : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                Log.Retrying(logger, providerName, request.GetOperation(), args.AttemptNumber + 1, reason, args.RetryDelay.TotalMilliseconds);
                return default;
            },
        };

    /// <summary>Opens the account's circuit on a ratio of failures that say the provider is down.</summary>
    private static CircuitBreakerStrategyOptions<HttpResponseMessage> CircuitOptions(string providerName, ResilienceOptions options, ILogger logger)
        => new()
        {
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(
                FailureClassifier.IsCircuitFailure(args.Outcome.Exception, args.Outcome.Result, args.Context.CancellationToken)),
            OnOpened = args =>
            {
                Log.CircuitOpened(logger, providerName, args.BreakDuration.TotalMilliseconds);
                return default;
            },
            OnClosed = _ =>
            {
                Log.CircuitClosed(logger, providerName);
                return default;
            },
        };
}
