using System.Text.RegularExpressions;
using ViberMessaging.Cli.Tests.TestSupport;

namespace ViberMessaging.Cli.Tests;

/// <summary>
/// The help text, compared with the checked-in Snapshots/*.txt: a change to a command's options or wording shows in
/// review. After an intended change, run with VIBER_UPDATE_SNAPSHOTS=1 and commit the files. The provider list
/// (<see cref="ViberProviders.All"/>) stands as <c>{providers}</c>, its sentence on one line, so that a provider added to
/// the manifest changes no snapshot.
/// </summary>
public sealed partial class HelpSnapshotTests
{
    [Theory]
    [InlineData("help.txt", new[] { "--help" })]
    [InlineData("send-help.txt", new[] { "send", "--help" })]
    [InlineData("campaign-run-help.txt", new[] { "campaign", "run", "--help" })]
    public async Task Help_MatchesSnapshot(string snapshot, string[] args)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync(args);

        Assert.Equal(0, result.ExitCode);
        var path = Path.Combine(CliRunner.SourceDirectory(), "Snapshots", snapshot);
        var actual = WithProviderPlaceholder(result.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (Environment.GetEnvironmentVariable("VIBER_UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, actual);
        }

        Assert.Equal(await File.ReadAllTextAsync(path), actual);
    }

    [Fact]
    public void WithProviderPlaceholder_ReplacesTheWrappedListAndJoinsItsSentence()
    {
        var help = $"  -p, --provider <provider>  The provider to use: {string.Join(",\n    ", ViberProviders.All)}. Default: \n                             the only one.\n  --next  Other.\n";

        Assert.Equal("  -p, --provider <provider>  The provider to use: {providers}. Default: the only one.\n  --next  Other.\n", WithProviderPlaceholder(help));
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("sned");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--help", result.Error, StringComparison.Ordinal);
    }

    /// <summary>The help with the provider list replaced by <c>{providers}</c> and the rest of its option's description unwrapped.</summary>
    private static string WithProviderPlaceholder(string help)
    {
        var list = string.Join(@",\s+", ViberProviders.All.Select(Regex.Escape));
        var replaced = Regex.Replace(help, $@"The provider to use: {list}\.(?<rest>[^\n]*(?:\n {{10,}}[^\n]*)*)", m => "The provider to use: {providers}." + Continuation().Replace(m.Groups["rest"].Value, " "));
        Assert.DoesNotContain(ViberProviders.All[^1] + ".", replaced, StringComparison.Ordinal);
        return replaced;
    }

    /// <summary>A line break and the next line's indentation (with the trailing space before it).</summary>
    [GeneratedRegex(@" *\n +")]
    private static partial Regex Continuation();
}
