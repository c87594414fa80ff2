namespace ViberMessaging;

/// <summary>
/// Follows sent messages until their status is final: polls the providers for what no callback covers and takes the
/// callbacks they push (<c>ViberMessaging.AspNetCore</c>'s <c>MapViberCallbacks</c>), merges both into one
/// <see cref="IDeliveryStore"/> and announces every change once. Registered by <c>AddDeliveryTracking()</c>; polls
/// as a hosted service.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe. Nothing here sends a message: the tracker only reads statuses, through each account's
/// <see cref="IStatusQuery"/> and its pacing gate, so polling can never cause a duplicate send. While sends wait
/// for the account's permits, polling takes at most <see cref="DeliveryTrackerOptions.PollingShare"/> of them.
/// </para>
/// <para>
/// Reports are merged monotonically (<see cref="DeliveryReport.Merge"/>): a late "sent" never replaces "delivered",
/// a repeated callback changes nothing and is not announced again. A report that arrives before
/// <see cref="Track"/> (a callback faster than <see cref="IViberSender.SendAsync"/>'s answer) is kept and counted.
/// </para>
/// </remarks>
public interface IDeliveryTracker
{
    /// <summary>Starts following every accepted message of <paramref name="result"/>; rejected and failed recipients have no id and are skipped.</summary>
    /// <param name="result">What <see cref="IViberSender.SendAsync"/> returned.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    void Track(SendResult result);

    /// <summary>Merges a report the provider pushed (a callback) into the store and announces it if it changed anything.</summary>
    /// <param name="report">The report, for a tracked message or one not yet tracked.</param>
    /// <param name="cancellationToken">Cancels the store's write.</param>
    /// <returns>Whether the report changed the stored state (<see langword="false"/> for a repeat or a stale status).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<bool> ReportAsync(DeliveryReport report, CancellationToken cancellationToken = default);

    /// <summary>The latest known state of a message.</summary>
    /// <param name="messageId">The id <see cref="IViberSender.SendAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the store's read.</param>
    /// <returns>
    /// The merged report; <see cref="DeliveryStatus.Pending"/> for a tracked message nobody has reported on yet;
    /// <see langword="null"/> for an id neither tracked nor reported.
    /// </returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<DeliveryReport?> GetAsync(MessageId messageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every change from this call on, each merged report once, in the order the tracker learned them. The
    /// subscription starts when <see cref="WatchAsync"/> is called, not at the first <c>MoveNextAsync</c>: call it
    /// before you send, enumerate it once, whenever you like, and miss nothing. Each call is its own subscription;
    /// changes are buffered for a slow reader, none is dropped, until the enumeration ends or
    /// <paramref name="cancellationToken"/> is cancelled (a subscription you never enumerate ends only with its token).
    /// </summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The changes, until <paramref name="cancellationToken"/> is cancelled or the tracker is disposed.</returns>
    IAsyncEnumerable<DeliveryReport> WatchAsync(CancellationToken cancellationToken = default);
}
