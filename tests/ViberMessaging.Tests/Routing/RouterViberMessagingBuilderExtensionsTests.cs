using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ViberMessaging.Testing;
using ViberMessaging.Tests.Reliability;

namespace ViberMessaging.Tests.Routing;

/// <summary>Routers bound from <c>ViberMessaging:Routers:&lt;name&gt;</c>: every mistake reported at start-up by configuration path.</summary>
public sealed class RouterViberMessagingBuilderExtensionsTests
{
    /// <summary>Every provider but the routes' own (SMS Club, Devino) as the failover target.</summary>
    public static TheoryData<string> Fallbacks => new(ViberProviders.All.Where(n => n is not ViberProviders.SmsClub and not ViberProviders.Devino));

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public async Task AddRouter_FromConfiguration_RoutesSkipsAndFailsOverWithNoCode(string fallback)
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var sut = CreateSut(
            new()
            {
                ["ViberMessaging:Routers:Main:Routes:380"] = "SmsClub",
                ["ViberMessaging:Routers:Main:Otherwise"] = "Devino",
                ["ViberMessaging:Routers:Main:FailOverTo:0"] = fallback,
            },
            emulator,
            fallback: fallback);
        sut.GetRequiredService<IStartupValidator>().Validate();

        var result = await sut.GetRequiredKeyedService<IViberSender>("Main").SendAsync(new ViberMessage
        {
            Sender = SmsClubEmulatorSettings.BlockedAccountSender,
            Recipients = [PhoneNumber.Parse("+380501234567"), PhoneNumber.Parse("+79161234567")],
            Text = "Hello",
        });

