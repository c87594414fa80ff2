using System.Diagnostics.Tracing;

namespace ViberMessaging.Benchmarks;

/// <summary>
/// <c>--allocations [provider]</c>: which types one SDK send over the in-memory transport allocates, from the runtime's
/// allocation sampling (one event per ~100 KB allocated, naming the type that crossed it), next to the raw HttpClient.
/// A diagnostic for finding what to cut, not a measurement: BenchmarkDotNet's figures are the measurement.
/// </summary>
internal static class AllocationProfile
{
    public static async Task RunAsync(string provider)
    {
        await using var subjects = await InMemorySubjects.CreateAsync(provider);
        var (sender, message, raw) = (subjects.Sender, subjects.Message, subjects.Raw);
        await Profile("ViberMessaging SendAsync", async () => await sender.SendAsync(message));
        await Profile("raw HttpClient", async () => await raw.SendAsync());
    }

    private static async Task Profile(string name, Func<Task> send)
    {
        const int Calls = 200_000;
        for (var i = 0; i < 1000; i++)
        {
            await send();
        }

        using var listener = new AllocationListener();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Calls; i++)
        {
            await send();
        }

        var perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Calls;
        Console.WriteLine($"{name}: {perCall:0} bytes per call; sampled types (share of samples):");
        var total = listener.Samples.Values.Sum();
        foreach (var (type, count) in listener.Samples.OrderByDescending(s => s.Value).Take(30))
        {
            Console.WriteLine($"  {count * 100.0 / total,5:0.0} %  ~{perCall * count / total,5:0} B  {type}");
        }
    }

    private sealed class AllocationListener : EventListener
    {
        public Dictionary<string, int> Samples { get; } = [];

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is "GCAllocationTick_V4" or "GCAllocationTick_V3" && eventData.Payload is { } payload)
            {
                var type = eventData.PayloadNames!.IndexOf("TypeName") is var i and >= 0 ? payload[i] as string ?? "?" : "?";
                lock (Samples)
                {
                    Samples[type] = Samples.GetValueOrDefault(type) + 1;
                }
            }
        }
    }
}
