namespace ViberMessaging;

/// <summary>The outcome of a send for one recipient.</summary>
public sealed class RecipientResult
{
    /// <summary>The recipient.</summary>
    public required PhoneNumber Recipient { get; init; }

    /// <summary>Accepted, rejected or failed.</summary>
    public required RecipientStatus Status { get; init; }

    /// <summary>The id to ask for the delivery status with, when <see cref="Status"/> is <see cref="RecipientStatus.Accepted"/>.</summary>
    public MessageId? MessageId { get; init; }

    /// <summary>The two-way chat the message opened or was sent in, where the provider returns one.</summary>
    public string? ChatId { get; init; }

    /// <summary>Why the provider rejected the recipient, when <see cref="Status"/> is <see cref="RecipientStatus.Rejected"/>.</summary>
    public DeliveryFailureReason? Reason { get; init; }

    /// <summary>The provider's own code or wording for a rejection (for example <c>blackList</c> or <c>error-address-format</c>).</summary>
    public string? ProviderCode { get; init; }

    /// <summary>The failure of the request that carried this recipient, when <see cref="Status"/> is <see cref="RecipientStatus.Failed"/>.</summary>
    public ViberMessagingException? Error { get; init; }

    /// <summary>
    /// The providers a router (<c>AddRouter</c>) went through for this recipient, in order: those it skipped, those it
    /// failed over from, and the one it ended at. Empty when the message was sent through a provider directly.
    /// </summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<RouteAttempt> Route { get; init; } = [];

    /// <summary>Returns the recipient, the status and the id or reason.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => Status switch
    {
        RecipientStatus.Accepted => $"{Recipient}: Accepted {MessageId}",
        RecipientStatus.Rejected => $"{Recipient}: Rejected {Reason} ({ProviderCode})",
        _ => $"{Recipient}: Failed {Error?.ErrorCode} ({Error?.Outcome})",
    };
}
