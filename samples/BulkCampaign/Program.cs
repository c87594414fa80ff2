// One campaign to a large recipient list, at the provider's rate limit and not one request faster.
//
//   dotnet run --project samples/BulkCampaign                          100 000 generated numbers → SMS Club on the embedded emulator
//   dotnet run --project samples/BulkCampaign -- customers.csv --provider Devino --save-ids ids.txt
//
// The campaign runner journals every chunk in campaigns.db (ViberMessaging.Sqlite): Ctrl+C stops taking new recipients,
// lets the requests in flight finish and reports what was sent; run again with the --campaign-id it printed to resume
// without sending anybody twice.
//
//   dotnet run --project samples/BulkCampaign -- customers.csv --campaign-id spring-sale --summary spring-sale.csv
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Campaigns;
using Spectre.Console;

namespace ViberMessaging.Samples.BulkCampaign;

public static class Program
{
    /// <summary>How long requests in flight may take to finish after a stop, before they are abandoned (their outcome then unknown).</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    public static Task<int> Main(string[] args) => RunAsync(args, SampleIO.Console, configuration: null, CancellationToken.None);

    /// <summary>Runs the campaign with its output going to the given writers (what the sample tests call).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where progress and the summary go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="configuration">The configuration to use instead of appsettings.json, user secrets and environment variables.</param>
    /// <param name="cancellationToken">Stops the campaign as Ctrl+C would.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null, CancellationToken cancellationToken = default)
        => RunAsync(args, new SampleIO(output, error, TextReader.Null, OwnsProcess: false), configuration, cancellationToken);

    private static Task<int> RunAsync(string[] args, SampleIO io, IConfiguration? configuration, CancellationToken cancellationToken)
    {
        var file = new Argument<string?>("recipients")
        {
            Description = "A CSV file of recipients: one phone per line, or a column named phone/number/recipient/msisdn. Required with a real provider.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var count = new Option<int>("--count")
        {
            Description = "How many test numbers to generate when no file is given (embedded emulator only).",
            DefaultValueFactory = _ => 100_000,
        };
        count.Validators.Add(result =>
        {
            if (result.GetValue(count) is < 1 or > SamplePhones.Capacity)
            {
                result.AddError($"--count must be between 1 and {SamplePhones.Capacity}.");
            }
        });
        var provider = new Option<string>("--provider")
        {
            Description = $"The provider to send through: {string.Join(", ", SampleConfiguration.Providers)}.",
            DefaultValueFactory = _ => ViberProviders.SmsClub,
        };
        provider.Validators.Add(result =>
        {
            if (!SampleConfiguration.Providers.Contains(result.GetValue(provider), StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"--provider must be one of {string.Join(", ", SampleConfiguration.Providers)}.");
            }
        });
        var sender = new Option<string>("--sender")
        {
            Description = "The sender name registered with the provider.",
            DefaultValueFactory = _ => "MyShop",
        };
        var text = new Option<string>("--text")
        {
            Description = "The campaign's text.",
            DefaultValueFactory = _ => "Spring sale: 20% off everything until Sunday.",
        };
        var maxSeconds = new Option<int?>("--max-seconds")
        {
            Description = "Stop taking new requests after this many seconds, as Ctrl+C would, and report what was sent.",
        };
        maxSeconds.Validators.Add(result =>
        {
            if (result.GetValue(maxSeconds) is < 1)
            {
                result.AddError("--max-seconds must be at least 1.");
            }
        });
        var saveIds = new Option<string?>("--save-ids")
        {
            Description = "Write the accepted message ids to this file, one per line (samples/StatusTracking reads it).",
        };

        var campaignId = new Option<string?>("--campaign-id")
        {
            Description = "The campaign's id: run again with the same id (and --journal) to resume after Ctrl+C or a crash. Default: a new id, printed.",
        };
        var journal = new Option<string>("--journal")
        {
            Description = "The campaign journal (SQLite file).",
            DefaultValueFactory = _ => "campaigns.db",
        };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = $"Requests in flight at once (1 to {CampaignDefinition.MaxConcurrentRequestsLimit}), each journaled before and after; a crash leaves at most these Unknown.",
            DefaultValueFactory = _ => CampaignDefinition.DefaultMaxConcurrentRequests,
        };
        concurrency.Validators.Add(result =>
        {
            if (result.GetValue(concurrency) is < 1 or > CampaignDefinition.MaxConcurrentRequestsLimit)
            {
                result.AddError($"--concurrency must be between 1 and {CampaignDefinition.MaxConcurrentRequestsLimit}.");
            }
        });
        var summaryCsv = new Option<string?>("--summary")
        {
            Description = "Write the per-recipient summary CSV (phone, state, message id, final delivery status) to this file at the end.",
        };

        var root = new RootCommand(
            "Sends one campaign to a large recipient list through one provider, paced to its rate limit, with live progress; "
            + "reports accepted/rejected counts, the request rate achieved against the limit and the total time. Ctrl+C stops cleanly.")
        {
            file, count, provider, sender, text, maxSeconds, saveIds, campaignId, journal, concurrency, summaryCsv,
        };
        root.SetAction((parse, token) => SampleRun.GuardAsync(
            io.Error,
            () => CampaignAsync(
                io,
                configuration,
                new CampaignSettings(
                    parse.GetValue(file),
                    parse.GetValue(count),
                    SampleConfiguration.Canonical(parse.GetValue(provider)!),
                    parse.GetValue(sender)!,
                    parse.GetValue(text)!,
                    parse.GetValue(maxSeconds) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                    parse.GetValue(saveIds),
                    parse.GetValue(campaignId),
                    parse.GetValue(journal)!,
                    parse.GetValue(concurrency),
                    parse.GetValue(summaryCsv)),
                token),
            token));
        return SampleRun.InvokeAsync(root, args, io, cancellationToken);
    }

