namespace ViberMessaging.Campaigns;

/// <summary>The runner's final pass: each recipient's journal entry and final status, as a summary CSV.</summary>
internal sealed partial class CampaignRunner
{
    /// <summary>Journal entries per status query in the final pass (the provider splits it further into the requests it allows).</summary>
    private const int StatusBatch = 500;

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
}
