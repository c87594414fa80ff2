using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using ViberMessaging.Testing;

namespace ViberMessaging.Cli.Commands;

/// <summary><c>viber providers</c>: every provider, whether it is configured, and what it can send.</summary>
internal static class ProvidersCommand
{
    public static Command Create(ViberCliContext context)
    {
        var command = new Command("providers", "List the providers: configured or not, and their capabilities (the SDK's, for the configured options).");
        CommandRunner.SetAction(command, context, async (parse, output, cancellationToken) =>
        {
            await using var session = await CliSession.StartAsync(parse, context, output, [], null, cancellationToken).ConfigureAwait(false);

            // Capabilities are the clients' own: for a provider not configured, build its client against an emulator
            // that is never called, so the table is complete without credentials.
            var missing = ViberProviders.All.Except(session.Configured).ToArray();
            await using var stand = missing.Length > 0 ? await ViberEmulator.StartAsync(new ViberEmulatorOptions(), cancellationToken).ConfigureAwait(false) : null;
            ServiceProvider? defaults = null;
            if (stand is not null)
            {
                var services = new ServiceCollection();
                var builder = services.AddViberMessaging(CliConfiguration.ForEmulator(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), stand, []));
                foreach (var provider in missing)
                {
                    builder.AddProvider(provider);
                }

                defaults = services.BuildServiceProvider();
            }

            await using (defaults)
            {
                var rows = ViberProviders.All.Select(name =>
                {
                    var configured = session.Configured.Contains(name);
                    var services = configured ? session.Services : defaults!;
                    var c = services.GetRequiredKeyedService<IViberSender>(name).Capabilities;
                    return new
                    {
                        name,
                        configured,
                        maxRecipientsPerRequest = c.MaxRecipientsPerRequest,
                        maxTextLength = c.MaxTextLength,
                        maxSenderLength = c.MaxSenderLength,
                        image = c.SupportsImage,
                        button = c.SupportsButton,
                        buttonRequiresImage = c.ButtonRequiresImage,
                        smsFallback = c.SupportsSmsFallback,
                        scheduling = c.SupportsScheduling,
                        priority = c.SupportsPriority,
                        callbackUrl = c.SupportsCallbackUrl,
                        chats = services.GetKeyedService<IViberChats>(name) is not null,
                        balance = services.GetKeyedService<IBalanceQuery>(name) is not null,
                    };
                }).ToArray();
                if (output.Json)
                {
                    output.WriteJson(new { exitCode = ExitCodes.Ok, providers = rows });
                    return ExitCodes.Ok;
                }

                var table = new Table().AddColumns("Provider", "Configured", "Recipients/request", "Text", "Sender", "Image", "Button", "SMS fallback", "Schedule", "Priority", "Callback", "Chats", "Balance");
                foreach (var r in rows)
                {
                    table.AddRow(
                        r.name,
                        r.configured ? "[green]yes[/]" : "no",
                        Formats.Count(r.maxRecipientsPerRequest),
                        Formats.Count(r.maxTextLength),
                        Formats.Count(r.maxSenderLength),
                        Yes(r.image),
                        r.button ? (r.buttonRequiresImage ? "with image" : "yes") : "—",
                        Yes(r.smsFallback),
                        Yes(r.scheduling),
                        Yes(r.priority),
                        Yes(r.callbackUrl),
                        Yes(r.chats),
                        Yes(r.balance));
                }

                output.Console.Write(table);
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static string Yes(bool value) => value ? "yes" : "—";
}
