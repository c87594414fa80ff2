using System.Buffers;
using System.Runtime.ExceptionServices;

namespace ViberMessaging.Campaigns;

/// <summary>
/// The <see cref="ICampaignRunner"/>: reads the journal, marks what was in flight as Unknown, then streams the input in
/// chunks (the journal asked one chunk at a time) — pending recorded durably, sent, outcomes recorded — skipping every recipient with a known outcome.
/// "May it have been sent?" is each error's <see cref="ViberMessagingException.Outcome"/>, never decided here.
/// </summary>
internal sealed partial class CampaignRunner(ICampaignJournal journal, TimeProvider time, IDeliveryTracker? tracker = null) : ICampaignRunner
{
    private static readonly SearchValues<char> IdCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_");

    public async Task<CampaignSummary> RunAsync(
        IViberSender sender,
        CampaignDefinition campaign,
        IAsyncEnumerable<CampaignRecipient> recipients,
        IProgress<CampaignProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var chunkSize = ChunkSize(sender, campaign, recipients);
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
                if (!await SendReadyAsync(sender, run, ready, chunkSize, keep: chunkSize - 1, window, progress, cancellationToken).ConfigureAwait(false))
                {
                    return Summary(run, cancelled: true);
                }
            }

            await LookUpAsync(run, read, ready, window, cancellationToken).ConfigureAwait(false);
            if (!await SendReadyAsync(sender, run, ready, chunkSize, keep: 0, window, progress, cancellationToken).ConfigureAwait(false))
            {
                return Summary(run, cancelled: true);
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

    /// <summary>Sends whole chunks from <paramref name="ready"/> until at most <paramref name="keep"/> recipients are left; <see langword="false"/> when the run must stop.</summary>
    private async Task<bool> SendReadyAsync(IViberSender sender, Run run, List<CampaignRecipient> ready, int chunkSize, int keep, HashSet<string> window, IProgress<CampaignProgress>? progress, CancellationToken cancellationToken)
    {
        while (ready.Count > keep)
        {
            if (!await SendNextAsync(sender, run, ready, chunkSize, window, progress, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks the arguments and returns the recipients per request.</summary>
    private static int ChunkSize(IViberSender sender, CampaignDefinition campaign, IAsyncEnumerable<CampaignRecipient> recipients)
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

        return chunkSize;
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

    /// <summary>
    /// Sends one chunk, one request per rendered text, each journaled pending just before it goes and its outcome just
    /// after: a crash leaves only the request in flight Unknown. Returns <see langword="false"/> when the run must stop.
    /// </summary>
    private async Task<bool> SendChunkAsync(IViberSender sender, Run run, List<CampaignRecipient> chunk, IProgress<CampaignProgress>? progress, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var unsent = new List<CampaignJournalEntry>();
        var outcomes = new List<CampaignJournalEntry>(chunk.Count);
        var stop = false;
        ViberValidationException? invalidTemplate = null;
        foreach (var part in Render(run.Campaign.Template, chunk, unsent))
        {
            if (stop || cancellationToken.IsCancellationRequested)
            {
                stop = true;
                unsent.AddRange(part.Phones.Select(p => new CampaignJournalEntry(p, CampaignRecipientState.NotSent, detail: nameof(ViberErrorCode.Cancelled))));
                continue;
            }

            // Durable before this request is sent, and never cut half-way by the caller's token: a recipient journaled
            // as pending and then not sent would only be reported Unknown, never lost or sent twice.
            await journal.RecordPendingAsync(run.Campaign.Id, part.Phones, CancellationToken.None).ConfigureAwait(false);
            var sent = await SendPartAsync(sender, run, part.Text, part.Phones, cancellationToken).ConfigureAwait(false);
            await journal.RecordOutcomesAsync(run.Campaign.Id, sent.Outcomes, CancellationToken.None).ConfigureAwait(false);
            outcomes.AddRange(sent.Outcomes);
            stop = sent.Stop;
            invalidTemplate ??= sent.InvalidTemplate;
        }

        if (unsent.Count > 0)
        {
            await journal.RecordOutcomesAsync(run.Campaign.Id, unsent, CancellationToken.None).ConfigureAwait(false);
            outcomes.AddRange(unsent);
        }

        run.Count(outcomes);
        progress?.Report(run.Snapshot());
        if (invalidTemplate is not null)
        {
            ExceptionDispatchInfo.Throw(invalidTemplate);
        }

        return !stop;
    }

    /// <summary>One request: what became of each recipient, and whether the run must stop.</summary>
    private async Task<(List<CampaignJournalEntry> Outcomes, bool Stop, ViberValidationException? InvalidTemplate)> SendPartAsync(IViberSender sender, Run run, string? text, PhoneNumber[] phones, CancellationToken cancellationToken)
    {
        try
        {
            var result = await sender.SendAsync(run.Campaign.Template.WithRecipients(phones, text), cancellationToken).ConfigureAwait(false);
            tracker?.Track(result);
            return ([.. result.Recipients.Select(ToEntry)], false, null);
        }
        catch (SendCanceledException e)
        {
            return (e.Result is { } partial
                ? [.. partial.Recipients.Select(ToEntry)]
                : [.. phones.Select(p => new CampaignJournalEntry(p, CampaignRecipientState.Unknown, detail: nameof(ViberErrorCode.Cancelled)))], true, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ([.. phones.Select(p => new CampaignJournalEntry(p, CampaignRecipientState.NotSent, detail: nameof(ViberErrorCode.Cancelled)))], true, null);
        }
        catch (ViberValidationException e) when (!e.Errors.Any(r => r.Field.StartsWith(nameof(ViberMessage.Recipients), StringComparison.Ordinal)))
        {
            // The template itself breaks the provider's rules: every chunk would fail the same way, so the run stops
            // and throws it. Nothing was sent: the recipients are journaled NotSent, sent again once the template is fixed.
            return ([.. phones.Select(p => FromError(p, e))], true, e);
        }
        catch (ViberMessagingException e)
        {
            return ([.. phones.Select(p => FromError(p, e))], false, null);
        }
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
}
