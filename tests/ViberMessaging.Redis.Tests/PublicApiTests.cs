using ViberMessaging.Tests.Conventions;

namespace ViberMessaging.Redis.Tests;

/// <summary>The package's public API equals the committed listing api/ViberMessaging.Redis.txt (as for the other packages).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_EqualsTheCommittedListing()
    {
        var actual = PublicApiListing.Describe(typeof(RedisPacingOptions).Assembly);
        var listing = Path.Combine(RepositoryPaths.Root, "api", "ViberMessaging.Redis.txt");
        var received = Path.Combine(RepositoryPaths.Root, "api", "ViberMessaging.Redis.received.txt");
        var expected = File.Exists(listing) ? File.ReadAllText(listing).ReplaceLineEndings("\n") : string.Empty;

        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            File.WriteAllText(received, actual);
            Assert.Fail($"The public API of ViberMessaging.Redis changed. Review {received} and copy it to {listing}.");
        }

        File.Delete(received);
    }
}
