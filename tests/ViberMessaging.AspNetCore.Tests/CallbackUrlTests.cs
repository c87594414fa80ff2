using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ViberMessaging.Testing;

namespace ViberMessaging.AspNetCore.Tests;

/// <summary>
/// <see cref="ViberCallbackOptions.PublicBaseAddress"/> and the accounts' <see cref="IViberCallbackReader"/>s across
/// every provider in <see cref="ViberProviders.All"/> (each provider's own behaviour: <c>Providers/&lt;Provider&gt;/</c>).
/// </summary>
public sealed class CallbackUrlTests
{
    [Fact]
    public async Task GetCallbackUrl_NoPublicBaseAddress_SetsNothingAndListsNoCallbackAccount()
    {
        await using var emulator = await ViberEmulator.StartAsync(new ViberEmulatorOptions());
        await using var app = await CallbackApp.StartAsync(b => AddEveryProvider(b, emulator));
        var address = app.Services.GetRequiredService<IViberCallbackAddress>();

        Assert.All(ViberProviders.All, name =>
        {
            Assert.Null(address.GetCallbackUrl(name, null));
            Assert.Null(address.GetCallbackUrl(name, "0123456789abcdef01234567"));
        });
        Assert.Empty(app.Services.GetRequiredService<IOptions<DeliveryTrackerOptions>>().Value.CallbackProviders);
    }

    [Fact]
    public async Task GetCallbackUrl_PublicBaseAddress_FollowsEachAccountsReader()
    {
        await using var emulator = await ViberEmulator.StartAsync(new ViberEmulatorOptions());
        await using var app = await CallbackApp.StartAsync(b => AddEveryProvider(b, emulator), publicBaseAddress: new Uri("https://shop.example/base/"));
        var address = app.Services.GetRequiredService<IViberCallbackAddress>();
        var perAccount = ViberProviders.All.Where(n => app.Services.GetKeyedService<IViberCallbackReader>(n) is { PerRequest: false }).ToArray();

        Assert.NotEmpty(perAccount);
        Assert.All(ViberProviders.All, name =>
        {
            var reader = app.Services.GetKeyedService<IViberCallbackReader>(name);
            var url = reader is { PerRequest: false } ? new Uri("https://shop.example/base" + app.Paths.PathFor(name)) : null;
            Assert.Equal(url, address.GetCallbackUrl(name, null));
        });
        Assert.Null(address.GetCallbackUrl("Nobody", null));
        Assert.Null(address.GetCallbackUrl("Nobody", "0123456789abcdef01234567"));
        Assert.Equal(perAccount, app.Services.GetRequiredService<IOptions<DeliveryTrackerOptions>>().Value.CallbackProviders);
    }

    [Fact]
    public async Task CallbackReader_IsRegisteredForExactlyTheProvidersThatTakeACallbackUrl()
    {
        await using var emulator = await ViberEmulator.StartAsync(new ViberEmulatorOptions());
        await using var app = await CallbackApp.StartAsync(b => AddEveryProvider(b, emulator));

        Assert.All(ViberProviders.All, name => Assert.Equal(
            (name, app.Services.GetRequiredKeyedService<IViberSender>(name).Capabilities.SupportsCallbackUrl),
            (name, app.Services.GetKeyedService<IViberCallbackReader>(name) is not null)));
    }

    [Theory]
    [InlineData("/relative/")]
    [InlineData("ftp://shop.example/")]
    [InlineData("https://shop.example/?q=1")]
    public void AddViberCallbacks_PublicBaseAddressNotAnHttpBase_FailsNamingIt(string address)
    {
        var services = new ServiceCollection();
        services.AddViberMessaging().AddViberCallbacks(o =>
        {
            o.Secret = CallbackApp.Secret;
            o.PublicBaseAddress = new Uri(address, UriKind.RelativeOrAbsolute);
        });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ViberCallbackOptions>>().Value);

        Assert.Contains(exception.Failures, f => f.StartsWith("PublicBaseAddress must be an absolute http or https address", StringComparison.Ordinal));
    }

    /// <summary>One account of every provider, under its default name, pointed at the emulator.</summary>
    private static void AddEveryProvider(IViberMessagingBuilder builder, ViberEmulator emulator)
    {
        foreach (var name in ViberProviders.All)
        {
            builder.AddProvider(name);
        }

        builder.UseEmulator(emulator);
    }
}