        // SMS Club refuses the blocked account (NotSent): failed over. Devino cannot carry a 14-character sender: skipped.
        Assert.Equal(
            [$"SmsClub:FailedOver {fallback}:Final", $"Devino:Skipped {fallback}:Final"],
            result.Recipients.Select(r => string.Join(" ", r.Route.Select(hop => $"{hop.ProviderName}:{hop.Kind}"))));
        Assert.True(result.IsFullyAccepted);
        Assert.Empty(emulator.RequestsTo(ViberProviders.Devino));
    }

    [Fact]
    public async Task DefaultProvider_NamingARouter_MakesTheRouterTheUnkeyedSenderAndStatusQuery()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var sut = CreateSut(
            new()
            {
                ["ViberMessaging:DefaultProvider"] = "Main",
                ["ViberMessaging:Routers:Main:Routes:380"] = "SmsClub",
                ["ViberMessaging:Routers:Main:Otherwise"] = "Devino",
            },
            emulator);
        sut.GetRequiredService<IStartupValidator>().Validate();

        var result = await sut.GetRequiredService<IViberSender>().SendAsync(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [PhoneNumber.Parse("+380501234567"), PhoneNumber.Parse("+79161234567")],
            Text = "Hello",
        });
        var statuses = await sut.GetRequiredService<IStatusQuery>().GetStatusesAsync(result.MessageIds);

        Assert.Equal("Main", result.ProviderName);
        Assert.Equal([ViberProviders.SmsClub, ViberProviders.Devino], result.Recipients.Select(r => r.MessageId!.Value.Provider));
        Assert.Equal(result.MessageIds, statuses.Select(s => s.MessageId));
        Assert.Same(sut.GetRequiredKeyedService<IViberSender>("Main"), sut.GetRequiredService<IViberSender>());
    }

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public async Task AddRouter_RouteFailOverToEmptyInConfiguration_TurnsFailoverOffForThatRoute(string fallback)
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var sut = CreateSut(
            new()
            {
                ["ViberMessaging:Routers:Main:Routes:380"] = "SmsClub",
                ["ViberMessaging:Routers:Main:Routes:7"] = "Devino",
                ["ViberMessaging:Routers:Main:FailOverTo:0"] = fallback,
                ["ViberMessaging:Routers:Main:RouteFailOverTo:380"] = string.Empty,
            },
            emulator,
            fallback: fallback);
        sut.GetRequiredService<IStartupValidator>().Validate();

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.GetRequiredKeyedService<IViberSender>("Main").SendAsync(new ViberMessage
        {
            Sender = SmsClubEmulatorSettings.BlockedAccountSender,
            Recipients = [PhoneNumber.Parse("+380501234567")],
            Text = "Hello",
        }));

        // An empty list for 380: the account block is final there (the one recipient's error is thrown), the fallback is never asked.
        Assert.Equal((ViberErrorCode.AccountBlocked, SendOutcome.NotSent), (error.ErrorCode, error.Outcome));
        Assert.Empty(emulator.RequestsTo(fallback));
    }

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public async Task RouteFailOverTo_EmptyForOneRoute_ThatRouteNeverFailsOverAndOthersStillDo(string fallback)
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var sut = CreateSut(
            new()
            {
                ["ViberMessaging:Routers:Main:Routes:380"] = "SmsClub",
                ["ViberMessaging:Routers:Main:Otherwise"] = "SmsClub",
                ["ViberMessaging:Routers:Main:FailOverTo:0"] = fallback,
            },
            emulator,
            r => r.RouteFailOverTo("380"),
            fallback);
        sut.GetRequiredService<IStartupValidator>().Validate();

        var result = await sut.GetRequiredKeyedService<IViberSender>("Main").SendAsync(new ViberMessage
        {
            Sender = SmsClubEmulatorSettings.BlockedAccountSender,
            Recipients = [PhoneNumber.Parse("+380501234567"), PhoneNumber.Parse("+491701234567")],
            Text = "Hello",
        });

        Assert.Equal(
            ["SmsClub:Final", $"SmsClub:FailedOver {fallback}:Final"],
            result.Recipients.Select(r => string.Join(" ", r.Route.Select(hop => $"{hop.ProviderName}:{hop.Kind}"))));
        Assert.Equal((ViberErrorCode.AccountBlocked, SendOutcome.NotSent), (result.Recipients[0].Error!.ErrorCode, result.Recipients[0].Error!.Outcome));
        Assert.Equal("491701234567", PhoneNumber.Parse(Assert.Single(emulator.AcceptedMessages(fallback)).Recipient).Digits);
    }

    [Fact]
    public void Validate_RouteFailOverToForNoRouteOrUnknownProvider_ReportsBothByPath()
    {
        using var sut = CreateSut(new()
        {
            ["ViberMessaging:Routers:Main:Routes:380"] = "SmsClub",
            ["ViberMessaging:Routers:Main:RouteFailOverTo:375:0"] = "Devino",
            ["ViberMessaging:Routers:Main:RouteFailOverTo:380:0"] = "Viber",
        });

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.StartsWith("ViberMessaging:Routers:Main:RouteFailOverTo:375 names no route", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("ViberMessaging:Routers:Main:RouteFailOverTo:380:0 is 'Viber', but no provider with that name is registered", StringComparison.Ordinal));
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
                "ViberMessaging:Routers:Main:FailOverTo:0 is 'Viber', but no provider with that name is registered (registered: SmsClub, Devino).",
                "ViberMessaging:Routers:Main:Otherwize is not a known setting; did you mean Otherwise?",
                "ViberMessaging:Routers:Main:Routes:380 is 'SmsClb', but no provider with that name is registered (registered: SmsClub, Devino); did you mean SmsClub?",
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

    /// <summary>SMS Club and Devino from configuration, the fallback under test (if any) as the reliability suite registers it, and the router.</summary>
    private static ServiceProvider CreateSut(Dictionary<string, string?> settings, ViberEmulator? emulator = null, Action<ViberMessaging.Routing.ViberRouterBuilder>? configure = null, string? fallback = null)
    {
        settings["ViberMessaging:SmsClub:Token"] = "t";
        settings["ViberMessaging:Devino:Login"] = "l";
        settings["ViberMessaging:Devino:Password"] = "p";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        var builder = services.AddViberMessaging(configuration).AddSmsClub().AddDevino();
        if (fallback is not null)
        {
            var provider = ReliabilityProviders.Get(fallback);
            provider.AddTo(builder, o => provider.AcceptSender(o, SmsClubEmulatorSettings.BlockedAccountSender));
        }

        builder.AddRouter("Main", configure);
        if (emulator is not null)
        {
            builder.UseEmulator(emulator);
        }

        return services.BuildServiceProvider();
    }
}
