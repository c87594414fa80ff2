using System.Buffers;
using System.Runtime.ExceptionServices;

namespace ViberMessaging.Campaigns;

/// <summary>
/// The <see cref="ICampaignRunner"/>: reads the journal, marks what was in flight as Unknown, then streams the input in
/// chunks (the journal asked one chunk at a time) — pending recorded durably, sent, outcomes recorded — skipping every recipient with a known outcome.
/// "May it have been sent?" is each error's <see cref="ViberMessagingException.Outcome"/>, never decided here.
/// </summary>
internal sealed class CampaignRunner(ICampaignJournal journal, TimeProvider time, IDeliveryTracker? tracker = null) : ICampaignRunner
{
    /// <summary>Journal entries per status query in the final pass (the provider splits it further into the requests it allows).</summary>
    private const int StatusBatch = 500;

    private static readonly SearchValues<char> IdCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_");

    public async Task<CampaignSummary> RunAsync(
        IViberSender sender,
        CampaignDefinition campaign,
        IAsyncEnumerable<CampaignRecipient> recipients,
        IProgress<CampaignProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(campaign.Template);
        if (string.IsNullOrEmpty(campaign.Id) || campaign.Id.Length > 100 || campaign.Id.AsSpan().ContainsAnyExcept(IdCharacters) || campaign.Id.StartsWith('.'))
        {
            throw new ArgumentException($"CampaignDefinition.Id must be 1 to 100 letters, digits, '.', '-' or '_' (not starting with '.'); '{campaign.Id}' is not.", nameof(campaign));
        }

        var chunkSize = campaign.ChunkSize ?? sender.Capabilities.MaxRecipientsPerRequest;
        if (chunkSize < 1)
        {
            throw new ArgumentException($"CampaignDefinition.ChunkSize must be at least 1; {chunkSize} is not.", nameof(campaign));
        }

        var run = new Run(campaign, time);

        // Recipients pending when the last run stopped may have been sent: recorded Unknown, never resent.
        run.Unknown += await journal.RecoverInFlightAsync(campaign.Id, CancellationToken.None).ConfigureAwait(false);

        // Memory: at most one chunk read but not yet looked up, plus less than two chunks looked up and waiting to be
        // sent, whatever the size of the input or of the journal (the journal is asked one chunk at a time).
        var read = new List<CampaignRecipient>(chunkSize);
        var ready = new List<CampaignRecipient>(2 * chunkSize);
        var window = new HashSet<string>(StringComparer.Ordinal);
        var cancelled = false;
        try
        {
            await foreach (var recipient in recipients.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (!window.Add(recipient.Phone.Digits))
                {
                    run.AlreadyDone++;
                    continue;
                }

                read.Add(recipient);
                if (read.Count < chunkSize)
                {
                    continue;
                }

                await LookUpAsync(run, read, ready, window, cancellationToken).ConfigureAwait(false);
                while (ready.Count >= chunkSize)
                {
                    if (!await SendNextAsync(sender, run, ready, chunkSize, window, progress, cancellationToken).ConfigureAwait(false))
                    {
                        return Summary(run, cancelled: true);
                    }
                }
            }

            await LookUpAsync(run, read, ready, window, cancellationToken).ConfigureAwait(false);
            while (ready.Count > 0)
            {
                if (!await SendNextAsync(sender, run, ready, chunkSize, window, progress, cancellationToken).ConfigureAwait(false))
                {
                    return Summary(run, cancelled: true);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while reading the input or the journal: the recipients read but not sent were never journaled,
            // so a resume sends them.
            cancelled = true;
        }

        return Summary(run, cancelled);
    }

    public async Task<CampaignExport> ExportAsync(string campaignId, TextWriter csv, IStatusQuery? statusQuery = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        ArgumentNullException.ThrowIfNull(csv);
        var states = new Dictionary<CampaignRecipientState, long>();
        var statuses = new Dictionary<DeliveryStatus, long>();
        var unavailable = 0L;
        var recipients = 0L;
        var batch = new List<CampaignJournalEntry>(StatusBatch);
        await csv.WriteAsync((CampaignCsv.Header + "\r\n").AsMemory(), cancellationToken).ConfigureAwait(false);
        await foreach (var entry in journal.ReadAsync(campaignId, cancellationToken).ConfigureAwait(false))
        {
            batch.Add(entry);
            if (batch.Count == StatusBatch)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        await FlushAsync().ConfigureAwait(false);
        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new CampaignExport { CampaignId = campaignId, Recipients = recipients, States = states, Statuses = statuses, StatusUnavailable = unavailable };

        async Task FlushAsync()
        {
            var reports = await FinalStatusesAsync(batch, statusQuery, cancellationToken).ConfigureAwait(false);
            foreach (var entry in batch)
            {
                recipients++;
                states[entry.State] = states.GetValueOrDefault(entry.State) + 1;
                var report = entry.MessageId is { } id ? reports.GetValueOrDefault(id) : null;
                if (report is not null)
                {
                    statuses[report.Status] = statuses.GetValueOrDefault(report.Status) + 1;
                }
                else if (entry.State == CampaignRecipientState.Accepted)
                {
                    unavailable++;
                }

                await CampaignCsv.WriteRowAsync(csv, entry, report, cancellationToken).ConfigureAwait(false);
            }

            batch.Clear();
        }
    }

    /// <summary>The final status of each accepted entry with an id: the tracker's where it knows the message, the rest in one query.</summary>
    private async Task<Dictionary<MessageId, DeliveryReport>> FinalStatusesAsync(List<CampaignJournalEntry> batch, IStatusQuery? statusQuery, CancellationToken cancellationToken)
    {
        var reports = new Dictionary<MessageId, DeliveryReport>();
        var ask = new List<MessageId>();
        foreach (var entry in batch)
        {
            if (entry.State != CampaignRecipientState.Accepted || entry.MessageId is not { IsEmpty: false } id)
            {
                continue;
            }

            if (tracker is not null && await tracker.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } tracked)
            {
                reports[id] = tracked;
            }
            else
            {
                ask.Add(id);
            }
        }

        if (statusQuery is not null && ask.Count > 0)
        {
            try
            {
                foreach (var report in await statusQuery.GetStatusesAsync(ask.Distinct(), cancellationToken).ConfigureAwait(false))
                {
                    if (report.Error is null)
                    {
                        reports[report.MessageId] = report;
                    }
                }
            }
            catch (ViberMessagingException)
            {
                // The provider could not be queried at all: these rows carry no status and are counted unavailable.
            }
        }

        return reports;
    }

    private static CampaignSummary Summary(Run run, bool cancelled)
        => new() { CampaignId = run.Campaign.Id, Progress = run.Snapshot(), Cancelled = cancelled };

    /// <summary>Moves the recipients read to <paramref name="ready"/>, except those whose outcome the journal already knows.</summary>
    private async Task LookUpAsync(Run run, List<CampaignRecipient> read, List<CampaignRecipient> ready, HashSet<string> window, CancellationToken cancellationToken)
    {
        if (read.Count == 0)
        {
            return;
        }

        var known = await journal.FindAsync(run.Campaign.Id, read.ConvertAll(r => r.Phone), cancellationToken).ConfigureAwait(false);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in known)
        {
            if (entry.State != CampaignRecipientState.NotSent)
            {
                done.Add(entry.Phone.Digits);
            }
        }

        foreach (var recipient in read)
        {
            if (done.Contains(recipient.Phone.Digits))
            {
                run.AlreadyDone++;
                window.Remove(recipient.Phone.Digits);
            }
            else
            {
                ready.Add(recipient);
            }
        }

        read.Clear();
    }

    /// <summary>Sends the first chunk of <paramref name="ready"/>; returns <see langword="false"/> when the run must stop (cancelled).</summary>
    private async Task<bool> SendNextAsync(IViberSender sender, Run run, List<CampaignRecipient> ready, int chunkSize, HashSet<string> window, IProgress<CampaignProgress>? progress, CancellationToken cancellationToken)
    {
        var count = Math.Min(chunkSize, ready.Count);
        var chunk = ready.GetRange(0, count);
        ready.RemoveRange(0, count);
        var sent = await SendChunkAsync(sender, run, chunk, progress, cancellationToken).ConfigureAwait(false);
        foreach (var recipient in chunk)
        {
            window.Remove(recipient.Phone.Digits);
        }

        return sent;
    }

    /// <summary>Journals, sends and journals one chunk; returns <see langword="false"/> when the run must stop (cancelled).</summary>
    private async Task<bool> SendChunkAsync(IViberSender sender, Run run, List<CampaignRecipient> chunk, IProgress<CampaignProgress>? progress, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        // Durable before anything is sent, and never cut half-way by the caller's token: a recipient journaled as
        // pending and then not sent would only be reported Unknown, never lost or sent twice.
        await journal.RecordPendingAsync(run.Campaign.Id, chunk.Select(r => r.Phone).ToArray(), CancellationToken.None).ConfigureAwait(false);
        var outcomes = new List<CampaignJournalEntry>(chunk.Count);
        var stop = false;
        ViberValidationException? invalidTemplate = null;
        foreach (var part in Render(run.Campaign.Template, chunk, outcomes))
        {
            if (stop || cancellationToken.IsCancellationRequested)
            {
                stop = true;
                outcomes.AddRange(part.Phones.Select(p => new CampaignJournalEntry(p, CampaignRecipientState.NotSent, detail: nameof(ViberErrorCode.Cancelled))));
                continue;
            }

            try
            {
                var result = await sender.SendAsync(run.Campaign.Template.WithRecipients(part.Phones, part.Text), cancellationToken).ConfigureAwait(false);
                outcomes.AddRange(result.Recipients.Select(ToEntry));
                tracker?.Track(result);
            }
            catch (SendCanceledException e)
            {
                stop = true;
                outcomes.AddRange(e.Result is { } partial
                    ? partial.Recipients.Select(ToEntry)
                    : part.Phones.Select(p => new CampaignJournalEntry(p, CampaignRecipientState.Unknown, detail: nameof(ViberErrorCode.Cancelled))));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                stop = true;
                outcomes.AddRange(part.Phones.Select(p => new CampaignJournalEntry(p, CampaignRecipientState.NotSent, detail: nameof(ViberErrorCode.Cancelled))));
            }
            catch (ViberValidationException e) when (!e.Errors.Any(r => r.Field.StartsWith(nameof(ViberMessage.Recipients), StringComparison.Ordinal)))
            {
                // The template itself breaks the provider's rules: every chunk would fail the same way, so the run stops
                // and throws it. Nothing was sent: the chunk is journaled NotSent, sent again once the template is fixed.
                stop = true;
                invalidTemplate = e;
                outcomes.AddRange(part.Phones.Select(p => FromError(p, e)));
            }
            catch (ViberMessagingException e)
            {
                outcomes.AddRange(part.Phones.Select(p => FromError(p, e)));
            }
        }

        await journal.RecordOutcomesAsync(run.Campaign.Id, outcomes, CancellationToken.None).ConfigureAwait(false);
        run.Count(outcomes);
        progress?.Report(run.Snapshot());
        if (invalidTemplate is not null)
        {
            ExceptionDispatchInfo.Throw(invalidTemplate);
        }

        return !stop;
    }

    /// <summary>The chunk grouped by rendered text, in input order; recipients missing a variable go straight to <paramref name="outcomes"/> as NotSent.</summary>
    private static List<(string? Text, PhoneNumber[] Phones)> Render(ViberMessage template, List<CampaignRecipient> chunk, List<CampaignJournalEntry> outcomes)
    {
        var parts = new List<(string? Text, List<PhoneNumber> Phones)>();
        foreach (var recipient in chunk)
        {
            var text = CampaignTemplate.Render(template.Text, recipient.Variables, out var missing);
            if (missing is not null)
            {
                outcomes.Add(new CampaignJournalEntry(recipient.Phone, CampaignRecipientState.NotSent, detail: $"{nameof(ViberErrorCode.ValidationFailed)}: no variable '{missing}'"));
                continue;
            }

            var index = parts.FindIndex(p => p.Text == text);
            if (index < 0)
            {
                parts.Add((text, [recipient.Phone]));
            }
            else
            {
                parts[index].Phones.Add(recipient.Phone);
            }
        }

        return parts.Select(p => (p.Text, p.Phones.ToArray())).ToList();
    }

    private static CampaignJournalEntry ToEntry(RecipientResult result) => result.Status switch
    {
        RecipientStatus.Accepted => new CampaignJournalEntry(result.Recipient, CampaignRecipientState.Accepted, result.MessageId),
        RecipientStatus.Rejected => new CampaignJournalEntry(result.Recipient, CampaignRecipientState.Rejected, detail: result.Reason?.ToString() ?? result.ProviderCode),
        _ => FromError(result.Recipient, result.Error),
    };

    private static CampaignJournalEntry FromError(PhoneNumber phone, ViberMessagingException? error)
        => new(phone, error is { Outcome: SendOutcome.NotSent } ? CampaignRecipientState.NotSent : CampaignRecipientState.Unknown, detail: (error?.ErrorCode ?? ViberErrorCode.Unknown).ToString());

    /// <summary>One run's counts.</summary>
    private sealed class Run(CampaignDefinition campaign, TimeProvider time)
    {
        private readonly long _started = time.GetTimestamp();
        private readonly Dictionary<ViberErrorCode, long> _notSent = [];

        public CampaignDefinition Campaign { get; } = campaign;

        public long AlreadyDone { get; set; }

        public long Unknown { get; set; }

        private long Sent { get; set; }

        private long Accepted { get; set; }

        private long Rejected { get; set; }

        public void Count(List<CampaignJournalEntry> outcomes)
        {
            foreach (var outcome in outcomes)
            {
                Sent++;
                switch (outcome.State)
                {
                    case CampaignRecipientState.Accepted: Accepted++; break;
                    case CampaignRecipientState.Rejected: Rejected++; break;
                    case CampaignRecipientState.Unknown: Unknown++; break;
                    default:
                        var code = Enum.TryParse<ViberErrorCode>(outcome.Detail?.Split(':')[0], out var parsed) ? parsed : ViberErrorCode.Unknown;
                        _notSent[code] = _notSent.GetValueOrDefault(code) + 1;
                        break;
                }
            }
        }

        public CampaignProgress Snapshot()
        {
            var elapsed = time.GetElapsedTime(_started);
            var remaining = Campaign.ExpectedRecipients is { } expected && Sent > 0
                ? TimeSpan.FromSeconds(Math.Max(0, expected - Sent - AlreadyDone) * elapsed.TotalSeconds / Sent)
                : (TimeSpan?)null;
            return new CampaignProgress
            {
                Sent = Sent,
                Accepted = Accepted,
                Rejected = Rejected,
                NotSent = new Dictionary<ViberErrorCode, long>(_notSent),
                Unknown = Unknown,
                AlreadyDone = AlreadyDone,
                Elapsed = elapsed,
                EstimatedRemaining = remaining,
            };
        }
    }
}
