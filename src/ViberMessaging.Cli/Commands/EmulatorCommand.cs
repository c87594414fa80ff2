using System.CommandLine;
using ViberMessaging.Testing;

namespace ViberMessaging.Cli.Commands;

/// <summary><c>viber emulator</c>: the provider emulator as a standalone server on loopback, until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public static Command Create(ViberCliContext context)
    {
        var port = new Option<int>("--port")
        {
            Description = "The port to listen on (127.0.0.1 only); 0 picks a free one.",
            DefaultValueFactory = _ => 5080,
        };
        port.Validators.Add(r =>
        {
            if (r.GetValue(port) is < 0 or > 65535)
            {
                r.AddError("--port must be between 0 and 65535.");
            }
        });
        var command = new Command("emulator", "Run the provider emulator on 127.0.0.1 until Ctrl+C, and print the configuration that points an app (or viber) at it.") { port };
        CommandRunner.SetAction(command, context, async (parse, output, cancellationToken) =>
        {
            var options = new ViberEmulatorOptions { Port = parse.GetValue(port) };
            ViberEmulator emulator;
            try
            {
                emulator = await ViberEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new CliUsageException($"--port: cannot listen on 127.0.0.1:{options.Port}: {e.Message}");
            }

            await using (emulator.ConfigureAwait(false))
            {
                var providers = emulator.Providers.Select(p => new
                {
                    name = p,
                    baseAddress = emulator.GetBaseAddress(p).ToString(),
                    configuration = emulator.GetConfiguration(p).ToDictionary(kv => $"{CliConfiguration.Section}:{p}:{kv.Key}", kv => kv.Value),
                }).ToArray();
                if (output.Json)
                {
                    output.WriteJson(new { baseAddress = emulator.BaseAddress.ToString(), providers });
                }
                else
                {
                    output.Line($"ViberMessaging emulator listening on {emulator.BaseAddress}");
                    output.Line("Configuration that points an app (or viber) at it; as environment variables, ':' becomes '__':");
                    foreach (var provider in providers)
                    {
                        foreach (var (key, value) in provider.configuration)
                        {
                            output.Line($"  {key}={value}");
                        }
                    }

                    output.Line("Press Ctrl+C to stop.");
                }

                await output.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }

                output.Error.WriteLine($"Stopping. Requests received: {emulator.Requests.Count}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
