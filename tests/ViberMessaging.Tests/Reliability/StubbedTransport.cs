using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ViberMessaging.DependencyInjection;
using ViberMessaging.Testing;
using ViberMessaging.Testing.Infrastructure;
using ViberMessaging.Testing.Providers;

namespace ViberMessaging.Tests.Reliability;

/// <summary>One request as the transport received it.</summary>
internal sealed record StubRequest(string Provider, HttpMethod Method, string PathAndQuery, string Body, string? Authorization);

/// <summary>
/// The four providers registered through the SDK's real DI, handlers and adapters, with only the primary handler
/// replaced by a function: it writes the request body (as a transport does) and answers whatever the test says.
/// For answers no emulator would give: fuzzed bodies, ids at the edge of 64 bits, endless or hostile bodies.
/// </summary>
internal sealed class StubbedTransport : IAsyncDisposable
{
    /// <summary>One module per emulated provider, only for the credentials each accepts.</summary>
    private static readonly EmulatorModule[] Modules = EmulatedProviders.Create(new EmulatorState(new ViberEmulatorOptions()), new EmulatorBackground());

    private Func<StubRequest, HttpResponseMessage> _respond = _ => new HttpResponseMessage(HttpStatusCode.OK);
    private int _requests;

    private StubbedTransport(Action<ViberProviderOptions> tweak, ILoggerProvider logs, EmulatorCredentials credentials)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var builder = services.AddViberMessaging();
        ReliabilityProviders.AddAll(builder, o =>
        {
            o.BaseAddress = new Uri($"http://provider.test/{o.GetType().Name.Replace("Options", string.Empty, StringComparison.Ordinal)}/");
            SetCredentials(o, credentials);
            tweak(o);
        });
        foreach (var provider in ReliabilityProviders.All)
        {
            services.AddHttpClient(ProviderRegistration.HttpClientName(provider.Name)).ConfigurePrimaryHttpMessageHandler(() => new Primary(this));
        }

        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    /// <summary>Requests received (only when <see cref="Record"/> is on).</summary>
    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    public bool Record { get; set; } = true;

    /// <summary>Requests since the answer was last set.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    public static StubbedTransport Create(Action<ViberProviderOptions>? tweak = null, ILoggerProvider? logs = null, EmulatorCredentials? credentials = null)
        => new(tweak ?? (_ => { }), logs ?? new FakeLoggerProvider(), credentials ?? new EmulatorCredentials());

    /// <summary>The credentials of <paramref name="credentials"/>, on options of any provider (each emulator module knows its own).</summary>
    public static void SetCredentials(ViberProviderOptions options, EmulatorCredentials credentials)
    {
        foreach (var module in Modules)
        {
            module.UseCredentials(options, credentials);
        }
    }

    /// <summary>How every following request is answered.</summary>
    public void Respond(Func<StubRequest, HttpResponseMessage> respond)
    {
        _respond = respond;
        Volatile.Write(ref _requests, 0);
    }

    public void Respond(HttpStatusCode status, string body) => Respond(_ => Json(status, body));

    public static HttpResponseMessage Json(HttpStatusCode status, string body)
        => new(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

    public IViberSender Sender(string provider) => Services.GetRequiredKeyedService<IViberSender>(provider);

    public IStatusQuery StatusQuery(string provider) => Services.GetRequiredKeyedService<IStatusQuery>(provider);

    public T Get<T>(string provider)
        where T : notnull => Services.GetRequiredKeyedService<T>(provider);

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    private sealed class Primary(StubbedTransport owner) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // A transport writes the body before it can read an answer: the SDK then knows the request left.
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Interlocked.Increment(ref owner._requests);
            await Task.Yield();
            var stub = new StubRequest(
                request.RequestUri!.Segments[1].TrimEnd('/'),
                request.Method,
                request.RequestUri.PathAndQuery,
                body,
                request.Headers.Authorization?.ToString());
            if (owner.Record)
            {
                owner.Requests.Enqueue(stub);
            }

            var response = owner._respond(stub);
            response.RequestMessage = request;
            return response;
        }
    }
}
