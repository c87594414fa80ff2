using System.CommandLine;
using Microsoft.Extensions.Options;

namespace ViberMessaging.Cli;

/// <summary>
/// Runs a command's work, turning what a user can cause (bad input, bad configuration, a provider's refusal, Ctrl+C)
/// into one line (or, with <c>--json</c>, a JSON error document) and an exit code. Bugs keep their stack traces.
/// </summary>
internal static class CommandRunner
{
    public static void SetAction(Command command, ViberCliContext context, Func<ParseResult, CliOutput, CancellationToken, Task<int>> work)
        => command.SetAction((parse, cancellationToken) => RunAsync(parse, context, work, cancellationToken));

    private static async Task<int> RunAsync(ParseResult parse, ViberCliContext context, Func<ParseResult, CliOutput, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        var output = new CliOutput(context, parse.GetValue(GlobalOptions.Json));
        try
        {
            return await work(parse, output, cancellationToken).ConfigureAwait(false);
        }
        catch (CliUsageException e)
        {
            return Fail(output, ExitCodes.Usage, "usage", [e.Message]);
        }
        catch (OptionsValidationException e)
        {
            return Fail(output, ExitCodes.Usage, "configuration", [.. e.Failures]);
        }
        catch (ViberValidationException e)
        {
            return Fail(output, ExitCodes.Usage, "validation", [.. e.Errors.Select(r => $"{r.Field}: {r.Message} ({r.Rule})")]);
        }
        catch (ViberMessagingException e)
        {
            return Fail(output, ExitCodes.Failed, e.ErrorCode.ToString(), [e.Message]);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(output, ExitCodes.Interrupted, "interrupted", ["interrupted (Ctrl+C)."]);
        }
        finally
        {
            await output.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await output.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Reports a failure on the error writer (and as the JSON document with <c>--json</c>); returns <paramref name="exitCode"/>.</summary>
    public static int Fail(CliOutput output, int exitCode, string kind, IReadOnlyList<string> messages)
    {
        foreach (var message in messages)
        {
            output.Error.WriteLine($"error: {message}");
        }

        if (output.Json)
        {
            output.WriteJson(new { error = new { kind, messages }, exitCode });
        }

        return exitCode;
    }
}
