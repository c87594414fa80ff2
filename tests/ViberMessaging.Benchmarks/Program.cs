// BenchmarkDotNet suites (docs/benchmarks.md): one send end to end (ours vs a raw HttpClient POST, over loopback and
// over an in-memory transport, per provider), and request building / response parsing alone.
//   dotnet run -c Release --project tests/ViberMessaging.Benchmarks                  (every suite, ~6 min)
//   dotnet run -c Release --project tests/ViberMessaging.Benchmarks -- --filter '*Send*'
//   dotnet run -c Release --project tests/ViberMessaging.Benchmarks -- --quick       (3 iterations each: a smoke run)
//   dotnet run -c Release --project tests/ViberMessaging.Benchmarks -- --allocations SmsClub   (what one send allocates, by type)
//   dotnet run -c Release --project tests/ViberMessaging.Benchmarks -- --cpu DecisionTelecom 10 (stopwatch ratio, then where 10 s of sends spend their time)
using BenchmarkDotNet.Running;
using ViberMessaging.Benchmarks;

// The loopback suites talk to an emulator in THIS process, while BenchmarkDotNet measures in child processes: the
// emulator's own work and allocations stay out of the figures (MemoryDiagnoser counts the whole process).
await using var emulator = await BenchmarkEmulator.StartForChildProcessesAsync();
if (args is ["--stages", ..])
{
    await Stages.RunAsync();
    return 0;
}

if (args is ["--cpu", ..])
{
    await CpuProfile.RunAsync(args.Length > 1 ? args[1] : "DecisionTelecom", args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return 0;
}

if (args is ["--allocations", ..])
{
    await AllocationProfile.RunAsync(args.Length > 1 ? args[1] : "SmsClub");
    return 0;
}

var quick = args.Contains("--quick");
args = args.Where(a => a != "--quick").ToArray();
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEmulator).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, BenchmarkConfig.Create(quick));
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
