using System.Threading.RateLimiting;

namespace ViberMessaging.Redis;

/// <summary>A permit refused because the account is paused (a 429 seen by any instance) for longer than the SDK waits.</summary>
internal sealed class RedisRefusedLease(TimeSpan retryAfter) : RateLimitLease
{
    public override bool IsAcquired => false;

    public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
        return metadata is not null;
    }
}
