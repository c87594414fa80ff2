using Microsoft.Extensions.Configuration;

namespace ViberMessaging.Samples.Tests.TestSupport;

/// <summary>What a sample printed and returned.</summary>
public sealed record SampleOutcome(int ExitCode, string Output, string Error)
{
    /// <summary>An empty configuration: the samples' own sources (environment variables, user secrets) stay out of the tests.</summary>
    public static IConfiguration NoConfiguration { get; } = new ConfigurationBuilder().Build();

    /// <summary>Runs a sample's <c>RunAsync</c> with captured output.</summary>
    public static async Task<SampleOutcome> RunAsync(Func<TextWriter, TextWriter, Task<int>> run)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await run(output, error);
        return new SampleOutcome(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Configuration from key/value pairs.</summary>
    public static IConfiguration Configured(params (string Key, string? Value)[] values)
        => new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    /// <summary>The rows of a Spectre table whose first cell is <paramref name="firstCell"/>, split into trimmed cells.</summary>
    public IReadOnlyList<string[]> Rows(string firstCell)
        => Output.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.StartsWith('│'))
            .Select(line => line.Trim('│').Split('│').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells[0] == firstCell)
            .ToArray();

    /// <summary>The value cell of a two-column (key, value) table row.</summary>
    public string Value(string key) => Assert.Single(Rows(key))[1];

    /// <summary>Asserts the run did not print a stack trace anywhere.</summary>
    public void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", Output + Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", Output + Error, StringComparison.Ordinal);
    }
}
