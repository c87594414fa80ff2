using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ViberMessaging.SmsBy;

namespace ViberMessaging.Tests.Providers.SmsBy;

public sealed class SmsByViberMessagingBuilderExtensionsTests
{
    [Fact]
    public void AddSmsBy_Defaults_AreTheDocumentedOnes()
    {
        using var sut = CreateSut(b => b.AddSmsBy(o => o.Token = "t0k"));

        var options = sut.GetRequiredService<IOptionsMonitor<SmsByOptions>>().Get(ViberProviders.SmsBy);

        Assert.Equal(new Uri("https://app.sms.by/"), options.BaseAddress);
        Assert.Equal((10, TimeSpan.FromHours(3), 1000, 4), (options.Pacing.PermitLimit, options.ProviderUtcOffset, options.MaxRecipientsPerBulkRequest, options.MaxConcurrentRequests));
        Assert.Empty(options.ViberSenders);
        Assert.Null(options.DefaultSender);
    }

    [Fact]
    public void AddSmsBy_ConfigurationSection_BindsEveryKey()
    {
        var configuration = Configuration(new()
        {
            ["ViberMessaging:SmsBy:Token"] = "t0k",
            ["ViberMessaging:SmsBy:BaseAddress"] = "https://app.dataedge.md/",
            ["ViberMessaging:SmsBy:ViberSenders:MyShop"] = "101",
            ["ViberMessaging:SmsBy:ViberSenders:Other"] = "303",
            ["ViberMessaging:SmsBy:SmsSenders:MyShop"] = "444",
            ["ViberMessaging:SmsBy:DefaultSender"] = "MyShop",
            ["ViberMessaging:SmsBy:ProviderUtcOffset"] = "02:00:00",
            ["ViberMessaging:SmsBy:MaxRecipientsPerBulkRequest"] = "500",
            ["ViberMessaging:SmsBy:Pacing:PermitLimit"] = "5",
        });
        using var sut = CreateSut(configuration, b => b.AddSmsBy());

        var options = sut.GetRequiredService<IOptionsMonitor<SmsByOptions>>().Get(ViberProviders.SmsBy);

        Assert.Equal(("t0k", new Uri("https://app.dataedge.md/"), "MyShop", TimeSpan.FromHours(2), 500, 5), (options.Token, options.BaseAddress, options.DefaultSender, options.ProviderUtcOffset, options.MaxRecipientsPerBulkRequest, options.Pacing.PermitLimit));
        Assert.Equal(101, options.ViberSenders["myshop"]);
        Assert.Equal(303, options.ViberSenders["Other"]);
        Assert.Equal(444, options.SmsSenders["MYSHOP"]);
    }

    [Fact]
    public void AddSmsBy_ExplicitSectionAndName_BindsThatSectionUnderThatName()
    {
        var configuration = Configuration(new() { ["Accounts:Marketing:Token"] = "m4rk", ["Accounts:Marketing:ViberSenders:Promo"] = "7" });
        using var sut = CreateSut(b => b.AddSmsBy(configuration.GetSection("Accounts:Marketing"), "SmsByMarketing"));

        var options = sut.GetRequiredService<IOptionsMonitor<SmsByOptions>>().Get("SmsByMarketing");

        Assert.Equal(("m4rk", 7), (options.Token, options.ViberSenders["Promo"]));
        Assert.Equal("SmsByMarketing", sut.GetRequiredKeyedService<IViberSender>("SmsByMarketing").ProviderName);
    }

    [Fact]
    public void AddSmsBy_UnknownConfigurationKey_FailsNamingIt()
    {
        var configuration = Configuration(new() { ["ViberMessaging:SmsBy:Token"] = "t0k", ["ViberMessaging:SmsBy:Tokn"] = "typo" });
        using var sut = CreateSut(configuration, b => b.AddSmsBy());

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IOptionsMonitor<SmsByOptions>>().Get(ViberProviders.SmsBy));

