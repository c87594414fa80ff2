namespace ViberMessaging;

/// <summary>Reads the delivery status of messages sent through one provider account.</summary>
/// <remarks>
/// Implementations are thread-safe. Status requests are safe to repeat, so transient failures are retried.
/// </remarks>
public interface IStatusQuery : IViberProviderService
{
    /// <summary>Reads the current status of each message.</summary>
    /// <param name="messageIds">The ids returned by <see cref="IViberSender.SendAsync"/>, any number; they are split into requests of the size the provider allows.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>
    /// One report per id asked, in the order asked. An id the provider does not know (or no longer keeps) gets a report
    /// with <see cref="DeliveryStatus.Unknown"/> and an <see cref="DeliveryReport.Error"/>, never an exception.
    /// </returns>
    /// <exception cref="ViberValidationException">An id belongs to another provider or is malformed.</exception>
    /// <exception cref="ViberMessagingException">The provider could not be queried at all (credentials, outage).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<IReadOnlyList<DeliveryReport>> GetStatusesAsync(IEnumerable<MessageId> messageIds, CancellationToken cancellationToken = default);
}
