using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ViberMessaging.DecisionTelecom;
using static ViberMessaging.Tests.Providers.DecisionTelecom.DecisionTelecomTestSupport;

namespace ViberMessaging.Tests.Providers.DecisionTelecom;

public sealed class DecisionTelecomViberMessagingBuilderExtensionsTests
{
    [Fact]
    public void AddDecisionTelecom_OnlyTheKey_UsesTheDocumentedDefaults()
    {
        using var services = CreateSut(b => b.AddDecisionTelecom(o => o.ApiKey = "user-hash-key"));

        var sut = Options(services);

        Assert.Equal(new Uri("https://web.it-decision.com/"), sut.BaseAddress);
        Assert.Equal(DecisionTelecomKeyEncoding.Base64, sut.KeyEncoding);
        Assert.Equal(10, sut.Pacing.PermitLimit);
        Assert.Equal(TimeSpan.FromSeconds(1), sut.Pacing.Window);
        Assert.True(sut.Pacing.Enabled);
        Assert.Equal(4, sut.MaxConcurrentRequests);
    }

    [Fact]
    public void AddDecisionTelecom_Registered_ResolvesKeyedSenderAndStatusQueryOnly()
    {
        using var services = CreateSut(b => b.AddDecisionTelecom(o => o.ApiKey = "user-hash-key"));

        var sender = services.GetRequiredKeyedService<IViberSender>(Provider);
        var status = services.GetRequiredKeyedService<IStatusQuery>(Provider);

        Assert.Same(status, sender.GetService<IStatusQuery>());
        Assert.Same(services.GetRequiredService<IViberSender>(), sender.GetService<IViberSender>());
        Assert.Equal(Provider, sender.ProviderName);
        Assert.Null(services.GetKeyedService<IViberChats>(Provider));
        Assert.Null(services.GetKeyedService<IBalanceQuery>(Provider));
        Assert.Equal(
            (true, true, true, true, false, true, 1, 1, 1000, 20, 30, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(21600)),
            (sender.Capabilities.SupportsImage, sender.Capabilities.SupportsButton, sender.Capabilities.SupportsSmsFallback, sender.Capabilities.SupportsTwoWay,
                sender.Capabilities.SupportsScheduling, sender.Capabilities.SupportsCallbackUrl, sender.Capabilities.MaxRecipientsPerRequest,
                sender.Capabilities.MaxStatusIdsPerRequest, sender.Capabilities.MaxTextLength, sender.Capabilities.MaxSenderLength,
                sender.Capabilities.MaxButtonCaptionLength, sender.Capabilities.MinTimeToLive, sender.Capabilities.MaxTimeToLive));
    }

    [Theory]
    [InlineData(DecisionTelecomKeyEncoding.Base64, "Basic dXNlci1oYXNoLWtleQ==")]
    [InlineData(DecisionTelecomKeyEncoding.Base64WithColon, "Basic dXNlci1oYXNoLWtleTo=")]
    public void AddDecisionTelecom_KeyEncoding_SetsTheAuthorizationHeaderThatWay(DecisionTelecomKeyEncoding encoding, string expected)
    {
        using var services = CreateSut(b => b.AddDecisionTelecom(o =>
        {
            o.ApiKey = "user-hash-key";
            o.KeyEncoding = encoding;
        }));

        using var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("ViberMessaging." + Provider);

        Assert.Equal(expected, client.DefaultRequestHeaders.Authorization!.ToString());
        Assert.Equal(new Uri("https://web.it-decision.com/"), client.BaseAddress);
    }

    [Fact]
    public void AddDecisionTelecom_ViberMessagingSection_BindsEveryKey()
    {
        var configuration = Configuration(new()
        {
            ["ViberMessaging:DecisionTelecom:ApiKey"] = "dXNlci1oYXNoLWtleQ==",
            ["ViberMessaging:DecisionTelecom:KeyEncoding"] = "Verbatim",
            ["ViberMessaging:DecisionTelecom:BaseAddress"] = "https://dt.example/",
            ["ViberMessaging:DecisionTelecom:MaxConcurrentRequests"] = "8",
            ["ViberMessaging:DecisionTelecom:Pacing:PermitLimit"] = "25",
            ["ViberMessaging:DecisionTelecom:Pacing:SafetyMargin"] = "00:00:00.050",
            ["ViberMessaging:DecisionTelecom:Resilience:MaxRetryAttempts"] = "1",
        });
        var collection = new ServiceCollection();
        collection.AddViberMessaging(configuration).AddDecisionTelecom();
        using var services = collection.BuildServiceProvider();

        var sut = Options(services);

        Assert.Equal(("dXNlci1oYXNoLWtleQ==", DecisionTelecomKeyEncoding.Verbatim, new Uri("https://dt.example/")), (sut.ApiKey, sut.KeyEncoding, sut.BaseAddress));
        Assert.Equal((8, 25, TimeSpan.FromMilliseconds(50), 1), (sut.MaxConcurrentRequests, sut.Pacing.PermitLimit, sut.Pacing.SafetyMargin, sut.Resilience.MaxRetryAttempts));
    }

