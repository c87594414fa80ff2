using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ViberMessaging.Devino;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Providers.Devino;

public sealed class DevinoViberMessagingBuilderExtensionsTests
{
    [Fact]
    public void AddDevino_Defaults_DocumentedEndpointPacingAndLimits()
    {
        using var services = Build(b => b.AddDevino(o => { o.Login = "login"; o.Password = "password"; }));

        var sut = services.GetRequiredService<IOptionsMonitor<DevinoOptions>>().Get(ViberProviders.Devino);

        Assert.Equal(new Uri("https://viber.devinotele.com:444"), sut.BaseAddress);
        Assert.Equal((10, 100, 100, 4), (sut.Pacing.PermitLimit, sut.MaxMessagesPerRequest, sut.MaxIdsPerStatusRequest, sut.MaxConcurrentRequests));
        Assert.Null(sut.DefaultPriority);
        Assert.Null(sut.DefaultValidityPeriod);
    }

    [Fact]
    public void AddDevino_Default_RegistersKeyedAndDefaultSenderAndStatusQuery()
    {
        using var services = Build(b => b.AddDevino(o => { o.Login = "login"; o.Password = "password"; }));

        var sender = services.GetRequiredKeyedService<IViberSender>(ViberProviders.Devino);

        Assert.Equal("Devino", sender.ProviderName);
        Assert.Same(services.GetRequiredKeyedService<IStatusQuery>(ViberProviders.Devino), sender.GetService<IStatusQuery>());
        Assert.Same(services.GetRequiredService<IViberSender>(), sender.GetService<IViberSender>());
        Assert.Null(services.GetKeyedService<IViberChats>(ViberProviders.Devino));
        Assert.Equal((100, 19), (sender.Capabilities.MaxRecipientsPerRequest, sender.Capabilities.MaxButtonCaptionLength));
    }

    [Fact]
    public void AddDevino_FromViberMessagingConfiguration_BindsEveryKey()
    {
        var configuration = Configuration(new()
        {
            ["ViberMessaging:Devino:Login"] = "shop",
            ["ViberMessaging:Devino:Password"] = "s3cret",
            ["ViberMessaging:Devino:BaseAddress"] = "https://api.example/devino/",
            ["ViberMessaging:Devino:DefaultPriority"] = "Normal",
            ["ViberMessaging:Devino:DefaultValidityPeriod"] = "00:10:00",
            ["ViberMessaging:Devino:MaxMessagesPerRequest"] = "50",
            ["ViberMessaging:Devino:MaxIdsPerStatusRequest"] = "20",
            ["ViberMessaging:Devino:Pacing:PermitLimit"] = "5",
        });
        using var services = Build(_ => { }, s => s.AddViberMessaging(configuration).AddDevino());

        var sut = services.GetRequiredService<IOptionsMonitor<DevinoOptions>>().Get(ViberProviders.Devino);

        Assert.Equal(("shop", "s3cret", new Uri("https://api.example/devino/")), (sut.Login, sut.Password, sut.BaseAddress));
        Assert.Equal((MessagePriority.Normal, TimeSpan.FromMinutes(10)), (sut.DefaultPriority!.Value, sut.DefaultValidityPeriod!.Value));
        Assert.Equal((50, 20, 5), (sut.MaxMessagesPerRequest, sut.MaxIdsPerStatusRequest, sut.Pacing.PermitLimit));
        Assert.Equal(50, services.GetRequiredKeyedService<IViberSender>(ViberProviders.Devino).Capabilities.MaxRecipientsPerRequest);
    }

    [Fact]
    public void AddDevino_Section_BindsThenConfigureOverrides()
    {
        var configuration = Configuration(new() { ["Accounts:Marketing:Login"] = "marketing", ["Accounts:Marketing:Password"] = "from-config" });

        using var services = Build(b => b.AddDevino(configuration.GetSection("Accounts:Marketing"), "DevinoMarketing", o => o.Password = "from-vault"));

        var sut = services.GetRequiredService<IOptionsMonitor<DevinoOptions>>().Get("DevinoMarketing");
        Assert.Equal(("marketing", "from-vault"), (sut.Login, sut.Password));
        Assert.Equal("DevinoMarketing", services.GetRequiredKeyedService<IViberSender>("DevinoMarketing").ProviderName);
    }

    [Fact]
    public void AddDevino_UnknownConfigurationKey_IsRejected()
    {
        var configuration = Configuration(new() { ["Login"] = "a", ["Password"] = "b", ["Passwort"] = "typo" });
        using var services = Build(b => b.AddDevino(configuration));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<DevinoOptions>>().Get(ViberProviders.Devino));