        Assert.Contains("Tokn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSmsBy_EveryInvalidSetting_IsReportedAtOnce()
    {
        using var sut = CreateSut(b => b.AddSmsBy(o =>
        {
            o.ViberSenders["MyShop"] = 0;
            o.SmsSenders["Sms"] = -4;
            o.DefaultSender = "Nobody";
            o.ProviderUtcOffset = TimeSpan.FromHours(15);
            o.MaxRecipientsPerBulkRequest = 1;
            o.BaseAddress = new Uri("ftp://app.sms.by/");
        }));

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IOptionsMonitor<SmsByOptions>>().Get(ViberProviders.SmsBy));

        var failures = string.Join("\n", error.Failures);
        Assert.Contains("ViberMessaging:SmsBy:Token is required", failures, StringComparison.Ordinal);
        Assert.Contains("ViberSenders:MyShop must be the sender's positive SMS.by vibername_id", failures, StringComparison.Ordinal);
        Assert.Contains("SmsSenders:Sms must be the sender's positive SMS.by alphaname_id", failures, StringComparison.Ordinal);
        Assert.Contains("DefaultSender 'Nobody'", failures, StringComparison.Ordinal);
        Assert.Contains("ProviderUtcOffset", failures, StringComparison.Ordinal);
        Assert.Contains("MaxRecipientsPerBulkRequest", failures, StringComparison.Ordinal);
        Assert.Contains("BaseAddress", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSmsBy_Registration_ExposesEveryInterfaceKeyedAndTheSmsByClientUnkeyed()
    {
        using var sut = CreateSut(b => b.AddSmsBy(o => o.Token = "t0k"));

        var sender = sut.GetRequiredKeyedService<IViberSender>(ViberProviders.SmsBy);

        Assert.Same(sut.GetRequiredKeyedService<IStatusQuery>(ViberProviders.SmsBy), sender.GetService<IStatusQuery>());
        Assert.Same(sut.GetRequiredKeyedService<IViberChats>(ViberProviders.SmsBy), sender.GetService<IViberChats>());
        Assert.Same(sut.GetRequiredKeyedService<ISmsByClient>(ViberProviders.SmsBy), sender.GetService<ISmsByClient>());
        Assert.Same(sut.GetRequiredService<ISmsByClient>(), sender.GetService<ISmsByClient>());
        Assert.Same(sut.GetRequiredService<IViberSender>(), sender.GetService<IViberSender>());
        Assert.Null(sut.GetKeyedService<IBalanceQuery>(ViberProviders.SmsBy));
        Assert.Equal((true, true, true, 1000), (sender.Capabilities.SupportsSmsFallback, sender.Capabilities.SupportsTwoWay, sender.Capabilities.SupportsScheduling, sender.Capabilities.MaxRecipientsPerRequest));
    }

    [Fact]
    public void AddSmsBy_TwoAccounts_AreSeparateAndTheUnkeyedClientIsTheFirst()
    {
        using var sut = CreateSut(b => b.AddSmsBy(o => o.Token = "one").AddSmsBy("SmsByMarketing", o => o.Token = "two"));

        var first = sut.GetRequiredKeyedService<ISmsByClient>(ViberProviders.SmsBy);
        var second = sut.GetRequiredKeyedService<ISmsByClient>("SmsByMarketing");

        Assert.NotSame(first, second);
        Assert.Equal(("SmsBy", "SmsByMarketing"), (first.ProviderName, second.ProviderName));
        Assert.Same(first, sut.GetRequiredService<ISmsByClient>());
    }

    [Fact]
    public void AddSmsBy_SameNameTwice_Throws()
    {
        var builder = new ServiceCollection().AddViberMessaging().AddSmsBy();

        Assert.Throws<InvalidOperationException>(() => builder.AddSmsBy());
    }

    [Fact]
    public void ToString_WithAToken_NeverPrintsIt()
    {
        var options = new SmsByOptions { Token = "super-secret-token" };
        options.ViberSenders["MyShop"] = 101;

        var text = options.ToString();

        Assert.DoesNotContain("super-secret-token", text, StringComparison.Ordinal);
        Assert.Equal("SmsByOptions { BaseAddress = https://app.sms.by/, Pacing = 10/1s, Credentials = ***, ViberSenders = 1, SmsSenders = 0 }", text);
    }

    private static ServiceProvider CreateSut(Action<IViberMessagingBuilder> register)
    {
        var services = new ServiceCollection();
        register(services.AddViberMessaging());
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static ServiceProvider CreateSut(IConfiguration configuration, Action<IViberMessagingBuilder> register)
    {
        var services = new ServiceCollection();
        register(services.AddViberMessaging(configuration));
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
