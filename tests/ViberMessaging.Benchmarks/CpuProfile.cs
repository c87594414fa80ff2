using System.Diagnostics;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace ViberMessaging.Benchmarks;

/// <summary>
/// <c>--cpu [provider] [seconds]</c>: where one SDK send over the in-memory transport spends its time, from the
/// runtime's own sampling profiler (EventPipe, every ~1 ms) on this process, and a stopwatch figure of the SDK's and the
/// raw HttpClient's send, alternating blocks of calls so that both see the same machine. A diagnostic for finding
/// what to cut, not a measurement: BenchmarkDotNet's figures are the measurement.
/// </summary>
internal static class CpuProfile
{
    public static async Task RunAsync(string provider, int seconds)
    {
        await using var subjects = await InMemorySubjects.CreateAsync(provider);
        var (sender, message, raw) = (subjects.Sender, subjects.Message, subjects.Raw);
        Func<Task> sdk = async () => await sender.SendAsync(message);
        Func<Task> baseline = async () => await raw.SendAsync();

        // Stopwatch: 20 rounds of 20 000 calls each, alternating; the median round of each.
        for (var i = 0; i < 20_000; i++)
        {
            await sdk();
            await baseline();
        }

        var sdkRounds = new List<double>();
        var rawRounds = new List<double>();
        for (var round = 0; round < 20; round++)
        {
            sdkRounds.Add(await TimeAsync(sdk, 20_000));
            rawRounds.Add(await TimeAsync(baseline, 20_000));
        }

        var sdkNs = Median(sdkRounds);
        var rawNs = Median(rawRounds);
        var sdkBytes = await BytesAsync(sdk);
        var rawBytes = await BytesAsync(baseline);
        Console.WriteLine($"{provider} in memory, median of 20 rounds: ViberMessaging {sdkNs:0} ns, raw HttpClient {rawNs:0} ns, ratio {sdkNs / rawNs:0.00}; allocated {sdkBytes:0} B vs {rawBytes:0} B, ratio {sdkBytes / rawBytes:0.00}");

        if (seconds <= 0)
        {
            return;
        }

        var file = Path.Combine(Path.GetTempPath(), $"vibermessaging-cpu-{Environment.ProcessId}.nettrace");
        var client = new DiagnosticsClient(Environment.ProcessId);
        EventPipeProvider[] providers =
        [
            new("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
            new("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, 0x10 | 0x8 | 0x20000), // JIT, loader, compilation: method names
        ];
        using (var session = client.StartEventPipeSession(providers, requestRundown: true))
        {
            await using var output = File.Create(file);
            var copy = session.EventStream.CopyToAsync(output);
            var until = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < until)
            {
                for (var i = 0; i < 1000; i++)
                {
                    await sdk();
                }
            }

            await session.StopAsync(CancellationToken.None);
            await copy;
        }

        Report(file);
    }

    private static async Task<double> TimeAsync(Func<Task> call, int calls)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / calls;
    }

    private static async Task<double> BytesAsync(Func<Task> call)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < 10_000; i++)
        {
            await call();
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / 10_000.0;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    /// <summary>Inclusive and exclusive shares of the samples whose stack passes through the SDK's SendAsync.</summary>
    private static void Report(string file)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(file);
        using var log = new TraceLog(etlx);
        var inclusive = new Dictionary<string, int>();
        var exclusive = new Dictionary<string, int>();
        var total = 0;
        using var folded = new StreamWriter(Path.ChangeExtension(file, ".folded"));
        foreach (var sample in log.Events)
        {
            if (sample.ProviderName != "Microsoft-DotNETCore-SampleProfiler" || sample.CallStack() is not { } stack)
            {
                continue;
            }

            var frames = new List<string>();
            for (var frame = stack; frame is not null; frame = frame.Caller)
            {
                var name = frame.CodeAddress.FullMethodName;
                frames.Add(string.IsNullOrEmpty(name) ? $"?{frame.CodeAddress.ModuleName}" : name);
            }

            if (!frames.Any(f => f.Contains("CpuProfile", StringComparison.Ordinal)) || frames.Any(f => f.Contains("WaitHandle", StringComparison.Ordinal) || f.Contains("Monitor.Wait", StringComparison.Ordinal)))
            {
                continue;
            }

            total++;
            folded.WriteLine(string.Join(";", Enumerable.Reverse(frames).Select(f => f.Replace(';', ','))));
            exclusive[frames[0]] = exclusive.GetValueOrDefault(frames[0]) + 1;
            foreach (var name in frames.Distinct())
            {
                inclusive[name] = inclusive.GetValueOrDefault(name) + 1;
            }
        }

        Console.WriteLine($"{total} samples on the sending thread; stacks in {Path.ChangeExtension(file, ".folded")}");
        Console.WriteLine("Inclusive (share of samples whose stack contains the method):");
        foreach (var (name, count) in inclusive.OrderByDescending(p => p.Value).Take(120))
        {
            Console.WriteLine($"  {count * 100.0 / total,5:0.0} %  {Shorten(name)}");
        }

        Console.WriteLine("Exclusive (top of stack):");
        foreach (var (name, count) in exclusive.OrderByDescending(p => p.Value).Take(60))
        {
            Console.WriteLine($"  {count * 100.0 / total,5:0.0} %  {Shorten(name)}");
        }
    }

    private static string Shorten(string name) => name.Length > 200 ? name[..200] : name;
}
