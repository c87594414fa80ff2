using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Providers;
using ViberMessaging.Testing;
using ViberMessaging.Testing.Infrastructure;
using ViberMessaging.Testing.Providers;
using ViberMessaging.Tests.Reliability;

namespace ViberMessaging.Tests.Conventions;

/// <summary>
/// The provider shape, checked for every entry of <see cref="ProviderManifest.All"/>: a provider is its folders plus
/// its manifest entry, and every folder reads the same way (same files, same namespaces, capabilities in one place,
/// mapper verbs, endpoint constants).
/// </summary>
public sealed partial class ProviderConventionTests
{
    /// <summary>What every provider's folder in the SDK holds, only the prefix differs (plus a <c>Wire/</c> folder).</summary>
    private static readonly string[] ProviderFileSet =
    [
        "{0}Options.cs", "{0}OptionsValidator.cs", "{0}ViberMessagingBuilderExtensions.cs", "{0}ViberClient.cs",
        "{0}RequestMapper.cs", "{0}ResponseMapper.cs", "{0}ErrorMapper.cs", "{0}MessageValidator.cs", "{0}JsonContext.cs",
    ];

    /// <summary>What every emulated provider's folder in ViberMessaging.Testing holds, only the prefix differs.</summary>
    private static readonly string[] EmulatorFileSet =
    [
        "{0}Emulator.cs", "{0}EmulatorSettings.cs", "{0}EmulatorRules.cs", "{0}EmulatorAnswers.cs",
    ];

    public static TheoryData<string> Providers => new(ProviderManifest.All.Select(p => p.Name));

    private static string SdkProviders => Path.Combine(RepositoryPaths.Root, "src", "ViberMessaging", "Providers");

