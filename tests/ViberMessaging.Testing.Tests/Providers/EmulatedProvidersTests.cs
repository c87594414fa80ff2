using ViberMessaging.Testing.Infrastructure;
using ViberMessaging.Testing.Providers;

namespace ViberMessaging.Testing.Tests.Providers;

/// <summary>The one list of emulated providers, and what every module in it must be: the shape a fifth provider copies.</summary>
public sealed class EmulatedProvidersTests
{
    private static readonly EmulatorModule[] Modules = EmulatedProviders.Create(new EmulatorState(new ViberEmulatorOptions()), new EmulatorBackground());

    [Fact]
    public void All_EveryProviderName_HasExactlyOneModule()
    {
        var names = typeof(ViberProviders).GetFields().Select(f => (string)f.GetRawConstantValue()!).Order();

        Assert.Equal(names, Modules.Select(m => m.Name).Order());
    }

    [Fact]
    public void All_PathPrefixes_AreTheLowerCaseNamesAndUnique()
    {
        Assert.All(Modules, m => Assert.Equal(m.Name.ToLowerInvariant(), m.PathPrefix));
        Assert.Equal(Modules.Length, Modules.Select(m => m.PathPrefix).Distinct().Count());
    }

    [Fact]
    public void All_Settings_AreThePublicSealedProviderNamedTypeOfTheirProvider()
    {
        Assert.All(Modules, m =>
        {
            var type = m.Settings.GetType();
            Assert.Equal(m.Name + "EmulatorSettings", type.Name);
            Assert.True(type.IsPublic && type.IsSealed);
            Assert.Equal(m.Name, m.Settings.Provider);
        });
    }

    [Fact]
    public void All_Endpoints_AreNamedByProviderAndDistinct()
    {
        Assert.All(Modules, m =>
        {
            Assert.NotEmpty(m.Endpoints);
            Assert.All(m.Endpoints, e => Assert.StartsWith(m.Name, e.GetType().Name, StringComparison.Ordinal));
            Assert.All(m.Endpoints, e => Assert.EndsWith("Endpoint", e.GetType().Name, StringComparison.Ordinal));
            Assert.Equal(m.Endpoints.Count, m.Endpoints.Select(e => (e.Method, e.Path.ToUpperInvariant())).Distinct().Count());
        });
    }

    [Fact]
    public void Create_TwoEmulators_GetTheirOwnModulesAndSettings()
    {
        var other = EmulatedProviders.Create(new EmulatorState(new ViberEmulatorOptions()), new EmulatorBackground());

        Assert.All(Modules.Zip(other), pair => Assert.NotSame(pair.First.Settings, pair.Second.Settings));
    }
}
