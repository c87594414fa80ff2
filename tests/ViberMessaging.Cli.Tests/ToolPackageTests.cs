using System.Diagnostics;
using System.Text.Json;
using ViberMessaging.Cli.Tests.TestSupport;

namespace ViberMessaging.Cli.Tests;

/// <summary>
/// The "done when": the packed tool installs with <c>dotnet tool install --add-source</c> and
/// <c>viber send --emulator</c> works from the installed command. Slow (pack + install): one test.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ToolPackageTests
{
    [Fact]
    public async Task PackedTool_InstallsAndSendsThroughTheEmbeddedEmulator()
    {
        using var cli = new CliRunner();
        var repository = Path.GetFullPath(Path.Combine(CliRunner.SourceDirectory(), "..", ".."));
        var packages = Path.Combine(cli.WorkingDirectory, "packages");
        var tools = Path.Combine(cli.WorkingDirectory, "tools");

        // Only the packed folder as a source: the install must not need any feed.
        var nugetConfig = cli.WriteFile("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{packages}" />
              </packageSources>
            </configuration>
            """);

        // The tool as this test run built it (building it again here would race the other test projects of a solution run).
        var pack = await RunAsync("dotnet", ["pack", Path.Combine(repository, "src", "ViberMessaging.Cli", "ViberMessaging.Cli.csproj"), "-c", Configuration, "--no-build", "-o", packages, "--nologo"], cli.WorkingDirectory);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.Single(Directory.GetFiles(packages, "ViberMessaging.Cli.*.nupkg"));

        var install = await RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", packages, "--configfile", nugetConfig, "--prerelease", "ViberMessaging.Cli"], cli.WorkingDirectory);
        Assert.True(install.ExitCode == 0, install.ToString());

        var viber = Path.Combine(tools, OperatingSystem.IsWindows() ? "viber.exe" : "viber");
        var send = await RunAsync(viber, ["send", "--emulator", "--to", "+380501234567", "--text", "Hello from the packed tool", "--json"], cli.WorkingDirectory);

        Assert.True(send.ExitCode == 0, send.ToString());
        using var json = JsonDocument.Parse(send.Output);
        Assert.Equal("Accepted", json.RootElement.GetProperty("recipients")[0].GetProperty("outcome").GetString());
        Assert.StartsWith("SmsClub:", json.RootElement.GetProperty("recipients")[0].GetProperty("messageId").GetString(), StringComparison.Ordinal);

        var usage = await RunAsync(viber, ["send", "--to", "x"], cli.WorkingDirectory);
        Assert.Equal(2, usage.ExitCode);
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static async Task<CliResult> RunAsync(string file, string[] args, string workingDirectory)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The tool's shim looks for the runtime where dotnet is installed.
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is null && Path.GetDirectoryName(Environment.ProcessPath) is { } root && File.Exists(Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet")))
        {
            start.Environment["DOTNET_ROOT"] = root;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
