// The main job in one command: send a Viber message through each provider and watch it get delivered.
//
//   dotnet run --project samples/Quickstart
//       No configuration: starts the embedded emulator and sends through every provider.
//   ViberMessaging__SmsClub__Token=… dotnet run --project samples/Quickstart -- --to +380501234567
//       A provider configured: the same code talks to its real API, and only the configured providers run.
using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using ViberMessaging.Testing;

namespace ViberMessaging.Samples.Quickstart;

public static class Program
{
    private static readonly Uri SampleImage = new("https://example.com/images/order-1042.png");
    private static readonly ViberButton TrackButton = new("Track order", new Uri("https://example.com/orders/1042"));
    private const string Text = "Your order #1042 has shipped. Track it with the button below.";
    private const string SmsText = "Your order #1042 has shipped: https://example.com/orders/1042";

    public static Task<int> Main(string[] args) => RunAsync(args, SampleIO.Console, configuration: null, CancellationToken.None);

    /// <summary>Runs the quickstart with its output going to the given writers (what the sample tests call).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the table goes.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="configuration">The configuration to use instead of appsettings.json, user secrets and environment variables.</param>
    /// <param name="cancellationToken">Stops the run as Ctrl+C would.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null, CancellationToken cancellationToken = default)
        => RunAsync(args, new SampleIO(output, error, TextReader.Null, OwnsProcess: false), configuration, cancellationToken);

    private static Task<int> RunAsync(string[] args, SampleIO io, IConfiguration? configuration, CancellationToken cancellationToken)
    {
        var to = new Option<string?>("--to")
        {
            Description = "The recipient (E.164, e.g. +380501234567). Required with a real provider; against the emulator each provider gets a test number in its region.",
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
            Description = "The sender name registered with the provider (SMS.by: a name mapped in ViberMessaging:SmsBy:ViberSenders, or the numeric id).",
            DefaultValueFactory = _ => "MyShop",
        };
        var image = new Option<string?>("--image-url")
        {
            Description = "A public image to show above the button. Default: a sample image against the emulator, none with a real provider (it fetches the image).",
        };
        image.Validators.Add(result =>
        {
            if (result.GetValue(image) is { } value && HttpUrl(value) is null)
            {
                result.AddError($"--image-url: '{value}' is not an absolute http(s) URL.");
            }
        });
        var timeout = SampleRun.SecondsOption("--timeout", "How many seconds to follow the statuses before giving up.");

        var root = new RootCommand(
            "Sends one Viber message (text, image, button, SMS fallback where the provider supports them) through each provider "
            + "and follows its delivery status until it is final. With no provider configured, everything runs on the embedded emulator.")
        {
            to, sender, image, timeout,
        };
        root.SetAction((parse, token) => SampleRun.GuardAsync(
            io.Error,
            () => QuickstartAsync(
                io,
                configuration,
                parse.GetValue(to) is { } phone ? PhoneNumber.Parse(phone) : null,
                parse.GetValue(sender)!,
                parse.GetValue(image) is { } url ? HttpUrl(url) : null,
                TimeSpan.FromSeconds(parse.GetValue(timeout)),
                token),
            token));
        return SampleRun.InvokeAsync(root, args, io, cancellationToken);
    }

