using System.Globalization;
using ViberMessaging.Samples.Tests.TestSupport;
using ViberMessaging.Testing;
using BulkCampaignSample = ViberMessaging.Samples.BulkCampaign.Program;

namespace ViberMessaging.Samples.Tests;

public sealed class BulkCampaignTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vibermessaging-bulk-").FullName;

    [Fact]
    public async Task RunAsync_GeneratedNumbersOnTheEmulator_SendsEveryoneAndReportsTheRateAgainstTheLimit()
    {
        // 1 200 recipients: three SMS Club requests of at most 500, inside the first window's burst.
        var outcome = await SampleOutcome.RunAsync((output, error) =>
            BulkCampaignSample.RunAsync(["--count", "1200"], output, error, SampleOutcome.NoConfiguration));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(outcome.Error);
        Assert.StartsWith("SmsClub (embedded emulator at http://127.0.0.1:", outcome.Value("Provider"), StringComparison.Ordinal);
        Assert.Equal("1,200", outcome.Value("Recipients"));
        Assert.Equal("1,200", outcome.Value("Accepted"));
        Assert.Equal("0", outcome.Value("Not sent"));
        Assert.StartsWith("3 ", outcome.Value("Requests"), StringComparison.Ordinal);
        Assert.Matches(@"^\d+\.\d\d requests/s = \d+% of the 9/s limit", outcome.Value("Request rate"));
        Assert.Matches(@"^[34] requests, at most [1-9] in any window", outcome.Value("Emulator saw"));
        Assert.Contains("100%", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("up to 4 requests in flight", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MaxSeconds_StopsAndReportsExactlyWhatTheProviderAccepted()
    {
        // 20 requests of 500 at 9 per second: at the stop, 9 are done and at most 4 more are waiting for a permit
        // (they go out, as requests in flight do); the rest are never sent.
        await using var provider = await ViberEmulator.StartAsync();
        var csv = WriteCsv("phone", Enumerable.Range(0, 10_000).Select(i => "+38050" + (2_000_000 + i).ToString(CultureInfo.InvariantCulture)));

        var outcome = await SampleOutcome.RunAsync((output, error) => BulkCampaignSample.RunAsync(
            [csv, "--max-seconds", "1"], output, error, SampleEmulator.ConfigurationFor(provider, ViberProviders.SmsClub)));

        Assert.Equal(130, outcome.ExitCode);
        Assert.Contains("Stopped by --max-seconds", outcome.Output, StringComparison.Ordinal);
        Assert.StartsWith("SmsClub (emulator at http://127.0.0.1:", outcome.Value("Provider"), StringComparison.Ordinal);   // a loopback BaseAddress is no "real API"
        var accepted = Count(outcome.Value("Accepted"));
        var notSent = Count(outcome.Value("Not sent"));
        Assert.Equal(provider.AcceptedMessages(ViberProviders.SmsClub).Count, accepted);
        Assert.InRange(notSent, 1, 10_000);
        Assert.Equal(10_000, accepted + notSent);
        Assert.Equal("0", outcome.Value("Interrupted"));
        Assert.Equal(0, provider.DuplicateCount(ViberProviders.SmsClub));
    }

    [Fact]
    public async Task RunAsync_CancelledByTheCaller_StopsLikeCtrlCAndReports()
    {
        await using var provider = await ViberEmulator.StartAsync();
        var csv = WriteCsv(null, Enumerable.Range(0, 10_000).Select(i => "+38050" + (3_000_000 + i).ToString(CultureInfo.InvariantCulture)));
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var outcome = await SampleOutcome.RunAsync((output, error) => BulkCampaignSample.RunAsync(
            [csv], output, error, SampleEmulator.ConfigurationFor(provider, ViberProviders.SmsClub), ctrlC.Token));

        Assert.Equal(130, outcome.ExitCode);
        Assert.Contains("Stopped by Ctrl+C", outcome.Output, StringComparison.Ordinal);
        Assert.Equal(provider.AcceptedMessages(ViberProviders.SmsClub).Count, Count(outcome.Value("Accepted")));
        Assert.InRange(Count(outcome.Value("Not sent")), 1, 10_000);
    }

    [Fact]
    public async Task RunAsync_InterruptedThenResumedByCampaignId_SendsEveryoneExactlyOnceAndWritesTheSummary()
    {
        await using var provider = await ViberEmulator.StartAsync();
        var csv = WriteCsv("phone", Enumerable.Range(0, 10_000).Select(i => "+38050" + (4_000_000 + i).ToString(CultureInfo.InvariantCulture)));
        var configuration = SampleEmulator.ConfigurationFor(provider, ViberProviders.SmsClub);
        var journal = Path.Combine(_directory, "campaigns.db");
        var summaryCsv = Path.Combine(_directory, "summary.csv");
        string[] args = [csv, "--campaign-id", "spring-sale", "--journal", journal];
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var first = await SampleOutcome.RunAsync((output, error) => BulkCampaignSample.RunAsync(args, output, error, configuration, ctrlC.Token));
        var acceptedBeforeResume = provider.AcceptedMessages(ViberProviders.SmsClub).Count;
        var second = await SampleOutcome.RunAsync((output, error) => BulkCampaignSample.RunAsync([.. args, "--summary", summaryCsv], output, error, configuration));

        Assert.Equal(130, first.ExitCode);
        Assert.Contains("Resume: --campaign-id spring-sale", first.Output, StringComparison.Ordinal);
        Assert.InRange(acceptedBeforeResume, 1, 9_999);
        Assert.Equal(0, second.ExitCode);
        Assert.Empty(second.Error);
        Assert.StartsWith(Count(first.Value("Accepted")).ToString("N0", CultureInfo.InvariantCulture) + " ", second.Value("Already done"), StringComparison.Ordinal);
        Assert.Equal(10_000 - acceptedBeforeResume, Count(second.Value("Accepted")));
        var accepted = provider.AcceptedMessages(ViberProviders.SmsClub).Select(m => PhoneNumber.Parse(m.Recipient).Digits).ToList();
        Assert.Equal(10_000, accepted.Count);
        Assert.Equal(10_000, accepted.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(0, provider.DuplicateCount(ViberProviders.SmsClub));
        var rows = await File.ReadAllLinesAsync(summaryCsv);
        Assert.Equal("phone,state,message_id,delivery_status,status_at,detail", rows[0]);
        Assert.Equal(10_000, rows.Skip(1).Count(r => r.Contains(",Accepted,SmsClub:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_CsvWithHeaderInvalidAndDuplicateLines_SkipsThemAndSendsTheRest()
    {
        var csv = WriteCsv("name;phone", ["Olena;+380 50 111 11 11", "Taras;not a phone", "Olena again;+380501111111", "Iryna;\"+380 50 222-22-22\"", string.Empty, "# a comment"]);

        var outcome = await SampleOutcome.RunAsync((output, error) =>
            BulkCampaignSample.RunAsync([csv, "--provider", "decisiontelecom"], output, error, SampleOutcome.NoConfiguration));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Skipped 1 invalid numbers (line 3: 'not a phone')", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("Skipped 1 duplicate numbers", outcome.Output, StringComparison.Ordinal);
        Assert.StartsWith("DecisionTelecom (embedded emulator at http://127.0.0.1:", outcome.Value("Provider"), StringComparison.Ordinal);
        Assert.Equal("2", outcome.Value("Accepted"));
        Assert.StartsWith("2 (at most 1 recipient each)", outcome.Value("Requests"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SaveIds_WritesEveryAcceptedIdOnItsOwnLine()
    {
        var ids = Path.Combine(_directory, "ids.txt");

        var outcome = await SampleOutcome.RunAsync((output, error) =>
            BulkCampaignSample.RunAsync(["--count", "5", "--provider", "Devino", "--save-ids", ids], output, error, SampleOutcome.NoConfiguration));

        Assert.Equal(0, outcome.ExitCode);
        var lines = await File.ReadAllLinesAsync(ids);
        Assert.Equal(5, lines.Length);
        Assert.All(lines, line => Assert.Equal(ViberProviders.Devino, MessageId.Parse(line).Provider));
        Assert.Equal(5, lines.Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_RealProviderWithoutCsv_RefusesToSendToGeneratedNumbers()
    {
        var configuration = SampleOutcome.Configured(("ViberMessaging:SmsClub:Token", "secret"));

        var outcome = await SampleOutcome.RunAsync((output, error) => BulkCampaignSample.RunAsync([], output, error, configuration));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("CSV", outcome.Error, StringComparison.Ordinal);
        outcome.AssertNoStackTrace();
    }

    [Fact]
    public async Task RunAsync_InvalidText_ReportsTheRuleWithoutSending()
    {
        var outcome = await SampleOutcome.RunAsync((output, error) =>
            BulkCampaignSample.RunAsync(["--count", "3", "--text", new string('x', 1001)], output, error, SampleOutcome.NoConfiguration));

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("error: invalid Text", outcome.Error, StringComparison.Ordinal);
        outcome.AssertNoStackTrace();
    }

    [Fact]
    public async Task RunAsync_Help_DescribesTheOptionsAndExitsZero()
    {
        var outcome = await SampleOutcome.RunAsync((output, error) => BulkCampaignSample.RunAsync(["--help"], output, error, SampleOutcome.NoConfiguration));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("--max-seconds", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("--save-ids", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("--concurrency", outcome.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--count", "0", "--count")]
    [InlineData("--provider", "Viber", "--provider")]
    [InlineData("--max-seconds", "0", "--max-seconds")]
    [InlineData("--concurrency", "0", "--concurrency")]
    [InlineData("--concurrency", "33", "--concurrency")]
    [InlineData("missing.csv", null, "missing.csv")]
    public async Task RunAsync_BadArgument_ExitsTwoWithAOneLineReason(string argument, string? value, string named)
    {
        string[] args = value is null ? [Path.Combine(_directory, argument)] : [argument, value];

        var outcome = await SampleOutcome.RunAsync((output, error) => BulkCampaignSample.RunAsync(args, output, error, SampleOutcome.NoConfiguration));

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("error: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(named, outcome.Error, StringComparison.Ordinal);
        outcome.AssertNoStackTrace();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static int Count(string value) => int.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private string WriteCsv(string? header, IEnumerable<string> lines)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(path, header is null ? lines : lines.Prepend(header));
        return path;
    }
}
