using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using ViberMessaging.DependencyInjection;
using ViberMessaging.Pacing;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.DependencyInjection;

public sealed class ViberMessagingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddViberMessaging_TwoProviders_ResolvesEachKeyedAndTheFirstAsDefault()
    {
        using var sp = Build(b => b.AddTestProvider("First", o => o.Token = "t1").AddTestProvider("Second", o => o.Token = "t2"));

        Assert.Equal("First", sp.GetRequiredKeyedService<IViberSender>("First").ProviderName);
        Assert.Equal("Second", sp.GetRequiredKeyedService<IStatusQuery>("Second").ProviderName);
        Assert.Equal("First", sp.GetRequiredService<IViberSender>().ProviderName);
        Assert.Equal("First", sp.GetRequiredService<IStatusQuery>().ProviderName);
        Assert.Same(sp.GetRequiredKeyedService<IStatusQuery>("Second"), sp.GetRequiredKeyedService<IViberSender>("Second").GetService<IStatusQuery>());
    }

    [Fact]
    public void AddViberMessaging_DefaultProviderConfigured_ResolvesItAsDefault()
    {
        using var sp = Build(
            b => b.AddTestProvider("First", o => o.Token = "t1").AddTestProvider("Second", o => o.Token = "t2"),
            configure: o => o.DefaultProvider = "second");

        Assert.Equal("Second", sp.GetRequiredService<IViberSender>().ProviderName);
    }

    [Fact]
    public void AddViberMessaging_NoProvider_DefaultSenderExplainsWhatToAdd()
    {
        using var sp = Build(_ => { });

        var error = Assert.Throws<InvalidOperationException>(() => sp.GetRequiredService<IViberSender>());
        Assert.Contains("AddSmsClub", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddProvider_SameNameTwice_Throws()
    {
        var builder = new ServiceCollection().AddViberMessaging().AddTestProvider("Dup", o => o.Token = "x");

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddTestProvider("dup", o => o.Token = "y"));
        Assert.Contains("'dup' is already registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddProvider_NameWithColon_Throws()
    {
        var builder = new ServiceCollection().AddViberMessaging();

        Assert.Throws<ArgumentException>(() => builder.AddTestProvider("a:b", o => o.Token = "x"));
    }

    [Fact]
    public void AddViberMessaging_FromConfiguration_BindsEachProviderFromItsSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ViberMessaging:DefaultProvider"] = "Test",
            ["ViberMessaging:Test:Token"] = "from-config",
            ["ViberMessaging:Test:BaseAddress"] = "https://eu.provider.test/v2",
            ["ViberMessaging:Test:Pacing:PermitLimit"] = "3",
            ["ViberMessaging:Test:Resilience:MaxRetryAttempts"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddViberMessaging(configuration).AddTestProvider();
        using var sp = services.BuildServiceProvider();

        var options = sp.GetRequiredService<IOptionsMonitor<TestProviderOptions>>().Get("Test");
        Assert.Equal("from-config", options.Token);
        Assert.Equal(new Uri("https://eu.provider.test/v2"), options.BaseAddress);
        Assert.Equal(3, options.Pacing.PermitLimit);
        Assert.Equal(1, options.Resilience.MaxRetryAttempts);
        Assert.Equal("Test", sp.GetRequiredService<IOptions<ViberMessagingOptions>>().Value.DefaultProvider);
    }

    [Fact]
    public void AddViberMessaging_ConfigurationWithUnknownKey_FailsNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ViberMessaging:Test:Token"] = "x",
            ["ViberMessaging:Test:Tokne"] = "typo",
        }).Build();
        var services = new ServiceCollection();
        services.AddViberMessaging(configuration).AddTestProvider();
        using var sp = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptionsMonitor<TestProviderOptions>>().Get("Test"));
        Assert.Equal(["ViberMessaging:Test:Tokne is not a known setting; did you mean Token?"], error.Failures);
    }

    [Fact]
    public void Options_InvalidValues_ReportEveryFailureAtOnce()
    {
        using var sp = Build(b => b.AddTestProvider(configure: o =>
        {
            o.BaseAddress = new Uri("ftp://provider.test/");
            o.Pacing.Burst = 50;
            o.Pacing.Window = TimeSpan.Zero;
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(1);
            o.ScheduleClockSkew = TimeSpan.FromMinutes(-1);
        }));

        var error = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptionsMonitor<TestProviderOptions>>().Get("Test"));
        var all = string.Join("\n", error.Failures);
        Assert.Contains("ViberMessaging:Test:ScheduleClockSkew", all, StringComparison.Ordinal);
        Assert.Contains("BaseAddress", all, StringComparison.Ordinal);
        Assert.Contains("Burst", all, StringComparison.Ordinal);
        Assert.Contains("Pacing:Window", all, StringComparison.Ordinal);
        Assert.Contains("TotalTimeout", all, StringComparison.Ordinal);
    }

    [Fact]
    public void PacingGate_IsOneSingletonPerAccountThatOutlivesHandlers()
    {
        using var sp = Build(b => b.AddTestProvider("A", o => o.Token = "a").AddTestProvider("B", o => o.Token = "b"));

        var a1 = ProviderRegistration.Infrastructure(sp, "A");
        var a2 = ProviderRegistration.Infrastructure(sp, "A");
        var b = ProviderRegistration.Infrastructure(sp, "B");

        Assert.Same(a1.Gate, a2.Gate);
        Assert.NotNull(a1.Gate);
        Assert.NotSame(a1.Gate, b.Gate);
    }

    [Fact]
    public void PacingGate_FactoryRegistered_IsAskedPerAccountWithAKeyThatHidesTheCredentials()
    {
        var factory = new RecordingGateFactory();
        using var sp = Build(b =>
        {
            b.AddTestProvider("A", o => o.Token = "secret-token-a").AddTestProvider("B", o => o.Token = "secret-token-b");
            b.Services.AddSingleton<IPacingGateFactory>(factory);
        });
        using var again = Build(b => b.AddTestProvider("A", o => o.Token = "secret-token-a"));

        var gate = ProviderRegistration.Infrastructure(sp, "A").Gate;
        ProviderRegistration.Infrastructure(sp, "B");
        var inProcess = ProviderRegistration.Infrastructure(again, "A").Gate;

        Assert.Same(factory.Created["A"], gate);
        var (a, b) = (factory.Contexts["A"], factory.Contexts["B"]);
        Assert.Matches("^[0-9a-f]{64}$", a.AccountKey);
        Assert.NotEqual(a.AccountKey, b.AccountKey);
        Assert.DoesNotContain("secret", a.AccountKey, StringComparison.Ordinal);
        Assert.IsType<ProviderRateGate>(inProcess);
        using var local = a.CreateLocalGate(3);
        Assert.Equal(3, Assert.IsType<ProviderRateGate>(local).EffectiveLimit);
        Assert.Throws<ArgumentOutOfRangeException>(() => a.CreateLocalGate(a.Options.PermitLimit + 1));
    }

    [Fact]
    public void PacingDisabled_RegistersNoGate()
    {
        using var sp = Build(b => b.AddTestProvider(configure: o =>
        {
            o.Token = "x";
            o.Pacing.Enabled = false;
        }));

        Assert.Null(ProviderRegistration.Infrastructure(sp, "Test").Gate);
    }

    [Fact]
    public void HttpClient_HasBaseAddressWithTrailingSlashInfiniteTimeoutAndAuth()
    {
        using var sp = Build(b => b.AddTestProvider(configure: o => o.Token = "secret-token"));

        var client = sp.GetRequiredService<IHttpClientFactory>().CreateClient(ProviderRegistration.HttpClientName("Test"));

        Assert.Equal(new Uri("https://provider.test/api/"), client.BaseAddress);
        Assert.Equal(Timeout.InfiniteTimeSpan, client.Timeout);
        Assert.Equal("Bearer", client.DefaultRequestHeaders.Authorization!.Scheme);
    }

    [Fact]
    public async Task HttpClientFactory_DefaultRequestLogging_IsRemovedSoNoUriOrHeaderIsLogged()
    {
        var logs = new FakeLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddViberMessaging().AddTestProvider(configure: o => o.Token = "secret-token-123");
        services.AddHttpClient(ProviderRegistration.HttpClientName("Test"))
            .ConfigurePrimaryHttpMessageHandler(() => new StubHandler((_, _) => new HttpResponseMessage(System.Net.HttpStatusCode.OK)));
        await using var sp = services.BuildServiceProvider();

        var result = await sp.GetRequiredService<IViberSender>().SendAsync(new ViberMessage
        {
            Sender = "Shop",
            Text = "hi",
            Recipients = [PhoneNumber.Parse("+380989361121")],
        });

        Assert.Equal(1, result.AcceptedCount);
        Assert.NotEmpty(logs.Collector.GetSnapshot());
        Assert.DoesNotContain(logs.Collector.GetSnapshot(), r => r.Category?.StartsWith("System.Net.Http", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(logs.Collector.GetSnapshot(), r => r.Message.Contains("secret-token-123", StringComparison.Ordinal) || r.Message.Contains("provider.test", StringComparison.Ordinal));
    }

    [Fact]
    public void ProviderOptions_ToString_NeverPrintsTheToken()
    {
        var options = new TestProviderOptions { Token = "super-secret-value" };

        Assert.DoesNotContain("super-secret-value", options.ToString(), StringComparison.Ordinal);
    }

    private sealed class RecordingGateFactory : IPacingGateFactory
    {
        public Dictionary<string, PacingGateContext> Contexts { get; } = [];

        public Dictionary<string, System.Threading.RateLimiting.RateLimiter> Created { get; } = [];

        public System.Threading.RateLimiting.RateLimiter Create(PacingGateContext context)
        {
            Contexts[context.ProviderName] = context;
            return Created[context.ProviderName] = context.CreateLocalGate(context.Options.PermitLimit);
        }
    }

    private static ServiceProvider Build(Action<IViberMessagingBuilder> register, Action<ViberMessagingOptions>? configure = null)
    {
        var services = new ServiceCollection();
        register(services.AddViberMessaging(configure));
        return services.BuildServiceProvider();
    }
}
