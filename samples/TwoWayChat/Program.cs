// A two-way Viber chat: open it with a message, watch the replies come in, answer in the chat.
//
//   dotnet run --project samples/TwoWayChat                        SMS Club on the embedded emulator (it scripts a reply)
//   dotnet run --project samples/TwoWayChat -- --provider SmsBy --interactive
using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ViberMessaging.Samples.TwoWayChat;

public static class Program
{
    /// <summary>
    /// The providers whose chats can be read and answered: those whose registration includes <see cref="IViberChats"/>
    /// (asked of the container without resolving anything, so no credentials are needed).
    /// </summary>
    private static readonly Lazy<string[]> ChatProviders = new(() =>
    {
        var builder = new ServiceCollection().AddViberMessaging();
        foreach (var provider in ViberProviders.All)
        {
            builder.AddProvider(provider);
        }

        using var services = builder.Services.BuildServiceProvider();
        return ViberProviders.All.Where(provider => Offers<IViberChats>(services, provider)).ToArray();
    });

    private static string ChatChoices => string.Join(" or ", ChatProviders.Value);

    public static Task<int> Main(string[] args) => RunAsync(args, SampleIO.Console, configuration: null, CancellationToken.None);

    /// <summary>Runs the chat with its output going to the given writers (what the sample tests call).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the conversation goes.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="input">Where <c>--interactive</c> reads the answers from.</param>
    /// <param name="configuration">The configuration to use instead of appsettings.json, user secrets and environment variables.</param>
    /// <param name="cancellationToken">Ends the chat as Ctrl+C would.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader? input = null, IConfiguration? configuration = null, CancellationToken cancellationToken = default)
        => RunAsync(args, new SampleIO(output, error, input ?? TextReader.Null, OwnsProcess: false), configuration, cancellationToken);

    private static Task<int> RunAsync(string[] args, SampleIO io, IConfiguration? configuration, CancellationToken cancellationToken)
    {
        var provider = new Option<string>("--provider")
        {
            Description = $"The provider whose chats to use: {ChatChoices} (the others keep no chats: they post replies to your callback URL, or have no two-way chats).",
            DefaultValueFactory = _ => ViberProviders.SmsClub,
        };
        provider.Validators.Add(result =>
        {
            var name = result.GetValue(provider);
            if (!SampleConfiguration.Providers.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"--provider must be {ChatChoices}.");
            }
        });
        var to = new Option<string?>("--to")
        {
            Description = "Who to chat with (E.164). Required with a real provider; against the emulator a test number.",
        };
        to.Validators.Add(result =>
        {
            if (result.GetValue(to) is { } value && !PhoneNumber.TryParse(value, out _))
            {
                result.AddError($"--to: '{value}' is not a phone number; give it with its country code, e.g. +380501234567.");
            }
        });
        var sender = new Option<string>("--sender")
        {
            Description = "The sender name registered with the provider.",
            DefaultValueFactory = _ => "MyShop",
        };
        var text = new Option<string>("--text")
        {
            Description = "The message that opens the chat.",
            DefaultValueFactory = _ => "Hi! Your order #1042 is ready for pickup. Any questions? Just reply here.",
        };
        var answer = new Option<string>("--answer")
        {
            Description = "What to answer the first reply with (without --interactive).",
            DefaultValueFactory = _ => "You're welcome! We are open 9:00–20:00. See you soon.",
        };
        var interactive = new Option<bool>("--interactive")
        {
            Description = "Type the answers yourself: each line is sent into the chat; an empty line ends it.",
        };
        var wait = SampleRun.SecondsOption("--wait", "How many seconds to wait for a reply.");

