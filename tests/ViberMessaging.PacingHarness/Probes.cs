using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ViberMessaging.PacingHarness;

/// <summary>Thread-pool stalls: every pool thread (and a few more) blocked until one deadline, as a long GC pause or sync-over-async would.</summary>
internal static class Stalls
{
    public static void Run(TimeSpan length)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var blockers = ThreadPool.ThreadCount + (2 * Environment.ProcessorCount);
        for (var i = 0; i < blockers; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static state =>
                {
                    var until = (long)state!;
                    using var never = new ManualResetEventSlim();
                    var left = until - Stopwatch.GetTimestamp();
                    if (left > 0)
                    {
                        never.Wait(TimeSpan.FromSeconds(left / (double)Stopwatch.Frequency));
                    }
                },
                deadline);
        }
    }

    /// <summary>Stalls the pool at the given offsets from now, from a thread of its own (the pool cannot run its own stalls).</summary>
    public static Thread Schedule(IReadOnlyList<TimeSpan> at, TimeSpan length, CancellationToken cancellationToken)
    {
        var thread = new Thread(() =>
        {
            var start = Stopwatch.GetTimestamp();
            foreach (var offset in at)
            {
                var wait = offset - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.Zero && cancellationToken.WaitHandle.WaitOne(wait))
                {
                    return;
                }

                Run(length);
            }
        })
        { IsBackground = true, Name = "stalls" };
        thread.Start();
        return thread;
    }
}

/// <summary>Samples the managed heap and the working set from a thread of its own until disposed; keeps the peaks.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new();
    private long _peakHeap;
    private long _peakWorkingSet;

    private MemorySampler()
    {
        BaselineHeap = GC.GetTotalMemory(forceFullCollection: true);
        using (var process = Process.GetCurrentProcess())
        {
            BaselineWorkingSet = process.WorkingSet64;
        }

        _peakHeap = BaselineHeap;
        _peakWorkingSet = BaselineWorkingSet;
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory" };
        _thread.Start();
    }

    public long BaselineHeap { get; }

    public long BaselineWorkingSet { get; }

    public long PeakHeapGrowth => Volatile.Read(ref _peakHeap) - BaselineHeap;

    public long PeakWorkingSetGrowth => Volatile.Read(ref _peakWorkingSet) - BaselineWorkingSet;

    /// <summary>Forces two collections (so the baseline holds only live data), then starts sampling.</summary>
    public static MemorySampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new MemorySampler();
    }

    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        do
        {
            Volatile.Write(ref _peakHeap, Math.Max(_peakHeap, GC.GetTotalMemory(forceFullCollection: false)));
            process.Refresh();
            Volatile.Write(ref _peakWorkingSet, Math.Max(_peakWorkingSet, process.WorkingSet64));
        }
        while (!_stop.Wait(TimeSpan.FromMilliseconds(10)));
    }
}

/// <summary>A Markdown table, printed as it is and kept for the summary.</summary>
internal sealed class Table(string title, params string[] columns)
{
    private readonly List<string[]> _rows = [];

    public string Title { get; } = title;

    public void Add(params object?[] cells)
    {
        var row = cells.Select(c => c switch
        {
            null => "—",
            double d => d.ToString("0.0", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => c.ToString() ?? string.Empty,
        }).ToArray();
        _rows.Add(row);
        Console.WriteLine($"  {string.Join(" | ", row)}");
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("### ").AppendLine(Title).AppendLine();
        text.Append("| ").AppendJoin(" | ", columns).AppendLine(" |");
        text.Append('|').AppendJoin('|', columns.Select(_ => "---")).AppendLine("|");
        foreach (var row in _rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        return text.ToString();
    }
}

/// <summary>Formatting helpers.</summary>
internal static class Format
{
    public static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string Ms(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string Verdict(bool met) => met ? "met" : "**missed**";
}
