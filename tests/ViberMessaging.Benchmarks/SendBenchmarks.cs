using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace ViberMessaging.Benchmarks;

/// <summary>
/// One single-recipient send, end to end, pacing off: <c>IViberSender.SendAsync</c> against a raw HttpClient POST of a
/// hand-written body to the same endpoint. <c>Loopback</c> talks to the emulator over 127.0.0.1 (in the host process);
/// <c>InMemory</c> swaps the transport for a handler that answers the emulator's recorded answer from memory, which
/// isolates what the SDK adds on top of HttpClient.
/// </summary>
public class SendBenchmarks
{
    private ServiceProvider _services = null!;
    private IViberSender _sender = null!;
    private ViberMessage _message = null!;
    private RawClient _raw = null!;
    private IAsyncDisposable? _localEmulator;

    /// <summary>Every provider of the manifest.</summary>
    public static IEnumerable<string> Providers => ViberProviders.All;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = ViberProviders.All[0];

    [Params("Loopback", "InMemory")]
    public string Transport { get; set; } = "Loopback";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var (baseOf, local) = await BenchmarkEmulator.ConnectAsync();
        _localEmulator = local;
        var address = baseOf(Provider);
        _message = Subjects.Message(Provider);
        if (Transport == "Loopback")
        {
            _services = Subjects.Sdk(Provider, address);
            _raw = new RawClient(Provider, address, new SocketsHttpHandler());
        }
        else
        {
            // The emulator's real answer, recorded once, replayed from memory to both clients.
            var recorder = new RecordingHandler();
            using (var recording = new RawClient(Provider, address, recorder))
            {
                await recording.SendAsync();
            }

            var answer = recorder.Answer!;
            _services = Subjects.Sdk(Provider, address, () => new InMemoryHandler(answer));
            _raw = new RawClient(Provider, address, new InMemoryHandler(answer));
        }

        _sender = _services.GetRequiredKeyedService<IViberSender>(Provider);

        // Both must work before they are timed.
        var result = await _sender.SendAsync(_message);
        if (result.AcceptedCount != 1)
        {
            throw new InvalidOperationException($"{Provider}: the SDK's send was not accepted: {result.Recipients[0].Error?.Message}");
        }

        await _raw.SendAsync();
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

    [Benchmark(Baseline = true, Description = "raw HttpClient")]
    public Task<string> RawHttpClient() => _raw.SendAsync();

    [Benchmark(Description = "ViberMessaging")]
    public async Task<MessageId?> ViberMessagingSend() => (await _sender.SendAsync(_message)).Recipients[0].MessageId;
}
