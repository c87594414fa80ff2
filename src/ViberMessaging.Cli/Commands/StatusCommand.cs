using System.CommandLine;
using Spectre.Console;

namespace ViberMessaging.Cli.Commands;

/// <summary><c>viber status &lt;id&gt;...</c>: the delivery status of sent messages, by the ids <c>viber send</c> printed.</summary>
internal static class StatusCommand
{
    public static Command Create(ViberCliContext context)
    {
        var ids = new Argument<string[]>("id")
        {
            Description = "Message ids as `viber send` prints them (Provider:Value, e.g. SmsClub:5769); each is asked of its own provider.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("status", "Show the delivery status of sent messages.") { ids };
        CommandRunner.SetAction(command, context, async (parse, output, cancellationToken) =>
        {
            var parsed = parse.GetValue(ids)!.Select(text => MessageId.TryParse(text, out var id) ? id
                : throw new CliUsageException($"id: '{text}' is not a message id; expected Provider:Value, e.g. SmsClub:5769.")).ToArray();
            await using var session = await CliSession.StartAsync(parse, context, output, [], null, cancellationToken).ConfigureAwait(false);
            var byProvider = parsed.GroupBy(id => CliConfiguration.Canonical(id.Provider)).ToArray();
            foreach (var group in byProvider)
            {
                if (!session.Configured.Contains(group.Key))
                {
                    throw new CliUsageException($"{group.Key} is not configured, so its ids cannot be looked up (set ViberMessaging:{group.Key}:…, or add --emulator).");
                }
            }

            session.EnsureValid();
            var reports = new List<DeliveryReport>();
            foreach (var group in byProvider)
            {
                reports.AddRange(await session.Get<IStatusQuery>(group.Key).GetStatusesAsync(group, cancellationToken).ConfigureAwait(false));
            }

            var rows = reports.Select(r => new
            {
                messageId = r.MessageId.ToString(),
                status = r.Status,
                isFinal = r.IsFinal,
                viberStatus = r.ViberStatus,
                smsStatus = r.SmsStatus,
                deliveredVia = r.DeliveredVia,
                failureReason = r.FailureReason == DeliveryFailureReason.None ? (DeliveryFailureReason?)null : r.FailureReason,
                recipient = r.Recipient?.ToString(),
                statusAt = Formats.Iso(r.StatusAt),
                rawStatus = r.RawStatus,
                error = r.Error?.Message,
            }).ToArray();
            var exit = rows.Any(r => r.error is not null) ? ExitCodes.Failed : ExitCodes.Ok;
            if (output.Json)
            {
                output.WriteJson(new { exitCode = exit, statuses = rows });
                return exit;
            }

            var table = new Table().AddColumns("Message id", "Status", "Viber", "SMS", "Via", "Reason", "At", "Raw");
            foreach (var row in rows)
            {
                table.AddRow(
                    Formats.Escape(row.messageId),
                    Formats.Escape(row.status + (row.isFinal ? " (final)" : string.Empty)),
                    row.viberStatus.ToString(),
                    row.smsStatus?.ToString() ?? "—",
                    row.deliveredVia?.ToString() ?? "—",
                    Formats.Escape(row.error ?? row.failureReason?.ToString() ?? string.Empty),
                    Formats.Escape(row.statusAt ?? "—"),
                    Formats.Escape(row.rawStatus ?? string.Empty));
            }

            output.Console.Write(table);
            return exit;
        });
        return command;
    }
}
