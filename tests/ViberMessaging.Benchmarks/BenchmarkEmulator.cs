using ViberMessaging.Testing;

namespace ViberMessaging.Benchmarks;

/// <summary>Where the loopback benchmarks find the emulator: started by the host process, handed to the benchmark processes by an environment variable.</summary>
internal sealed class BenchmarkEmulator : IAsyncDisposable
{
    private const string Variable = "VIBERMESSAGING_BENCH_EMULATOR";
    private readonly ViberEmulator _emulator;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _janitor;

    private BenchmarkEmulator(ViberEmulator emulator)
    {
        _emulator = emulator;

        // The emulator records every request; forgetting them every second keeps the host's memory flat over millions of calls.
        _janitor = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                emulator.Reset();
            }
        });
    }

    public static EmulatorCredentials Credentials { get; } = new();

    /// <summary>In the host process: starts an emulator without rate limits and publishes its address to child processes.</summary>
    public static async Task<BenchmarkEmulator> StartForChildProcessesAsync()
    {
        var emulator = await StartAsync();
        Environment.SetEnvironmentVariable(Variable, emulator.BaseAddress.AbsoluteUri);
        return new BenchmarkEmulator(emulator);
    }

    /// <summary>In a benchmark process: the host's emulator, or (run in-process, for debugging) a local one.</summary>
    public static async Task<(Func<string, Uri> BaseOf, IAsyncDisposable? Local)> ConnectAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } address)
        {
            var root = new Uri(address);
            return (provider => new Uri(root, provider.ToLowerInvariant() + "/"), null);
        }

        var local = await StartAsync();
        return (provider => local.GetBaseAddress(provider), local);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _janitor;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        await _emulator.DisposeAsync();
    }

    private static Task<ViberEmulator> StartAsync()
    {
        var options = new ViberEmulatorOptions { AutoReply = false };
        options.RateLimits.Clear();
        return ViberEmulator.StartAsync(options);
    }
}
