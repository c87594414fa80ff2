using Microsoft.Extensions.Logging.Abstractions;
using ViberMessaging.Http;
using ViberMessaging.Pacing;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Http;

/// <summary>The SDK's handler chain (resilience → pacing → attempt) over a stub transport, as ProviderRegistration builds it.</summary>
internal sealed class PipelineFactory
{
    public TimerCountingTimeProvider Time { get; } = new();

    public ResilienceOptions Resilience { get; } = new() { BaseDelay = TimeSpan.Zero, CircuitBreakerMinimumThroughput = 4 };

    public PacingOptions Pacing { get; } = new() { PermitLimit = 1000 };

    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    public ProviderRateGate? Gate { get; private set; }

    public HttpClient Create(StubHandler stub, bool pacing = false)
    {
        var pipelines = new ProviderPipelines("Test", Resilience, Pacing, Time, NullLogger.Instance);
        Gate = pacing ? new ProviderRateGate(Pacing, Time, Resilience.MaxRetryAfter) : null;
        var attempt = new AttemptHandler(pipelines, MaxResponseBytes) { InnerHandler = stub };
        var pacingHandler = new PacingHandler("Test", Gate, Time, null, NullLogger.Instance) { InnerHandler = attempt };
        var resilience = new ResilienceHandler(pipelines) { InnerHandler = pacingHandler };
        return new HttpClient(resilience) { BaseAddress = new Uri("http://provider.test/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    public static HttpRequestMessage Send() => ViberRequestOptions.Create(HttpMethod.Post, "send", new StringContent("{\"to\":\"380989361121\"}"), "send", idempotent: false);

    public static HttpRequestMessage Status() => ViberRequestOptions.Create(HttpMethod.Post, "status", new StringContent("{\"ids\":[1]}"), "status", idempotent: true);
}
