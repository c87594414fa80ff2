namespace ViberMessaging;

/// <summary>What <see cref="IDeliveryStore.MergeAsync"/> did.</summary>
/// <param name="Report">The stored report after the merge.</param>
/// <param name="Changed">Whether it differs from the stored report before (always <see langword="true"/> for the first report of a message).</param>
public readonly record struct DeliveryStoreUpdate(DeliveryReport Report, bool Changed);
