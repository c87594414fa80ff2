using System.Threading.RateLimiting;

namespace ViberMessaging.Pacing;

/// <summary>A permit refused because the provider asked for a longer pause than the SDK waits out; says how long is left.</summary>
internal sealed class RefusedLease(TimeSpan retryAfter) : RateLimitLease
{
    public override bool IsAcquired => false;

    public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
        return metadata is not null;
    }
}
