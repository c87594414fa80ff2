using ViberMessaging.Testing;

namespace ViberMessaging.Tests.Conventions;

/// <summary>
/// The public API is a deliberate decision: it must equal the committed listing in api/. When it changes on
/// purpose, the test writes api/&lt;Assembly&gt;.received.txt; review it and copy it over the listing.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Assemblies => new() { "ViberMessaging", "ViberMessaging.Testing" };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicApi_EqualsTheCommittedListing(string assemblyName)
    {
        var assembly = assemblyName == "ViberMessaging" ? typeof(IViberSender).Assembly : typeof(ViberEmulator).Assembly;
        var actual = PublicApiListing.Describe(assembly);
        var listing = Path.Combine(RepositoryPaths.Root, "api", assemblyName + ".txt");
        var received = Path.Combine(RepositoryPaths.Root, "api", assemblyName + ".received.txt");
        var expected = File.Exists(listing) ? File.ReadAllText(listing).ReplaceLineEndings("\n") : string.Empty;

        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            File.WriteAllText(received, actual);
            var added = actual.Split('\n').Except(expected.Split('\n')).Take(15);
            var removed = expected.Split('\n').Except(actual.Split('\n')).Take(15);
            Assert.Fail($"The public API of {assemblyName} changed. Review {received} and copy it to {listing}.\n"
                + "Added:\n  " + string.Join("\n  ", added) + "\nRemoved:\n  " + string.Join("\n  ", removed));
        }

        File.Delete(received);
    }
}
