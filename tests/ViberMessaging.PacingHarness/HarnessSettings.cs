using System.Globalization;

namespace ViberMessaging.PacingHarness;

/// <summary>What to run, and for how long.</summary>
internal sealed record HarnessSettings(bool Quick, IReadOnlyList<string> Scenarios, TimeSpan SoakLength, string? OutputPath, string? DumpDirectory = null)
{
    public static readonly string[] All = ["rate", "stalls", "idle", "connect", "tighten", "stray429", "cancel", "bulk", "providers", "mixed", "callbacks", "soak", "distributed", "campaign", "campaign-latency"];

    public const string Usage = """
        Pacing and throughput harness: the SDK and the naive alternatives against the emulator's strict windows.

          dotnet run -c Release --project tests/ViberMessaging.PacingHarness -- [options]

          --quick               every scenario for a few seconds (a smoke run, figures not meaningful)
          --scenario a,b,...    only these: rate, stalls, idle, connect, tighten, stray429, cancel, bulk,
                                providers, mixed (sends at the limit + 10 000 tracked messages),
                                callbacks (the callback endpoint's throughput), soak, distributed (3 and 5 processes through a redis-server
                                of its own; needs redis-server installed), campaign (1 000 000
                                recipients through the campaign runner on the SQLite journal, then a
                                kill -9 at 50 % and the resume), campaign-latency (the runner against
                                150 ms round trips: one request in flight against the default)
          --soak-minutes N      length of the soak (default 10; 0 skips it)
          --out FILE            also write the result tables (Markdown) to FILE
          --dump DIR            write every run's arrivals (emulator clock, status) to DIR as CSV
        """;

    /// <summary>How long each sustained-rate run lasts.</summary>
    public TimeSpan Load => Quick ? TimeSpan.FromSeconds(8) : TimeSpan.FromSeconds(60);

    public static HarnessSettings? Parse(string[] args)
    {
        var quick = false;
        var scenarios = All.ToList();
        double? soakMinutes = null;
        string? output = null;
        string? dump = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--scenario" when i + 1 < args.Length:
                    scenarios = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                    if (scenarios.Except(All).Any())
                    {
                        return null;
                    }

                    break;
                case "--soak-minutes" when i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes >= 0:
                    soakMinutes = minutes;
                    i++;
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--dump" when i + 1 < args.Length:
                    dump = args[++i];
                    break;
                default:
                    return null;
            }
        }

        var soak = soakMinutes is { } m ? TimeSpan.FromMinutes(m) : quick ? TimeSpan.FromSeconds(20) : TimeSpan.FromMinutes(10);
        if (soak == TimeSpan.Zero)
        {
            scenarios.Remove("soak");
        }

        return new HarnessSettings(quick, scenarios, soak, output, dump);
    }
}
