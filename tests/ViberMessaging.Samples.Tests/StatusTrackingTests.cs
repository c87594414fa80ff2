using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Samples.Tests.TestSupport;
using ViberMessaging.Testing;
using StatusTrackingSample = ViberMessaging.Samples.StatusTracking.Program;

namespace ViberMessaging.Samples.Tests;

public sealed class StatusTrackingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vibermessaging-status-").FullName;

    [Fact]
    public async Task RunAsync_NoIdsOnTheEmulator_SendsADemoBatchAndFollowsEveryMessageToItsFinalStatus()
    {
        var outcome = await SampleOutcome.RunAsync((output, error) =>
            StatusTrackingSample.RunAsync([], output, error, SampleOutcome.NoConfiguration));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(outcome.Error);
        // What each message ended as, not which transitions a poll happened to catch: on a loaded machine the first
        // poll can come after a message was already read, and that is right. Transitions have their own test below.
        var summary = Assert.Single(outcome.Output.Split('\n'), line => line.StartsWith("16 of 16 final", StringComparison.Ordinal));
        Assert.Contains("Read", summary, StringComparison.Ordinal);
        Assert.Contains("Delivered via SMS", summary, StringComparison.Ordinal);
        var tableRows = outcome.Output.Split('\n').Where(line => line.StartsWith('│')).ToArray();
        foreach (var provider in ViberProviders.All)
        {
            Assert.Contains(tableRows, line => line.Contains(provider + ":", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task RunAsync_IdsFileAgainstAConfiguredProvider_PrintsEachTransitionUntilFinal()
    {
        // Slow enough that the first poll sees the messages before they are read, even on a busy machine.
        var options = new ViberEmulatorOptions();
        options.Timeline.DeliveredAfter = TimeSpan.FromSeconds(1);
        options.Timeline.ReadAfter = TimeSpan.FromSeconds(1);
        await using var provider = await ViberEmulator.StartAsync(options);
        provider.ScriptRecipient("+380500000002", RecipientBehavior.Delivers);
        var ids = await SendAsync(provider, ViberProviders.SmsClub, "+380500000001", "+380500000002");
        var file = Path.Combine(_directory, "ids.txt");
        await File.WriteAllLinesAsync(file, ["# saved by a campaign", .. ids.Select(id => id.ToString()), string.Empty]);

        var outcome = await SampleOutcome.RunAsync((output, error) =>
            StatusTrackingSample.RunAsync([file, "--interval", "0.1"], output, error, SampleEmulator.ConfigurationFor(provider, ViberProviders.SmsClub)));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("2 of 2 final", outcome.Output, StringComparison.Ordinal);
        Assert.Equal("Read", Assert.Single(outcome.Rows(ids[0].ToString()))[2]);
        Assert.Equal("Delivered", Assert.Single(outcome.Rows(ids[1].ToString()))[2]);
        var transitions = outcome.Output.Split('\n').Where(line => line.Contains(ids[0].ToString(), StringComparison.Ordinal) && line.Contains('s', StringComparison.Ordinal)).ToArray();
        Assert.Contains(transitions, line => line.TrimEnd().EndsWith("→ Read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_StatusesNotFinalBeforeTimeout_SaysSoAndExitsOne()
    {
        var options = new ViberEmulatorOptions();
        options.Timeline.DeliveredAfter = TimeSpan.FromHours(1);
        await using var provider = await ViberEmulator.StartAsync(options);
        var ids = await SendAsync(provider, ViberProviders.Devino, "+79160000001");

        var outcome = await SampleOutcome.RunAsync((output, error) => StatusTrackingSample.RunAsync(
            ["--id", ids[0].ToString(), "--timeout", "1", "--interval", "0.2"], output, error, SampleEmulator.ConfigurationFor(provider, ViberProviders.Devino)));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("0 of 1 final", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("still not final after --timeout 1 s", outcome.Output, StringComparison.Ordinal);
        Assert.Equal("Sent", Assert.Single(outcome.Rows(ids[0].ToString()))[2]);
    }

    [Fact]
    public async Task RunAsync_EveryStatusFinalAtTheFirstPoll_StopsWithoutWaitingAnotherInterval()
    {
        await using var provider = await ViberEmulator.StartAsync();

        var outcome = await SampleOutcome.RunAsync((output, error) => StatusTrackingSample.RunAsync(
            ["--id", "smsclub:424242", "--interval", "600", "--timeout", "900"], output, error, SampleEmulator.ConfigurationFor(provider, ViberProviders.SmsClub)));

        Assert.Equal(0, outcome.ExitCode);
        var summary = System.Text.RegularExpressions.Regex.Match(outcome.Output, @"1 of 1 final after (\d+\.\d) s");
        Assert.True(summary.Success, outcome.Output);
        Assert.InRange(double.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0, 599);   // not one --interval (600 s) later
    }

    [Fact]
    public async Task RunAsync_IdTheProviderNeverIssued_IsSettledAsUnknown()
    {
        await using var provider = await ViberEmulator.StartAsync();

        var outcome = await SampleOutcome.RunAsync((output, error) => StatusTrackingSample.RunAsync(
            ["--id", "smsclub:424242"], output, error, SampleEmulator.ConfigurationFor(provider, ViberProviders.SmsClub)));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("unknown id", Assert.Single(outcome.Rows("SmsClub:424242"))[2]);
    }

    [Fact]
    public async Task RunAsync_IdOfAProviderThatIsNotConfigured_ExitsTwoNamingIt()
    {
        var configuration = SampleOutcome.Configured(("ViberMessaging:SmsClub:Token", "secret"));

        var outcome = await SampleOutcome.RunAsync((output, error) => StatusTrackingSample.RunAsync(
            ["--id", "SmsClub:1", "--id", "Devino:3158611117333282816"], output, error, configuration));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Devino", outcome.Error, StringComparison.Ordinal);
        outcome.AssertNoStackTrace();
    }

    [Fact]
    public async Task RunAsync_ConfiguredWithoutIds_AsksForThem()
    {
        var configuration = SampleOutcome.Configured(("ViberMessaging:SmsClub:Token", "secret"));

        var outcome = await SampleOutcome.RunAsync((output, error) => StatusTrackingSample.RunAsync([], output, error, configuration));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--id", outcome.Error, StringComparison.Ordinal);
        outcome.AssertNoStackTrace();
    }

    [Fact]
    public async Task RunAsync_MalformedIdInTheFile_NamesTheLine()
    {
        var file = Path.Combine(_directory, "bad.txt");
        await File.WriteAllLinesAsync(file, ["SmsClub:5769", "5770"]);

        var outcome = await SampleOutcome.RunAsync((output, error) => StatusTrackingSample.RunAsync([file], output, error, SampleOutcome.NoConfiguration));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("line 2", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("'5770'", outcome.Error, StringComparison.Ordinal);
        outcome.AssertNoStackTrace();
    }

    [Fact]
    public async Task RunAsync_Help_DescribesTheOptionsAndExitsZero()
    {
        var outcome = await SampleOutcome.RunAsync((output, error) => StatusTrackingSample.RunAsync(["--help"], output, error, SampleOutcome.NoConfiguration));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("--batch-size", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("--interval", outcome.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--batch-size", "0", "--batch-size")]
    [InlineData("--interval", "0", "--interval")]
    [InlineData("--id", "Viber:1", "Viber")]
    [InlineData("missing.txt", null, "missing.txt")]
    public async Task RunAsync_BadArgument_ExitsTwoWithAOneLineReason(string argument, string? value, string named)
    {
        string[] args = value is null ? [Path.Combine(_directory, argument)] : [argument, value];

        var outcome = await SampleOutcome.RunAsync((output, error) => StatusTrackingSample.RunAsync(args, output, error, SampleOutcome.NoConfiguration));

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("error: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(named, outcome.Error, StringComparison.Ordinal);
        outcome.AssertNoStackTrace();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Sends a text to each phone through the SDK, as an app that stored the ids would have.</summary>
    private static async Task<MessageId[]> SendAsync(ViberEmulator emulator, string provider, params string[] phones)
    {
        var services = new ServiceCollection();
        services.AddViberMessaging().AddSmsClub().AddDevino().UseEmulator(emulator);
        await using var container = services.BuildServiceProvider();
        var sent = await container.GetRequiredKeyedService<IViberSender>(provider).SendAsync(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = phones.Select(PhoneNumber.Parse).ToArray(),
            Text = "Your parcel is on its way.",
        });
        return sent.MessageIds.ToArray();
    }
}
