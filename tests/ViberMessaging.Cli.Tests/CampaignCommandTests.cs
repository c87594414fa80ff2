using System.Globalization;
using ViberMessaging.Cli.Tests.TestSupport;
using ViberMessaging.Testing;

namespace ViberMessaging.Cli.Tests;

public sealed class CampaignCommandTests
{
    private static string Csv(int count)
        => "phone,name\n" + string.Concat(Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"+38050{i:D7},Customer{i}\n")));

    [Fact]
    public async Task Run_CsvWithVariables_SendsEveryoneTheirTextAndPrintsPlainProgress()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var cli = new CliRunner(CliRunner.EnvironmentFor(emulator));
        cli.WriteFile("spring.csv", Csv(12) + "not-a-phone,Nobody\n");

        var result = await cli.RunAsync("campaign", "run", "spring.csv", "-p", "SmsClub", "--sender", "MyShop", "--text", "Hi {name}!", "--chunk-size", "4");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("100%  12 of 12", result.Output, StringComparison.Ordinal);
        Assert.Contains("skipped 1 rows", result.Error, StringComparison.Ordinal);
        var sent = emulator.AcceptedMessages(ViberProviders.SmsClub);
        Assert.Equal(12, sent.Count);
        Assert.Contains(sent, m => m.Text == "Hi Customer7!" && m.Recipient.EndsWith("0000007", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_CtrlCMidway_ExitsInterruptedThenResumeSendsOnlyTheRest()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var cli = new CliRunner(CliRunner.EnvironmentFor(emulator));
        cli.WriteFile("list.csv", Csv(30));
        using var ctrlC = new CancellationTokenSource();

        // Ctrl+C as the first progress line (a tenth of the list: 3 recipients, a request each, their texts differ) is
        // printed; up to 3 more requests were in flight then (the default concurrency of 4) and finish.
        var stopped = await cli.RunAsync(
            ["campaign", "run", "list.csv", "--id", "spring-2026", "-p", "SmsClub", "--sender", "MyShop", "--text", "Hi {name}", "--chunk-size", "5"],
            new CancelOnLineWriter(ctrlC, "%  "),
            ctrlC.Token);

        Assert.True(stopped.ExitCode == 130, stopped.ToString());
        Assert.Contains("viber campaign resume spring-2026", stopped.Error, StringComparison.Ordinal);
        var before = emulator.AcceptedMessages(ViberProviders.SmsClub).Count;
        Assert.InRange(before, 3, 25);

        var resumed = await cli.RunAsync("campaign", "resume", "spring-2026", "--json");

        // A request that Ctrl+C cut is Unknown (journaled, never re-sent) whether or not it reached the emulator: the
        // resume skips the first run's accepted and Unknown recipients and sends exactly the others.
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var alreadyDone = resumed.Json.GetProperty("alreadyDone").GetInt64();
        Assert.InRange(alreadyDone, before, before + 3);
        Assert.Equal(30 - alreadyDone, resumed.Json.GetProperty("accepted").GetInt64());
        var all = emulator.AcceptedMessages(ViberProviders.SmsClub);
        Assert.InRange(all.Count, 27, 30);
        Assert.Equal(all.Count, all.Select(m => m.Recipient).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(0, emulator.DuplicateCount(ViberProviders.SmsClub));

        var report = await cli.RunAsync("campaign", "report", "spring-2026", "--json");
        Assert.Equal(0, report.ExitCode);
        var counts = report.Json.GetProperty("counts");
        var unknown = counts.TryGetProperty("Unknown", out var u) ? u.GetInt32() : 0;
        Assert.Equal(30, counts.GetProperty("Accepted").GetInt32() + unknown);
        Assert.Equal(30 - unknown, report.Json.GetProperty("accepted").GetArrayLength());
    }

    [Fact]
    public async Task Run_OutcomeUnknown_ExitsFourAndResumeNeverSendsThoseAgain()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        emulator.InjectFault(ViberProviders.SmsClub, EmulatorFault.ResetAfterAccept());
        using var cli = new CliRunner(CliRunner.EnvironmentFor(emulator));
        cli.WriteFile("list.csv", Csv(10));

        var first = await cli.RunAsync("campaign", "run", "list.csv", "--id", "c1", "-p", "SmsClub", "--sender", "MyShop", "--text", "Hi", "--chunk-size", "5", "--json");

        Assert.True(first.ExitCode == 4, first.ToString());
        Assert.Equal(5, first.Json.GetProperty("unknown").GetInt64());
        Assert.Equal(10, emulator.AcceptedMessages(ViberProviders.SmsClub).Count);

        var resumed = await cli.RunAsync("campaign", "resume", "c1", "--json");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(0, resumed.Json.GetProperty("sent").GetInt64());
        Assert.Equal(10, resumed.Json.GetProperty("alreadyDone").GetInt64());
        Assert.Equal(10, emulator.AcceptedMessages(ViberProviders.SmsClub).Count);

        var report = await cli.RunAsync("campaign", "report", "c1", "--json");
        Assert.Equal(5, report.Json.GetProperty("counts").GetProperty("Unknown").GetInt32());
        Assert.Equal(5, report.Json.GetProperty("attention").GetArrayLength());
    }

    [Fact]
    public async Task Resume_ResendUnknown_SendsExactlyTheUnknownOnceAndSaysSo()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        emulator.InjectFault(ViberProviders.SmsClub, EmulatorFault.ResetAfterAccept());
        using var cli = new CliRunner(CliRunner.EnvironmentFor(emulator));
        cli.WriteFile("list.csv", Csv(10));
        var first = await cli.RunAsync("campaign", "run", "list.csv", "--id", "c2", "-p", "SmsClub", "--sender", "MyShop", "--text", "Hi", "--chunk-size", "5", "--concurrency", "1", "--json");
        Assert.True(first.ExitCode == 4, first.ToString());

        var resent = await cli.RunAsync("campaign", "resume", "c2", "--resend-unknown", "--json");
        var again = await cli.RunAsync("campaign", "resume", "c2", "--resend-unknown", "--json");

        Assert.True(resent.ExitCode == 0, resent.ToString());
        Assert.Equal((5L, 5L, 5L), (resent.Json.GetProperty("resent").GetInt64(), resent.Json.GetProperty("accepted").GetInt64(), resent.Json.GetProperty("alreadyDone").GetInt64()));
        Assert.Equal((0L, 10L), (again.Json.GetProperty("sent").GetInt64(), again.Json.GetProperty("alreadyDone").GetInt64()));
        var ledger = emulator.AcceptedMessages(ViberProviders.SmsClub).Select(m => m.Recipient).ToList();
        Assert.Equal(15, ledger.Count);
        Assert.Equal(5, ledger.GroupBy(r => r, StringComparer.Ordinal).Count(g => g.Count() == 2));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("33")]
    public async Task Run_ConcurrencyOutOfRange_ExitsTwoNamingTheOption(string concurrency)
    {
        using var cli = new CliRunner();
        cli.WriteFile("list.csv", Csv(2));

        var result = await cli.RunAsync("campaign", "run", "list.csv", "--emulator", "--text", "Hi", "--concurrency", concurrency);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--concurrency must be from 1 to 32.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SameIdTwice_ExitsTwoPointingToResume()
    {
        using var cli = new CliRunner();
        cli.WriteFile("list.csv", Csv(2));
        var first = await cli.RunAsync("campaign", "run", "list.csv", "--emulator", "--text", "Hi");

        var second = await cli.RunAsync("campaign", "run", "list.csv", "--emulator", "--text", "Hi");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("viber campaign resume list", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingFile_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("campaign", "run", "nope.csv", "--emulator", "--text", "Hi");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.csv", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnknownCampaign_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("campaign", "report", "never-ran");

        Assert.Equal(2, result.ExitCode);
    }
}
