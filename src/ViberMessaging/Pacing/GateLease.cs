namespace ViberMessaging.Pacing;

/// <summary>
/// A permit of a <see cref="ProviderRateGate"/> (or its refusal, or a probe for zero permits): which request holds it
/// and when it was granted, so the gate can place the request's departure and weigh its answer.
/// </summary>
internal sealed class GateLease(ProviderRateGate? gate, long sequence, long stamp, bool acquired) : PacingLease
{
    public ProviderRateGate? Gate { get; } = gate;

    public long Sequence { get; } = sequence;

    public long Stamp { get; } = stamp;

    public override bool IsAcquired { get; } = acquired;

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }

    public override void OnSent() => Gate?.OnSent(this);

    public override void OnCompleted() => Gate?.OnCompleted(this);

    public override void OnRateLimited(TimeSpan? retryAfter) => Gate?.OnRateLimited(this, retryAfter);

    // A lease given back without a report (an exception between permit and send) must not stay "in flight".
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Gate?.OnCompleted(this);
        }

        base.Dispose(disposing);
    }
}
