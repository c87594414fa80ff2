using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Providers;
using ViberMessaging.Testing;

namespace ViberMessaging.Tests.DependencyInjection;

public sealed class ViberMessagingBuilderExtensionsTests
{
    [Fact]
    public async Task AddProvider_EveryName_RegistersTheProviderAndItsKeyedOptions()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        var services = new ServiceCollection();
        var builder = services.AddViberMessaging();
        foreach (var name in ViberProviders.All)
        {
            builder.AddProvider(name);
        }

        builder.UseEmulator(emulator);
        await using var sut = services.BuildServiceProvider();

        Assert.All(ProviderManifest.All, provider =>
        {
            var options = sut.GetRequiredKeyedService<ViberProviderOptions>(provider.Name);
            Assert.IsType(provider.OptionsType, options);
            Assert.Equal(emulator.GetBaseAddress(provider.Name), options.BaseAddress);
            Assert.Equal(provider.Name, sut.GetRequiredKeyedService<IViberSender>(provider.Name).ProviderName);
        });
    }

    [Fact]
    public void AddProvider_NameInAnotherCase_RegistersUnderTheProvidersOwnNameBoundToItsSection()
    {
        var provider = ProviderManifest.All[^1];
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ViberMessaging:{provider.Name}:{provider.CredentialKeys[0]}"] = "secret",
            [$"ViberMessaging:{provider.Name}:BaseAddress"] = "https://gateway.example/",
        }).Build();

        services.AddViberMessaging(configuration).AddProvider(provider.Name.ToLowerInvariant());
        using var sut = services.BuildServiceProvider();

        Assert.Equal(provider.Name, sut.GetRequiredKeyedService<IViberSender>(provider.Name).ProviderName);
        Assert.Equal(new Uri("https://gateway.example/"), sut.GetRequiredKeyedService<ViberProviderOptions>(provider.Name).BaseAddress);
    }

    [Fact]
    public void AddProvider_UnknownName_ThrowsNamingTheChoices()
    {
        var builder = new ServiceCollection().AddViberMessaging();

        var error = Assert.Throws<ArgumentException>(() => builder.AddProvider("Twilio"));

        Assert.Equal("provider", error.ParamName);
        Assert.All(ViberProviders.All, name => Assert.Contains(name, error.Message, StringComparison.Ordinal));
    }
}
