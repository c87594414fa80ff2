using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ViberMessaging.Testing;

namespace ViberMessaging.PacingHarness;

/// <summary>
/// The provider emulator in a child process, driven over its standard input and output (one JSON line per command).
/// </summary>
/// <remarks>
/// Out of process on purpose: the harness stalls its own thread pool and measures its own memory; an emulator in the
/// same process would stall with it (and then admit a burst of late arrivals) and add its records to the figures.
/// A real provider is another machine; another process is the closest this machine gets.
/// </remarks>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    public const string ServeCommand = "serve-emulator";

    private readonly Process _process;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<string, Uri> _addresses;

    private EmulatorProcess(Process process, Dictionary<string, Uri> addresses)
    {
        _process = process;
        _addresses = addresses;
    }

    public static EmulatorCredentials Credentials { get; } = new();

    public static async Task<EmulatorProcess> StartAsync()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("The harness cannot find its own executable.");

        // The emulator stands for the provider's servers, which a busy client machine does not slow down. On a shared
        // machine a starved emulator admits a backlog of requests at once and refuses a pacing that was right, so it
        // runs at a raised priority where it may (nice -10 needs root; otherwise nice warns and runs it as it is).
        const string Nice = "/usr/bin/nice";
        var start = new ProcessStartInfo(File.Exists(Nice) ? Nice : path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        if (File.Exists(Nice))
        {
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add("-10");
            start.ArgumentList.Add(path);
        }

        if (string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(EmulatorProcess).Assembly.Location);
        }

        start.ArgumentList.Add(ServeCommand);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
        var hello = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The emulator process ended before it listened.");
        using var document = JsonDocument.Parse(hello);
        var addresses = document.RootElement.GetProperty("providers").EnumerateObject()
            .ToDictionary(p => p.Name, p => new Uri(p.Value.GetString()!), StringComparer.OrdinalIgnoreCase);
        return new EmulatorProcess(process, addresses) { Niceness = document.RootElement.GetProperty("nice").GetString() };
    }

    /// <summary>The emulator process's nice value (Linux), as it reported it.</summary>
    public string? Niceness { get; private init; }

    public Uri BaseOf(string provider) => _addresses[provider];

    /// <summary>Forgets every request, message and window count.</summary>
    public Task ResetAsync() => CallAsync(new { cmd = "reset" });

    /// <summary>Sets (permits &gt; 0) or removes a provider's strict window; returns the emulator's clock at the change.</summary>
    public async Task<DateTimeOffset> SetLimitAsync(string provider, int permits, TimeSpan window)
    {
        using var answer = await CallAsync(new { cmd = "limit", provider, permits, windowMs = window.TotalMilliseconds });
        return new DateTimeOffset(answer.RootElement.GetProperty("now").GetInt64(), TimeSpan.Zero);
    }

    /// <summary>Makes the provider's next request a 429 (no Retry-After) whatever its window says: a stray refusal.</summary>
    public async Task InjectRateLimitAsync(string provider)
    {
        using var _ = await CallAsync(new { cmd = "inject429", provider });
    }

    /// <summary>Delays the provider's next <paramref name="count"/> requests by <paramref name="delay"/> each (after the window admitted them): a round trip to a distant API.</summary>
    public async Task DelayAsync(string provider, TimeSpan delay, int count)
    {
        using var _ = await CallAsync(new { cmd = "delay", provider, delayMs = delay.TotalMilliseconds, count });
    }

    /// <summary>Every request a provider received since the last reset: when it arrived and what was answered.</summary>
    public async Task<EmulatorStats> StatsAsync(string provider, string? bodyContains = null, bool duplicates = false)
    {
        using var answer = await CallAsync(new { cmd = "stats", provider, bodyContains, duplicates });
        var root = answer.RootElement;
        var arrivals = root.GetProperty("arrivals");
        var ticks = new long[arrivals.GetArrayLength()];
        var statuses = new int[ticks.Length];
        var i = 0;
        foreach (var pair in arrivals.EnumerateArray())
        {
            ticks[i] = pair[0].GetInt64();
            statuses[i] = pair[1].GetInt32();
            i++;
        }

        return new EmulatorStats(
            new Arrivals(ticks, statuses),
            root.GetProperty("rateLimited").GetInt32(),
            root.GetProperty("peak").GetInt32(),
            root.GetProperty("matching").GetInt32(),
            root.GetProperty("duplicates").GetInt32());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var _ = await CallAsync(new { cmd = "exit" });
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        }
        catch (Exception) when (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        _lock.Dispose();
    }

    private async Task<JsonDocument> CallAsync(object command)
    {
        await _lock.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(command));
            await _process.StandardInput.FlushAsync();
            var line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The emulator process ended.");
            return JsonDocument.Parse(line);
        }
        finally
        {
            _lock.Release();
        }
    }
}

