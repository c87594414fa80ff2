using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Providers;
using ViberMessaging.Testing;
using ViberMessaging.Tests.Reliability;

namespace ViberMessaging.Tests.Tracking;

/// <summary>
/// Every account gets an <see cref="IViberCallbackReader"/> exactly when its provider's manifest entry describes
/// callbacks, with that entry's kind; each reader refuses a body it cannot read. (Each provider's parsing:
/// <c>Providers/&lt;Provider&gt;/&lt;Provider&gt;CallbackReaderTests</c>.)
/// </summary>
public sealed class ProviderCallbackReaderTests
{
    [Fact]
    public void Registration_EveryProvider_ReaderExactlyWhereTheManifestHasCallbacks()
    {
        using var services = EveryProvider();

        Assert.Contains(ProviderManifest.All, p => p.Callbacks is not null);
        Assert.All(ProviderManifest.All, p => Assert.Equal(
            (p.Name, p.Callbacks?.PerRequest),
            (p.Name, services.GetKeyedService<IViberCallbackReader>(p.Name)?.PerRequest)));
    }

    [Fact]
    public void Read_NotJson_ThrowsMalformedResponseForEveryReader()
    {
        using var services = EveryProvider();
        var readers = ProviderManifest.All.Where(p => p.Callbacks is not null).Select(p => services.GetRequiredKeyedService<IViberCallbackReader>(p.Name)).ToArray();

        Assert.NotEmpty(readers);
        Assert.All(readers, reader => Assert.Equal(
            ViberErrorCode.MalformedResponse,
            Assert.Throws<ViberMessagingException>(() => reader.Read("not json"u8, [])).ErrorCode));
    }

    /// <summary>One account of every provider under its default name, with the emulator's credentials.</summary>
    private static ServiceProvider EveryProvider()
    {
        var services = new ServiceCollection();
        ReliabilityProviders.AddAll(services.AddViberMessaging(), o => StubbedTransport.SetCredentials(o, new EmulatorCredentials()));
        return services.BuildServiceProvider();
    }
}
