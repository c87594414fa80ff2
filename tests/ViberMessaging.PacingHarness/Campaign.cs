using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Campaigns;

namespace ViberMessaging.PacingHarness;

/// <summary>
/// The campaign measure: 1 000 000 recipients streamed through the campaign runner on the SQLite journal to
/// SMS Club at its strict 9 per 1 000 ms window — wall time against 1.03 × the physical limit, peak RSS growth,
/// journal size — then the same campaign in a child process killed with SIGKILL at 50 % and resumed here.
/// </summary>
internal sealed partial class Scenarios
{
    private const string CampaignText = "Spring sale: 20 % off everything until Sunday.";

    public async Task CampaignAsync()
    {
        var recipients = settings.Quick ? 20_000 : 1_000_000;
        var requests = recipients / 500;
        var limitTime = TimeSpan.FromSeconds(requests / (double)Limit);
        var title = $"Campaign runner, SQLite journal: {recipients:N0} recipients streamed through SMS Club ({requests:N0} requests of 500) at 9/1000 ms — physical limit {Format.Seconds(limitTime)}";
        Console.WriteLine(title);
        var table = new Table(title, "run", "requests", "wall time", "vs limit", "429s", "duplicates", "peak working-set growth", "peak heap growth", "journal on disk", "outcome", "target");
        var directory = Directory.CreateTempSubdirectory("harness-campaign-").FullName;
        try
        {
            // 1. The whole campaign in this process.
            await PrepareAsync(Limit);
            var full = Path.Combine(directory, "full.db");
            await using (var sdk = CampaignSdk(emulator.BaseOf(SmsClub), full))
            {
                CampaignSummary summary;
                TimeSpan wall;
                using (var memory = MemorySampler.Start())
                {
                    var start = Stopwatch.GetTimestamp();
                    summary = await sdk.GetRequiredService<ICampaignRunner>().RunAsync(sdk.Sender(SmsClub), CampaignOf(recipients), Recipients(recipients));
                    wall = Stopwatch.GetElapsedTime(start);
                    memory.Dispose();
                    var stats = await emulator.StatsAsync(SmsClub, duplicates: true);
                    table.Add(
                        "whole campaign", stats.Arrivals.Count, Format.Seconds(wall), (wall / limitTime).ToString("0.000", CultureInfo.InvariantCulture) + "×",
                        stats.RateLimited, stats.Duplicates, Format.Mb(memory.PeakWorkingSetGrowth), Format.Mb(memory.PeakHeapGrowth), Format.Mb(JournalBytes(full)),
                        $"{summary.Progress.Accepted:N0} accepted",
                        Format.Verdict(wall <= limitTime * 1.03 && memory.PeakWorkingSetGrowth < 100L * 1024 * 1024 && stats.RateLimited == 0 && stats.Duplicates == 0) + " (≤ 1.03 × limit, < 100 MB)");
                }
            }

            // 2. The same campaign in a child process, killed with SIGKILL once half is sent, then resumed here.
            await PrepareAsync(Limit);
            var killed = Path.Combine(directory, "killed.db");
            var sentAtKill = await RunAndKillAtHalfAsync(killed, recipients);
            var beforeResume = (await emulator.StatsAsync(SmsClub)).Arrivals.Count;
            await using (var sdk = CampaignSdk(emulator.BaseOf(SmsClub), killed))
            {
                var start = Stopwatch.GetTimestamp();
                TimeSpan? firstChunk = null;
                var progress = new FirstReport(() => firstChunk ??= Stopwatch.GetElapsedTime(start));
                var summary = await sdk.GetRequiredService<ICampaignRunner>().RunAsync(sdk.Sender(SmsClub), CampaignOf(recipients), Recipients(recipients), progress);
                var wall = Stopwatch.GetElapsedTime(start);
                var stats = await emulator.StatsAsync(SmsClub, duplicates: true);
                var remainingLimit = TimeSpan.FromSeconds((recipients - summary.Progress.AlreadyDone) / 500.0 / Limit);
                table.Add(
                    $"resume after kill -9 at {sentAtKill:N0} sent", $"{stats.Arrivals.Count - beforeResume} (+{beforeResume} before the kill)", Format.Seconds(wall),
                    (wall / remainingLimit).ToString("0.000", CultureInfo.InvariantCulture) + "× (of the rest)", stats.RateLimited, stats.Duplicates, null, null, Format.Mb(JournalBytes(killed)),
                    $"{summary.Progress.AlreadyDone:N0} skipped, {summary.Progress.Unknown:N0} Unknown (in flight at the kill), {summary.Progress.Accepted:N0} accepted; first chunk sent {Format.Seconds(firstChunk ?? TimeSpan.Zero)} after the restart",
                    Format.Verdict(stats.Duplicates == 0 && summary.Progress.Unknown <= 500 * CampaignDefinition.DefaultMaxConcurrentRequests) + $" (no duplicate, Unknown ≤ {CampaignDefinition.DefaultMaxConcurrentRequests} requests in flight)");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        Tables.Add(table);
    }

    private static ServiceProvider CampaignSdk(Uri address, string journal)
    {
        var services = new ServiceCollection();
        services.AddViberMessaging()
            .AddSmsClub(o =>
            {
                o.BaseAddress = address;
                o.Token = EmulatorProcess.Credentials.SmsClubToken;
            })
            .UseSqliteCampaignJournal(journal);
        return services.BuildServiceProvider();
    }

    private static CampaignDefinition CampaignOf(int recipients)
        => new() { Id = "harness", ExpectedRecipients = recipients, Template = new ViberMessage { Sender = "MyShop", Text = CampaignText } };

    /// <summary>The recipients, generated as they are read: nothing of the input is held.</summary>
    private static async IAsyncEnumerable<CampaignRecipient> Recipients(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 4096 == 0)
            {
                await Task.Yield();
            }

            yield return new CampaignRecipient(PhoneNumber.Parse((380670000000L + i).ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static long JournalBytes(string path)
        => new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists).Sum(p => new FileInfo(p).Length);

    /// <summary>Runs the campaign in a child process and kills it (SIGKILL) as soon as it reports half the recipients sent.</summary>
    private async Task<long> RunAndKillAtHalfAsync(string journal, int recipients)
    {
        var path = Environment.ProcessPath!;
        var start = new ProcessStartInfo(path) { UseShellExecute = false, RedirectStandardOutput = true };
        if (string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(Scenarios).Assembly.Location);
        }

        foreach (var argument in new[] { CampaignWorker.Command, emulator.BaseOf(SmsClub).AbsoluteUri, journal, recipients.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        long sent = 0;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            sent = long.Parse(line, CultureInfo.InvariantCulture);
            if (sent >= recipients / 2)
            {
                child.Kill(entireProcessTree: true);
                break;
            }
        }

        await child.WaitForExitAsync();
        return sent;
    }

    /// <summary>The child process of the kill-at-50 % run: prints the recipients sent after every chunk.</summary>
    internal static class CampaignWorker
    {
        public const string Command = "campaign-worker";

        public static async Task<int> RunAsync(string[] args)
        {
            var (address, journal, recipients) = (new Uri(args[1]), args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
            await using var sdk = CampaignSdk(address, journal);
            var progress = new Lines();
            await sdk.GetRequiredService<ICampaignRunner>().RunAsync(sdk.Sender(SmsClub), CampaignOf(recipients), Recipients(recipients), progress);
            return 0;
        }

        private sealed class Lines : IProgress<CampaignProgress>
        {
            public void Report(CampaignProgress value) => Console.Out.WriteLine(value.Sent.ToString(CultureInfo.InvariantCulture));
        }
    }

    private sealed class FirstReport(Action first) : IProgress<CampaignProgress>
    {
        public void Report(CampaignProgress value) => first();
    }
}