/// <summary>What the emulator saw of one provider.</summary>
internal sealed record EmulatorStats(Arrivals Arrivals, int RateLimited, int PeakInWindow, int Matching, int Duplicates);

/// <summary>The child side: runs <see cref="ViberEmulator"/> and answers the parent's commands until told to exit or its input closes.</summary>
internal static class EmulatorServer
{
    public static async Task<int> RunAsync()
    {
        var options = new ViberEmulatorOptions();
        options.RateLimits.Clear();
        await using var emulator = await ViberEmulator.StartAsync(options);
        var output = Console.Out;
        await output.WriteLineAsync(Write(writer =>
        {
            writer.WriteStartObject("providers");
            foreach (var provider in emulator.Providers)
            {
                writer.WriteString(provider, emulator.GetBaseAddress(provider).AbsoluteUri);
            }

            writer.WriteEndObject();
            writer.WriteString("nice", File.Exists("/proc/self/stat") ? File.ReadAllText("/proc/self/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[16] : "n/a");
        }));
        await output.FlushAsync();

        while (await Console.In.ReadLineAsync() is { } line)
        {
            using var command = JsonDocument.Parse(line);
            var root = command.RootElement;
            var name = root.GetProperty("cmd").GetString();
            string answer;
            switch (name)
            {
                case "reset":
                    emulator.Reset();
                    answer = Write(writer => writer.WriteNumber("now", emulator.Options.TimeProvider.GetUtcNow().UtcTicks));
                    break;
                case "limit":
                    var permits = root.GetProperty("permits").GetInt32();
                    emulator.SetRateLimit(
                        root.GetProperty("provider").GetString()!,
                        permits > 0 ? new EmulatorRateLimit(permits, TimeSpan.FromMilliseconds(root.GetProperty("windowMs").GetDouble())) : null);
                    answer = Write(writer => writer.WriteNumber("now", emulator.Options.TimeProvider.GetUtcNow().UtcTicks));
                    break;
                case "inject429":
                    emulator.InjectFault(root.GetProperty("provider").GetString()!, EmulatorFault.RateLimited());
                    answer = "{}";
                    break;
                case "delay":
                    emulator.InjectFault(
                        root.GetProperty("provider").GetString()!,
                        EmulatorFault.Delayed(TimeSpan.FromMilliseconds(root.GetProperty("delayMs").GetDouble())),
                        root.GetProperty("count").GetInt32());
                    answer = "{}";
                    break;
                case "stats":
                    answer = Stats(emulator, root);
                    break;
                case "exit":
                    await output.WriteLineAsync("{}");
                    await output.FlushAsync();
                    return 0;
                default:
                    answer = Write(writer => writer.WriteString("error", "unknown command"));
                    break;
            }

            await output.WriteLineAsync(answer);
            await output.FlushAsync();
        }

        return 0;
    }

    private static string Stats(ViberEmulator emulator, JsonElement command)
    {
        var provider = command.GetProperty("provider").GetString()!;
        var contains = command.TryGetProperty("bodyContains", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var requests = emulator.RequestsTo(provider);
        return Write(writer =>
        {
            writer.WriteNumber("rateLimited", emulator.RateLimitedCount(provider));
            writer.WriteNumber("peak", emulator.PeakRequestsInWindow(provider));
            writer.WriteNumber("matching", contains is null ? 0 : requests.Count(r => r.Body.Contains(contains, StringComparison.Ordinal)));
            writer.WriteNumber("duplicates", command.GetProperty("duplicates").GetBoolean() ? emulator.DuplicateCount(provider) : 0);
            writer.WriteStartArray("arrivals");
            foreach (var request in requests)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(request.ReceivedAt.UtcTicks);
                writer.WriteNumberValue(request.ResponseStatus);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        });
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
