using ViberMessaging.Samples.Tests.TestSupport;
using ViberMessaging.Testing;
using TwoWayChatSample = ViberMessaging.Samples.TwoWayChat.Program;

namespace ViberMessaging.Samples.Tests;

public sealed class TwoWayChatTests
{
    [Fact]
    public async Task RunAsync_SmsClubOnTheEmulator_ShowsTheScriptedReplyAndAnswersInTheChat()
    {
        var outcome = await SampleOutcome.RunAsync((output, error) =>
            TwoWayChatSample.RunAsync(["--answer", "See you at 5!"], output, error, configuration: SampleOutcome.NoConfiguration));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(outcome.Error);
        var lines = outcome.Output.Split('\n').Select(line => line.Trim()).ToList();
        var reply = lines.IndexOf("← Thanks, got it!");
        var answer = lines.IndexOf("→ See you at 5!");
        Assert.True(reply > 0 && answer > reply, outcome.Output);
        Assert.Equal(3, outcome.Rows("→").Count + outcome.Rows("←").Count);
    }

    [Fact]
    public async Task RunAsync_ConfiguredProvider_TheAnswerLandsInTheProvidersChat()
    {
        await using var provider = await ViberEmulator.StartAsync();

        var outcome = await SampleOutcome.RunAsync((output, error) => TwoWayChatSample.RunAsync(
            ["--to", "+380 50 765 43 21", "--answer", "See you at 5!"], output, error, configuration: SampleEmulator.ConfigurationFor(provider, ViberProviders.SmsClub)));

        Assert.Equal(0, outcome.ExitCode);
        var chat = Assert.Single(provider.Chats(ViberProviders.SmsClub));
        Assert.Equal("380507654321", chat.Recipient);
        var messages = chat.MessagesAt(DateTimeOffset.MaxValue);
        Assert.Equal([false, true, false], messages.Select(m => m.Incoming));
        Assert.Equal("See you at 5!", messages[2].Text);
        Assert.Contains($"Chat {chat.Id} opened", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SmsBy_ShowsTheReplyAndAnswers()
    {
        var outcome = await SampleOutcome.RunAsync((output, error) =>
            TwoWayChatSample.RunAsync(["--provider", "SmsBy"], output, error, configuration: SampleOutcome.NoConfiguration));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("← Thanks, got it!", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("→ You're welcome!", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Interactive_SendsEachTypedLineUntilAnEmptyOne()
    {
        using var input = new StringReader("Is parking free?\nThanks!\n\nnever sent\n");

        var outcome = await SampleOutcome.RunAsync((output, error) =>
            TwoWayChatSample.RunAsync(["--interactive"], output, error, input, SampleOutcome.NoConfiguration));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["→", "←", "→", "→"], outcome.Output.Split('\n').Where(line => line.StartsWith('│')).Select(line => line.Trim('│').Split('│')[0].Trim()).Where(cell => cell is "→" or "←"));
        Assert.Contains("Is parking free?", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("never sent", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoReplyWithinWait_SaysSoAndExitsOne()
    {
        await using var provider = await ViberEmulator.StartAsync(new ViberEmulatorOptions { AutoReply = false });

        var outcome = await SampleOutcome.RunAsync((output, error) => TwoWayChatSample.RunAsync(
            ["--to", "+380507654321", "--wait", "1"], output, error, configuration: SampleEmulator.ConfigurationFor(provider, ViberProviders.SmsClub)));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("No reply within 1 s.", outcome.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DecisionTelecom", "callback")]
    [InlineData("Devino", "no two-way chats")]
    public async Task RunAsync_ProviderWithoutChats_ExitsTwoSayingWhy(string provider, string reason)
    {
        var outcome = await SampleOutcome.RunAsync((output, error) =>
            TwoWayChatSample.RunAsync(["--provider", provider], output, error, configuration: SampleOutcome.NoConfiguration));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(reason, outcome.Error, StringComparison.Ordinal);
        outcome.AssertNoStackTrace();
    }

    [Fact]
    public async Task RunAsync_Help_DescribesTheOptionsAndExitsZero()
    {
        var outcome = await SampleOutcome.RunAsync((output, error) => TwoWayChatSample.RunAsync(["--help"], output, error, configuration: SampleOutcome.NoConfiguration));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("--interactive", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("--answer", outcome.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--to", "abc")]
    [InlineData("--wait", "0")]
    [InlineData("--provider", "Viber")]
    public async Task RunAsync_BadArgument_ExitsTwoWithAOneLineReason(string option, string value)
    {
        var outcome = await SampleOutcome.RunAsync((output, error) => TwoWayChatSample.RunAsync([option, value], output, error, configuration: SampleOutcome.NoConfiguration));

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("error: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(option, outcome.Error, StringComparison.Ordinal);
        outcome.AssertNoStackTrace();
    }
}