    [Fact]
    public void AddDecisionTelecom_SectionAndConfigure_ConfigureRunsAfterBinding()
    {
        var section = Configuration(new() { ["ApiKey"] = "from-config", ["Pacing:PermitLimit"] = "3" });
        using var services = CreateSut(b => b.AddDecisionTelecom(section, "Dt", o => o.ApiKey = "from-code"));

        var sut = services.GetRequiredService<IOptionsMonitor<DecisionTelecomOptions>>().Get("Dt");

        Assert.Equal(("from-code", 3), (sut.ApiKey, sut.Pacing.PermitLimit));
    }

    [Fact]
    public void AddDecisionTelecom_UnknownConfigurationKey_FailsNamingIt()
    {
        var section = Configuration(new() { ["ApiKey"] = "user-hash-key", ["ApiKee"] = "typo" });
        using var services = CreateSut(b => b.AddDecisionTelecom(section));

        var sut = Assert.Throws<OptionsValidationException>(() => Options(services));

        Assert.Contains("ApiKee", sut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDecisionTelecom_MissingKey_FailsValidationNamingApiKey()
    {
        using var services = CreateSut(b => b.AddDecisionTelecom());

        var sut = Assert.Throws<OptionsValidationException>(() => Options(services));

        Assert.Contains(sut.Failures, f => f.Contains("ApiKey", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDecisionTelecom_SeveralBadSettings_ReportsEveryFailureAtOnce()
    {
        using var services = CreateSut(b => b.AddDecisionTelecom(o =>
        {
            o.ApiKey = "not base64!";
            o.KeyEncoding = DecisionTelecomKeyEncoding.Verbatim;
            o.MaxConcurrentRequests = 0;
            o.Pacing.PermitLimit = 0;
            o.BaseAddress = new Uri("ftp://dt.example/");
        }));

        var sut = Assert.Throws<OptionsValidationException>(() => Options(services));

        var all = string.Join(Environment.NewLine, sut.Failures);
        Assert.Contains("ApiKey", all, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrentRequests", all, StringComparison.Ordinal);
        Assert.Contains("PermitLimit", all, StringComparison.Ordinal);
        Assert.Contains("BaseAddress", all, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   ", DecisionTelecomKeyEncoding.Base64)]
    [InlineData("key with spaces", DecisionTelecomKeyEncoding.Base64)]
    [InlineData("key\r\nX-Injected: 1", DecisionTelecomKeyEncoding.Base64WithColon)]
    [InlineData("plain-key", DecisionTelecomKeyEncoding.Verbatim)]
    [InlineData("user-hash-key", (DecisionTelecomKeyEncoding)7)]
    public void AddDecisionTelecom_UnusableKeyOrEncoding_FailsValidation(string key, DecisionTelecomKeyEncoding encoding)
    {
        using var services = CreateSut(b => b.AddDecisionTelecom(o =>
        {
            o.ApiKey = key;
            o.KeyEncoding = encoding;
        }));

        var sut = Assert.Throws<OptionsValidationException>(() => Options(services));

        Assert.Contains(sut.Failures, f => f.StartsWith("ViberMessaging:DecisionTelecom:", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDecisionTelecom_TwoAccounts_ResolveUnderTheirOwnNames()
    {
        using var services = CreateSut(b => b
            .AddDecisionTelecom(o => o.ApiKey = "first-key")
            .AddDecisionTelecom("DecisionTelecomMarketing", o => o.ApiKey = "second-key"));

        var first = services.GetRequiredKeyedService<IViberSender>(Provider);
        var second = services.GetRequiredKeyedService<IViberSender>("DecisionTelecomMarketing");

        Assert.NotSame(first, second);
        Assert.Equal("DecisionTelecomMarketing", second.ProviderName);
        Assert.Equal("second-key", services.GetRequiredService<IOptionsMonitor<DecisionTelecomOptions>>().Get("DecisionTelecomMarketing").ApiKey);
    }

    [Fact]
    public void AddDecisionTelecom_SameNameTwice_Throws()
    {
        var builder = new ServiceCollection().AddViberMessaging().AddDecisionTelecom(o => o.ApiKey = "k1");

        var sut = Assert.Throws<InvalidOperationException>(() => builder.AddDecisionTelecom(o => o.ApiKey = "k2"));

        Assert.Contains(Provider, sut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Options_NeverPrintsTheKey()
    {
        var sut = new DecisionTelecomOptions { ApiKey = "secret-user-hash-key" };

        var text = sut.ToString();

        Assert.DoesNotContain("secret-user-hash-key", text, StringComparison.Ordinal);
        Assert.Contains("web.it-decision.com", text, StringComparison.Ordinal);
    }

    private static ServiceProvider CreateSut(Action<IViberMessagingBuilder> register)
    {
        var services = new ServiceCollection();
        register(services.AddViberMessaging());
        return services.BuildServiceProvider();
    }

    private static DecisionTelecomOptions Options(IServiceProvider services)
        => services.GetRequiredService<IOptionsMonitor<DecisionTelecomOptions>>().Get(Provider);

    private static IConfiguration Configuration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