    private static async Task<int> CampaignAsync(SampleIO io, IConfiguration? configuration, CampaignSettings settings, CancellationToken cancellationToken)
    {
        var console = SampleConsole.Create(io.Output);
        configuration ??= SampleConfiguration.Load(typeof(Program).Assembly);
        var name = settings.Provider;
        if (settings.File is null && SampleConfiguration.IsConfigured(configuration, name))
        {
            throw new SampleUsageException(
                $"{name} is configured, so the campaign would reach real phones: give the recipients as a CSV file "
                + "(generated test numbers go only to the embedded emulator).");
        }

        var list = settings.File is { } path ? RecipientList.Read(path) : RecipientList.Generate(name, settings.Count);
        await using var setup = await ProviderSetup.StartAsync(configuration, [name], settings.Sender, cancellationToken);
        await using var services = setup.BuildServices(b => b.UseSqliteCampaignJournal(settings.Journal));
        var viber = ProviderSetup.Resolve<IViberSender>(services, name);
        var options = ProviderSetup.OptionsOf(services, name);
        var perRequest = Math.Max(1, viber.Capabilities.MaxRecipientsPerRequest);
        var chunks = (list.Recipients.Count + perRequest - 1) / perRequest;
        var id = settings.CampaignId ?? "bulk-" + TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];

        var source = settings.File ?? "generated test numbers";
        var target = ProviderSetup.Target(setup, options);
        console.MarkupLineInterpolated($"Campaign to [blue]{Count(list.Recipients.Count)}[/] recipients ({source}) through [blue]{name}[/] ({target}).");
        console.MarkupLineInterpolated($"Campaign id [blue]{id}[/], journal {Path.GetFullPath(settings.Journal)}: run again with --campaign-id {id} to resume.");
        console.MarkupLineInterpolated($"{Plural(chunks, "request")} of at most {Plural(perRequest, "recipient")}; pacing {Limit(options.Pacing)}; up to {Plural(settings.Concurrency, "request")} in flight, each journaled before and after.");
        if (list.Invalid > 0)
        {
            console.MarkupLineInterpolated($"[yellow]Skipped {Count(list.Invalid)} invalid numbers[/] ({string.Join(", ", list.InvalidSamples)}{(list.Invalid > list.InvalidSamples.Count ? ", …" : string.Empty)}).");
        }

