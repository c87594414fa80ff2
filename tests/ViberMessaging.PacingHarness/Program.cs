// The pacing and throughput harness (docs/benchmarks.md): the SDK and the naive alternatives against the emulator's
// strict sliding windows, side by side in one run, printing Markdown tables.
//   dotnet run -c Release --project tests/ViberMessaging.PacingHarness            (everything, ~30 min with the soak)
//   dotnet run -c Release --project tests/ViberMessaging.PacingHarness -- --quick (a smoke run of every scenario)
//   dotnet run -c Release --project tests/ViberMessaging.PacingHarness -- --scenario distributed (N processes through Redis)
using System.Globalization;
using System.Runtime.InteropServices;
using ViberMessaging.PacingHarness;

if (args is [EmulatorProcess.ServeCommand])
{
    return await EmulatorServer.RunAsync();
}

if (args is [Scenarios.CampaignWorker.Command, ..])
{
    return await Scenarios.CampaignWorker.RunAsync(args);
}

if (args is [Scenarios.DistributedWorker.Command, ..])
{
    return await Scenarios.DistributedWorker.RunAsync(args);
}

var settings = HarnessSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine(HarnessSettings.Usage);
    return 2;
}

var machine = string.Create(
    CultureInfo.InvariantCulture,
    $"{Environment.ProcessorCount} cores, {Cpu()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average at start {Load()}");
Console.WriteLine(machine);
Console.WriteLine(settings.Quick ? "Quick mode: every scenario for a few seconds; the figures are a smoke test, not measurements." : "Full run.");

await using var emulator = await EmulatorProcess.StartAsync();
Console.WriteLine($"Emulator in a child process, nice {emulator.Niceness}.");
var scenarios = new Scenarios(emulator, settings);
await scenarios.WarmUpAsync();
foreach (var name in settings.Scenarios)
{
    Console.WriteLine();
    await (name switch
    {
        "rate" or "stalls" or "connect" => scenarios.RateAsync(name),
        "idle" => scenarios.IdleAsync(),
        "tighten" => scenarios.TightenAsync(),
        "stray429" => scenarios.Stray429Async(),
        "cancel" => scenarios.CancelAsync(),
        "bulk" => scenarios.BulkAsync(),
        "providers" => scenarios.ProvidersAsync(),
        "mixed" => scenarios.MixedAsync(),
        "callbacks" => scenarios.CallbacksAsync(),
        "soak" => scenarios.SoakAsync(),
        "distributed" => scenarios.DistributedAsync(),
        "campaign" => scenarios.CampaignAsync(),
        "campaign-latency" => scenarios.CampaignLatencyAsync(),
        _ => throw new InvalidOperationException(name),
    });
}

var report = string.Join(Environment.NewLine, scenarios.Tables.Select(t => t.ToString()));
var footer = $"Machine: {machine}; load average at the end {Load()}.";
Console.WriteLine();
Console.WriteLine(report);
Console.WriteLine(footer);
if (settings.OutputPath is { } path)
{
    await File.WriteAllTextAsync(path, report + Environment.NewLine + footer + Environment.NewLine);
}

return 0;

static string Cpu()
    => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
        : RuntimeInformation.ProcessArchitecture.ToString();

static string Load()
    => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
