namespace ViberMessaging.Campaigns;

/// <summary>
/// Where a campaign records, durably, which recipients it is about to send and what became of them, so a restarted
/// campaign never sends a recipient twice. The core ships none (it stays free of native dependencies): the
/// <c>ViberMessaging.Sqlite</c> package adds an embedded SQLite journal (<c>UseSqliteCampaignJournal(path)</c>);
/// register your own implementation to keep it elsewhere.
/// </summary>
/// <remarks>
/// <para>
/// Implementations must make <see cref="RecordPendingAsync"/> durable before it returns (the runner sends right
/// after), and must be safe for one campaign run at a time per id. The calls of one run never overlap (the runner
/// serialises them even with several requests in flight); runs of different campaigns on one journal may call it
/// concurrently.
/// </para>
/// <para>
/// The runner never asks for the whole journal at once: it asks for the records of one chunk of input at a time
/// (<see cref="FindAsync"/>), so an implementation with an index on (campaign, recipient) keeps a run's memory
/// bounded whatever the campaign's size.
/// </para>
/// </remarks>
public interface ICampaignJournal
{
    /// <summary>
    /// Records, durably, every recipient still <see cref="CampaignRecipientState.Pending"/> (its request was in flight
    /// when the last run stopped) as <see cref="CampaignRecipientState.Unknown"/>. Called once when a run starts.
    /// </summary>
    /// <param name="campaignId">The campaign's id.</param>
    /// <param name="cancellationToken">Cancels the recovery.</param>
    /// <returns>How many recipients were in flight.</returns>
    Task<long> RecoverInFlightAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Reads the latest record of each of these recipients that the journal holds.</summary>
    /// <param name="campaignId">The campaign's id.</param>
    /// <param name="recipients">The recipients of the next chunk of input.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One record per recipient the journal knows, in no particular order; recipients it has never seen are absent.</returns>
    Task<IReadOnlyList<CampaignJournalEntry>> FindAsync(string campaignId, IReadOnlyList<PhoneNumber> recipients, CancellationToken cancellationToken = default);

    /// <summary>Streams every recipient's latest record of a campaign (empty for a new campaign), for summaries and exports.</summary>
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