    private static async Task<int> QuickstartAsync(
        SampleIO io,
        IConfiguration? configuration,
        PhoneNumber? to,
        string sender,
        Uri? image,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var console = SampleConsole.Create(io.Output);
        configuration ??= SampleConfiguration.Load(typeof(Program).Assembly);
        await using var setup = await ProviderSetup.StartAsync(configuration, SampleConfiguration.Providers, sender, cancellationToken);
        TimeSpan pollInterval;
        if (setup.Emulator is { } emulator)
        {
            console.MarkupLineInterpolated($"No provider configured: using the embedded emulator at [blue]{emulator.BaseAddress}[/].");
            console.MarkupLine("[grey]Configure one (e.g. ViberMessaging__SmsClub__Token) to use its real API instead; see README.md.[/]");

            // The emulator plays the network too: this recipient has no Viber, so the SMS fallback delivers.
            emulator.ScriptRecipient(Recipient(ViberProviders.Devino, to).ToString(), RecipientBehavior.NotViberUser);
            image ??= SampleImage;
            pollInterval = TimeSpan.FromMilliseconds(200);
        }
        else
        {
            if (to is null)
            {
                throw new SampleUsageException(
                    $"{string.Join(", ", setup.Providers)} {(setup.Providers.Count == 1 ? "is" : "are")} configured, so the quickstart sends real messages: "
                    + "give the recipient with --to (a phone you own, e.g. --to +380501234567).");
            }

            console.MarkupLineInterpolated($"Using the real API of: [blue]{string.Join(", ", setup.Providers)}[/] (configured under ViberMessaging:<Provider>).");
            pollInterval = TimeSpan.FromSeconds(3);
        }

        // Every provider's configuration is checked before the first message goes anywhere.
        await using (var services = setup.BuildServices())
        {
            foreach (var name in setup.Providers)
            {
                ProviderSetup.Resolve<IViberSender>(services, name);
            }
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var runs = setup.Providers.Select(name =>
        {
            var message = Compose(name, Recipient(name, to), sender, image);
            return SendAndFollowAsync(setup.Configuration, name, message, pollInterval, deadline.Token, cancellationToken);
        });
        var rows = await Task.WhenAll(runs);
        cancellationToken.ThrowIfCancellationRequested();

        var table = new Table().AddColumns("Provider", "Recipient", "Message id", "Status", "Channel", "SMS fallback");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.Provider),
                Markup.Escape(row.Recipient),
                Markup.Escape(row.MessageId),
                $"[{(row.Delivered ? "green" : "red")}]{Markup.Escape(row.Status)}[/]",
                Markup.Escape(row.Channel),
                Markup.Escape(row.Fallback));
        }

        console.Write(table);
        var delivered = rows.Count(r => r.Delivered);
        if (delivered == rows.Length)
        {
            console.MarkupLineInterpolated($"[green]All {rows.Length} messages delivered.[/]");
            return ExitCodes.Success;
        }

        foreach (var row in rows.Where(r => r.Problem is not null))
        {
            console.MarkupLineInterpolated($"[red]{row.Provider}[/]: {row.Problem}");
        }

        console.MarkupLineInterpolated($"[red]{rows.Length - delivered} of {rows.Length} messages not delivered.[/]");
        return ExitCodes.Failure;
    }

    /// <summary>Sends one message through one provider and follows its status until it is final or the deadline passes.</summary>
    private static async Task<QuickstartRow> SendAndFollowAsync(
        IConfiguration configuration,
        string name,
        ViberMessage message,
        TimeSpan pollInterval,
        CancellationToken deadline,
        CancellationToken cancellationToken)
    {
        try
        {
            // A real app registers once at start-up and injects IViberSender where it sends; the quickstart builds one
            // container per provider only so that these lines are exactly the README's.
            #region README quickstart
            var services = new ServiceCollection();
            services.AddViberMessaging(configuration)      // ViberMessaging:SmsClub:Token, … from appsettings.json, env vars, user secrets
                .AddSmsClub().AddDevino().AddDecisionTelecom().AddSmsBy();
            await using var provider = services.BuildServiceProvider();

            var sender = provider.GetRequiredKeyedService<IViberSender>(name);     // "SmsClub", "Devino", "DecisionTelecom", "SmsBy"
            SendResult sent = await sender.SendAsync(message, cancellationToken);   // validated first, paced, never sent twice
            var statuses = provider.GetRequiredKeyedService<IStatusQuery>(name);
            IReadOnlyList<DeliveryReport> reports = await statuses.GetStatusesAsync(sent.MessageIds, cancellationToken);
            #endregion

            var recipient = sent.Recipients[0];
            if (recipient.MessageId is not { } id)
            {
                var why = recipient.Error?.Message ?? $"{recipient.Status}: {recipient.Reason}";
                return QuickstartRow.Failed(name, message, recipient.Status.ToString(), why);
            }

            var report = reports[0];
            try
            {
                while (!IsSettled(report, message))
                {
                    await Task.Delay(pollInterval, deadline);
                    report = report.Merge((await statuses.GetStatusesAsync([id], deadline))[0]);
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return QuickstartRow.From(name, message, id, report, "no final status before --timeout");
            }

            return QuickstartRow.From(name, message, id, report, problem: null);
        }
        catch (ViberMessagingException e) when (e is not ViberValidationException)
        {
            // The exception's message starts with "[Provider]"; the row already says which provider.
            return QuickstartRow.Failed(name, message, e.ErrorCode.ToString(), e.Message.Replace($"[{name}] ", string.Empty, StringComparison.Ordinal));
        }
        catch (ViberValidationException e)
        {
            return QuickstartRow.Failed(name, message, "Invalid", string.Join("; ", e.Errors.Select(r => $"{r.Field}: {r.Message}")));
        }
    }

    /// <summary>
    /// Final, and — when Viber failed but an SMS fallback was asked for and the provider reports SMS — the SMS has
    /// settled too (a report can show Viber's failure a moment before the SMS appears).
    /// </summary>
    private static bool IsSettled(DeliveryReport report, ViberMessage message)
        => report.IsFinal && !(message.SmsFallback is not null && report.DeliveredVia is null && report.SmsStatus is null
            && report.ViberStatus is DeliveryStatus.Undeliverable or DeliveryStatus.Expired && ReportsSms(report.MessageId.Provider));

    /// <summary>SMS.by forwards the SMS itself and reports only the Viber status.</summary>
    private static bool ReportsSms(string provider) => !string.Equals(provider, ViberProviders.SmsBy, StringComparison.OrdinalIgnoreCase);

    private static Uri? HttpUrl(string value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    private static PhoneNumber Recipient(string provider, PhoneNumber? to) => to ?? SamplePhones.For(provider, 1_234_567);

    /// <summary>
    /// One message per provider, as rich as the provider allows: text + image + button + SMS fallback where it can.
    /// </summary>
    private static ViberMessage Compose(string provider, PhoneNumber to, string sender, Uri? image) => provider switch
    {
        // SMS Club: picture and button only together (ProviderCapabilities.ButtonRequiresImage); the SMS goes out under
        // its own sender name (≤ 11) if Viber cannot deliver.
        // Devino: the "button" content type carries text, image and button; the SMS is re-sent from smsSrcAddress.
        ViberProviders.SmsClub or ViberProviders.Devino => new ViberMessage
        {
            Sender = sender,
            Recipients = [to],
            Text = Text,
            ImageUrl = image,
            Button = image is null && provider == ViberProviders.SmsClub ? null : TrackButton,
            SmsFallback = new SmsFallback(SmsText) { Sender = sender },
        },

        // DecisionTelecom: an image and a button make a promotional message, and the SMS fallback (one segment, no
        // sender of its own, 40 s for Viber first) goes only with a transactional one, which is text: this is Viber + SMS.
        ViberProviders.DecisionTelecom => new ViberMessage
        {
            Sender = sender,
            Recipients = [to],
            Text = Text,
            SmsFallback = new SmsFallback(SmsText),
        },

        // SMS.by: forwards the Viber text itself as the SMS, after 5–60 minutes; senders are ids mapped from names.
        ViberProviders.SmsBy => new ViberMessage
        {
            Sender = sender,
            Recipients = [to],
            Text = Text,
            ImageUrl = image,
            Button = TrackButton,
            SmsFallback = new SmsFallback(Text) { TimeToLive = TimeSpan.FromMinutes(5) },
        },

        // Any other provider: the plain text message every provider sends.
        _ => new ViberMessage { Sender = sender, Recipients = [to], Text = Text },
    };

    private sealed record QuickstartRow(string Provider, string Recipient, string MessageId, string Status, string Channel, string Fallback, bool Delivered, string? Problem)
    {
        public static QuickstartRow From(string provider, ViberMessage message, MessageId id, DeliveryReport report, string? problem)
        {
            var status = report.Status.ToString();
            if (report.FailureReason != DeliveryFailureReason.None)
            {
                status += $" ({report.FailureReason})";
            }

            var fallback = message.SmsFallback is null ? "none"
                : report.SmsStatus is { } sms ? sms.ToString()
                : report.DeliveredVia == DeliveryChannel.Viber ? "not needed"
                : "standing by";
            var delivered = report.Status is DeliveryStatus.Delivered or DeliveryStatus.Read;
            return new QuickstartRow(
                provider,
                message.Recipients[0].ToString(),
                id.ToString(),
                status,
                report.DeliveredVia?.ToString() ?? "—",
                fallback,
                delivered,
                delivered ? null : problem ?? $"ended {status}");
        }

        public static QuickstartRow Failed(string provider, ViberMessage message, string status, string problem)
            => new(provider, message.Recipients[0].ToString(), "—", status, "—", message.SmsFallback is null ? "none" : "—", Delivered: false, problem);
    }
}
