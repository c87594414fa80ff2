using ViberMessaging.Tests.Conventions;

namespace ViberMessaging.AspNetCore.Tests;

/// <summary>The package's public API equals the committed listing api/ViberMessaging.AspNetCore.txt (as for the other packages).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_EqualsTheCommittedListing()
    {
        var actual = PublicApiListing.Describe(typeof(ViberCallbackOptions).Assembly);
        var listing = Path.Combine(RepositoryPaths.Root, "api", "ViberMessaging.AspNetCore.txt");
        var received = Path.Combine(RepositoryPaths.Root, "api", "ViberMessaging.AspNetCore.received.txt");
        var expected = File.Exists(listing) ? File.ReadAllText(listing).ReplaceLineEndings("\n") : string.Empty;

        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            File.WriteAllText(received, actual);
            Assert.Fail($"The public API of ViberMessaging.AspNetCore changed. Review {received} and copy it to {listing}.");
        }

        File.Delete(received);
    }
}
