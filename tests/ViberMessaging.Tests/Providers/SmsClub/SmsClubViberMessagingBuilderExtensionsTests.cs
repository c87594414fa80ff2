using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ViberMessaging.SmsClub;
using ViberMessaging.Telemetry;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Providers.SmsClub;

public sealed class SmsClubViberMessagingBuilderExtensionsTests
{
    [Fact]
    public void AddSmsClub_Token_RegistersEveryServiceOfOneObservedAccount()
    {
        using var sut = CreateSut(b => b.AddSmsClub(o => o.Token = "token-1234"));

        var sender = sut.GetRequiredKeyedService<IViberSender>(ViberProviders.SmsClub);

        Assert.IsType<ObservedViberSender>(sender);
        Assert.Same(sut.GetRequiredKeyedService<IStatusQuery>(ViberProviders.SmsClub), sender.GetService<IStatusQuery>());
        Assert.Same(sut.GetRequiredKeyedService<IViberChats>(ViberProviders.SmsClub), sender.GetService<IViberChats>());
        Assert.Same(sut.GetRequiredKeyedService<IBalanceQuery>(ViberProviders.SmsClub), sender.GetService<IBalanceQuery>());
        Assert.Same(sut.GetRequiredKeyedService<ISmsClubAccount>(ViberProviders.SmsClub), sender.GetService<ISmsClubAccount>());
        Assert.Same(sut.GetRequiredService<IViberSender>(), sender.GetService<IViberSender>());
        Assert.Same(sut.GetRequiredService<IViberChats>(), sender.GetService<IViberChats>());
        Assert.Same(sut.GetRequiredService<ISmsClubAccount>(), sender.GetService<ISmsClubAccount>());
        Assert.Equal("SmsClub", sender.ProviderName);
        Assert.Equal((500, 500), (sender.Capabilities.MaxRecipientsPerRequest, sender.Capabilities.MaxStatusIdsPerRequest));
    }

    [Fact]
    public void AddSmsClub_TwoAccounts_KeepsThemApartAndTheFirstIsTheDefaultAccount()
    {
        using var sut = CreateSut(b => b.AddSmsClub(o => o.Token = "token-1234").AddSmsClub("SmsClubMarketing", o => o.Token = "token-5678"));

        var marketing = sut.GetRequiredKeyedService<ISmsClubAccount>("SmsClubMarketing");

        Assert.Equal("SmsClubMarketing", marketing.ProviderName);
        Assert.NotSame(marketing, sut.GetRequiredKeyedService<ISmsClubAccount>(ViberProviders.SmsClub));
        Assert.Equal(ViberProviders.SmsClub, sut.GetRequiredService<ISmsClubAccount>().ProviderName);
    }

    [Fact]
    public void AddSmsClub_SameNameTwice_Throws()
    {
        var services = new ServiceCollection();
        var builder = services.AddViberMessaging().AddSmsClub(o => o.Token = "token-1234");

        Assert.Throws<InvalidOperationException>(() => builder.AddSmsClub(o => o.Token = "token-5678"));
    }

    [Fact]
    public void Options_Defaults_AreTheDocumentedOnes()
    {
        var sut = new SmsClubOptions();

        Assert.Equal(new Uri("https://im.smsclub.mobi/"), sut.BaseAddress);
        Assert.Equal(9, sut.Pacing.PermitLimit);
        Assert.Equal(TimeSpan.FromSeconds(1), sut.Pacing.Window);
        Assert.Equal(SmsClubAuthentication.Bearer, sut.Authentication);
        Assert.Null(sut.Token);
        Assert.Equal(4, sut.MaxConcurrentRequests);
    }

