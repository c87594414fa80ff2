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
}
