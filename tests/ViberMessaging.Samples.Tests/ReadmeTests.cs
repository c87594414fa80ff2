using System.Text.RegularExpressions;
using ViberMessaging.Samples.Tests.TestSupport;

namespace ViberMessaging.Samples.Tests;

/// <summary>The README cannot rot: its code is the samples' code, its commands are CI's, its links resolve.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = RepositoryFiles.Read("README.md");

    [Fact]
    public void Readme_QuickstartCode_IsTheQuickstartSamplesRegion()
    {
        var sample = RepositoryFiles.Region("samples/Quickstart/Program.cs", "README quickstart");

        Assert.Equal(sample, RepositoryFiles.CodeBlockAfter(Readme, "README quickstart"));
        Assert.InRange(sample.Split('\n').Length, 3, 10);
    }

    [Fact]
    public void Readme_QuickstartCode_IsWhatThePackageSmokeTestRuns()
    {
        // .ci/run packs the packages and runs this consumer against them (see CONTRIBUTING.md).
        var consumer = RepositoryFiles.Region("tests/PackageSmoke/Consumer/Program.cs", "README quickstart");

        Assert.Equal(consumer, RepositoryFiles.CodeBlockAfter(Readme, "README quickstart"));
    }

    [Fact]
    public void Readme_EmulatorExample_IsTheTestThatRuns()
    {
        var test = RepositoryFiles.Region("tests/ViberMessaging.Samples.Tests/ReadmeEmulatorExampleTests.cs", "README emulator");

        Assert.Equal(test, RepositoryFiles.CodeBlockAfter(Readme, "README emulator"));
    }

    [Fact]
    public void Readme_Message_IsTheOneEveryProviderAcceptsInItsTest()
    {
        var test = RepositoryFiles.Region("tests/ViberMessaging.Samples.Tests/ReadmeMessageTests.cs", "README message");

        Assert.Equal(test, RepositoryFiles.CodeBlockAfter(Readme, "README message"));
    }

    [Fact]
    public void Readme_FreshMachine_HasExactlyTheRunAndTestCommands()
    {
        var section = Section("Two commands on a fresh machine");
        var commands = CodeBlocks(section).First().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["dotnet run --project samples/Quickstart", "dotnet test"], commands);
    }

    [Fact]
    public void Readme_TestCommand_IsWhatCiRuns()
    {
        // CI runs `dotnet test` over the one solution at the root: what `dotnet test` finds there on its own.
        var ci = RepositoryFiles.Read(".ci/run");

        Assert.Matches(@"(?m)^dotnet test ViberMessaging\.sln\b", ci);
        Assert.Single(Directory.GetFiles(RepositoryFiles.Root, "*.sln").Concat(Directory.GetFiles(RepositoryFiles.Root, "*.slnx")));
        Assert.Contains("dotnet test", Readme, StringComparison.Ordinal);
        Assert.Contains("dotnet run", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_EverySample_IsListedAndInTheSolution()
    {
        var solution = RepositoryFiles.Read("ViberMessaging.sln");
        var samples = Directory.GetDirectories(Path.Combine(RepositoryFiles.Root, "samples"))
            .Where(dir => Directory.GetFiles(dir, "*.csproj").Length > 0)
            .Select(Path.GetFileName)
            .ToArray();

        Assert.Contains("Quickstart", samples);
        Assert.All(samples, name =>
        {
            Assert.Contains($"(samples/{name}/Program.cs)", Readme, StringComparison.Ordinal);
            Assert.Contains($@"samples\{name}\", solution, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Readme_RelativeLinks_PointAtFilesThatExist()
    {
        var links = RelativeLink().Matches(Readme).Select(m => m.Groups["path"].Value).Distinct().ToArray();

        Assert.NotEmpty(links);
        Assert.All(links, path =>
            Assert.True(File.Exists(Path.Combine(RepositoryFiles.Root, path)) || Directory.Exists(Path.Combine(RepositoryFiles.Root, path)), $"README links to '{path}', which does not exist."));
    }

    private static string Section(string heading)
    {
        var start = Readme.IndexOf("## " + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no '## {heading}' section.");
        var end = Readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return Readme[start..(end < 0 ? Readme.Length : end)];
    }

    private static IEnumerable<string> CodeBlocks(string markdown)
        => FencedBlock().Matches(markdown).Select(m => m.Groups["body"].Value.Trim('\n'));

    [GeneratedRegex(@"\]\((?!https?:|#|mailto:)(?<path>[^)#\s]+)(#[^)]*)?\)")]
    private static partial Regex RelativeLink();

    [GeneratedRegex(@"```[a-z]*\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
