using ViberMessaging.Cli.Tests.TestSupport;

namespace ViberMessaging.Cli.Tests;

/// <summary>
/// The help text, compared with the checked-in Snapshots/*.txt: a change to a command's options or wording shows in
/// review. After an intended change, run with VIBER_UPDATE_SNAPSHOTS=1 and commit the files.
/// </summary>
public sealed class HelpSnapshotTests
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
        var actual = result.Output.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("VIBER_UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, actual);
        }

        Assert.Equal(await File.ReadAllTextAsync(path), actual);
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("sned");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--help", result.Error, StringComparison.Ordinal);
    }
}
