using System.CommandLine;
using Spectre.Console;

namespace ViberMessaging.Cli.Commands;

/// <summary><c>viber chats list|show|reply</c>: two-way conversations, for providers with chats.</summary>
internal static class ChatsCommand
{
    private const string What = "chats";

    public static Command Create(ViberCliContext context)
    {
        var list = new Command("list", "List the chats.");
        CommandRunner.SetAction(list, context, async (parse, output, cancellationToken) =>
        {
            await using var session = await StartAsync(parse, context, output, cancellationToken).ConfigureAwait(false);
            var provider = Choose(session, parse);
            var chats = new List<ViberChat>();
            await foreach (var chat in session.Get<IViberChats>(provider).GetChatsAsync(cancellationToken).ConfigureAwait(false))
            {
                chats.Add(chat);
            }

            var rows = chats.Select(c => new { chatId = c.ChatId, recipient = c.Recipient?.ToString(), sender = c.Sender, createdAt = Formats.Iso(c.CreatedAt) }).ToArray();
            if (output.Json)
            {
                output.WriteJson(new { provider, exitCode = ExitCodes.Ok, chats = rows });
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Chat id", "Recipient", "Sender", "Created");
            foreach (var row in rows)
            {
                table.AddRow(Formats.Escape(row.chatId), Formats.Escape(row.recipient ?? "—"), Formats.Escape(row.sender ?? "—"), Formats.Escape(row.createdAt ?? "—"));
            }

            output.Console.MarkupLine($"{rows.Length} chat{(rows.Length == 1 ? string.Empty : "s")} at [blue]{Formats.Escape(provider)}[/]:");
            output.Console.Write(table);
            return ExitCodes.Ok;
        });

        var chatId = new Argument<string>("chat-id") { Description = "The chat's id, as `viber chats list` prints it." };
        var show = new Command("show", "Show a chat's messages, oldest first.") { chatId };
        CommandRunner.SetAction(show, context, async (parse, output, cancellationToken) =>
        {
            await using var session = await StartAsync(parse, context, output, cancellationToken).ConfigureAwait(false);
            var provider = Choose(session, parse);
            var messages = new List<ChatMessage>();
            await foreach (var message in session.Get<IViberChats>(provider).GetMessagesAsync(parse.GetValue(chatId)!, cancellationToken).ConfigureAwait(false))
            {
                messages.Add(message);
            }

            var rows = messages.Select(m => new
            {
                direction = m.Direction,
                text = m.Text,
                at = Formats.Iso(m.Timestamp),
                phone = m.Phone?.ToString(),
                providerMessageId = m.ProviderMessageId,
                inReplyTo = m.InReplyTo?.ToString(),
            }).ToArray();
            if (output.Json)
            {
                output.WriteJson(new { provider, chatId = parse.GetValue(chatId), exitCode = ExitCodes.Ok, messages = rows });
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("At", "", "Text");
            foreach (var row in rows)
            {
                table.AddRow(Formats.Escape(row.at ?? "—"), row.direction == ChatMessageDirection.Incoming ? "←" : "→", Formats.Escape(row.text));
            }

            output.Console.Write(table);
            return ExitCodes.Ok;
        });

        var replyTo = new Argument<string>("chat-id") { Description = "The chat's id, as `viber chats list` prints it." };
        var text = new Option<string>("--text") { Description = "The reply's text.", Required = true };
        var reply = new Command("reply", "Answer in a chat (a paid message: exit code 4 means it may have been sent, and it is not retried).") { replyTo, text };
        CommandRunner.SetAction(reply, context, async (parse, output, cancellationToken) =>
        {
            await using var session = await StartAsync(parse, context, output, cancellationToken).ConfigureAwait(false);
            var provider = Choose(session, parse);
            var chats = session.Get<IViberChats>(provider);
            var id = parse.GetValue(replyTo)!;
            var body = parse.GetValue(text)!;
            return await SendReport.SendAsync(output, provider, token => chats.ReplyAsync(id, body, token), [], cancellationToken).ConfigureAwait(false);
        });

        return new Command("chats", "Read and answer two-way chats (providers with chats).") { list, show, reply };
    }

    private static Task<CliSession> StartAsync(ParseResult parse, ViberCliContext context, CliOutput output, CancellationToken cancellationToken)
        => CliSession.StartAsync(parse, context, output, [], null, cancellationToken);

    private static string Choose(CliSession session, ParseResult parse)
    {
        var provider = session.ChooseProvider(parse, p => session.Find<IViberChats>(p) is not null, What);
        session.EnsureValid();
        return provider;
    }
}