    [Fact]
    public void Options_ToString_NeverPrintsCredentials()
    {
        var sut = new SmsClubOptions { Token = "token-secret-1", Login = "login-secret-2", Password = "password-secret-3", Authentication = SmsClubAuthentication.Basic };

        var text = sut.ToString();

        Assert.Contains("im.smsclub.mobi", text, StringComparison.Ordinal);
        Assert.Contains("Basic", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSmsClub_ConfigurationSection_BindsEveryKindOfOption()
    {
        var configuration = Configuration(new()
        {
            ["ViberMessaging:SmsClub:Authentication"] = "basic",
            ["ViberMessaging:SmsClub:Login"] = "shop",
            ["ViberMessaging:SmsClub:Password"] = "p@ss",
            ["ViberMessaging:SmsClub:BaseAddress"] = "https://proxy.example/smsclub/",
            ["ViberMessaging:SmsClub:Pacing:PermitLimit"] = "5",
            ["ViberMessaging:SmsClub:Pacing:SafetyMargin"] = "00:00:00.050",
            ["ViberMessaging:SmsClub:Resilience:MaxRetryAttempts"] = "1",
            ["ViberMessaging:SmsClub:MaxConcurrentRequests"] = "2",
        });
        using var sut = CreateSut(services => services.AddViberMessaging(configuration).AddSmsClub());

        var options = sut.GetRequiredService<IOptionsMonitor<SmsClubOptions>>().Get(ViberProviders.SmsClub);

        Assert.Equal(SmsClubAuthentication.Basic, options.Authentication);
        Assert.Equal(("shop", "p@ss"), (options.Login, options.Password));
        Assert.Equal(new Uri("https://proxy.example/smsclub/"), options.BaseAddress);
        Assert.Equal((5, TimeSpan.FromMilliseconds(50)), (options.Pacing.PermitLimit, options.Pacing.SafetyMargin));
        Assert.Equal(1, options.Resilience.MaxRetryAttempts);
        Assert.Equal(2, options.MaxConcurrentRequests);
    }

    [Fact]
    public void AddSmsClub_ExplicitSectionThenConfigure_ConfigureWins()
    {
        var section = Configuration(new() { ["Token"] = "from-config", ["MaxConcurrentRequests"] = "3" });
        using var sut = CreateSut(services => services.AddViberMessaging().AddSmsClub(section, configure: o => o.Token = "from-code"));

        var options = sut.GetRequiredService<IOptionsMonitor<SmsClubOptions>>().Get(ViberProviders.SmsClub);

        Assert.Equal(("from-code", 3), (options.Token, options.MaxConcurrentRequests));
    }

    [Fact]
    public void AddSmsClub_SectionUnderASecondName_BindsThatAccount()
    {
        var section = Configuration(new() { ["Token"] = "marketing-token", ["Pacing:Burst"] = "1" });
        using var sut = CreateSut(services => services.AddViberMessaging().AddSmsClub(section, "SmsClubMarketing"));

        var options = sut.GetRequiredService<IOptionsMonitor<SmsClubOptions>>().Get("SmsClubMarketing");

        Assert.Equal(("marketing-token", 1), (options.Token, options.Pacing.Burst));
        Assert.Equal("SmsClubMarketing", sut.GetRequiredKeyedService<IViberSender>("SmsClubMarketing").ProviderName);
    }

    [Fact]
    public void AddSmsClub_UnknownConfigurationKey_FailsNamingIt()
    {
        var section = Configuration(new() { ["Token"] = "token-1234", ["Tokne"] = "typo" });
        using var sut = CreateSut(services => services.AddViberMessaging().AddSmsClub(section));

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IOptionsMonitor<SmsClubOptions>>().Get(ViberProviders.SmsClub));

        Assert.Contains("Tokne", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSmsClub_NoToken_FailsValidationNamingTheKey()
    {
        using var sut = CreateSut(b => b.AddSmsClub());

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IOptionsMonitor<SmsClubOptions>>().Get(ViberProviders.SmsClub));

        Assert.Contains(error.Failures, f => f.Contains("ViberMessaging:SmsClub:Token is required", StringComparison.Ordinal));
    }

    [Fact]
    public void AddSmsClub_BasicWithoutCredentialsAndBadLimits_ReportsEveryFailureAtOnce()
    {
        using var sut = CreateSut(b => b.AddSmsClub(o =>
        {
            o.Authentication = SmsClubAuthentication.Basic;
            o.MaxConcurrentRequests = 0;
            o.Pacing.PermitLimit = 0;
            o.BaseAddress = new Uri("ftp://im.smsclub.mobi/");
        }));

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IOptionsMonitor<SmsClubOptions>>().Get(ViberProviders.SmsClub));

        Assert.Contains(error.Failures, f => f.Contains("Login is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Password is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxConcurrentRequests", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("PermitLimit", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("BaseAddress", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SmsClubAuthentication.Bearer, "to ken", null, null, "Token contains whitespace")]
    [InlineData(SmsClubAuthentication.Basic, null, "a:b", "pw", "Login cannot contain ':'")]
    [InlineData((SmsClubAuthentication)7, "token-1234", null, null, "Authentication must be Bearer or Basic")]
    public void AddSmsClub_MalformedCredentials_FailsValidation(SmsClubAuthentication authentication, string? token, string? login, string? password, string expected)
    {
        using var sut = CreateSut(b => b.AddSmsClub(o => (o.Authentication, o.Token, o.Login, o.Password) = (authentication, token, login, password)));

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IOptionsMonitor<SmsClubOptions>>().Get(ViberProviders.SmsClub));

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SmsClubAuthentication.Bearer, "Bearer token-1234")]
    [InlineData(SmsClubAuthentication.Basic, "Basic c2hvcDpwQHNz")]
    public async Task AddSmsClub_Authentication_SetsTheAuthorizationHeaderOnEveryRequest(SmsClubAuthentication authentication, string expected)
    {
        string? seen = null;
        var stub = new StubHandler((request, _) =>
        {
            seen = request.Headers.Authorization?.ToString();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"success_request":{"info":{"money":"1.0000","currency":"UAH"}}}""", Encoding.UTF8, "application/json") };
        });
        using var sut = CreateSut(b => b.AddSmsClub(o => (o.Authentication, o.Token, o.Login, o.Password) = (authentication, "token-1234", "shop", "p@ss")), stub);

        await sut.GetRequiredKeyedService<IBalanceQuery>(ViberProviders.SmsClub).GetBalanceAsync();

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task AddSmsClub_ProviderEchoesBasicCredentials_ErrorsCarryNoSecret()
    {
        const string Echo = """{"errorRequest":{"errors":{"account":["login shop, password p@ss-word-9, header c2hvcDpwQHNzLXdvcmQtOQ=="]}}}""";
        var stub = new StubHandler((request, _) => new HttpResponseMessage((HttpStatusCode)460) { Content = new StringContent(Echo, Encoding.UTF8, "application/json") });
        using var sut = CreateSut(b => b.AddSmsClub(o => (o.Authentication, o.Login, o.Password) = (SmsClubAuthentication.Basic, "shop", "p@ss-word-9")), stub);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.GetRequiredService<IViberSender>().SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [PhoneNumber.Parse("380989361121")], Text = "Hi" }));

        Assert.Equal(ViberErrorCode.AccountBlocked, error.ErrorCode);
        Assert.DoesNotContain("p@ss-word-9", error.ResponseBody, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcDpwQHNzLXdvcmQtOQ==", error.ResponseBody, StringComparison.Ordinal);
        Assert.DoesNotContain("p@ss-word-9", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider CreateSut(Action<IViberMessagingBuilder> register, StubHandler? handler = null)
        => CreateSut(services => register(services.AddViberMessaging()), handler);

    private static ServiceProvider CreateSut(Action<IServiceCollection> register, StubHandler? handler = null)
    {
        var services = new ServiceCollection();
        register(services);
        if (handler is not null)
        {
            foreach (var name in new[] { ViberProviders.SmsClub })
            {
                services.AddHttpClient("ViberMessaging." + name).ConfigurePrimaryHttpMessageHandler(() => handler);
            }
        }

        return services.BuildServiceProvider(validateScopes: true);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
