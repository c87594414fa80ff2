namespace ViberMessaging;

/// <summary>Sends Viber business messages through one provider account.</summary>
/// <remarks>
/// <para>Implementations are thread-safe: register once, call from anywhere, concurrently.</para>
/// <para>
/// <b>A call never sends a message twice.</b> A failed attempt is retried only when the provider provably did not
/// receive it (connect failure, HTTP 429). When the outcome is unknown (a timeout or reset after the request was
/// written, an ambiguous 5xx), the call fails with <see cref="ViberErrorCode.OutcomeUnknown"/> instead of
/// retrying: check the status or reconcile before sending again.
/// </para>
/// <para>
/// Requests wait for the account's pacing gate (the provider's rate limit), so a large send takes as long as the
/// provider allows and does not trip its 429.
/// </para>
/// </remarks>
public interface IViberSender : IViberProviderService
{
    /// <summary>What the provider supports and its limits.</summary>
    ProviderCapabilities Capabilities { get; }

    /// <summary>Sends a message to its recipients.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels waiting for a permit or a response. A request already written may still be processed by the provider.</param>
    /// <returns>One result per recipient, in recipient order.</returns>
    /// <exception cref="ViberValidationException">The message breaks the provider's rules; nothing was sent.</exception>
    /// <exception cref="ViberMessagingException">
    /// No recipient could be sent: the error says why and, in <see cref="ViberMessagingException.Outcome"/>, whether
    /// the provider may have processed it. When only some requests of a long send fail, the call returns and those
    /// recipients are <see cref="RecipientStatus.Failed"/>.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<SendResult> SendAsync(ViberMessage message, CancellationToken cancellationToken = default);
}
