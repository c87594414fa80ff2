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

    /// <summary>
    /// The provider's answer this result was read from, for what the neutral model does not carry (as
    /// Microsoft.Extensions.AI's <c>RawRepresentation</c>): the provider's parsed answer to the request, or, for a send
    /// the SDK split into several requests, an <see cref="IReadOnlyList{T}"/> of <see cref="object"/> with each
    /// request's answer in request order (<see langword="null"/> for a request that failed); for a send through a router
    /// that went to several providers, each provider result's own <see cref="RawRepresentation"/>, in completion order.
    /// </summary>
    /// <value>
    /// <see langword="null"/> when no answer was read. The object is the SDK's own record of the provider's JSON: its
    /// <see cref="object.ToString"/> lists the fields the provider sent; its type is not part of the public API and may
    /// change between versions, so read it for diagnostics, not as a contract.
    /// </value>
    public object? RawRepresentation { get; init; }

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
