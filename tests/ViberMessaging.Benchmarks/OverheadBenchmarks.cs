using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.DependencyInjection;
using ViberMessaging.Http;
using ViberMessaging.Internal;
using ViberMessaging.SmsClub;

namespace ViberMessaging.Benchmarks;

/// <summary>
/// Where the SDK's time and allocations go on one SMS Club send over the in-memory transport, layer by layer: the raw
/// HttpClient; the SDK's handler chain (resilience → pacing → attempt) fed a hand-built request; the transport with
/// the SDK's request (pooled JSON body, options); the whole <c>SendAsync</c> (validation, batching, mapping back).
/// </summary>
public class OverheadBenchmarks
{
    private static readonly SmsClubJsonContext Json = SmsClubJsonContext.Default;
    private ServiceProvider _services = null!;
    private HttpClient _client = null!;
    private ProviderTransport _transport = null!;
    private IViberSender _sender = null!;
    private ViberMessage _message = null!;
    private RawClient _raw = null!;
    private byte[] _answer = null!;
    private IAsyncDisposable? _localEmulator;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var (baseOf, local) = await BenchmarkEmulator.ConnectAsync();
        _localEmulator = local;
        var address = baseOf(ViberProviders.SmsClub);
        var recorder = new RecordingHandler();
        using (var recording = new RawClient(ViberProviders.SmsClub, address, recorder))
        {
            await recording.SendAsync();
        }

        _answer = recorder.Answer!;
        _message = Subjects.Message(ViberProviders.SmsClub);
        _services = Subjects.Sdk(ViberProviders.SmsClub, address, () => new InMemoryHandler(_answer));
        var factory = _services.GetRequiredService<IHttpClientFactory>();
        _client = factory.CreateClient(ProviderRegistration.HttpClientName(ViberProviders.SmsClub));
        _transport = new ProviderTransport(ViberProviders.SmsClub, ProviderRegistration.HttpClientName(ViberProviders.SmsClub), factory, SecretRedactor.None);
        _sender = _services.GetRequiredKeyedService<IViberSender>(ViberProviders.SmsClub);
        _raw = new RawClient(ViberProviders.SmsClub, address, new InMemoryHandler(_answer));
        await _sender.SendAsync(_message);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _raw.Dispose();
        await _services.DisposeAsync();
        if (_localEmulator is not null)
        {
            await _localEmulator.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, Description = "1 raw HttpClient (hand-written body, JsonDocument)")]
    public Task<string> Raw() => _raw.SendAsync();

    [Benchmark(Description = "2 + the SDK's handler chain (resilience, pacing off, attempt, buffering)")]
    public async Task<int> HandlerChain()
    {
        using var request = ViberRequestOptions.Create(HttpMethod.Post, "vibers/send", new ReadOnlyMemoryContent(_answer), "send", idempotent: false);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return (int)response.StatusCode;
    }

    [Benchmark(Description = "3 + the SDK's request and answer (mapper, pooled JSON body, ProviderResponse, parse)")]
    public async Task<int> Transport()
    {
        var phones = _message.Recipients as PhoneNumber[] ?? _message.Recipients.ToArray();
        var body = SmsClubRequestMapper.ToSmsClubSendRequest(_message, phones);
        using var request = ViberRequestOptions.Create(HttpMethod.Post, "vibers/send", new PooledJsonContent<SmsClubSendRequest>(body, Json.SmsClubSendRequest), "send", idempotent: false);
        using var response = await _transport.SendAsync(request, CancellationToken.None);
        var data = JsonSerializer.Deserialize(response.Body.Span, Json.SendResponse)!.SuccessfulRequest!.RequestData!;
        return SmsClubResponseMapper.FromSmsClubSendResponse(data, ViberProviders.SmsClub, phones).Count;
    }

    [Benchmark(Description = "4 the whole IViberSender.SendAsync (+ validation, batching, SendResult)")]
    public async Task<int> SendAsync() => (await _sender.SendAsync(_message)).AcceptedCount;
}
