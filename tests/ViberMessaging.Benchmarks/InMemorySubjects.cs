using Microsoft.Extensions.DependencyInjection;

namespace ViberMessaging.Benchmarks;

/// <summary>
/// The SDK's sender and the raw HttpClient for one provider over the in-memory transport, both answered the emulator's
/// real answer, recorded once: what the diagnostics (<c>--cpu</c>, <c>--allocations</c>) compare.
/// </summary>
internal sealed class InMemorySubjects : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private InMemorySubjects(ServiceProvider services, string provider, RawClient raw)
    {
        _services = services;
        Sender = services.GetRequiredKeyedService<IViberSender>(provider);
        Message = Subjects.Message(provider);
        Raw = raw;
    }

    public IViberSender Sender { get; }

    public ViberMessage Message { get; }

    public RawClient Raw { get; }

    public static async Task<InMemorySubjects> CreateAsync(string provider)
    {
        var (baseOf, local) = await BenchmarkEmulator.ConnectAsync();
        var address = baseOf(provider);
        var recorder = new RecordingHandler();
        using (var recording = new RawClient(provider, address, recorder))
        {
            await recording.SendAsync();
        }

        var answer = recorder.Answer!;
        if (local is not null)
        {
            await local.DisposeAsync();
        }

        return new InMemorySubjects(Subjects.Sdk(provider, address, () => new InMemoryHandler(answer)), provider, new RawClient(provider, address, new InMemoryHandler(answer)));
    }

    public async ValueTask DisposeAsync()
    {
        Raw.Dispose();
        await _services.DisposeAsync();
    }
}
