namespace ViberMessaging;

/// <summary>
/// A send was cancelled after at least one of its requests had been written to the provider: the provider may have
/// processed it (<see cref="Outcome"/> is <see cref="SendOutcome.Unknown"/>), so sending again may deliver the message
/// twice. It derives from <see cref="OperationCanceledException"/>, so <c>catch (OperationCanceledException)</c>
/// still catches it; catch this type first to learn which recipients to reconcile.
/// </summary>
/// <remarks>
/// A send cancelled before any request was written throws a plain <see cref="OperationCanceledException"/>: nothing
/// was sent. A send of several requests of which some finished before the cancellation returns its
/// <see cref="SendResult"/> instead, with the cancelled recipients <see cref="RecipientStatus.Failed"/>
/// (<see cref="ViberErrorCode.Cancelled"/>, and each error's <see cref="ViberMessagingException.Outcome"/> saying
/// whether that request had been written).
/// </remarks>
public sealed class SendCanceledException : OperationCanceledException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="providerName">The registered provider name.</param>
    /// <param name="recipients">The recipients the provider may have processed; empty (or <see langword="null"/>) when the SDK does not know them (a reply in a chat).</param>
    /// <param name="result">Every recipient's outcome, when the send had recipients.</param>
    /// <param name="innerException">The cancellation.</param>
    /// <param name="cancellationToken">The token that was cancelled.</param>
    public SendCanceledException(
        string providerName,
        IReadOnlyList<PhoneNumber> recipients,
        SendResult? result,
        Exception? innerException,
        CancellationToken cancellationToken)
        : base(
            $"[{providerName}] The send was cancelled after its request was written; the provider may have processed it (outcome Unknown). Check the status or reconcile before sending again.",
            innerException,
            cancellationToken)
    {
        ProviderName = providerName;
        Recipients = recipients ?? [];
        Result = result;
    }

    /// <summary>The registered name of the provider the request was written to.</summary>
    public string ProviderName { get; }

    /// <summary>Always <see cref="SendOutcome.Unknown"/>: the provider may have processed the request.</summary>
    public SendOutcome Outcome => SendOutcome.Unknown;

    /// <summary>The recipients the provider may have processed; empty when the SDK does not know them (a reply in a chat, where the provider names the recipient only in its answer).</summary>
    public IReadOnlyList<PhoneNumber> Recipients { get; }

    /// <summary>
    /// Every recipient's outcome, in the order they were given, when the send had recipients: each one that may have
    /// been processed is <see cref="RecipientStatus.Failed"/> with a <see cref="ViberErrorCode.Cancelled"/> error whose
    /// outcome is <see cref="SendOutcome.Unknown"/> and which says when the request was written.
    /// </summary>
    public SendResult? Result { get; }

    /// <summary>When the request was written, where the SDK knows it (for the per-recipient errors).</summary>
    internal DateTimeOffset? RequestWrittenAt { get; init; }

    /// <summary>The account's non-secret identity (for the per-recipient errors).</summary>
    internal string? Account { get; init; }
}
