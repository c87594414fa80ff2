namespace ViberMessaging;

/// <summary>
/// Where <see cref="IDeliveryTracker"/> keeps the latest merged report of each message. The default keeps them in
/// memory; register your own (<c>services.AddSingleton&lt;IDeliveryStore, MyStore&gt;()</c> before
/// <c>AddDeliveryTracking()</c>) to keep them across restarts.
/// </summary>
/// <remarks>
/// Implementations are thread-safe, and <see cref="MergeAsync"/> is atomic per message: it reads the stored report,
/// merges with <see cref="DeliveryReport.Merge"/> and writes the result back, so concurrent callbacks and polls about
/// the same message never lose each other's update.
/// </remarks>
public interface IDeliveryStore
{
    /// <summary>Merges <paramref name="report"/> into the stored report of its message (or stores it, if it is the first).</summary>
    /// <param name="report">The new report.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored report after the merge and whether it differs from the one before.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<DeliveryStoreUpdate> MergeAsync(DeliveryReport report, CancellationToken cancellationToken = default);

    /// <summary>The stored report of a message.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The report, or <see langword="null"/> when none is stored.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<DeliveryReport?> GetAsync(MessageId messageId, CancellationToken cancellationToken = default);
}
