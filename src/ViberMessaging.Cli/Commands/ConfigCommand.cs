using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace ViberMessaging.Cli.Commands;

/// <summary><c>viber config check</c>: validates the configuration as the SDK will read it, and prints every problem by path.</summary>
internal static class ConfigCommand
{
    public static Command Create(ViberCliContext context)
    {
        var check = new Command("check", "Validate the configuration (appsettings.json, user secrets, environment variables, --config) and print every problem by path. Values are never printed.");
        CommandRunner.SetAction(check, context, async (parse, output, cancellationToken) =>
        {
            await using var session = await CliSession.StartAsync(parse, context, output, [], null, cancellationToken).ConfigureAwait(false);
            var problems = session.Problems().ToList();
            if (session.Configured.Count == 0)
            {
                problems.Add($"{CliConfiguration.Section}: no provider is configured (set {CliConfiguration.Section}:<Provider>:…, e.g. the environment variable ViberMessaging__SmsClub__Token).");
            }

            var providers = ViberProviders.All.Select(p => new
            {
                name = p,
                configured = session.Configured.Contains(p),

                // Key names only: a value may be a credential.
                keys = session.Configuration.GetSection($"{CliConfiguration.Section}:{p}").AsEnumerable(makePathsRelative: true)
                    .Where(kv => kv.Value is not null).Select(kv => kv.Key).Order(StringComparer.OrdinalIgnoreCase).ToArray(),
            }).ToArray();
            var exit = problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Usage;
            if (output.Json)
            {
                output.WriteJson(new { valid = problems.Count == 0, exitCode = exit, providers, problems });
                return exit;
            }

            var table = new Table().AddColumns("Provider", "Configured", "Keys set (values not shown)");
            foreach (var p in providers)
            {
                table.AddRow(p.name, p.configured ? "[green]yes[/]" : "no", Formats.Escape(string.Join(", ", p.keys)));
            }

            output.Console.Write(table);
            if (problems.Count == 0)
            {
                output.Console.MarkupLine("[green]The configuration is valid.[/]");
            }
            else
            {
                output.Error.WriteLine($"{problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}:");
                foreach (var problem in problems)
                {
                    output.Error.WriteLine($"  {problem}");
                }
            }

            return exit;
        });
        return new Command("config", "Check the configuration.") { check };
    }
}
