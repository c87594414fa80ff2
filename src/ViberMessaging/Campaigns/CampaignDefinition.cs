namespace ViberMessaging.Campaigns;

/// <summary>What a campaign sends: its id (the journal's key, so a restart resumes it) and the message template.</summary>
public sealed class CampaignDefinition
{
    /// <summary>The default of <see cref="MaxConcurrentRequests"/>: 4.</summary>
    public const int DefaultMaxConcurrentRequests = 4;

    /// <summary>The largest <see cref="MaxConcurrentRequests"/> accepted: 32 (more only holds more chunks in memory and more recipients Unknown after a crash; the provider's rate is the bound).</summary>
    public const int MaxConcurrentRequestsLimit = 32;

    /// <summary>
    /// The campaign's id: running a campaign with the id of one already started resumes it. Letters, digits,
    /// <c>.</c>, <c>-</c> and <c>_</c>, at most 100 characters.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>
    /// The message sent to every recipient; its <see cref="ViberMessage.Recipients"/> are ignored. <c>{name}</c> in
    /// <see cref="ViberMessage.Text"/> is replaced by the recipient's variable <c>name</c> (<c>{{</c> and <c>}}</c>
    /// for literal braces); a recipient without a variable the text uses is not sent (<see cref="CampaignRecipientState.NotSent"/>).
    /// </summary>
    public required ViberMessage Template { get; init; }

    /// <summary>The most recipients per send (one request where the provider allows as many).</summary>
    /// <value><see langword="null"/>: the sender's <see cref="ProviderCapabilities.MaxRecipientsPerRequest"/>.</value>
    public int? ChunkSize { get; init; }

    /// <summary>How many recipients the input holds, if known: <see cref="CampaignProgress.EstimatedRemaining"/> is computed from it.</summary>
    /// <value><see langword="null"/> by default.</value>
    public long? ExpectedRecipients { get; init; }

    /// <summary>
    /// The most requests in flight at once, from 1 to <see cref="MaxConcurrentRequestsLimit"/>. Each is still journaled
    /// pending just before it goes and its outcome just after, so a crash leaves at most this many requests'
    /// recipients <see cref="CampaignRecipientState.Unknown"/>. Pacing stays the sender's: requests beyond the
    /// provider's rate wait in its limiter (already journaled pending).
    /// </summary>
    /// <value>
    /// 4: enough to keep SMS Club's 9 requests per second busy with round trips up to about 400 ms (9/s × 0.4 s ≈ 4),
    /// while a crash leaves at most 4 requests Unknown. 1 sends one request at a time.
    /// </value>
    public int MaxConcurrentRequests { get; init; } = DefaultMaxConcurrentRequests;

    /// <summary>
    /// Whether recipients an earlier run left <see cref="CampaignRecipientState.Unknown"/> (their request may have been
    /// processed, or was in flight at a crash) are sent again when they appear in the input. The provider may then
    /// deliver (and bill) them twice: turn it on only once you have decided they were not sent. The recipients sent
    /// again are counted in <see cref="CampaignProgress.Resent"/>.
    /// </summary>
    /// <value><see langword="false"/>: Unknown recipients are never sent again.</value>
    public bool ResendUnknown { get; init; }
}
