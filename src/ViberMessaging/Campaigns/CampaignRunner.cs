using System.Buffers;

namespace ViberMessaging.Campaigns;

/// <summary>
/// The <see cref="ICampaignRunner"/>: reads the journal, marks what was in flight as Unknown, then streams the input in
/// chunks — pending recorded durably, sent, outcomes recorded — skipping every recipient with a known outcome.
/// "May it have been sent?" is each error's <see cref="ViberMessagingException.Outcome"/>, never decided here.
/// </summary>
internal sealed class CampaignRunner(ICampaignJournal journal, TimeProvider time) : ICampaignRunner
{
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
        await ResumeAsync(run, cancellationToken).ConfigureAwait(false);
        var chunk = new List<CampaignRecipient>(chunkSize);
        var cancelled = false;
        try
        {
            await foreach (var recipient in recipients.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (run.Known.TryGetValue(recipient.Phone.Digits, out var state) && state != CampaignRecipientState.NotSent)
                {
                    run.AlreadyDone++;
                    continue;
                }

                run.Known[recipient.Phone.Digits] = CampaignRecipientState.Pending;
                chunk.Add(recipient);
                if (chunk.Count == chunkSize)
                {
                    if (!await SendChunkAsync(sender, run, chunk, progress, cancellationToken).ConfigureAwait(false))
                    {
                        cancelled = true;
                        break;
                    }

                    chunk.Clear();
                }
            }

            if (!cancelled && chunk.Count > 0)
            {
                cancelled = !await SendChunkAsync(sender, run, chunk, progress, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while reading the input: the recipients read but not sent were never journaled, so a resume sends them.
            cancelled = true;
        }

        return new CampaignSummary { CampaignId = campaign.Id, Progress = run.Snapshot(), Cancelled = cancelled };
    }

    /// <summary>Loads the journal; recipients pending when the last run stopped may have been sent: recorded Unknown, never resent.</summary>
    private async Task ResumeAsync(Run run, CancellationToken cancellationToken)
    {
        var inFlight = new List<CampaignJournalEntry>();
        await foreach (var entry in journal.ReadAsync(run.Campaign.Id, cancellationToken).ConfigureAwait(false))
        {
            run.Known[entry.Phone.Digits] = entry.State == CampaignRecipientState.Pending ? CampaignRecipientState.Unknown : entry.State;
            if (entry.State == CampaignRecipientState.Pending)
            {
                inFlight.Add(entry with { State = CampaignRecipientState.Unknown, Detail = "InFlightWhenStopped" });
            }
        }

        if (inFlight.Count > 0)
        {
            await journal.RecordOutcomesAsync(run.Campaign.Id, inFlight, CancellationToken.None).ConfigureAwait(false);
            run.Unknown += inFlight.Count;
        }
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
        foreach (var part in Render(run.Campaign.Template, chunk, outcomes))
        {
            if (stop || cancellationToken.IsCancellationRequested)
            {
                stop = true;
                outcomes.AddRange(part.Phones.Select(p => new CampaignJournalEntry(p, CampaignRecipientState.NotSent, Detail: nameof(ViberErrorCode.Cancelled))));
                continue;
            }

            try
            {
                var result = await sender.SendAsync(run.Campaign.Template.WithRecipients(part.Phones, part.Text), cancellationToken).ConfigureAwait(false);
                outcomes.AddRange(result.Recipients.Select(ToEntry));
            }
            catch (SendCanceledException e)
            {
                stop = true;
                outcomes.AddRange(e.Result is { } partial
                    ? partial.Recipients.Select(ToEntry)
                    : part.Phones.Select(p => new CampaignJournalEntry(p, CampaignRecipientState.Unknown, Detail: nameof(ViberErrorCode.Cancelled))));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                stop = true;
                outcomes.AddRange(part.Phones.Select(p => new CampaignJournalEntry(p, CampaignRecipientState.NotSent, Detail: nameof(ViberErrorCode.Cancelled))));
            }
            catch (ViberMessagingException e)
            {
                outcomes.AddRange(part.Phones.Select(p => FromError(p, e)));
            }
        }

        await journal.RecordOutcomesAsync(run.Campaign.Id, outcomes, CancellationToken.None).ConfigureAwait(false);
        run.Count(outcomes);
        progress?.Report(run.Snapshot());
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
                outcomes.Add(new CampaignJournalEntry(recipient.Phone, CampaignRecipientState.NotSent, Detail: $"{nameof(ViberErrorCode.ValidationFailed)}: no variable '{missing}'"));
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
        RecipientStatus.Rejected => new CampaignJournalEntry(result.Recipient, CampaignRecipientState.Rejected, Detail: result.Reason?.ToString() ?? result.ProviderCode),
        _ => FromError(result.Recipient, result.Error),
    };

    private static CampaignJournalEntry FromError(PhoneNumber phone, ViberMessagingException? error)
        => new(phone, error is { Outcome: SendOutcome.NotSent } ? CampaignRecipientState.NotSent : CampaignRecipientState.Unknown, Detail: (error?.ErrorCode ?? ViberErrorCode.Unknown).ToString());

    /// <summary>One run's state: the journal's index and the counts.</summary>
    private sealed class Run(CampaignDefinition campaign, TimeProvider time)
    {
        private readonly long _started = time.GetTimestamp();
        private readonly Dictionary<ViberErrorCode, long> _notSent = [];

        public CampaignDefinition Campaign { get; } = campaign;

        public Dictionary<string, CampaignRecipientState> Known { get; } = new(StringComparer.Ordinal);

        public long AlreadyDone { get; set; }

        public long Unknown { get; set; }

        private long Sent { get; set; }

        private long Accepted { get; set; }

        private long Rejected { get; set; }

        public void Count(List<CampaignJournalEntry> outcomes)
        {
            foreach (var outcome in outcomes)
            {
                Known[outcome.Phone.Digits] = outcome.State;
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
