using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Rendering;
using ViberMessaging.Campaigns;

namespace ViberMessaging.Cli.Commands;

/// <summary>
/// <c>viber campaign run|resume|report</c>: a CSV campaign through the SDK's campaign runner, journaled so that a
/// stopped campaign resumes without sending anyone twice, and Unknown outcomes are never sent again automatically.
/// </summary>
internal static class CampaignCommand
{
    private static readonly System.Buffers.SearchValues<char> IdCharacters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_");

    public static Command Create(ViberCliContext context)
    {
        var journal = new Option<string?>("--journal")
        {
            Description = "The directory of the campaign journals. Default: ./campaigns.",
            Recursive = true,
        };
        return new Command("campaign", "Run a CSV campaign with live progress, resume it after Ctrl+C or a crash, and report on it.")
        {
            journal,
            Run(context, journal),
            Resume(context, journal),
            Report(context, journal),
        };
    }

    private static Command Run(ViberCliContext context, Option<string?> journal)
    {
        var file = new Argument<string>("file") { Description = "The recipients: a CSV file with one phone per line, or a phone column and columns for the text's {placeholders}." };
        var id = new Option<string?>("--id") { Description = "The campaign's id (letters, digits, '.', '-', '_'). Default: the file's name." };
        var text = new Option<string>("--text") { Description = "The text; {column} is replaced by the recipient's value in that CSV column.", Required = true };
        var sender = new Option<string?>("--sender") { Description = "The sender name registered with the provider." };
        var image = SendCommand.UrlOption("--image", "An image URL (http or https).");
        var button = new Option<string?>("--button") { Description = "A button's caption (with --button-url)." };
        var buttonUrl = SendCommand.UrlOption("--button-url", "The URL the button opens.");
        var smsFallback = new Option<string?>("--sms-fallback") { Description = "The SMS text to send when Viber cannot deliver." };
        var smsSender = new Option<string?>("--sms-sender") { Description = "The SMS fallback's sender name." };
        var kind = new Option<MessageKind?>("--kind") { Description = "Transactional or Promotional." };
        var chunk = new Option<int?>("--chunk-size") { Description = "Recipients per request. Default: the provider's most." };
        chunk.Validators.Add(r =>
        {
            if (r.GetValue(chunk) is < 1)
            {
                r.AddError("--chunk-size must be at least 1.");
            }
        });
        var concurrency = ConcurrencyOption();
        var command = new Command("run", "Start a campaign. Ctrl+C stops between requests; `viber campaign resume <id>` continues it.")
        {
            file, id, text, sender, image, button, buttonUrl, smsFallback, smsSender, kind, chunk, concurrency,
        };
        CommandRunner.SetAction(command, context, async (parse, output, cancellationToken) =>
        {
            var path = Path.GetFullPath(Path.Combine(context.WorkingDirectory, parse.GetValue(file)!));
            var campaignId = parse.GetValue(id) ?? Path.GetFileNameWithoutExtension(path);
            CheckId(campaignId);
            var csv = RecipientCsv.Open(path);
            var senderName = parse.GetValue(sender);
            await using var session = await CliSession.StartAsync(parse, context, output, senderName is null ? [] : [senderName], parse.GetValue(journal), cancellationToken).ConfigureAwait(false);
            var provider = session.ChooseProvider(parse);
            session.EnsureValid();
            if (CampaignPlan.Load(session.JournalDirectory, campaignId) is not null)
            {
                throw new CliUsageException($"campaign '{campaignId}' already exists in {session.JournalDirectory}: continue it with `viber campaign resume {campaignId}`, or choose another --id.");
            }

            var plan = new CampaignPlan
            {
                Id = campaignId,
                File = path,
                Provider = provider,
                Sender = senderName ?? (session.Emulator is not null ? "MyShop" : null),
                Text = parse.GetValue(text),
                ImageUrl = parse.GetValue(image),
                ButtonCaption = parse.GetValue(button),
                ButtonUrl = parse.GetValue(buttonUrl),
                SmsFallback = parse.GetValue(smsFallback),
                SmsSender = parse.GetValue(smsSender),
                Kind = parse.GetValue(kind),
                ChunkSize = parse.GetValue(chunk),
                MaxConcurrentRequests = parse.GetValue(concurrency),
            };
            plan.Save(session.JournalDirectory);
            return await RunAsync(session, output, plan, csv, resendUnknown: false, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Resume(ViberCliContext context, Option<string?> journal)
    {
        var id = new Argument<string>("id") { Description = "The campaign's id, as `viber campaign run` printed it." };
        var concurrency = ConcurrencyOption();
        var resendUnknown = new Option<bool>("--resend-unknown")
        {
            Description = "Also send again the recipients an earlier run left Unknown (they may have been sent: the provider may deliver and bill them twice). Only once you have checked them.",
        };
        var command = new Command("resume", "Continue a stopped campaign: recipients with a known outcome are skipped, those in flight when it stopped are reported Unknown and never re-sent (unless --resend-unknown).")
        {
            id, concurrency, resendUnknown,
        };
        CommandRunner.SetAction(command, context, async (parse, output, cancellationToken) =>
        {
            var campaignId = parse.GetValue(id)!;
            CheckId(campaignId);
            var directory = Path.GetFullPath(Path.Combine(context.WorkingDirectory, parse.GetValue(journal) ?? "campaigns"));
            var plan = CampaignPlan.Load(directory, campaignId)
                ?? throw new CliUsageException($"campaign '{campaignId}' is not in {directory}: start it with `viber campaign run <file> --id {campaignId}`.");
            if (parse.GetValue(GlobalOptions.Provider) is { } asked && !string.Equals(CliConfiguration.Canonical(asked), plan.Provider, StringComparison.Ordinal))
            {
                throw new CliUsageException($"--provider: campaign '{campaignId}' runs through {plan.Provider}; a resume cannot change it.");
            }

            var csv = RecipientCsv.Open(plan.File);
            await using var session = await CliSession.StartAsync(parse, context, output, plan.Sender is null ? [] : [plan.Sender], parse.GetValue(journal), cancellationToken).ConfigureAwait(false);
            if (!session.Configured.Contains(plan.Provider))
            {
                throw new CliUsageException($"campaign '{campaignId}' runs through {plan.Provider}, which is not configured (or add --emulator).");
            }

            session.EnsureValid();
            if (parse.GetValue(concurrency) is { } changed)
            {
                plan = plan with { MaxConcurrentRequests = changed };
            }

            return await RunAsync(session, output, plan, csv, parse.GetValue(resendUnknown), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Report(ViberCliContext context, Option<string?> journal)
    {
        var id = new Argument<string>("id") { Description = "The campaign's id." };
        var command = new Command("report", "Show where every recipient of a campaign stands, from its journal (Unknown ones: check their status before sending again).") { id };
        CommandRunner.SetAction(command, context, async (parse, output, cancellationToken) =>
        {
            var campaignId = parse.GetValue(id)!;
            CheckId(campaignId);
            await using var session = await CliSession.StartAsync(parse, context, output, [], parse.GetValue(journal), cancellationToken).ConfigureAwait(false);
            var plan = CampaignPlan.Load(session.JournalDirectory, campaignId);
            var entries = new List<CampaignJournalEntry>();
            await foreach (var entry in session.Services.GetRequiredService<ICampaignJournal>().ReadAsync(campaignId, cancellationToken).ConfigureAwait(false))
            {
                entries.Add(entry);
            }

            if (plan is null && entries.Count == 0)
            {
                throw new CliUsageException($"campaign '{campaignId}' is not in {session.JournalDirectory}.");
            }

            // A recipient still pending was in flight when the last run stopped: it may have been sent.
            static CampaignRecipientState Effective(CampaignJournalEntry e) => e.State == CampaignRecipientState.Pending ? CampaignRecipientState.Unknown : e.State;
            var counts = Enum.GetValues<CampaignRecipientState>().Where(s => s != CampaignRecipientState.Pending)
                .ToDictionary(s => s.ToString(), s => entries.Count(e => Effective(e) == s));
            var attention = entries.Where(e => Effective(e) is CampaignRecipientState.Unknown or CampaignRecipientState.NotSent)
                .Select(e => new { phone = e.Phone.ToString(), state = Effective(e), detail = e.Detail }).ToArray();
            var accepted = entries.Where(e => e.State == CampaignRecipientState.Accepted && e.MessageId is not null).Select(e => new { phone = e.Phone.ToString(), messageId = e.MessageId!.Value.ToString() }).ToArray();
            var total = plan is null ? (long?)null : (File.Exists(plan.File) ? RecipientCsv.Open(plan.File).Valid : null);
            if (output.Json)
            {
                output.WriteJson(new
                {
                    campaignId,
                    provider = plan?.Provider,
                    file = plan?.File,
                    recipientsInFile = total,
                    journaled = entries.Count,
                    counts,
                    attention,
                    accepted,
                    exitCode = ExitCodes.Ok,
                });
                return ExitCodes.Ok;
            }

            var table = new Table().HideHeaders().AddColumns(string.Empty, string.Empty).Title($"Campaign {Formats.Escape(campaignId)}");
            table.AddRow("Provider", Formats.Escape(plan?.Provider ?? "?"));
            table.AddRow("File", Formats.Escape(plan?.File ?? "?"));
            table.AddRow("Recipients in file", total is { } t ? Formats.Count(t) : "?");
            table.AddRow("Journaled", Formats.Count(entries.Count));
            foreach (var (state, count) in counts)
            {
                table.AddRow(state, Formats.Count(count));
            }

            output.Console.Write(table);
            foreach (var row in attention.Take(20))
            {
                output.Line($"  {row.state,-8} {row.phone} {row.detail}");
            }

            if (attention.Length > 20)
            {
                output.Line($"  … and {attention.Length - 20} more (--json lists them all).");
            }

            if (counts[nameof(CampaignRecipientState.Unknown)] > 0)
            {
                output.Error.WriteLine("warning: Unknown recipients may have been sent: check their status with the provider; a resume never sends them again.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>--concurrency: the requests in flight at once (<see cref="CampaignDefinition.MaxConcurrentRequests"/>).</summary>
    private static Option<int?> ConcurrencyOption()
    {
        var concurrency = new Option<int?>("--concurrency")
        {
            Description = $"Requests in flight at once (1 to {CampaignDefinition.MaxConcurrentRequestsLimit}); a crash leaves at most these Unknown. Default: {CampaignDefinition.DefaultMaxConcurrentRequests}.",
        };
        concurrency.Validators.Add(r =>
        {
            if (r.GetValue(concurrency) is < 1 or > CampaignDefinition.MaxConcurrentRequestsLimit)
            {
                r.AddError($"--concurrency must be from 1 to {CampaignDefinition.MaxConcurrentRequestsLimit}.");
            }
        });
        return concurrency;
    }

    private static async Task<int> RunAsync(CliSession session, CliOutput output, CampaignPlan plan, RecipientCsv csv, bool resendUnknown, CancellationToken cancellationToken)
    {
        var runner = session.Services.GetRequiredService<ICampaignRunner>();
        var sender = session.Get<IViberSender>(plan.Provider);
        var definition = new CampaignDefinition
        {
            Id = plan.Id,
            Template = plan.ToTemplate(),
            ChunkSize = plan.ChunkSize,
            MaxConcurrentRequests = plan.MaxConcurrentRequests ?? CampaignDefinition.DefaultMaxConcurrentRequests,
            ResendUnknown = resendUnknown,
            ExpectedRecipients = csv.Valid,
        };
        if (!output.Json)
        {
            output.Console.MarkupLine($"Campaign [blue]{Formats.Escape(plan.Id)}[/]: {Formats.Count(csv.Valid)} recipients from {Formats.Escape(plan.File)} through [blue]{Formats.Escape(plan.Provider)}[/]{(session.Emulator is not null ? " (embedded emulator)" : string.Empty)}; journal in {Formats.Escape(session.JournalDirectory)}.");
            if (csv.Invalid > 0)
            {
                output.Error.WriteLine($"warning: skipped {csv.Invalid} rows without a valid phone ({string.Join(", ", csv.InvalidSamples)}{(csv.Invalid > csv.InvalidSamples.Count ? ", …" : string.Empty)}).");
            }
        }

        CampaignSummary summary;
        if (output.Json)
        {
            summary = await runner.RunAsync(sender, definition, csv.ReadAsync(cancellationToken), null, cancellationToken).ConfigureAwait(false);
        }
        else if (output.IsTerminal)
        {
            summary = await LiveAsync(output, runner, sender, definition, csv, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Redirected (a file, a pipe, CI logs): a line at every tenth of the list, never a redrawn bar.
            var reported = 0;
            var progress = new Reporter(p =>
            {
                var done = Done(p);
                var tenth = (int)Math.Min(10, 10 * done / Math.Max(1, csv.Valid));
                if (tenth > reported)
                {
                    reported = tenth;
                    output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {tenth * 10,3}%  {done} of {csv.Valid}: {p}; {p.RecipientsPerSecond:0.0}/s, ETA {Formats.Time(p.EstimatedRemaining)}"));
                    output.Out.Flush();
                }
            });
            summary = await runner.RunAsync(sender, definition, csv.ReadAsync(cancellationToken), progress, cancellationToken).ConfigureAwait(false);
        }

        return Summarize(output, plan, csv, summary);
    }

    private static async Task<CampaignSummary> LiveAsync(CliOutput output, ICampaignRunner runner, IViberSender sender, CampaignDefinition definition, RecipientCsv csv, CancellationToken cancellationToken)
    {
        CampaignProgress? latest = null;
        CampaignSummary? summary = null;
        await output.Console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new TextColumn(() => latest is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p.RecipientsPerSecond,6:0.0}/s") : "     -/s"),
                new TextColumn(() => "ETA " + Formats.Time(latest?.EstimatedRemaining)))
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"{definition.Id}: starting", maxValue: csv.Valid);
                var reporter = new Reporter(p =>
                {
                    latest = p;
                    task.Value = Done(p);
                    task.Description = Formats.Escape($"{definition.Id}: {p.Accepted} accepted, {p.Rejected} rejected, {p.NotSent.Values.Sum()} not sent, {p.Unknown} unknown");
                });
                try
                {
                    summary = await runner.RunAsync(sender, definition, csv.ReadAsync(cancellationToken), reporter, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    task.StopTask();
                }
            }).ConfigureAwait(false);
        return summary!;
    }

    private static int Summarize(CliOutput output, CampaignPlan plan, RecipientCsv csv, CampaignSummary summary)
    {
        var p = summary.Progress;
        var notSent = p.NotSent.Values.Sum();
        var exit = summary.Cancelled ? ExitCodes.Interrupted
            : p.Unknown > 0 ? ExitCodes.Unknown
            : notSent + p.Rejected > 0 ? ExitCodes.NotSent
            : ExitCodes.Ok;
        if (output.Json)
        {
            output.WriteJson(new
            {
                campaignId = summary.CampaignId,
                provider = plan.Provider,
                cancelled = summary.Cancelled,
                recipientsInFile = csv.Valid,
                invalidRows = csv.Invalid,
                sent = p.Sent,
                accepted = p.Accepted,
                rejected = p.Rejected,
                notSent = p.NotSent.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value),
                unknown = p.Unknown,
                resent = p.Resent,
                alreadyDone = p.AlreadyDone,
                elapsedSeconds = p.Elapsed.TotalSeconds,
                recipientsPerSecond = p.RecipientsPerSecond,
                exitCode = exit,
            });
            return exit;
        }

        var table = new Table().HideHeaders().AddColumns(string.Empty, string.Empty).Title($"Campaign {Formats.Escape(summary.CampaignId)}");
        table.AddRow("Provider", Formats.Escape(plan.Provider));
        table.AddRow("Recipients in file", Formats.Count(csv.Valid));
        table.AddRow("Sent this run", Formats.Count(p.Sent));
        table.AddRow("Accepted", $"[green]{Formats.Count(p.Accepted)}[/]");
        table.AddRow("Rejected", Formats.Count(p.Rejected));
        table.AddRow("Not sent", Formats.Escape(Formats.Count(notSent) + (p.NotSent.Count > 0 ? " (" + string.Join(", ", p.NotSent.Select(kv => $"{kv.Key}: {kv.Value}")) + ")" : string.Empty)));
        table.AddRow("Unknown", Formats.Count(p.Unknown));
        table.AddRow("Already done", Formats.Count(p.AlreadyDone));
        if (p.Resent > 0)
        {
            table.AddRow("Unknown re-sent", Formats.Count(p.Resent));
        }

        table.AddRow("Time", Formats.Escape(string.Create(CultureInfo.InvariantCulture, $"{p.Elapsed.TotalSeconds:0.0} s, {p.RecipientsPerSecond:0.0} recipients/s")));
        output.Console.Write(table);
        if (p.Unknown > 0)
        {
            output.Error.WriteLine($"warning: {p.Unknown} recipients may have been sent (Unknown): they are never sent again automatically; `viber campaign report {summary.CampaignId} --json` lists them, and `viber campaign resume {summary.CampaignId} --resend-unknown` sends them again on your word.");
        }

        if (summary.Cancelled)
        {
            output.Error.WriteLine($"interrupted: run `viber campaign resume {summary.CampaignId}` to continue.");
        }
        else if (notSent > 0)
        {
            output.Error.WriteLine($"{notSent} recipients were not sent: `viber campaign resume {summary.CampaignId}` sends them again.");
        }

        return exit;
    }

    /// <summary>Recipients with an outcome (not those provably not sent: a resume sends them again).</summary>
    private static long Done(CampaignProgress p) => p.Sent - p.NotSent.Values.Sum() + p.AlreadyDone;

    private static void CheckId(string id)
    {
        if (id.Length is 0 or > 100 || id.AsSpan().ContainsAnyExcept(IdCharacters) || id.StartsWith('.'))
        {
            throw new CliUsageException($"--id: a campaign id is 1 to 100 letters, digits, '.', '-' or '_', not starting with '.'; '{id}' is not (pass --id).");
        }
    }

    /// <summary>Reports synchronously on the runner's thread (<see cref="Progress{T}"/> would post, reordering the lines).</summary>
    private sealed class Reporter(Action<CampaignProgress> report) : IProgress<CampaignProgress>
    {
        public void Report(CampaignProgress value) => report(value);
    }

    /// <summary>A progress column whose text is computed at each redraw.</summary>
    private sealed class TextColumn(Func<string> text) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) => new Text(text());
    }
}
