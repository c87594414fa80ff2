namespace ViberMessaging;

/// <summary>The outcome of <see cref="IViberSender.SendAsync"/>: one entry per recipient, in the order they were given.</summary>
/// <remarks>
/// A send that needed several requests can partly fail: the recipients of a failed request are
/// <see cref="RecipientStatus.Failed"/> and carry the error, the rest are accepted or rejected as the provider said.
/// No recipient is ever missing from <see cref="Recipients"/>.
/// </remarks>
public sealed class SendResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="providerName">The registered provider name.</param>
    /// <param name="recipients">One entry per recipient, in the order they were given.</param>
    /// <param name="batchIds">Any ids the provider gave the requests as a whole (for example SMS.by's request uuid).</param>
    public SendResult(string providerName, IReadOnlyList<RecipientResult> recipients, IReadOnlyList<string>? batchIds = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerName);
        ArgumentNullException.ThrowIfNull(recipients);
        ProviderName = providerName;
        Recipients = recipients;
        BatchIds = batchIds ?? [];
        foreach (var recipient in recipients)
        {
            switch (recipient.Status)
            {
                case RecipientStatus.Accepted: AcceptedCount++; break;
                case RecipientStatus.Rejected: RejectedCount++; break;
                default: FailedCount++; break;
            }
        }
    }

    /// <summary>The registered name of the provider that sent the message.</summary>
    public string ProviderName { get; }

    /// <summary>One entry per recipient, in the order they were given.</summary>
    public IReadOnlyList<RecipientResult> Recipients { get; }

    /// <summary>Ids the provider gave the requests as a whole, if any.</summary>
    public IReadOnlyList<string> BatchIds { get; }

    /// <summary>How many recipients the provider accepted.</summary>
    public int AcceptedCount { get; }

    /// <summary>How many recipients the provider rejected.</summary>
    public int RejectedCount { get; }

    /// <summary>How many recipients were in requests that failed.</summary>
    public int FailedCount { get; }

    /// <summary>Whether every recipient was accepted.</summary>
    public bool IsFullyAccepted => AcceptedCount == Recipients.Count;

    /// <summary>The accepted message ids, in recipient order.</summary>
    public IEnumerable<MessageId> MessageIds
        => Recipients.Where(r => r.MessageId is not null).Select(r => r.MessageId!.Value);

    /// <summary>Returns the provider and the counts.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString()
        => $"{ProviderName}: {AcceptedCount} accepted, {RejectedCount} rejected, {FailedCount} failed of {Recipients.Count}";
}
