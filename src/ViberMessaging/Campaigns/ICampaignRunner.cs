namespace ViberMessaging.Campaigns;

/// <summary>
/// Sends a message template to a stream of recipients, in chunks of the provider's size, through any
/// <see cref="IViberSender"/> (a provider or a router), journaling every chunk so a restarted campaign resumes
/// without sending a recipient twice. Register it with <c>AddCampaignRunner()</c>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Never twice.</b> Before each send the runner records its recipients as pending, durably; after it, their
/// outcomes. A run with the id of an earlier one skips every recipient with a known outcome, sends again those
/// provably not sent, and reports those whose request was in flight when the earlier run stopped as
/// <see cref="CampaignRecipientState.Unknown"/>: never sent again automatically (check with the provider, then set
/// <see cref="CampaignDefinition.ResendUnknown"/> to send them again on your word).
/// </para>
/// <para>
/// Up to <see cref="CampaignDefinition.MaxConcurrentRequests"/> requests are in flight at once (each journaled on its
/// own), so a crash leaves at most that many requests' recipients Unknown. Memory stays bounded by a few chunks plus
/// the requests in flight, whatever the size of the input. Cancellation starts no new request; requests in flight
/// finish and are journaled with their outcome (Unknown if a request was cut after it may have been processed).
/// Thread-safe; run one campaign id at a time.
/// </para>
/// </remarks>
public interface ICampaignRunner
{
    /// <summary>Runs (or resumes) a campaign until its input ends or <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="sender">The provider or router to send through.</param>
    /// <param name="campaign">The campaign's id and template.</param>
    /// <param name="recipients">The recipients, streamed.</param>
    /// <param name="progress">Receives the counts after each send, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run between chunks; run again with the same id to resume.</param>
    /// <returns>The counts of this run.</returns>
    /// <exception cref="ArgumentException">The campaign's id, chunk size or <see cref="CampaignDefinition.MaxConcurrentRequests"/> is invalid.</exception>
    /// <exception cref="ViberValidationException">
    /// The template breaks the provider's rules (a field other than a recipient): the run stops at the first chunk,
    /// journaled NotSent (nothing was sent), and a run with the template fixed resumes it.
    /// </exception>
    Task<CampaignSummary> RunAsync(
        IViberSender sender,
        CampaignDefinition campaign,
        IAsyncEnumerable<CampaignRecipient> recipients,
        IProgress<CampaignProgress>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The final status pass and the campaign's summary: streams the journal (never loaded whole), reads the final
    /// status of every accepted recipient — from the delivery tracker when one is registered (<c>AddDeliveryTracking()</c>)
    /// and knows the message, otherwise through <paramref name="statusQuery"/>, a batch at a time — and writes one CSV row
    /// per recipient: <c>phone,state,message_id,delivery_status,status_at,detail</c> (RFC 4180, header first).
    /// </summary>
    /// <param name="campaignId">The campaign's id.</param>
    /// <param name="csv">Where the rows go; not closed.</param>
    /// <param name="statusQuery">The provider's or router's status query (the router asks the provider that accepted each message), or <see langword="null"/> to use the tracker alone.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The counts written.</returns>
    /// <exception cref="ArgumentException"><paramref name="campaignId"/> is empty.</exception>
    Task<CampaignExport> ExportAsync(string campaignId, TextWriter csv, IStatusQuery? statusQuery = null, CancellationToken cancellationToken = default);
}
