using Spectre.Console;

namespace ViberMessaging.Cli.Commands;

/// <summary>
/// Reports a send (a message, or a chat reply) and chooses its exit code: 0 every recipient accepted, 3 some provably
/// not sent, 4 some may have been sent (never retried automatically: the user checks the status first), 130 interrupted.
/// </summary>
internal static class SendReport
{
    private const string UnknownAdvice = "may have been sent: check it with `viber status` before sending again (it is not retried automatically).";

    public static async Task<int> SendAsync(CliOutput output, string provider, Func<CancellationToken, Task<SendResult>> send, IReadOnlyList<PhoneNumber> recipients, CancellationToken cancellationToken)
    {
        SendResult result;
        try
        {
            result = await send(cancellationToken).ConfigureAwait(false);
        }
        catch (SendCanceledException e)
        {
            // The request was written when Ctrl+C came: the provider may have it.
            return e.Result is { } partial
                ? Write(output, partial, ExitCodes.Interrupted)
                : Failed(output, provider, e.Recipients.Count > 0 ? e.Recipients : recipients, ExitCodes.Interrupted, SendOutcome.Unknown, ViberErrorCode.Cancelled, "interrupted while the request was in flight");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Failed(output, provider, recipients, ExitCodes.Interrupted, SendOutcome.NotSent, ViberErrorCode.Cancelled, "interrupted before the request was written");
        }
        catch (ViberMessagingException e) when (e is not ViberValidationException)
        {
            var code = e.Outcome == SendOutcome.NotSent ? ExitCodes.NotSent : ExitCodes.Unknown;
            return Failed(output, provider, e.Recipients.Count > 0 ? e.Recipients : recipients, code, e.Outcome, e.ErrorCode, e.Message);
        }

        return Write(output, result, ExitCodes.Ok);
    }

    private static int Write(CliOutput output, SendResult result, int floor)
    {
        var exit = floor;
        var rows = result.Recipients.Select(r =>
        {
            var outcome = r.Status switch
            {
                RecipientStatus.Accepted => SendOutcome.Accepted,
                RecipientStatus.Rejected => SendOutcome.NotSent,
                _ => r.Error?.Outcome ?? SendOutcome.Unknown,
            };
            exit = ExitCodes.Worst(exit, outcome switch
            {
                SendOutcome.Accepted => ExitCodes.Ok,
                SendOutcome.NotSent => ExitCodes.NotSent,
                _ => ExitCodes.Unknown,
            });
            var detail = r.Status switch
            {
                RecipientStatus.Accepted => null,
                RecipientStatus.Rejected => $"{r.Reason}{(r.ProviderCode is { } code ? $" (provider code {code})" : string.Empty)}",
                _ => r.Error?.Message,
            };
            return new Row(r.Recipient.ToString(), r.Status.ToString(), outcome, r.MessageId?.ToString(), r.ChatId, r.Error?.ErrorCode.ToString(), detail);
        }).ToArray();
        return Emit(output, result.ProviderName, rows, exit);
    }

    private static int Failed(CliOutput output, string provider, IReadOnlyList<PhoneNumber> recipients, int exit, SendOutcome outcome, ViberErrorCode error, string message)
    {
        var rows = recipients.Select(r => new Row(r.ToString(), nameof(RecipientStatus.Failed), outcome, null, null, error.ToString(), message)).ToArray();
        if (rows.Length == 0)
        {
            rows = [new Row(null, nameof(RecipientStatus.Failed), outcome, null, null, error.ToString(), message)];
        }

        return Emit(output, provider, rows, exit);
    }

    private static int Emit(CliOutput output, string provider, Row[] rows, int exit)
    {
        // Warnings go to standard error in every mode: with --json, standard output stays one document.
        foreach (var row in rows.Where(r => r.Outcome == SendOutcome.Unknown))
        {
            output.Error.WriteLine($"warning: {row.Recipient ?? "the message"} {UnknownAdvice}");
        }

        if (exit == ExitCodes.Interrupted)
        {
            output.Error.WriteLine("interrupted (Ctrl+C).");
        }

        if (output.Json)
        {
            output.WriteJson(new { provider, exitCode = exit, recipients = rows });
            return exit;
        }

        var table = new Table().AddColumns("Recipient", "Status", "Outcome", "Message id", "Chat id", "Detail");
        foreach (var row in rows)
        {
            table.AddRow(
                Formats.Escape(row.Recipient ?? "—"),
                row.Outcome == SendOutcome.Accepted ? $"[green]{row.Status}[/]" : $"[red]{row.Status}[/]",
                row.Outcome.ToString(),
                Formats.Escape(row.MessageId ?? "—"),
                Formats.Escape(row.ChatId ?? "—"),
                Formats.Escape(row.Detail ?? string.Empty));
        }

        output.Console.MarkupLine($"Sent through [blue]{Formats.Escape(provider)}[/]:");
        output.Console.Write(table);
        return exit;
    }

    /// <summary>One recipient's outcome, as printed and as written with <c>--json</c>.</summary>
    private sealed record Row(string? Recipient, string Status, SendOutcome Outcome, string? MessageId, string? ChatId, string? Error, string? Detail);
}
