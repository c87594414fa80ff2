// Follows stored message ids: polls their statuses in batches and prints every transition as it happens.
//
//   dotnet run --project samples/StatusTracking                  a demo batch on the embedded emulator, then tracks it
//   dotnet run --project samples/StatusTracking -- ids.txt       ids saved earlier (samples/BulkCampaign --save-ids)
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using ViberMessaging.Testing;

namespace ViberMessaging.Samples.StatusTracking;

public static class Program
{
    /// <summary>How the demo's recipients behave on the emulated network: one of each kind of ending.</summary>
    private static readonly RecipientBehavior[] DemoBehaviors =
        [RecipientBehavior.Reads, RecipientBehavior.Delivers, RecipientBehavior.NotViberUser, RecipientBehavior.BlocksSender];

    public static Task<int> Main(string[] args) => RunAsync(args, SampleIO.Console, configuration: null, CancellationToken.None);

    /// <summary>Runs the tracker with its output going to the given writers (what the sample tests call).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where transitions and the summary go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="configuration">The configuration to use instead of appsettings.json, user secrets and environment variables.</param>
    /// <param name="cancellationToken">Stops tracking as Ctrl+C would.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null, CancellationToken cancellationToken = default)
        => RunAsync(args, new SampleIO(output, error, TextReader.Null, OwnsProcess: false), configuration, cancellationToken);

