using System.Reflection;
using System.Runtime.CompilerServices;
using ViberMessaging.Testing;

namespace ViberMessaging.Tests.Conventions;

/// <summary>Rules of the codebase, checked by reflection and by reading the source tree.</summary>
public sealed class CodebaseConventionTests
{
    private static readonly Assembly[] Shipped = [typeof(IViberSender).Assembly, typeof(ViberEmulator).Assembly];

    /// <summary>Public classes that are deliberately open: the exception family's base and the options' base.</summary>
    private static readonly Type[] OpenByDesign = [typeof(ViberMessagingException), typeof(ViberProviderOptions)];

    private static readonly string[] ProviderFileSet =
    [
        "{0}Options.cs", "{0}ViberMessagingBuilderExtensions.cs", "{0}ViberClient.cs", "{0}RequestMapper.cs",
        "{0}ResponseMapper.cs", "{0}ErrorMapper.cs", "{0}MessageValidator.cs", "{0}JsonContext.cs",
    ];

    /// <summary>What every emulated provider's folder in ViberMessaging.Testing holds, only the prefix differs.</summary>
    private static readonly string[] EmulatorFileSet =
    [
        "{0}Emulator.cs", "{0}EmulatorSettings.cs", "{0}EmulatorRules.cs", "{0}EmulatorAnswers.cs",
    ];

    [Fact]
    public void PublicClasses_AreSealedStaticOrAbstract()
    {
        var open = Shipped.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !OpenByDesign.Contains(t))
            .Select(t => t.FullName)
            .ToArray();

        Assert.Empty(open);
    }

    [Fact]
    public void InternalClasses_AreSealedOrStaticOrAbstract()
    {
        var open = Shipped.SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && !t.IsPublic && !t.IsNestedPublic && !t.IsSealed && !t.IsAbstract)
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !t.Name.Contains('<', StringComparison.Ordinal)
                && !(t.Namespace ?? string.Empty).StartsWith("Microsoft", StringComparison.Ordinal)
                && !(t.Namespace ?? string.Empty).StartsWith("System", StringComparison.Ordinal)
                && !t.Name.StartsWith("__", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToArray();

        Assert.Empty(open);
    }

    [Fact]
    public void PublicAsyncMethods_TakeACancellationTokenNamedCancellationTokenLast()
    {
        var offenders = Shipped.SelectMany(a => a.GetExportedTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.Name != "DisposeAsync")
            .Where(m =>
            {
                var parameters = m.GetParameters();
                return parameters.Length == 0 || parameters[^1].ParameterType != typeof(CancellationToken) || parameters[^1].Name != "cancellationToken";
            })
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryProviderFolder_HasTheSameFileSet()
    {
        var providers = Path.Combine(RepositoryPaths.Root, "src", "ViberMessaging", "Providers");
        var missing = new List<string>();
        foreach (var folder in Directory.Exists(providers) ? Directory.GetDirectories(providers) : [])
        {
            var prefix = Path.GetFileName(folder);
            missing.AddRange(ProviderFileSet.Select(f => string.Format(System.Globalization.CultureInfo.InvariantCulture, f, prefix))
                .Where(f => !File.Exists(Path.Combine(folder, f)))
                .Select(f => $"{prefix}/{f}"));
            var emulator = Path.Combine(RepositoryPaths.Root, "src", "ViberMessaging.Testing", "Providers", prefix);
            missing.AddRange(EmulatorFileSet.Select(f => string.Format(System.Globalization.CultureInfo.InvariantCulture, f, prefix))
                .Where(f => !File.Exists(Path.Combine(emulator, f)))
                .Select(f => $"ViberMessaging.Testing/Providers/{prefix}/{f}"));
            if (!Directory.Exists(Path.Combine(emulator, "Endpoints")) || Directory.GetFiles(Path.Combine(emulator, "Endpoints"), prefix + "*Endpoint.cs").Length == 0)
            {
                missing.Add($"ViberMessaging.Testing/Providers/{prefix}/Endpoints/{prefix}*Endpoint.cs");
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void EmulatorSourceFiles_StayUnder300Lines()
    {
        var root = Path.Combine(RepositoryPaths.Root, "src", "ViberMessaging.Testing");
        var tooLong = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(root, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > 300)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToArray();

        Assert.Empty(tooLong);
    }

    [Fact]
    public void EveryProviderName_IsEmulated()
    {
        var names = typeof(ViberProviders).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToArray();
        var state = new ViberMessaging.Testing.Infrastructure.EmulatorState(new ViberEmulatorOptions());
        var emulated = ViberMessaging.Testing.Providers.EmulatedProviders.Create(state, new ViberMessaging.Testing.Infrastructure.EmulatorBackground())
            .Select(m => m.Name)
            .ToArray();
        var implemented = Directory.Exists(Path.Combine(RepositoryPaths.Root, "src", "ViberMessaging", "Providers"))
            ? Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src", "ViberMessaging", "Providers")).Select(Path.GetFileName).ToArray()
            : [];

        Assert.All(implemented, provider => Assert.Contains(provider, emulated));
        Assert.All(emulated, provider => Assert.Contains(provider, names));
    }
}
