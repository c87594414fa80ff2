namespace ViberMessaging.Campaigns;

/// <summary>What a campaign sends: its id (the journal's key, so a restart resumes it) and the message template.</summary>
public sealed class CampaignDefinition
{
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
}
