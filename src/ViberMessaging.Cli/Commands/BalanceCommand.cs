using System.CommandLine;
using Spectre.Console;
using System.Globalization;

namespace ViberMessaging.Cli.Commands;

/// <summary><c>viber balance</c>: the account's balance, for providers that report one.</summary>
internal static class BalanceCommand
{
    public static Command Create(ViberCliContext context)
    {
        var command = new Command("balance", "Show the account balance (providers that report one).");
        CommandRunner.SetAction(command, context, async (parse, output, cancellationToken) =>
        {
            await using var session = await CliSession.StartAsync(parse, context, output, [], null, cancellationToken).ConfigureAwait(false);
            var provider = session.ChooseProvider(parse, p => session.Find<IBalanceQuery>(p) is not null, "a balance query");
            session.EnsureValid();
            var balance = await session.Get<IBalanceQuery>(provider).GetBalanceAsync(cancellationToken).ConfigureAwait(false);
            if (output.Json)
            {
                output.WriteJson(new { provider, amount = balance.Amount, currency = balance.Currency, exitCode = ExitCodes.Ok });
            }
            else
            {
                output.Console.MarkupLine($"[blue]{Formats.Escape(provider)}[/]: {balance.Amount.ToString("0.00##", CultureInfo.InvariantCulture)} {Formats.Escape(balance.Currency)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
