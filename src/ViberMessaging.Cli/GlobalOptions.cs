using System.CommandLine;

namespace ViberMessaging.Cli;

/// <summary>The options every command takes (declared once on <c>viber</c>, recursive).</summary>
internal static class GlobalOptions
{
    public static Option<string?> Provider { get; } = new("--provider", "-p")
    {
        Description = $"The provider to use: {string.Join(", ", ViberProviders.All)}. Default: ViberMessaging:DefaultProvider, or the only one configured.",
        Recursive = true,
    };

    public static Option<FileInfo?> Config { get; } = new("--config")
    {
        Description = "A JSON configuration file read after appsettings.json, user secrets and environment variables (it wins).",
        Recursive = true,
    };

    public static Option<bool> Emulator { get; } = new("--emulator")
    {
        Description = "Run against an embedded provider emulator on loopback instead of the configured APIs: nothing real is sent.",
        Recursive = true,
    };

    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Write one JSON document to standard output instead of tables.",
        Recursive = true,
    };
}