    private static Task<int> RunAsync(string[] args, SampleIO io, IConfiguration? configuration, CancellationToken cancellationToken)
    {
        var file = new Argument<string?>("ids")
        {
            Description = "A file of message ids, one per line ('SmsClub:5769', as samples/BulkCampaign --save-ids writes them). "
                + "Without ids, against the emulator, a demo batch is sent first.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var ids = new Option<string[]>("--id")
        {
            Description = "A message id to track (repeatable), in addition to the file.",
            AllowMultipleArgumentsPerToken = true,
        };
        var batch = new Option<int>("--batch-size")
        {
            Description = "Ids per status query; the SDK splits a batch further into the provider's own request size.",
            DefaultValueFactory = _ => 100,
        };
        batch.Validators.Add(result =>
        {
            if (result.GetValue(batch) is < 1 or > 10_000)
            {
                result.AddError("--batch-size must be between 1 and 10000.");
            }
        });
        var interval = new Option<double?>("--interval")
        {
            Description = "Seconds between polls. Default: 0.25 against the emulator, 5 against real providers.",
        };
        interval.Validators.Add(result =>
        {
            if (result.GetValue(interval) is { } seconds && (seconds < 0.05 || seconds > 3600))
            {
                result.AddError("--interval must be between 0.05 and 3600 seconds.");
            }
        });
        var timeout = SampleRun.SecondsOption("--timeout", "Give up after this many seconds if some statuses are still not final.");

        var root = new RootCommand(
            "Polls the delivery statuses of stored message ids in batches and prints each transition as it happens, "
            + "until every status is final (delivered, read, or failed for good).")
        {
            file, ids, batch, interval, timeout,
        };
        root.SetAction((parse, token) => SampleRun.GuardAsync(
            io.Error,
            () => TrackAsync(
                io,
                configuration,
                ReadIds(parse.GetValue(file), parse.GetValue(ids) ?? []),
                parse.GetValue(batch),
                parse.GetValue(interval) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                TimeSpan.FromSeconds(parse.GetValue(timeout)),
                token),
            token));
        return SampleRun.InvokeAsync(root, args, io, cancellationToken);
    }

    private static async Task<int> TrackAsync(
        SampleIO io,
        IConfiguration? configuration,
        IReadOnlyList<MessageId> ids,
        int batchSize,
        TimeSpan? interval,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var console = SampleConsole.Create(io.Output);
        configuration ??= SampleConfiguration.Load(typeof(Program).Assembly);
        var wanted = ids.Count > 0 ? ids.Select(id => id.Provider).Distinct().ToArray() : SampleConfiguration.Providers;
        await using var setup = await ProviderSetup.StartAsync(configuration, wanted, "MyShop", cancellationToken, DemoEmulator());
        if (setup.Emulator is null && ids.Count == 0)
        {
            throw new SampleUsageException(
                $"{string.Join(", ", setup.Providers)} {(setup.Providers.Count == 1 ? "is" : "are")} configured: give the message ids to track, in a file (one per line, e.g. from samples/BulkCampaign --save-ids) or with --id.");
        }

        if (setup.Emulator is null && wanted.Except(setup.Providers).ToArray() is { Length: > 0 } missing)
        {
            throw new SampleUsageException(
                $"some ids belong to {string.Join(", ", missing)}, which {(missing.Length == 1 ? "is" : "are")} not configured "
                + $"(configured: {string.Join(", ", setup.Providers)}); add ViberMessaging:<Provider> settings for {(missing.Length == 1 ? "it" : "them")}.");
        }

        await using var services = setup.BuildServices();
        var queries = setup.Providers.ToDictionary(p => p, p => ProviderSetup.Resolve<IStatusQuery>(services, p), StringComparer.OrdinalIgnoreCase);
        var recipients = new Dictionary<MessageId, PhoneNumber>();
        if (setup.Emulator is { } emulator)
        {
            console.MarkupLineInterpolated($"No provider configured: using the embedded emulator at [blue]{emulator.BaseAddress}[/].");
            if (ids.Count == 0)
            {
                (ids, recipients) = await SendDemoAsync(console, services, emulator, cancellationToken);
            }
            else
            {
                console.MarkupLine("[yellow]This emulator has just started and never issued these ids: expect 'unknown'. To track ids across runs, run samples/Emulator and point ViberMessaging:<Provider>:BaseAddress at it.[/]");
            }
        }

        var pollEvery = interval ?? (setup.Emulator is null ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(250));
        console.MarkupLineInterpolated($"Tracking {ids.Count} message{(ids.Count == 1 ? string.Empty : "s")} in batches of up to {batchSize}, every {pollEvery.TotalSeconds:0.##} s.");

        var latest = new Dictionary<MessageId, DeliveryReport>();
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var open = ids.Where(id => !latest.TryGetValue(id, out var report) || !IsSettled(report)).ToArray();
                if (open.Length == 0)
                {
                    break;
                }

                foreach (var group in open.GroupBy(id => id.Provider, StringComparer.OrdinalIgnoreCase))
                {
                    foreach (var chunk in group.Chunk(batchSize))
                    {
                        var reports = await queries[group.Key].GetStatusesAsync(chunk, deadline.Token);
                        foreach (var report in reports)
                        {
                            var merged = latest.TryGetValue(report.MessageId, out var before) ? before.Merge(report) : report;
                            latest[report.MessageId] = merged;
                            if (before is null || Describe(before) != Describe(merged))
                            {
                                var who = Recipient(merged, recipients)?.ToString() ?? string.Empty;
                                var from = before is null ? string.Empty : Describe(before) + " → ";
                                console.MarkupLineInterpolated($"[grey]{clock.Elapsed.TotalSeconds,7:0.00}s[/]  {merged.MessageId,-34} {who,-14} {from}[bold]{Describe(merged)}[/]");
                            }
                        }
                    }
                }

                // Every status final: stop now, not one poll interval later.
                if (ids.All(id => latest.TryGetValue(id, out var report) && IsSettled(report)))
                {
                    break;
                }

                await Task.Delay(pollEvery, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // --timeout: report where everything stands.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: report where everything stands.
        }

        var tracked = clock.Elapsed;

        var table = new Table().AddColumns("Message id", "Recipient", "Status", "Channel", "Reason", "Provider said");
        foreach (var id in ids)
        {
            if (!latest.TryGetValue(id, out var report))
            {
                table.AddRow(Markup.Escape(id.ToString()), string.Empty, "not asked yet", "—", "—", "—");
                continue;
            }

            table.AddRow(
                Markup.Escape(id.ToString()),
                Markup.Escape(Recipient(report, recipients)?.ToString() ?? "—"),
                Markup.Escape(Describe(report)),
                Markup.Escape(report.DeliveredVia?.ToString() ?? "—"),
                Markup.Escape(report.FailureReason == DeliveryFailureReason.None ? "—" : report.FailureReason.ToString()),
                Markup.Escape(string.Join(" / ", new[] { report.RawStatus, report.RawSmsStatus, report.ProviderErrorCode }.Where(s => !string.IsNullOrEmpty(s)).Distinct())));
        }

        console.Write(table);
        var settled = ids.Count(id => latest.TryGetValue(id, out var report) && IsSettled(report));
        var counts = latest.Values.GroupBy(Describe).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}");
        console.MarkupLineInterpolated($"{settled} of {ids.Count} final after {tracked.TotalSeconds:0.0} s: {string.Join(", ", counts)}.");
        if (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Cancelled;
        }

        if (settled < ids.Count)
        {
            console.MarkupLineInterpolated($"[yellow]{ids.Count - settled} still not final after --timeout {timeout.TotalSeconds:0} s.[/]");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    /// <summary>Sends a small batch through every provider, with recipients scripted to end in different ways.</summary>
    private static async Task<(IReadOnlyList<MessageId> Ids, Dictionary<MessageId, PhoneNumber> Recipients)> SendDemoAsync(
        IAnsiConsole console,
        IServiceProvider services,
        ViberEmulator emulator,
        CancellationToken cancellationToken)
    {
        var ids = new List<MessageId>();
        var recipients = new Dictionary<MessageId, PhoneNumber>();
        foreach (var provider in SampleConfiguration.Providers)
        {
            var phones = DemoBehaviors.Select((behavior, i) =>
            {
                var phone = SamplePhones.For(provider, 1000 + i);
                emulator.ScriptRecipient(phone.ToString(), behavior);
                return phone;
            }).ToArray();

            // SMS.by forwards the Viber text itself, and only from quick (one-recipient) messages: it gets none here.
            var message = new ViberMessage
            {
                Sender = "MyShop",
                Recipients = phones,
                Text = "Your parcel is out for delivery today.",
                SmsFallback = provider switch
                {
                    ViberProviders.SmsClub or ViberProviders.Devino => new SmsFallback("Your parcel is out for delivery today.") { Sender = "MyShop" },
                    ViberProviders.DecisionTelecom => new SmsFallback("Your parcel is out for delivery today."),
                    _ => null,
                },
            };
            var sent = await ProviderSetup.Resolve<IViberSender>(services, provider).SendAsync(message, cancellationToken);
            foreach (var recipient in sent.Recipients)
            {
                if (recipient.MessageId is { } id)
                {
                    ids.Add(id);
                    recipients[id] = recipient.Recipient;
                }
            }
        }

        console.MarkupLineInterpolated($"Sent a demo batch: {ids.Count} messages, recipients scripted to {string.Join(", ", DemoBehaviors)}.");
        console.WriteLine("Message ids (save them to track them later):");
        foreach (var id in ids)
        {
            console.WriteLine($"  {id}");
        }

        return (ids, recipients);
    }

    /// <summary>The emulated network, slowed a little so that every step of the demo shows as its own transition.</summary>
    private static ViberEmulatorOptions DemoEmulator()
    {
        var options = new ViberEmulatorOptions();
        options.Timeline.SentAfter = TimeSpan.FromMilliseconds(500);
        options.Timeline.DeliveredAfter = TimeSpan.FromMilliseconds(500);
        options.Timeline.ReadAfter = TimeSpan.FromMilliseconds(500);
        options.Timeline.FailedAfter = TimeSpan.FromMilliseconds(1000);
        options.Timeline.SmsDeliveredAfter = TimeSpan.FromMilliseconds(500);
        return options;
    }

    /// <summary>Reads ids from the file and the options; any malformed line is a usage error naming the line.</summary>
    private static IReadOnlyList<MessageId> ReadIds(string? path, string[] extra)
    {
        var ids = new List<MessageId>();
        if (path is not null)
        {
            if (!File.Exists(path))
            {
                throw new SampleUsageException($"id file '{path}' does not exist.");
            }

            var lineNumber = 0;
            foreach (var line in File.ReadLines(path))
            {
                lineNumber++;
                var text = line.Trim();
                if (text.Length == 0 || text.StartsWith('#'))
                {
                    continue;
                }

                ids.Add(Parse(text, string.Create(CultureInfo.InvariantCulture, $"{path}, line {lineNumber}")));
            }

            if (ids.Count == 0)
            {
                throw new SampleUsageException($"id file '{path}' has no message ids (one per line, e.g. SmsClub:5769).");
            }
        }

        ids.AddRange(extra.Select(text => Parse(text, "--id")));
        return ids.Distinct().ToArray();
    }

    private static MessageId Parse(string text, string where)
    {
        if (!MessageId.TryParse(text, out var id))
        {
            throw new SampleUsageException($"{where}: '{text}' is not a message id; expected Provider:Value, e.g. SmsClub:5769.");
        }

        // Ids name the provider's registration; the samples register the four under their own names.
        return new MessageId(SampleConfiguration.Canonical(id.Provider), id.Value);
    }

    /// <summary>Final, or an id the provider does not know (it will never get a status).</summary>
    private static bool IsSettled(DeliveryReport report) => report.IsFinal || report.Error?.ErrorCode == ViberErrorCode.NotFound;

    private static string Describe(DeliveryReport report)
    {
        if (report.Error?.ErrorCode == ViberErrorCode.NotFound)
        {
            return "unknown id";
        }

        var text = report.Status.ToString();
        if (report.DeliveredVia == DeliveryChannel.Sms)
        {
            text += " via SMS";
        }
        else if (report.SmsStatus is { } sms && report.Status != sms)
        {
            text += $" (SMS {sms})";
        }

        return text;
    }

    private static PhoneNumber? Recipient(DeliveryReport report, Dictionary<MessageId, PhoneNumber> known)
        => report.Recipient ?? known.GetValueOrDefault(report.MessageId);
}