    [Fact]
    public void Manifest_ListsExactlyTheProviderFoldersConstantsEmulatorModulesAndReliabilityCases()
    {
        var manifest = ProviderManifest.All.Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        var constants = typeof(ViberProviders).GetFields().Select(f => (string)f.GetRawConstantValue()!);
        var emulated = EmulatedProviders.Create(new EmulatorState(new ViberEmulatorOptions()), new EmulatorBackground()).Select(m => m.Name);

        Assert.Equal(manifest, Folders(SdkProviders));
        Assert.Equal(manifest, Folders(Path.Combine(RepositoryPaths.Root, "src", "ViberMessaging.Testing", "Providers")));
        Assert.Equal(manifest, Folders(Path.Combine(RepositoryPaths.Root, "tests", "ViberMessaging.Tests", "Providers")));
        Assert.Equal(manifest, constants.Order(StringComparer.Ordinal));
        Assert.Equal(manifest, emulated.Order(StringComparer.Ordinal));
        Assert.Equal(ProviderManifest.All.Select(p => p.Name), ReliabilityProviders.All.Select(c => c.Name));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ProviderFolder_HasTheSameFilesAsEveryOther(string provider)
    {
        var folder = Path.Combine(SdkProviders, provider);
        var emulator = Path.Combine(RepositoryPaths.Root, "src", "ViberMessaging.Testing", "Providers", provider);
        var problems = Missing(folder, ProviderFileSet, provider, provider + "/")
            .Concat(Missing(emulator, EmulatorFileSet, provider, $"ViberMessaging.Testing/Providers/{provider}/"))
            .ToList();
        if (!Directory.Exists(Path.Combine(folder, "Wire")) || Directory.GetFiles(Path.Combine(folder, "Wire"), "*.cs").Length == 0)
        {
            problems.Add($"{provider}/Wire/*.cs (the wire records)");
        }

        if (!Directory.Exists(Path.Combine(emulator, "Endpoints")) || Directory.GetFiles(Path.Combine(emulator, "Endpoints"), provider + "*Endpoint.cs").Length == 0)
        {
            problems.Add($"ViberMessaging.Testing/Providers/{provider}/Endpoints/{provider}*Endpoint.cs");
        }

        problems.AddRange(Directory.GetFiles(folder, "*.cs")
            .Select(Path.GetFileName)
            .Where(f => !f!.StartsWith(provider, StringComparison.Ordinal) && !f.StartsWith("I" + provider, StringComparison.Ordinal))
            .Select(f => $"{provider}/{f} does not start with the provider's prefix"));

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ProviderFiles_DeclareTheProviderNamespace(string provider)
    {
        var wrong = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(SdkProviders, provider), "*.cs", SearchOption.AllDirectories))
        {
            var expected = file.EndsWith("ViberMessagingBuilderExtensions.cs", StringComparison.Ordinal)
                ? "Microsoft.Extensions.DependencyInjection"
                : "ViberMessaging." + provider;
            wrong.AddRange(Namespaces(file).Where(n => n != expected).Select(n => $"{Path.GetRelativePath(SdkProviders, file)}: {n} (expected {expected})"));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "ViberMessaging.Testing", "Providers", provider), "*.cs", SearchOption.AllDirectories))
        {
            // The settings are public (users type them in emulator.Provider<TSettings>()), so they live in the package's namespace.
            var expected = file.EndsWith("EmulatorSettings.cs", StringComparison.Ordinal) ? "ViberMessaging.Testing" : "ViberMessaging.Testing.Providers." + provider;
            wrong.AddRange(Namespaces(file).Where(n => n != expected).Select(n => $"Testing/{Path.GetFileName(file)}: {n} (expected {expected})"));
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ProviderOptions_ValidatorLivesInItsOwnFile(string provider)
    {
        var options = File.ReadAllText(Path.Combine(SdkProviders, provider, provider + "Options.cs"));
        var validator = File.ReadAllText(Path.Combine(SdkProviders, provider, provider + "OptionsValidator.cs"));

        Assert.DoesNotContain("IValidateOptions", options, StringComparison.Ordinal);
        Assert.Contains("[OptionsValidator]", validator, StringComparison.Ordinal);
        Assert.Contains($"IValidateOptions<{provider}Options>", validator, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ProviderOptions_HaveTheEndpointConstantsOfOneTypeAndName(string provider)
    {
        var type = ProviderManifest.Find(provider)!.OptionsType;
        var address = type.GetField("DefaultBaseAddress", BindingFlags.Public | BindingFlags.Static);
        var permits = type.GetField("DefaultPermitLimit", BindingFlags.Public | BindingFlags.Static);
        var sut = (ViberProviderOptions)Activator.CreateInstance(type)!;

        Assert.True(address is { IsLiteral: true } && address.FieldType == typeof(string), $"{type.Name} needs public const string DefaultBaseAddress.");
        Assert.True(permits is { IsLiteral: true } && permits.FieldType == typeof(int), $"{type.Name} needs public const int DefaultPermitLimit.");
        Assert.EndsWith("/", (string)address.GetRawConstantValue()!, StringComparison.Ordinal);
        Assert.Equal(new Uri((string)address.GetRawConstantValue()!), sut.BaseAddress);
        Assert.Equal((int)permits.GetRawConstantValue()!, sut.Pacing.PermitLimit);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ProviderCapabilities_ComeFromTheMessageValidatorsCapabilitiesFor(string provider)
    {
        var validator = typeof(IViberSender).Assembly.GetType($"ViberMessaging.{provider}.{provider}MessageValidator", throwOnError: true)!;
        var capabilitiesFor = validator.GetMethod("CapabilitiesFor", BindingFlags.Public | BindingFlags.Static, [ProviderManifest.Find(provider)!.OptionsType]);

        Assert.NotNull(capabilitiesFor);
        Assert.Equal(typeof(ProviderCapabilities), capabilitiesFor.ReturnType);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ProviderClient_ReportsTheCapabilitiesItsManifestEntryDescribes(string provider)
    {
        var descriptor = ProviderManifest.Find(provider)!;
        var services = new ServiceCollection();
        descriptor.Add(services.AddViberMessaging(), provider, o => StubbedTransport.SetCredentials(o, new EmulatorCredentials()));
        using var sp = services.BuildServiceProvider();

        var sut = sp.GetRequiredKeyedService<IViberSender>(provider).Capabilities;

        Assert.Equal(descriptor.Capabilities(descriptor.Options(sp, provider)).ToString(), sut.ToString());
    }

    [Fact]
    public void ProviderCapabilities_AreDescribedNowhereOutsideTheMessageValidators()
    {
        var describing = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => CapabilitiesInitializer().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(ProviderManifest.All.Select(p => p.Name + "MessageValidator.cs").Order(StringComparer.Ordinal), describing);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ProviderMappers_UseTheToAndFromProviderVerbs(string provider)
    {
        var offenders = MapperMethodsNotNamed(provider, "RequestMapper", "To" + provider)
            .Concat(MapperMethodsNotNamed(provider, "ResponseMapper", "From" + provider))
            .ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public void ArgumentChecks_UseTheBclThrowHelpers()
    {
        var offenders = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => HandWrittenCheck().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .ToArray();

        Assert.Empty(offenders);
        Assert.Null(typeof(IViberSender).Assembly.GetType("ViberMessaging.Internal.Guard"));
    }

    private static string[] Folders(string path)
        => Directory.GetDirectories(path).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToArray();

    private static IEnumerable<string> Missing(string folder, string[] fileSet, string provider, string label)
        => fileSet.Select(f => string.Format(CultureInfo.InvariantCulture, f, provider))
            .Where(f => !File.Exists(Path.Combine(folder, f)))
            .Select(f => label + f);

    private static IEnumerable<string> Namespaces(string file)
        => File.ReadLines(file).Where(l => l.StartsWith("namespace ", StringComparison.Ordinal)).Select(l => l["namespace ".Length..].TrimEnd(';', ' '));

    /// <summary>
    /// The mapper's static methods that other classes call (private helpers are the mapper's own business) whose name
    /// does not start with <paramref name="verb"/>; <c>Is…</c> predicates are allowed.
    /// </summary>
    private static IEnumerable<string> MapperMethodsNotNamed(string provider, string mapper, string verb)
        => typeof(IViberSender).Assembly.GetType($"ViberMessaging.{provider}.{provider}{mapper}", throwOnError: true)!
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => (m.IsPublic || m.IsAssembly) && !m.IsSpecialName && !m.IsDefined(typeof(CompilerGeneratedAttribute)))
            .Where(m => !m.Name.StartsWith("Is", StringComparison.Ordinal) && !m.Name.StartsWith(verb, StringComparison.Ordinal))
            .Select(m => $"{provider}{mapper}.{m.Name}");

    /// <summary><c>new ProviderCapabilities</c>, or a <c>ProviderCapabilities</c> member initialised with <c>new()</c>.</summary>
    [GeneratedRegex(@"new\s+ProviderCapabilities\b|ProviderCapabilities\s+\w+(\s*\([^)]*\))?\s*(=>|=)\s*new\s*\(")]
    private static partial Regex CapabilitiesInitializer();

    /// <summary>A hand-written null or empty check where a BCL <c>ThrowIf*</c> helper exists.</summary>
    [GeneratedRegex(@"throw new ArgumentNullException\(|\?\?\s*throw new ArgumentNullException|class Guard\b")]
    private static partial Regex HandWrittenCheck();
}
