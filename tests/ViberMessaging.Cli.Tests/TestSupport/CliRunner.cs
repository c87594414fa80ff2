using System.Text.Json;
using ViberMessaging.Testing;

namespace ViberMessaging.Cli.Tests.TestSupport;

/// <summary>What one run of <c>viber</c> printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output as the JSON document <c>--json</c> promises (parsing fails the test otherwise).</summary>
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs <c>viber</c> in process through <see cref="ViberCli.RunAsync"/>, with captured output, its own working directory and environment.</summary>
internal sealed class CliRunner : IDisposable
{
    public CliRunner(IReadOnlyDictionary<string, string>? environment = null)
    {
        WorkingDirectory = Path.Combine(Path.GetTempPath(), "viber-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkingDirectory);
        Environment = environment ?? new Dictionary<string, string>();
    }

    public string WorkingDirectory { get; }

    public IReadOnlyDictionary<string, string> Environment { get; set; }

    /// <summary>Whether the run reads user secrets (off by default: a developer's own secrets must not change a test).</summary>
    public bool UseUserSecrets { get; init; }

    /// <summary>The environment variables that point every provider at <paramref name="emulator"/>, as a user would set them.</summary>
    public static Dictionary<string, string> EnvironmentFor(ViberEmulator emulator)
    {
        var variables = new Dictionary<string, string>
        {
            ["ViberMessaging__SmsClub__Pacing__SafetyMargin"] = "00:00:00.100",
            ["ViberMessaging__SmsBy__ViberSenders__MyShop"] = "101",
        };
        foreach (var provider in emulator.Providers)
        {
            foreach (var (key, value) in emulator.GetConfiguration(provider))
            {
                variables[$"ViberMessaging__{provider}__{key.Replace(":", "__", StringComparison.Ordinal)}"] = value;
            }
        }

        return variables;
    }

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, output: null, CancellationToken.None);

    public async Task<CliResult> RunAsync(string[] args, TextWriter? output, CancellationToken cancellationToken)
    {
        var stdout = output ?? new StringWriter();
        var stderr = new StringWriter();
        var context = new ViberCliContext
        {
            Output = stdout,
            Error = stderr,
            WorkingDirectory = WorkingDirectory,
            EnvironmentVariables = Environment,
            UseUserSecrets = UseUserSecrets,
            OwnsProcess = false,
        };
        var exit = await ViberCli.RunAsync(args, context, cancellationToken);
        return new CliResult(exit, stdout.ToString()!, stderr.ToString());
    }

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(WorkingDirectory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>
    /// This test project's source directory (for the help snapshots and the tool's project): found upwards from the
    /// test assembly as the folder holding ViberMessaging.sln. Not [CallerFilePath]: a CI build maps source paths to
    /// "/_/" (deterministic builds), which is no path on disk.
    /// </summary>
    public static string SourceDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ViberMessaging.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "ViberMessaging.Cli.Tests");
            }
        }

        throw new InvalidOperationException("ViberMessaging.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A captured writer that cancels a token the first time a line containing <paramref name="trigger"/> is written (Ctrl+C at a chosen moment).</summary>
internal sealed class CancelOnLineWriter(CancellationTokenSource cancel, string trigger) : StringWriter
{
    public override void Write(string? value)
    {
        base.Write(value);
        if (value is not null && value.Contains(trigger, StringComparison.Ordinal))
        {
            cancel.Cancel();
        }
    }
}