        var root = new RootCommand(
            "Opens a two-way Viber chat with a message, shows the replies as they arrive and answers in the chat. "
            + "Against the emulator the recipient replies by script.")
        {
            provider, to, sender, text, answer, interactive, wait,
        };
        root.SetAction((parse, token) => SampleRun.GuardAsync(
            io.Error,
            () => ChatAsync(
                io,
                configuration,
                new ChatSettings(
                    SampleConfiguration.Canonical(parse.GetValue(provider)!),
                    parse.GetValue(to) is { } phone ? PhoneNumber.Parse(phone) : null,
                    parse.GetValue(sender)!,
                    parse.GetValue(text)!,
                    parse.GetValue(answer)!,
                    parse.GetValue(interactive),
                    TimeSpan.FromSeconds(parse.GetValue(wait))),
                token),
            token));
        return SampleRun.InvokeAsync(root, args, io, cancellationToken);
    }

    private static async Task<int> ChatAsync(SampleIO io, IConfiguration? configuration, ChatSettings settings, CancellationToken cancellationToken)
    {
        var console = SampleConsole.Create(io.Output);
        configuration ??= SampleConfiguration.Load(typeof(Program).Assembly);
        var name = settings.Provider;
        await using var setup = await ProviderSetup.StartAsync(configuration, [name], settings.Sender, cancellationToken);
        await using var services = setup.BuildServices();
        var sender = ProviderSetup.Resolve<IViberSender>(services, name);
        if (!Offers<IViberChats>(services, name))
        {
            // What the provider offers instead, from its registration and capabilities: replies posted to a callback URL, or none.
            throw new SampleUsageException(sender.Capabilities.SupportsTwoWay && Offers<IViberCallbackReader>(services, name)
                ? $"--provider: {name} keeps no chats to read: it posts each reply to your callback URL (read it with {nameof(IViberCallbackReader)}). Use {ChatChoices}."
                : $"--provider: {name} has no two-way chats. Use {ChatChoices}.");
        }

        if (setup.Emulator is { } emulator)
        {
            console.MarkupLineInterpolated($"{name} is not configured: using the embedded emulator at [blue]{emulator.BaseAddress}[/]; the recipient replies by script.");
        }
        else if (settings.To is null)
        {
            throw new SampleUsageException($"{name} is configured, so the chat goes to a real phone: give it with --to (e.g. --to +380501234567).");
        }

        var to = settings.To ?? SamplePhones.For(name, 7_654_321);
        var chats = ProviderSetup.Resolve<IViberChats>(services, name);
        var poll = setup.Emulator is null ? TimeSpan.FromSeconds(3) : TimeSpan.FromMilliseconds(200);

        // Open the chat: a message sent with TwoWay = OpenChat comes back with the chat's id.
        var opened = await sender.SendAsync(
            new ViberMessage { Sender = settings.Sender, Recipients = [to], Text = settings.Text, TwoWay = TwoWayOptions.OpenChat },
            cancellationToken);
        if (opened.Recipients[0] is not { ChatId: { } chatId })
        {
            var recipient = opened.Recipients[0];
            console.MarkupLineInterpolated($"[red]{name} did not open a chat with {to}: {recipient.Status} {recipient.Reason} {recipient.Error?.Message}[/]");
            return ExitCodes.Failure;
        }

        console.MarkupLineInterpolated($"Chat [blue]{chatId}[/] opened with {to} through {name}.");
        Show(console, "→", settings.Text);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var replies = 0;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(settings.Wait);
            try
            {
                while (replies == 0)
                {
                    await Task.Delay(poll, deadline.Token);
                    replies += await ShowNewAsync(console, chats, chatId, seen, deadline.Token);
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                console.MarkupLineInterpolated($"[yellow]No reply within {settings.Wait.TotalSeconds:0} s.[/]");
                return ExitCodes.Failure;
            }
        }

        if (!settings.Interactive)
        {
            await ReplyAsync(console, chats, chatId, settings.Answer, cancellationToken);
        }
        else
        {
            console.MarkupLine("[grey]Type an answer and press Enter to send it; an empty line ends the chat.[/]");
            while (await io.Input.ReadLineAsync(cancellationToken) is { Length: > 0 } line)
            {
                await ReplyAsync(console, chats, chatId, line, cancellationToken);
                await ShowNewAsync(console, chats, chatId, seen, cancellationToken);
            }
        }

        // The chat as the provider keeps it now.
        var transcript = new Table().AddColumns("", "When", "Text").Title($"Chat {chatId}");
        await foreach (var message in chats.GetMessagesAsync(chatId, cancellationToken))
        {
            transcript.AddRow(
                message.Direction == ChatMessageDirection.Incoming ? "←" : "→",
                Markup.Escape(message.Timestamp?.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture) ?? "—"),
                Markup.Escape(message.Text));
        }

        if (string.Equals(name, ViberProviders.SmsBy, StringComparison.Ordinal))
        {
            transcript.Caption("SMS.by keeps a mailing's unread replies, not a conversation: answers are new quick messages.");
        }

        console.Write(transcript);
        return ExitCodes.Success;
    }

    /// <summary>Prints the chat's messages not shown yet; returns how many of them are incoming.</summary>
    private static async Task<int> ShowNewAsync(IAnsiConsole console, IViberChats chats, string chatId, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var incoming = 0;
        await foreach (var message in chats.GetMessagesAsync(chatId, cancellationToken))
        {
            var key = message.ProviderMessageId ?? $"{message.Direction}|{message.Timestamp:O}|{message.Text}";
            if (message.Direction != ChatMessageDirection.Incoming || !seen.Add(key))
            {
                continue;
            }

            incoming++;
            Show(console, "←", message.Text);
        }

        return incoming;
    }

    private static async Task ReplyAsync(IAnsiConsole console, IViberChats chats, string chatId, string text, CancellationToken cancellationToken)
    {
        var sent = await chats.ReplyAsync(chatId, text, cancellationToken);
        if (sent.AcceptedCount == 0)
        {
            var failure = sent.Recipients.Count > 0 ? sent.Recipients[0] : null;
            console.MarkupLineInterpolated($"[red]The answer was not accepted: {failure?.Status} {failure?.Reason} {failure?.Error?.Message}[/]");
            return;
        }

        Show(console, "→", text);
    }

    /// <summary>Whether the provider's registration includes <typeparamref name="TService"/> (resolves nothing).</summary>
    private static bool Offers<TService>(IServiceProvider services, string provider)
        => services.GetRequiredService<IServiceProviderIsKeyedService>().IsKeyedService(typeof(TService), provider);

    private static void Show(IAnsiConsole console, string arrow, string text)
        => console.MarkupLineInterpolated($"  [bold]{arrow}[/] {text}");

    private sealed record ChatSettings(string Provider, PhoneNumber? To, string Sender, string Text, string Answer, bool Interactive, TimeSpan Wait);
}
