using System.Globalization;
using System.Text.RegularExpressions;
using ViberMessaging.Providers;
using ViberMessaging.Tests.Reliability;

namespace ViberMessaging.Tests.Conventions;

/// <summary>
/// <see cref="ProviderManifest.All"/> is the one list of providers: code outside the providers' folders reads it (or
/// <see cref="ViberProviders.All"/>, its public face) instead of naming each provider, and every provider has the same
/// test folders as every other. A file outside a <c>Providers/</c> folder that names every provider in code (not in
/// comments) is a list or a switch a fifth provider would have to edit: only the files below may, each for the reason
/// given, and the list may only shrink. (Naming one or two providers as the example of a shared feature is fine.)
/// </summary>
public sealed partial class ProviderListTests
{
    /// <summary>Files outside the providers' folders that still name every provider in code, and why.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        // The public names: one constant per provider is the API users type (ViberProviders.All reads the manifest).
        ["src/ViberMessaging/Abstractions/ViberProviders.cs"] = "the public provider names",

        // Public API of ViberMessaging.Testing: one property per credential since 1.0; a dictionary would break users.
        ["src/ViberMessaging.Testing/ViberEmulatorOptions.cs"] = "EmulatorCredentials' public properties",

        // The README quickstart, compiled: it shows each provider's own Add<Provider>() call and the names users key by.
        ["samples/Quickstart/Program.cs"] = "the README quickstart and one message per provider, as rich as each allows",
        ["tests/PackageSmoke/Consumer/Program.cs"] = "the README quickstart against the packed package",

        // Measurement tools: hand-written raw clients per provider are the baseline being measured against.
        ["tests/ViberMessaging.Benchmarks/Clients.cs"] = "the raw HttpClient baseline of each provider",
        ["tests/ViberMessaging.PacingHarness/Clients.cs"] = "the SDK pointed at an out-of-process emulator",
        ["tests/ViberMessaging.PacingHarness/Scenarios.cs"] = "per-provider pacing scenarios",
    };

    /// <summary>What every provider's folder under tests/ViberMessaging.Tests/Providers holds.</summary>
    private static readonly string[] TestFileSet =
    [
        "{0}ReliabilityCase.cs", "{0}ValidationRules.cs", "{0}FuzzOperations.cs", "{0}LargeIdTests.cs",
        "{0}RequestMapperTests.cs", "{0}ResponseMapperTests.cs", "{0}ErrorMapperTests.cs", "{0}MessageValidatorTests.cs",
        "{0}ViberClientTests.cs", "{0}ViberMessagingBuilderExtensionsTests.cs",
    ];

    public static TheoryData<string> Providers => new(ProviderManifest.All.Select(p => p.Name));

    [Fact]
    public void ViberProvidersAll_IsTheManifestInItsOrder()
        => Assert.Equal(ProviderManifest.All.Select(p => p.Name), ViberProviders.All);

    [Fact]
    public void TestFolders_OneProviderFolderPerManifestEntry()
    {
        var manifest = ProviderManifest.All.Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(manifest, Folders("tests", "ViberMessaging.Tests", "Providers"));
        Assert.Equal(manifest, Folders("tests", "ViberMessaging.Testing.Tests", "Providers"));
        Assert.Equal(manifest, Folders("tests", "ViberMessaging.ContractTests", "Providers"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ProviderTestFolders_HaveTheSameFilesAndNamespacesAsEveryOther(string provider)
    {
        var folders = new (string Folder, string[] Files, string Namespace)[]
        {
            (Path.Combine(Root, "tests", "ViberMessaging.Tests", "Providers", provider), TestFileSet, $"ViberMessaging.Tests.Providers.{provider}"),
            (Path.Combine(Root, "tests", "ViberMessaging.Testing.Tests", "Providers", provider), ["{0}EmulatorTests.cs", "{0}EmulatorRulesTests.cs"], $"ViberMessaging.Testing.Tests.Providers.{provider}"),
            (Path.Combine(Root, "tests", "ViberMessaging.ContractTests", "Providers", provider), ["{0}ContractTests.cs"], $"ViberMessaging.ContractTests.Providers.{provider}"),
        };
        var problems = new List<string>();
        foreach (var (folder, files, expected) in folders)
        {
            problems.AddRange(files.Select(f => string.Format(CultureInfo.InvariantCulture, f, provider))
                .Where(f => !File.Exists(Path.Combine(folder, f)))
                .Select(f => $"missing {Path.GetRelativePath(Root, Path.Combine(folder, f))}"));
            problems.AddRange(Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .SelectMany(f => File.ReadLines(f).Where(l => l.StartsWith("namespace ", StringComparison.Ordinal) && l != $"namespace {expected};")
                .Select(l => $"{Path.GetRelativePath(Root, f)}: {l} (expected {expected})")));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void ReliabilityCases_EachProviderBringsRulesAndFuzzOperations()
    {
        Assert.All(ReliabilityProviders.All, p => Assert.NotEmpty(p.DocumentedRules()));
        Assert.All(ReliabilityProviders.All, p => Assert.All(p.FuzzOperations(), o => Assert.Equal(p.Name, o.Provider)));
    }

    [Fact]
    public void CodeOutsideProviderFolders_NamesEveryProviderOnlyInTheAllowedFiles()
    {
        var names = ProviderManifest.All.Select(p => p.Name).ToArray();
        var listing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles())
        {
            var code = Comment().Replace(File.ReadAllText(file), string.Empty);
            var named = names.Where(n => Regex.IsMatch(code, $@"\b{n}", RegexOptions.CultureInvariant)).ToArray();
            if (named.Length == names.Length)
            {
                listing.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
            }
        }

        var unexpected = listing.Except(Allowed.Keys).Select(f => $"{f} names every provider: read ProviderManifest.All / ViberProviders.All, or move the per-provider parts into the providers' folders");
        var stale = Allowed.Keys.Except(listing).Select(f => $"{f} no longer names every provider: remove it from Allowed");
        var problems = unexpected.Concat(stale).ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems));
    }

    private static string Root => RepositoryPaths.Root;

    private static string[] Folders(params string[] path)
        => Directory.GetDirectories(Path.Combine([Root, .. path])).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToArray();

    private static IEnumerable<string> SourceFiles()
    {
        var separator = Path.DirectorySeparatorChar;
        return new[] { "src", "tests", "samples" }
            .SelectMany(top => Directory.EnumerateFiles(Path.Combine(Root, top), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{separator}Providers{separator}", StringComparison.Ordinal)
                && !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal)
                && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal));
    }

    /// <summary>A <c>//</c> comment (after a line start or white space, so URLs in strings stay) or a <c>/* */</c> block.</summary>
    [GeneratedRegex(@"(?m)(^|\s)//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
