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

        // Ctrl+C as the first progress line (after the first request of 5) is printed.
        var stopped = await cli.RunAsync(
            ["campaign", "run", "list.csv", "--id", "spring-2026", "-p", "SmsClub", "--sender", "MyShop", "--text", "Hi {name}", "--chunk-size", "5"],
            new CancelOnLineWriter(ctrlC, "%  "),
            ctrlC.Token);

        Assert.True(stopped.ExitCode == 130, stopped.ToString());
        Assert.Contains("viber campaign resume spring-2026", stopped.Error, StringComparison.Ordinal);
        var before = emulator.AcceptedMessages(ViberProviders.SmsClub).Count;
        Assert.InRange(before, 5, 25);

        var resumed = await cli.RunAsync("campaign", "resume", "spring-2026", "--json");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(before, resumed.Json.GetProperty("alreadyDone").GetInt64());
        Assert.Equal(30 - before, resumed.Json.GetProperty("accepted").GetInt64());
        var all = emulator.AcceptedMessages(ViberProviders.SmsClub);
        Assert.Equal(30, all.Count);
        Assert.Equal(30, all.Select(m => m.Recipient).Distinct(StringComparer.Ordinal).Count());

        var report = await cli.RunAsync("campaign", "report", "spring-2026", "--json");
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(30, report.Json.GetProperty("counts").GetProperty("Accepted").GetInt32());
        Assert.Equal(30, report.Json.GetProperty("accepted").GetArrayLength());
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