        if (list.Duplicates > 0)
        {
            console.MarkupLineInterpolated($"[yellow]Skipped {Count(list.Duplicates)} duplicate numbers.[/]");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (settings.MaxDuration is { } limit)
        {
            stop.CancelAfter(limit);
        }

        // Stopping takes no new recipients; the requests in flight get DrainTimeout to finish, so their outcome is known.
        using var drain = new CancellationTokenSource();
        using var drainOnStop = stop.Token.Register(() => drain.CancelAfter(DrainTimeout));
        var runner = services.GetRequiredService<ICampaignRunner>();
        var campaign = new CampaignDefinition
        {
            Id = id,
            ExpectedRecipients = list.Recipients.Count,
            MaxConcurrentRequests = settings.Concurrency,
            Template = new ViberMessage { Sender = settings.Sender, Text = settings.Text, Kind = MessageKind.Promotional },
        };
        var stopwatch = Stopwatch.StartNew();
        var requests = 0;
        var last = new CampaignProgress();
        string? stoppedBy = null;

        async IAsyncEnumerable<CampaignRecipient> Input()
        {
            foreach (var phone in list.Recipients)
            {
                if (stop.IsCancellationRequested)
                {
                    yield break;
                }

                await Task.CompletedTask;
                yield return new CampaignRecipient(phone);
            }
        }

        Task<CampaignSummary> RunAsync(Action<CampaignProgress> onChunk) => runner.RunAsync(viber, campaign, Input(), new Reporter(p =>
        {
            requests++;
            last = p;
            // Errors that would fail every remaining request the same way stop the campaign (the rest stays unsent).
            if (stoppedBy is null && p.NotSent.Keys.Where(StopsTheCampaign).Select(c => (ViberErrorCode?)c).FirstOrDefault() is { } code)
            {
                stoppedBy = $"{code} from {name}";
                stop.Cancel();
            }

            onChunk(p);
        }), drain.Token);

        string Status(CampaignProgress p)
            => string.Create(CultureInfo.InvariantCulture, $"{p.Accepted:N0} accepted, {requests / Math.Max(stopwatch.Elapsed.TotalSeconds, 0.001):0.0} req/s");

        CampaignSummary result;
        if (console.Profile.Capabilities.Interactive)
        {
            result = await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new LabelledTimeColumn("elapsed", t => t.ElapsedTime), new LabelledTimeColumn("left", t => t.RemainingTime))
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Sending through {name}", maxValue: list.Recipients.Count);
                    try
                    {
                        return await RunAsync(p =>
                        {
                            task.Value = p.Sent + p.AlreadyDone;
                            task.Description = $"{name}: {Status(p)}";
                        });
                    }
                    finally
                    {
                        task.StopTask();
                    }
                });
        }
        else
        {
            // Redirected output (CI logs, a file, tests): a line at every tenth of the list instead of a redrawn bar.
            var reported = 0;
            result = await RunAsync(p =>
            {
                var done = p.Sent + p.AlreadyDone;
                var tenth = (int)(10L * done / list.Recipients.Count);
                if (tenth > reported)
                {
                    reported = tenth;
                    io.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {tenth * 10,3}%  {done:N0} of {list.Recipients.Count:N0} recipients done; {Status(p)}"));
                }
            });
        }

        stopwatch.Stop();
        var done = result.Progress;
        var failed = done.NotSent.Values.Sum();
        var notSent = list.Recipients.Count - done.Sent - done.AlreadyDone;
        if (settings.SaveIds is { } idsPath)
        {
            var ids = new List<string>();
            await foreach (var entry in services.GetRequiredService<ICampaignJournal>().ReadAsync(id, CancellationToken.None))
            {
                if (entry is { State: CampaignRecipientState.Accepted, MessageId: { } messageId })
                {
                    ids.Add(messageId.ToString());
                }
            }

            await File.WriteAllLinesAsync(idsPath, ids, CancellationToken.None);
        }

        CampaignExport? export = null;
        if (settings.Summary is { } summaryPath)
        {
            var writer = File.CreateText(summaryPath);
            await using (writer)
            {
                export = await runner.ExportAsync(id, writer, ProviderSetup.Resolve<IStatusQuery>(services, name), CancellationToken.None);
            }
        }

        var summary = new Table().HideHeaders().AddColumns("", "").Title("Campaign summary");
        summary.AddRow("Provider", Markup.Escape($"{name} ({ProviderSetup.Target(setup, options)})"));
        summary.AddRow("Campaign", Markup.Escape($"{id} (journal {Path.GetFullPath(settings.Journal)})"));
        summary.AddRow("Recipients", Count(list.Recipients.Count));
        summary.AddRow("Accepted", $"[green]{Count(done.Accepted)}[/]");
        summary.AddRow("Rejected", Count(done.Rejected));
        summary.AddRow("Failed", Markup.Escape($"{Count(failed)}{Breakdown(done.NotSent)}{(failed > 0 ? " (not sent: a resume sends them again)" : string.Empty)}"));
        summary.AddRow("Interrupted", $"{Count(done.Unknown)}{(done.Unknown > 0 ? " (may have been sent: Unknown in the journal, never re-sent automatically)" : string.Empty)}");
        summary.AddRow("Already done", Markup.Escape($"{Count(done.AlreadyDone)} (in the journal from an earlier run, or repeated)"));
        summary.AddRow("Not sent", Count(notSent));
        summary.AddRow("Requests", Markup.Escape($"{Count(requests)} (at most {Plural(perRequest, "recipient")} each)"));
        summary.AddRow("Total time", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{stopwatch.Elapsed.TotalSeconds:0.0} s")));
        summary.AddRow("Request rate", Markup.Escape(Rate(requests, stopwatch.Elapsed, options.Pacing)));
        if (setup.Emulator is { } used)
        {
            var peak = used.PeakRequestsInWindow(name) is > 0 and var p ? $", at most {p} in any window of its rate limit" : string.Empty;
            summary.AddRow("Emulator saw", Markup.Escape(
                $"{Plural(used.RequestsTo(name).Count, "request")}{peak}, {Count(used.RateLimitedCount(name))} refused with 429, {Plural(used.AcceptedMessages(name).Count, "message")} accepted"));
        }

        if (settings.SaveIds is { } saved)
        {
            summary.AddRow("Message ids", Markup.Escape($"written to {saved}"));
        }

        if (export is not null)
        {
            summary.AddRow("Summary CSV", Markup.Escape($"{Count(export.Recipients)} rows written to {settings.Summary} ({string.Join(", ", export.Statuses.Select(s => $"{s.Key}: {Count(s.Value)}"))})"));
        }

        console.Write(summary);

        if (stop.IsCancellationRequested || result.Cancelled)
        {
            var why = stoppedBy ?? (cancellationToken.IsCancellationRequested ? "Ctrl+C" : "--max-seconds");
            console.MarkupLineInterpolated($"[yellow]Stopped by {why}: {Count(notSent)} recipients not sent. Resume: --campaign-id {id}[/]");
            return stoppedBy is null ? ExitCodes.Cancelled : ExitCodes.Failure;
        }

        return failed + done.Unknown == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>Errors that would fail every remaining request the same way (credentials, money, sender, content).</summary>
    private static bool StopsTheCampaign(ViberErrorCode code) => code is ViberErrorCode.Unauthorized or ViberErrorCode.Forbidden
        or ViberErrorCode.InsufficientFunds or ViberErrorCode.AccountBlocked or ViberErrorCode.InvalidSender
        or ViberErrorCode.InvalidText or ViberErrorCode.InvalidImage or ViberErrorCode.InvalidRequest or ViberErrorCode.CircuitOpen;

    private static string Limit(PacingOptions pacing) => pacing.Enabled
        ? string.Create(CultureInfo.InvariantCulture, $"{pacing.PermitLimit} requests per {pacing.Window.TotalSeconds:0.###} s (+{pacing.SafetyMargin.TotalMilliseconds:0} ms margin)")
        : "off";

    /// <summary>
    /// The requests per second achieved, against the limit and the gate's ceiling: N per (W + margin), after a first
    /// burst of N — so over a short run the average can sit a little above the ceiling.
    /// </summary>
    private static string Rate(int requests, TimeSpan elapsed, PacingOptions pacing)
    {
        var average = requests / Math.Max(elapsed.TotalSeconds, 0.001);
        if (!pacing.Enabled)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{average:0.00} requests/s (pacing off)");
        }

        var limit = pacing.PermitLimit / pacing.Window.TotalSeconds;
        var ceiling = pacing.PermitLimit / (pacing.Window + pacing.SafetyMargin).TotalSeconds;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{average:0.00} requests/s = {100 * average / limit:0}% of the {limit:0.##}/s limit (the gate's ceiling with its margin: {ceiling:0.00}/s after a first burst of {pacing.Burst ?? pacing.PermitLimit})");
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Plural(int value, string noun) => $"{Count(value)} {noun}{(value == 1 ? string.Empty : "s")}";

    private static string Breakdown(IReadOnlyDictionary<ViberErrorCode, long> reasons)
        => reasons.Count == 0 ? string.Empty : " (" + string.Join(", ", reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Key}: {Count(r.Value)}")) + ")";

    /// <summary>Reports on the runner's own thread (no synchronization context, no reordering).</summary>
    private sealed class Reporter(Action<CampaignProgress> report) : IProgress<CampaignProgress>
    {
        public void Report(CampaignProgress value) => report(value);
    }

    private sealed record CampaignSettings(
        string? File, int Count, string Provider, string Sender, string Text, TimeSpan? MaxDuration, string? SaveIds, string? CampaignId, string Journal, int Concurrency, string? Summary);
}
