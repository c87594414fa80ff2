using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>The providers whose registration has no <see cref="IViberChats"/>, as the SDK registers them.</summary>
    public static TheoryData<string> ProvidersWithoutChats() => new(WithoutChats());

    [Theory]
    [MemberData(nameof(ProvidersWithoutChats))]
    public async Task RunAsync_ProviderWithoutChats_ExitsTwoSayingWhyAndSendsNothing(string provider)
    {
        // What the provider offers instead, read from the SDK: replies posted to a callback URL (two-way messages and a
        // callback reader), or no two-way chats at all.
        await using var emulator = await ViberEmulator.StartAsync();
        await using var services = EveryProvider(b => b.UseEmulator(emulator));
        var postsReplies = services.GetRequiredKeyedService<IViberSender>(provider).Capabilities.SupportsTwoWay
            && services.GetRequiredService<IServiceProviderIsKeyedService>().IsKeyedService(typeof(IViberCallbackReader), provider);

        var outcome = await SampleOutcome.RunAsync((output, error) =>
            TwoWayChatSample.RunAsync(["--provider", provider], output, error, configuration: SampleEmulator.ConfigurationFor(emulator, provider)));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(postsReplies ? "posts each reply to your callback URL" : "has no two-way chats", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(provider, outcome.Error, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestsTo(provider));
        outcome.AssertNoStackTrace();
    }

    [Fact]
    public async Task RunAsync_ProviderWithoutChats_BothReasonsAreShownToday()
    {
        // Today one provider posts replies to a callback URL and one has no two-way chats: both messages are reachable.
        var reasons = new List<string>();
        foreach (var provider in WithoutChats())
        {
            var outcome = await SampleOutcome.RunAsync((output, error) =>
                TwoWayChatSample.RunAsync(["--provider", provider], output, error, configuration: SampleOutcome.NoConfiguration));
            reasons.Add(outcome.Error.Contains("callback URL", StringComparison.Ordinal) ? "callback" : "none");
        }

        Assert.Contains("callback", reasons);
        Assert.Contains("none", reasons);
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

    private static string[] WithoutChats()
    {
        using var services = EveryProvider(configure: null);
        var keyed = services.GetRequiredService<IServiceProviderIsKeyedService>();
        return ViberProviders.All.Where(p => !keyed.IsKeyedService(typeof(IViberChats), p)).ToArray();
    }

    private static ServiceProvider EveryProvider(Action<IViberMessagingBuilder>? configure)
    {
        var builder = new ServiceCollection().AddViberMessaging();
        foreach (var provider in ViberProviders.All)
        {
            builder.AddProvider(provider);
        }

        configure?.Invoke(builder);
        return builder.Services.BuildServiceProvider();
    }
}
