using System.Buffers;

namespace ViberMessaging.Campaigns;

/// <summary>
/// The <see cref="ICampaignRunner"/>: reads the journal, marks what was in flight as Unknown, then streams the input in
/// chunks (the journal asked one chunk at a time) — each request recorded pending durably, sent, its outcomes recorded,
/// up to <see cref="CampaignDefinition.MaxConcurrentRequests"/> at once — skipping every recipient with a known outcome.
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

        // Recipients pending when the last run stopped may have been sent: recorded Unknown, never resent (unless the
        // user said so: ResendUnknown).
        run.Unknown += await journal.RecoverInFlightAsync(campaign.Id, CancellationToken.None).ConfigureAwait(false);

        using var requests = new Requests(this, journal, sender, run, progress, cancellationToken);
        var cancelled = false;
        try
        {
            await StreamAsync(requests, run, recipients, chunkSize, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while reading the input or the journal: the recipients read but not sent were never journaled,
            // so a resume sends them.
            cancelled = true;
        }
        finally
        {
            // Requests in flight finish (or are cut by the token) and are journaled before the run returns or throws.
            await requests.DrainAsync().ConfigureAwait(false);
        }

        requests.ThrowIfFailed();
        return new CampaignSummary { CampaignId = campaign.Id, Progress = run.Snapshot(), Cancelled = cancelled || requests.Cancelled };
    }

    /// <summary>
    /// Reads the input in chunks, looks each up in the journal and hands what is left to <paramref name="requests"/>,
    /// until the input ends or the run must stop. Memory: at most one chunk read but not yet looked up, less than two
    /// chunks looked up and waiting, the chunk being dispatched and the requests in flight, whatever the size of the
    /// input or of the journal (the journal is asked one chunk at a time).
    /// </summary>
    private static async Task StreamAsync(Requests requests, Run run, IAsyncEnumerable<CampaignRecipient> recipients, int chunkSize, CancellationToken cancellationToken)
    {
        var read = new List<CampaignRecipient>(chunkSize);
        var ready = new List<CampaignRecipient>(2 * chunkSize);
        await foreach (var recipient in recipients.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!requests.Window.Add(recipient.Phone.Digits))
            {
                run.AlreadyDone++;
                continue;
            }

            read.Add(recipient);
            if (read.Count < chunkSize)
            {
                continue;
            }

            await LookUpAsync(run, read, ready, requests).ConfigureAwait(false);
            if (!await SendReadyAsync(requests, ready, chunkSize, keep: chunkSize - 1).ConfigureAwait(false))
            {
                return;
            }
        }

        await LookUpAsync(run, read, ready, requests).ConfigureAwait(false);
        await SendReadyAsync(requests, ready, chunkSize, keep: 0).ConfigureAwait(false);
    }

    /// <summary>Sends whole chunks from <paramref name="ready"/> until at most <paramref name="keep"/> recipients are left; <see langword="false"/> when the run must stop.</summary>
    private static async Task<bool> SendReadyAsync(Requests requests, List<CampaignRecipient> ready, int chunkSize, int keep)
    {
        while (ready.Count > keep)
        {
            var count = Math.Min(chunkSize, ready.Count);
            var chunk = ready.GetRange(0, count);
            ready.RemoveRange(0, count);
            if (!await requests.SendChunkAsync(chunk).ConfigureAwait(false))
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

        if (campaign.MaxConcurrentRequests is < 1 or > CampaignDefinition.MaxConcurrentRequestsLimit)
        {
            throw new ArgumentException($"CampaignDefinition.MaxConcurrentRequests must be from 1 to {CampaignDefinition.MaxConcurrentRequestsLimit}; {campaign.MaxConcurrentRequests} is not.", nameof(campaign));
        }

        var chunkSize = campaign.ChunkSize ?? sender.Capabilities.MaxRecipientsPerRequest;
        if (chunkSize < 1)
        {
            throw new ArgumentException($"CampaignDefinition.ChunkSize must be at least 1; {chunkSize} is not.", nameof(campaign));
        }

        return chunkSize;
    }

    /// <summary>
    /// Moves the recipients read to <paramref name="ready"/>, except those whose outcome the journal already knows
    /// (Unknown ones are sent again only when <see cref="CampaignDefinition.ResendUnknown"/> is on).
    /// </summary>
    private static async Task LookUpAsync(Run run, List<CampaignRecipient> read, List<CampaignRecipient> ready, Requests requests)
    {
        if (read.Count == 0)
        {
            return;
        }

        var known = await requests.FindAsync(read.ConvertAll(r => r.Phone)).ConfigureAwait(false);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in known)
        {
            if (entry.State == CampaignRecipientState.NotSent)
            {
                continue;
            }

            if (entry.State == CampaignRecipientState.Unknown && run.Campaign.ResendUnknown)
            {
                requests.Resend.Add(entry.Phone.Digits);
                continue;
            }

            done.Add(entry.Phone.Digits);
        }

        foreach (var recipient in read)
        {
            if (done.Contains(recipient.Phone.Digits))
            {
                run.AlreadyDone++;
                requests.Window.Remove(recipient.Phone.Digits);
            }
            else
            {
                ready.Add(recipient);
            }
        }

        read.Clear();
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

    /// <summary>One request: what became of each recipient, and whether the run must stop.</summary>
    private async Task<RequestResult> SendPartAsync(IViberSender sender, Run run, string? text, PhoneNumber[] phones, CancellationToken cancellationToken)
    {
        try
        {
            var result = await sender.SendAsync(run.Campaign.Template.WithRecipients(phones, text), cancellationToken).ConfigureAwait(false);
            tracker?.Track(result);
            return new([.. result.Recipients.Select(ToEntry)], false, null);
        }
        catch (SendCanceledException e)
        {
            return new(
                e.Result is { } partial
                    ? [.. partial.Recipients.Select(ToEntry)]
                    : [.. phones.Select(p => new CampaignJournalEntry(p, CampaignRecipientState.Unknown, detail: nameof(ViberErrorCode.Cancelled)))],
                true,
                null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new([.. phones.Select(p => new CampaignJournalEntry(p, CampaignRecipientState.NotSent, detail: nameof(ViberErrorCode.Cancelled)))], true, null);
        }
        catch (ViberValidationException e) when (!e.Errors.Any(r => r.Field.StartsWith(nameof(ViberMessage.Recipients), StringComparison.Ordinal)))
        {
            // The template itself breaks the provider's rules: every chunk would fail the same way, so the run stops
            // and throws it. Nothing was sent: the recipients are journaled NotSent, sent again once the template is fixed.
            return new([.. phones.Select(p => FromError(p, e))], true, e);
        }
        catch (ViberMessagingException e)
        {
            return new([.. phones.Select(p => FromError(p, e))], false, null);
        }
    }

    private static CampaignJournalEntry ToEntry(RecipientResult result) => result.Status switch
    {
        RecipientStatus.Accepted => new CampaignJournalEntry(result.Recipient, CampaignRecipientState.Accepted, result.MessageId),
        RecipientStatus.Rejected => new CampaignJournalEntry(result.Recipient, CampaignRecipientState.Rejected, detail: result.Reason?.ToString() ?? result.ProviderCode),
        _ => FromError(result.Recipient, result.Error),
    };

    private static CampaignJournalEntry FromError(PhoneNumber phone, ViberMessagingException? error)
        => new(phone, error is { Outcome: SendOutcome.NotSent } ? CampaignRecipientState.NotSent : CampaignRecipientState.Unknown, detail: (error?.ErrorCode ?? ViberErrorCode.Unknown).ToString());

    /// <summary>What one request did: each recipient's outcome, whether the run must stop, and the template's error if that is why.</summary>
    private sealed record RequestResult(List<CampaignJournalEntry> Outcomes, bool Stop, ViberValidationException? InvalidTemplate);
}
