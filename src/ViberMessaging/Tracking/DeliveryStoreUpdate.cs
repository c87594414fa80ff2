namespace ViberMessaging;

/// <summary>What <see cref="IDeliveryStore.MergeAsync"/> did: the stored report after the merge and whether it changed.</summary>
public readonly struct DeliveryStoreUpdate
{
    /// <summary>Creates the outcome of a merge.</summary>
    /// <param name="report">The stored report after the merge.</param>
    /// <param name="changed">Whether it differs from the stored report before.</param>
    public DeliveryStoreUpdate(DeliveryReport report, bool changed)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
        Changed = changed;
    }

    /// <summary>The stored report after the merge.</summary>
    public DeliveryReport Report { get; }

    /// <summary>Whether it differs from the stored report before (always <see langword="true"/> for the first report of a message); a repeat or a stale status is no change.</summary>
    public bool Changed { get; }
}
