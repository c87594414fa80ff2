namespace ViberMessaging.Campaigns;

/// <summary>
/// Where a campaign records, durably, which recipients it is about to send and what became of them, so a restarted
/// campaign never sends a recipient twice. The SDK's store is an append-only file per campaign
/// (<see cref="CampaignRunnerOptions.JournalDirectory"/>); register your own implementation to keep it elsewhere.
/// </summary>
/// <remarks>
/// Implementations must make <see cref="RecordPendingAsync"/> durable before it returns (the runner sends right
/// after), and must be safe for one campaign run at a time per id.
/// </remarks>
public interface ICampaignJournal
{
    /// <summary>Reads every recipient's latest record of a campaign (empty for a new campaign).</summary>
    /// <param name="campaignId">The campaign's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The latest record per recipient; <see cref="CampaignRecipientState.Pending"/> ones were in flight when the last run stopped.</returns>
    IAsyncEnumerable<CampaignJournalEntry> ReadAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Records, durably, that these recipients are about to be sent.</summary>
    /// <param name="campaignId">The campaign's id.</param>
    /// <param name="recipients">The recipients of the next request(s).</param>
    /// <param name="cancellationToken">Cancels the write (nothing is sent then).</param>
    /// <returns>A task that completes once the record is durable.</returns>
    Task RecordPendingAsync(string campaignId, IReadOnlyList<PhoneNumber> recipients, CancellationToken cancellationToken = default);

    /// <summary>Records the outcomes of sent recipients.</summary>
    /// <param name="campaignId">The campaign's id.</param>
    /// <param name="outcomes">One record per recipient.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the records are durable.</returns>
    Task RecordOutcomesAsync(string campaignId, IReadOnlyList<CampaignJournalEntry> outcomes, CancellationToken cancellationToken = default);
}
