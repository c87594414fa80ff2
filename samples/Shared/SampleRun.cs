using System.CommandLine;
using Microsoft.Extensions.Options;

namespace ViberMessaging.Samples;

/// <summary>The exit codes every sample uses.</summary>
internal static class ExitCodes
{
    /// <summary>Everything the sample set out to do was done.</summary>
    public const int Success = 0;

    /// <summary>The sample ran, but something failed: a send, a delivery, a provider call, a deadline.</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments, input or configuration: the sample stopped before sending anything.</summary>
    public const int UsageError = 2;

    /// <summary>Ctrl+C (or a time limit the user set) stopped the run early; what was done is reported.</summary>
    public const int Cancelled = 130;
}

/// <summary>A mistake the user can fix (an argument, a file, a setting): reported in one line, never with a stack trace.</summary>
internal sealed class SampleUsageException(string message) : Exception(message);

/// <summary>Where a sample writes and reads, and whether it owns the process (and so handles Ctrl+C and SIGTERM).</summary>
internal sealed record SampleIO(TextWriter Output, TextWriter Error, TextReader Input, bool OwnsProcess)
{
    /// <summary>The real console, for <c>Main</c>.</summary>
    public static SampleIO Console => new(System.Console.Out, System.Console.Error, System.Console.In, OwnsProcess: true);
}

/// <summary>Runs a sample's command line: parse errors and user mistakes become one-line messages and an exit code.</summary>
internal static class SampleRun
{
    /// <summary>An option of whole seconds, from 1 to a day, whose range the parser checks.</summary>
    public static Option<int> SecondsOption(string name, string description, int defaultSeconds = 60)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultSeconds,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValue(option) is < 1 or > 86_400)
            {
                result.AddError($"{name} must be between 1 and 86400 seconds.");
            }
        });
        return option;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command's action.</summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, SampleIO io, CancellationToken cancellationToken)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await io.Error.WriteLineAsync($"error: {error.Message}");
            }

            await io.Error.WriteLineAsync("Run with --help to see the options.");
            return ExitCodes.UsageError;
        }

        return await parse.InvokeAsync(
            new InvocationConfiguration
            {
                Output = io.Output,
                Error = io.Error,

                // Only a process's own Main handles Ctrl+C and SIGTERM: they then cancel the action's token, and the
                // sample has this long to report what it did before the process is ended.
                ProcessTerminationTimeout = io.OwnsProcess ? TimeSpan.FromSeconds(10) : null,
            },
            cancellationToken);
    }

    /// <summary>
    /// Runs a sample's work, turning what a user can cause (bad input, bad configuration, a provider refusing the
    /// credentials, Ctrl+C) into one line on the error writer and an exit code. Bugs keep their stack traces.
    /// </summary>
    public static async Task<int> GuardAsync(TextWriter error, Func<Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await work();
        }
        catch (SampleUsageException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await error.WriteLineAsync($"configuration error: {failure}");
            }

            return ExitCodes.UsageError;
        }
        catch (ViberValidationException e)
        {
            foreach (var rule in e.Errors)
            {
                await error.WriteLineAsync($"error: invalid {rule.Field}: {rule.Message}");
            }

            return ExitCodes.UsageError;
        }
        catch (ViberMessagingException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.");
            return ExitCodes.Cancelled;
        }
    }
}
