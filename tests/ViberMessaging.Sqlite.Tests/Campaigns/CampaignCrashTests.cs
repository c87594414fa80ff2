using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using ViberMessaging.Campaigns;
using ViberMessaging.Sqlite.Campaigns;
using ViberMessaging.Testing;
using Xunit.Abstractions;

namespace ViberMessaging.Sqlite.Tests.Campaigns;

/// <summary>
/// The issue's crash test: a campaign of 5 000 recipients runs as a child process on the SQLite journal, is killed
/// with SIGKILL at a random point, restarted, and finishes; 20 times. The emulator's ledger (in this process, so it
/// survives the kill) proves every recipient was sent at most once, the journal that every recipient ends with one
/// outcome, and the Unknowns are exactly the recipients whose request was in flight at the kill.
/// </summary>
public sealed class CampaignCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Runs = 20;
    private const int Recipients = 5_000;
    private const int ChunkSize = 50;

    private static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(120);

    private readonly string _directory = Directory.CreateTempSubdirectory("vm-campaign-crash-").FullName;

    [Fact]
    public async Task RunAsync_KilledAtRandomPointsThenRestarted_NeverSendsTwiceAndEveryRecipientEndsWithOneOutcome()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("VIBERMESSAGING_CRASH_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Environment.TickCount;
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var killedMidRun = 0;
        var totalUnknown = 0;
        try
        {
            for (var run = 0; run < Runs; run++)
            {
                var (killed, unknown) = await CrashAndResumeAsync(run, random);
                killedMidRun += killed ? 1 : 0;
                output.WriteLine($"run {run}: {(killed ? "killed mid-campaign" : "finished before the kill")}, {unknown} Unknown, {clock.Elapsed.TotalSeconds:F1} s");
                totalUnknown += unknown;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Crash test failed with seed {seed} (set VIBERMESSAGING_CRASH_SEED={seed} to replay): {e.Message}", e);
        }

        output.WriteLine($"seed {seed}: {Runs} runs x {Recipients} recipients, {killedMidRun} killed mid-campaign, {totalUnknown} recipients Unknown in all, {clock.Elapsed.TotalSeconds:F1} s");

        // The kill lands after a random chunk (0 to 90 of 100) plus up to 15 ms: mid-campaign in nearly every run.
        Assert.True(killedMidRun >= Runs * 3 / 4, $"only {killedMidRun} of {Runs} kills landed mid-campaign (seed {seed})");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(bool Killed, int Unknown)> CrashAndResumeAsync(int run, Random random)
    {
        var options = new ViberEmulatorOptions();
        options.RateLimits.Clear();
        await using var emulator = await ViberEmulator.StartAsync(options);
        var database = Path.Combine(_directory, $"run{run}.db");
        var campaignId = "crash-" + run.ToString(CultureInfo.InvariantCulture);
        var settings = emulator.GetConfiguration(ViberProviders.SmsClub).Select(s => $"{s.Key}={s.Value}").ToArray();
        var killAfterChunks = random.Next(0, 91);
        var extraDelay = TimeSpan.FromMilliseconds(random.Next(0, 16));

        // First run: killed with SIGKILL after a random number of chunks and a random few milliseconds.
        using (var child = Child.Start(database, campaignId, settings))
        {
            await child.WaitForLinesAsync(line => line.StartsWith("chunk ", StringComparison.Ordinal), killAfterChunks);
            await Task.Delay(extraDelay);
            child.Kill();
        }

        var atKill = await ReadAsync(database, campaignId);
        var inFlightAtKill = atKill.Count(e => e.State == CampaignRecipientState.Pending);
        var killed = atKill.Count < Recipients || inFlightAtKill > 0;
        // The child runs with the default MaxConcurrentRequests: at most that many requests of ChunkSize in flight.
        Assert.True(inFlightAtKill <= ChunkSize * CampaignDefinition.DefaultMaxConcurrentRequests, $"run {run}: {inFlightAtKill} recipients pending at the kill, more than {CampaignDefinition.DefaultMaxConcurrentRequests} requests of {ChunkSize}");

        // Restart: finishes the campaign.
        using (var child = Child.Start(database, campaignId, settings))
        {
            var done = await child.WaitForLinesAsync(line => line.StartsWith("done ", StringComparison.Ordinal), 1);
            Assert.Equal(0, await child.ExitCodeAsync());
            Assert.Contains($"{inFlightAtKill} unknown", done, StringComparison.Ordinal);
        }

        var final = await ReadAsync(database, campaignId);
        var accepted = emulator.AcceptedMessages(ViberProviders.SmsClub).Select(m => PhoneNumber.Parse(m.Recipient).Digits).ToList();

        // Sent at most once: no recipient twice in the emulator's ledger.
        Assert.Equal(0, emulator.DuplicateCount(ViberProviders.SmsClub));
        Assert.Equal(accepted.Count, accepted.Distinct(StringComparer.Ordinal).Count());

        // One outcome per recipient, none left pending; nothing failed, so each is Accepted or Unknown.
        Assert.Equal(Recipients, final.Count);
        Assert.Equal(Recipients, final.Select(e => e.Phone.Digits).Distinct(StringComparer.Ordinal).Count());
        Assert.All(final, e => Assert.True(e.State is CampaignRecipientState.Accepted or CampaignRecipientState.Unknown, $"run {run}: {e}"));

        // The Unknowns are exactly the recipients in flight at the kill; every Accepted one is in the ledger, and the
        // ledger holds nobody else but those Unknowns (whose request the emulator may or may not have answered).
        var unknown = final.Where(e => e.State == CampaignRecipientState.Unknown).Select(e => e.Phone.Digits).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(atKill.Where(e => e.State == CampaignRecipientState.Pending).Select(e => e.Phone.Digits).Order(StringComparer.Ordinal), unknown.Order(StringComparer.Ordinal));
        var ledger = accepted.ToHashSet(StringComparer.Ordinal);
        Assert.All(final.Where(e => e.State == CampaignRecipientState.Accepted), e => Assert.Contains(e.Phone.Digits, ledger));
        Assert.All(ledger, digits => Assert.True(unknown.Contains(digits) || final.Any(e => e.Phone.Digits == digits && e.State == CampaignRecipientState.Accepted), $"run {run}: {digits} sent but not journaled"));
        return (killed, unknown.Count);
    }

    private static async Task<List<CampaignJournalEntry>> ReadAsync(string database, string campaignId)
    {
        using var journal = new SqliteCampaignJournal(database);
        return await journal.ReadAsync(campaignId).ToListAsync();
    }

    /// <summary>The campaign as a child process, its output lines on a channel.</summary>
    private sealed class Child : IDisposable
    {
        private readonly Process _process;
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

        private Child(Process process) => _process = process;

        public static Child Start(string database, string campaignId, string[] settings)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            foreach (var arg in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "ViberMessaging.Sqlite.CrashChild.dll"), database, campaignId, Recipients.ToString(CultureInfo.InvariantCulture), ChunkSize.ToString(CultureInfo.InvariantCulture), .. settings])
            {
                start.ArgumentList.Add(arg);
            }

            var child = new Child(new Process { StartInfo = start });
            child._process.OutputDataReceived += (_, e) => Write(child._lines, e.Data);
            child._process.ErrorDataReceived += (_, e) => Write(child._lines, e.Data is null ? null : "stderr: " + e.Data);
            child._process.Start();
            child._process.BeginOutputReadLine();
            child._process.BeginErrorReadLine();
            return child;
        }

        /// <summary>Waits for the <paramref name="count"/>-th line matching <paramref name="match"/> (0: for "ready"); returns it.</summary>
        public async Task<string> WaitForLinesAsync(Func<string, bool> match, int count)
        {
            using var timeout = new CancellationTokenSource(ChildTimeout);
            var seen = 0;
            var last = string.Empty;
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(timeout.Token);
                Assert.False(line.StartsWith("stderr: ", StringComparison.Ordinal), line);
                if (count == 0 && line == "ready")
                {
                    return line;
                }

                if (match(line))
                {
                    last = line;
                    if (++seen == count)
                    {
                        return last;
                    }
                }

                if (line.StartsWith("done ", StringComparison.Ordinal))
                {
                    return line;   // finished before the kill point: a run without a mid-campaign kill
                }
            }
        }

        public async Task<int> ExitCodeAsync()
        {
            using var timeout = new CancellationTokenSource(ChildTimeout);
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        /// <summary>SIGKILL (what <c>kill -9</c> sends): no finally block, no flush, no disposal runs in the child.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit();
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }

        private static void Write(Channel<string> lines, string? line)
        {
            if (line is null)
            {
                lines.Writer.TryComplete();
            }
            else
            {
                lines.Writer.TryWrite(line);
            }
        }
    }
}
