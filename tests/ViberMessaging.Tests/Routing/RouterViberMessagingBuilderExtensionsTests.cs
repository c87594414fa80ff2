using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ViberMessaging.Testing;

namespace ViberMessaging.Tests.Routing;

/// <summary>Routers bound from <c>ViberMessaging:Routers:&lt;name&gt;</c>: every mistake reported at start-up by configuration path.</summary>
public sealed class RouterViberMessagingBuilderExtensionsTests
{
    [Fact]
    public async Task AddRouter_FromConfiguration_RoutesSkipsAndFailsOverWithNoCode()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var sut = CreateSut(
            new()
            {
                ["ViberMessaging:Routers:Main:Routes:380"] = "SmsClub",
                ["ViberMessaging:Routers:Main:Otherwise"] = "Devino",
                ["ViberMessaging:Routers:Main:FailOverTo:0"] = "DecisionTelecom",
            },
            emulator);
        sut.GetRequiredService<IStartupValidator>().Validate();

        var result = await sut.GetRequiredKeyedService<IViberSender>("Main").SendAsync(new ViberMessage
        {
            Sender = SmsClubEmulatorSettings.BlockedAccountSender,
            Recipients = [PhoneNumber.Parse("+380501234567"), PhoneNumber.Parse("+79161234567")],
            Text = "Hello",
        });

        // SMS Club refuses the blocked account (NotSent): failed over. Devino cannot carry a 14-character sender: skipped.
        Assert.Equal(
            ["SmsClub:FailedOver DecisionTelecom:Final", "Devino:Skipped DecisionTelecom:Final"],
            result.Recipients.Select(r => string.Join(" ", r.Route.Select(hop => $"{hop.ProviderName}:{hop.Kind}"))));
        Assert.True(result.IsFullyAccepted);
        Assert.Empty(emulator.RequestsTo(ViberProviders.Devino));
    }

    [Fact]
    public void Validate_MistakesInARouter_OneExceptionListsEveryOneByPath()
    {
        using var sut = CreateSut(new()
        {
            ["ViberMessaging:Routers:Main:Routes:380"] = "SmsClb",
            ["ViberMessaging:Routers:Main:Routes:38O"] = "SmsClub",
            ["ViberMessaging:Routers:Main:FailOverTo:0"] = "Viber",
            ["ViberMessaging:Routers:Main:Otherwize"] = "Devino",
            ["ViberMessaging:Routers:Backup:Otherwise"] = "Devino",
        });

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "ViberMessaging:Routers:Backup configures a router that is not registered (registered: Main); add it with AddRouter(\"Backup\").",
                "ViberMessaging:Routers:Main:FailOverTo:0 is 'Viber', but no provider with that name is registered (registered: SmsClub, Devino, DecisionTelecom).",
                "ViberMessaging:Routers:Main:Otherwize is not a known setting; did you mean Otherwise?",
                "ViberMessaging:Routers:Main:Routes:380 is 'SmsClb', but no provider with that name is registered (registered: SmsClub, Devino, DecisionTelecom); did you mean SmsClub?",
                "ViberMessaging:Routers:Main:Routes:38O is not a prefix: 1 to 15 digits of the international number, such as 380 or 7.",
            ],
            error.Failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_RouterWithNowhereToSend_SaysWhatToSet()
    {
        using var sut = CreateSut(new(), configure: null);

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["ViberMessaging:Routers:Main has nowhere to send: set Routes:<prefix> or Otherwise."], error.Failures);
    }

    [Fact]
    public void AddRouter_NameOfARegisteredProvider_Throws()
    {
        var builder = new ServiceCollection().AddViberMessaging().AddSmsClub(o => o.Token = "t");

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddRouter(ViberProviders.SmsClub, r => r.Otherwise(ViberProviders.SmsClub)));

        Assert.Contains("'SmsClub' is already registered", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider CreateSut(Dictionary<string, string?> settings, ViberEmulator? emulator = null, Action<ViberMessaging.Routing.ViberRouterBuilder>? configure = null)
    {
        settings["ViberMessaging:SmsClub:Token"] = "t";
        settings["ViberMessaging:Devino:Login"] = "l";
        settings["ViberMessaging:Devino:Password"] = "p";
        settings["ViberMessaging:DecisionTelecom:ApiKey"] = "k";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        var builder = services.AddViberMessaging(configuration).AddSmsClub().AddDevino().AddDecisionTelecom().AddRouter("Main", configure);
        if (emulator is not null)
        {
            builder.UseEmulator(emulator);
        }

        return services.BuildServiceProvider();
    }
}
