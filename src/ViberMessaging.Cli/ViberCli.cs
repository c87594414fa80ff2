using System.CommandLine;
using System.CommandLine.Help;
using ViberMessaging.Cli.Commands;

namespace ViberMessaging.Cli;

/// <summary>The <c>viber</c> command: its entry point, and the same entry point with its console and environment given.</summary>
public static class ViberCli
{
    /// <summary>Runs <c>viber</c> in this process: the real console, environment and working directory; Ctrl+C and SIGTERM stop it.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code (see <c>docs/cli.md</c>).</returns>
    public static Task<int> Main(string[] args) => RunAsync(args, new ViberCliContext(), CancellationToken.None);

    /// <summary>Runs <c>viber</c> with <paramref name="args"/> against the given console and environment (what the tests call).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="context">Where output goes and where configuration comes from.</param>
    /// <param name="cancellationToken">Stops the command as Ctrl+C would.</param>
    /// <returns>The exit code: 0 ok, 1 a provider call failed, 2 usage or validation, 3 not sent, 4 unknown outcome, 130 interrupted.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, ViberCliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var root = CreateCommand(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await context.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync("Run with --help to see the options.").ConfigureAwait(false);
            if (args.Contains("--json", StringComparer.Ordinal))
            {
                new CliOutput(context, json: true).WriteJson(new { error = new { kind = "usage", messages = parse.Errors.Select(e => e.Message).ToArray() }, exitCode = ExitCodes.Usage });
            }

            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(
            new InvocationConfiguration
            {
                Output = context.Output,
                Error = context.Error,

                // Only a process's own entry point handles Ctrl+C and SIGTERM: they cancel the command's token, and the
                // command has this long to journal and report what it did.
                ProcessTerminationTimeout = context.OwnsProcess ? TimeSpan.FromSeconds(10) : null,
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The command tree (named <c>viber</c> whatever the executable's name, so help reads the same everywhere).</summary>
    internal static Command CreateCommand(ViberCliContext context)
    {
        var root = new Command("viber", "Send Viber messages, follow their statuses, run CSV campaigns, read chats and run the provider emulator, with the ViberMessaging SDK.")
        {
            new HelpOption(),
            new VersionOption(),
            GlobalOptions.Provider,
            GlobalOptions.Config,
            GlobalOptions.Emulator,
            GlobalOptions.Json,
        };
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help })
            {
                // Fixed, so help reads the same in a terminal, a pipe and the snapshot test.
                help.MaxWidth = 120;
            }
        }

        root.Subcommands.Add(SendCommand.Create(context));
        root.Subcommands.Add(StatusCommand.Create(context));
        root.Subcommands.Add(CampaignCommand.Create(context));
        root.Subcommands.Add(ChatsCommand.Create(context));
        root.Subcommands.Add(BalanceCommand.Create(context));
        root.Subcommands.Add(ProvidersCommand.Create(context));
        root.Subcommands.Add(EmulatorCommand.Create(context));
        root.Subcommands.Add(ConfigCommand.Create(context));
        return root;
    }
}
