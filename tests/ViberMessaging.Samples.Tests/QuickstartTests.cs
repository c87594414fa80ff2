using ViberMessaging.Samples.Tests.TestSupport;
using ViberMessaging.Testing;
using QuickstartSample = ViberMessaging.Samples.Quickstart.Program;

namespace ViberMessaging.Samples.Tests;

public sealed class QuickstartTests
{
    [Fact]
    public async Task RunAsync_NothingConfigured_DeliversThroughAllFourProvidersOnTheEmulator()
    {
        var outcome = await SampleOutcome.RunAsync((output, error) => QuickstartSample.RunAsync([], output, error, SampleOutcome.NoConfiguration));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(outcome.Error);
        Assert.Contains("using the embedded emulator", outcome.Output, StringComparison.Ordinal);
        foreach (var provider in ViberProviders.All)
        {
            var row = Assert.Single(outcome.Rows(provider));
            Assert.StartsWith(provider + ":", row[2], StringComparison.Ordinal);
            Assert.Matches("^(Delivered|Read)", row[3]);
        }

        // Devino's recipient is scripted without Viber: the SMS fallback delivers.
        var devino = Assert.Single(outcome.Rows(ViberProviders.Devino));
        Assert.Equal(["Sms", "Delivered"], devino[4..6]);
        Assert.Equal("Viber", Assert.Single(outcome.Rows(ViberProviders.SmsClub))[4]);
        Assert.Contains($"All {ViberProviders.All.Count} messages delivered.", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OneProviderConfigured_SendsOnlyThroughItAndItReceivesTheRichMessage()
    {
        await using var provider = await ViberEmulator.StartAsync();
        var configuration = SampleEmulator.ConfigurationFor(provider, ViberProviders.SmsClub);

        var outcome = await SampleOutcome.RunAsync((output, error) =>
            QuickstartSample.RunAsync(["--to", "+380 67 111 22 33", "--image-url", "https://example.com/a.png"], output, error, configuration));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Using the real API of: SmsClub", outcome.Output, StringComparison.Ordinal);
        Assert.Single(outcome.Rows(ViberProviders.SmsClub));
        Assert.Empty(outcome.Rows(ViberProviders.Devino));
        var sent = Assert.Single(provider.AcceptedMessages(ViberProviders.SmsClub));
        Assert.Equal("380671112233", sent.Recipient);
        Assert.Equal("https://example.com/a.png", sent.ImageUrl);
        Assert.Equal("Track order", sent.ButtonCaption);
        Assert.False(string.IsNullOrEmpty(sent.SmsText));
        Assert.Contains($"SmsClub:{sent.Id}", outcome.Output, StringComparison.Ordinal);
        Assert.Empty(provider.RequestsTo(ViberProviders.Devino));
    }

    [Fact]
    public async Task RunAsync_ProviderConfiguredWithoutTo_AsksForTheRecipientInOneLine()
    {
        var configuration = SampleOutcome.Configured(("ViberMessaging:SmsClub:Token", "secret"));

        var outcome = await SampleOutcome.RunAsync((output, error) => QuickstartSample.RunAsync([], output, error, configuration));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--to", outcome.Error, StringComparison.Ordinal);
        Assert.Single(outcome.Error.Trim().Split('\n'));
        outcome.AssertNoStackTrace();
    }

    [Fact]
    public async Task RunAsync_UnknownConfigurationKey_NamesTheKeyWithoutAStackTrace()
    {
        var configuration = SampleOutcome.Configured(("ViberMessaging:SmsClub:Tokn", "secret"));

        var outcome = await SampleOutcome.RunAsync((output, error) => QuickstartSample.RunAsync(["--to", "+380501234567"], output, error, configuration));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("configuration error: ViberMessaging:SmsClub:Tokn is not a known setting; did you mean Token?", outcome.Error, StringComparison.Ordinal);
        outcome.AssertNoStackTrace();
    }

    [Fact]
    public async Task RunAsync_InvalidOptionValue_ReportsTheSettingWithoutAStackTrace()
    {
        var configuration = SampleOutcome.Configured(("ViberMessaging:Devino:Login", "shop"), ("ViberMessaging:Devino:BaseAddress", "ftp://devino"));

        var outcome = await SampleOutcome.RunAsync((output, error) => QuickstartSample.RunAsync(["--to", "+79161234567"], output, error, configuration));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("ViberMessaging:Devino:BaseAddress", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("Password", outcome.Error, StringComparison.Ordinal);
        outcome.AssertNoStackTrace();
    }

    [Fact]
    public async Task RunAsync_CredentialsTheProviderRefuses_ReportsUnauthorizedAndExitsOne()
    {
        await using var provider = await ViberEmulator.StartAsync();
        var configuration = SampleOutcome.Configured(
            ("ViberMessaging:SmsClub:Token", "not-the-token"),
            ("ViberMessaging:SmsClub:BaseAddress", provider.GetBaseAddress(ViberProviders.SmsClub).AbsoluteUri));

        var outcome = await SampleOutcome.RunAsync((output, error) => QuickstartSample.RunAsync(["--to", "+380501234567"], output, error, configuration));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("Unauthorized", Assert.Single(outcome.Rows(ViberProviders.SmsClub))[3]);
        Assert.DoesNotContain("not-the-token", outcome.Output + outcome.Error, StringComparison.Ordinal);
        outcome.AssertNoStackTrace();
    }

    [Fact]
    public async Task RunAsync_Help_DescribesTheOptionsAndExitsZero()
    {
        var outcome = await SampleOutcome.RunAsync((output, error) => QuickstartSample.RunAsync(["--help"], output, error, SampleOutcome.NoConfiguration));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("--to", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("--timeout", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded emulator at", outcome.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--to", "12")]
    [InlineData("--timeout", "0")]
    [InlineData("--image-url", "ftp://example.com/a.png")]
    [InlineData("--no-such-option", "1")]
    public async Task RunAsync_BadArgument_ExitsTwoWithAOneLineReason(string option, string value)
    {
        var outcome = await SampleOutcome.RunAsync((output, error) => QuickstartSample.RunAsync([option, value], output, error, SampleOutcome.NoConfiguration));

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("error: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(option, outcome.Error, StringComparison.Ordinal);
        Assert.Empty(outcome.Output);
        outcome.AssertNoStackTrace();
    }

    [Fact]
    public async Task Main_RunAsTheReadmeRunsIt_PrintsDeliveredForAllFourAndExitsZero()
    {
        // The README's first command is `dotnet run --project samples/Quickstart`: here the same program, built, as its
        // own process, with none of this machine's ViberMessaging settings and outside Development (no user secrets).
        using var process = SampleProcess.Start("ViberMessaging.Samples.Quickstart");
        var outcome = await process.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(outcome.ExitCode == 0, $"exit code {outcome.ExitCode}\n{outcome.Output}\n{outcome.Error}");
        Assert.Equal(ViberProviders.All.Count, ViberProviders.All
            .Count(p => outcome.Rows(p) is [[_, _, _, var status, ..]] && (status.StartsWith("Delivered", StringComparison.Ordinal) || status.StartsWith("Read", StringComparison.Ordinal))));
        Assert.Contains($"All {ViberProviders.All.Count} messages delivered.", outcome.Output, StringComparison.Ordinal);
    }
}