        Assert.Contains("Passwort", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDevino_NoCredentials_ValidationNamesBoth()
    {
        using var services = Build(b => b.AddDevino());

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredKeyedService<IViberSender>(ViberProviders.Devino));

        Assert.Contains(error.Failures, f => f.Contains("Login", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Password", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDevino_EveryBrokenRule_ReportedAtOnce()
    {
        using var services = Build(b => b.AddDevino(o =>
        {
            o.Login = "shop:1";
            o.Password = "p";
            o.DefaultValidityPeriod = TimeSpan.FromSeconds(29);
            o.DefaultPriority = (MessagePriority)42;
            o.MaxMessagesPerRequest = 101;
            o.MaxIdsPerStatusRequest = 0;
            o.BaseAddress = new Uri("ftp://devino.example/");
        }));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<DevinoOptions>>().Get(ViberProviders.Devino));

        foreach (var expected in new[] { "Login cannot contain ':'", "DefaultValidityPeriod", "DefaultPriority", "MaxMessagesPerRequest", "MaxIdsPerStatusRequest", "BaseAddress" })
        {
            Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(30.5)]
    [InlineData(86_401)]
    public void AddDevino_DefaultValidityPeriodNotWholeSecondsInRange_Rejected(double seconds)
    {
        using var services = Build(b => b.AddDevino(o => { o.Login = "a"; o.Password = "b"; o.DefaultValidityPeriod = TimeSpan.FromSeconds(seconds); }));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<DevinoOptions>>().Get(ViberProviders.Devino));

        Assert.Contains("ViberMessaging:Devino:DefaultValidityPeriod", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AddDevino_SameNameTwice_Throws()
    {
        var builder = new ServiceCollection().AddViberMessaging().AddDevino();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddDevino());

        Assert.Contains("Devino", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Devino:Marketing")]
    public void AddDevino_InvalidName_Throws(string name)
    {
        var builder = new ServiceCollection().AddViberMessaging();

        Assert.ThrowsAny<ArgumentException>(() => builder.AddDevino(name));
    }

    [Fact]
    public void ToString_NeverPrintsTheCredentials()
    {
        var sut = new DevinoOptions { Login = "shop-login", Password = "s3cr3t-pass" };

        var text = sut.ToString();

        Assert.DoesNotContain("s3cr3t-pass", text, StringComparison.Ordinal);
        Assert.DoesNotContain("shop-login", text, StringComparison.Ordinal);
        Assert.Contains("viber.devinotele.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDevino_NamedAccountAgainstTheEmulator_IdsCarryTheRegistrationName()
    {
        await using var harness = await EmulatorHarness.StartAsync(b => b.AddDevino("DevinoMarketing"));
        var sut = harness.Sender("DevinoMarketing");

        var result = await sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = [PhoneNumber.Parse("+79250000001")], Text = "Hi" });

        Assert.Equal("DevinoMarketing:3158611117333282816", result.MessageIds.Single().ToString());
        Assert.Null(Assert.Single(await harness.StatusQuery("DevinoMarketing").GetStatusesAsync(result.MessageIds)).Error);
    }

    [Fact]
    public async Task AddDevino_ProviderEchoesTheCredentials_ErrorsAndLogsAreRedacted()
    {
        var echo = new StubHandler((request, _) => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent(
                $$"""{"timestamp":1,"status":400,"error":"Bad Request","message":"rejected {{request.Headers.Authorization}} for emulator-devino-password","path":"/send"}""",
                Encoding.UTF8,
                "application/json"),
        });
        await using var harness = await EmulatorHarness.StartAsync(
            b => b.AddDevino(),
            configureServices: s => s.AddHttpClient("ViberMessaging.Devino").ConfigurePrimaryHttpMessageHandler(() => echo));
        var sut = harness.Sender(ViberProviders.Devino);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(new ViberMessage { Sender = "Shop", Recipients = [PhoneNumber.Parse("+79250000001")], Text = "Hi" }));

        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("emulator-devino:emulator-devino-password"));
        Assert.Equal((ViberErrorCode.InvalidRequest, "Bad Request"), (error.ErrorCode, error.ProviderErrorCode));
        Assert.Equal(1, echo.Calls);
        foreach (var text in new[] { error.Message, error.ResponseBody, error.ProviderMessage, string.Join('\n', harness.Logs.Collector.GetSnapshot().Select(r => r.Message)) })
        {
            Assert.DoesNotContain("emulator-devino-password", text, StringComparison.Ordinal);
            Assert.DoesNotContain(basic, text, StringComparison.Ordinal);
        }
    }

    private static ServiceProvider Build(Action<IViberMessagingBuilder> register, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        if (configure is not null)
        {
            configure(services);
        }
        else
        {
            register(services.AddViberMessaging());
        }

        return services.BuildServiceProvider();
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
