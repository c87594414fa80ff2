using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ViberMessaging.SmsBy;
using ViberMessaging.SmsClub;

namespace ViberMessaging.Tests.DependencyInjection;

/// <summary>
/// Configuration mistakes as a user makes them, checked the way a host starts (<see cref="IStartupValidator"/>): one
/// <see cref="OptionsValidationException"/> listing every problem by configuration path, nothing silently ignored.
/// </summary>
public sealed class StartupValidationTests
{
    [Fact]
    public void Validate_MisspelledKeyAndTwoInvalidValues_OneExceptionListsAllThreeByPath()
    {
        using var sut = CreateSut(new()
        {
            ["ViberMessaging:SmsClub:Token"] = "t0ken",
            ["ViberMessaging:SmsClub:Tokn"] = "typo",
            ["ViberMessaging:SmsClub:MaxConcurrentRequests"] = "0",
            ["ViberMessaging:SmsClub:Pacing:Window"] = "1s",
            ["ViberMessaging:SmsBy:Token"] = "t0ken",
        });

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "ViberMessaging:SmsClub:Tokn is not a known setting; did you mean Token?",
                "ViberMessaging:SmsClub:Pacing:Window must be a time span such as 00:00:30 (30 seconds) or 1.00:00:00 (a day); '1s' is not.",
                "ViberMessaging:SmsClub:MaxConcurrentRequests must be between 1 and 256.",
            ],
            error.Failures.OrderBy(f => f.Contains("Tokn", StringComparison.Ordinal) ? 0 : f.Contains("Window", StringComparison.Ordinal) ? 1 : 2));
    }

    [Fact]
    public async Task HostStart_ProblemsInTwoProviders_FailsWithOneOptionsValidationException()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ViberMessaging:SmsClub:Tokn"] = "typo",
            ["ViberMessaging:SmsBy:Token"] = "t0ken",
            ["ViberMessaging:SmsBy:MaxRecipientsPerBulkRequest"] = "1",
        });
        builder.Services.AddViberMessaging(builder.Configuration).AddSmsClub().AddSmsBy();
        using var host = builder.Build();

        // Not an AggregateException of one exception per provider: one exception, every problem.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(3, error.Failures.Count());
        Assert.Contains("ViberMessaging:SmsClub:Tokn is not a known setting; did you mean Token?", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("ViberMessaging:SmsClub:Token is required", StringComparison.Ordinal));
        Assert.Contains("ViberMessaging:SmsBy:MaxRecipientsPerBulkRequest must be between 2 and 100000.", error.Failures);
    }

    [Fact]
    public void Validate_UnknownSectionDefaultProviderAndProviderProblems_AllInOneException()
    {
        using var sut = CreateSut(new()
        {
            ["ViberMessaging:DefaultProvider"] = "SmsClb",
            ["ViberMessaging:SmsKlub:Token"] = "misplaced",
            ["ViberMessaging:SmsBy:Token"] = "t0ken",
            ["ViberMessaging:SmsBy:ViberSenders:MyShop"] = "one-o-one",
            ["ViberMessaging:SmsBy:Pacing:PermitLimt"] = "5",
        });

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ViberMessaging:SmsKlub is not a known setting; did you mean SmsClub?", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("ViberMessaging:DefaultProvider is 'SmsClb', but no provider or router with that name is registered", StringComparison.Ordinal) && f.EndsWith("did you mean SmsClub?", StringComparison.Ordinal));
        Assert.Contains("ViberMessaging:SmsClub:Token is required with Bearer authentication (SMS Club cabinet → JSON profile); or set Authentication to Basic with Login and Password.", error.Failures);
        Assert.Contains("ViberMessaging:SmsBy:ViberSenders:MyShop must be a whole number; 'one-o-one' is not.", error.Failures);
        Assert.Contains("ViberMessaging:SmsBy:Pacing:PermitLimt is not a known setting; did you mean PermitLimit?", error.Failures);
        Assert.Equal(5, error.Failures.Count());
    }

    [Fact]
    public void Validate_ValidConfiguration_Passes()
    {
        using var sut = CreateSut(new()
        {
            ["ViberMessaging:DefaultProvider"] = "smsby",
            ["ViberMessaging:SmsClub:Token"] = "t0ken",
            ["ViberMessaging:SmsClub:Pacing:Window"] = "00:00:02",
            ["ViberMessaging:SmsClub:Authentication"] = "bearer",
            ["ViberMessaging:SmsBy:Token"] = "t0ken",
            ["ViberMessaging:SmsBy:ViberSenders:MyShop"] = "101",
        });

        sut.GetRequiredService<IStartupValidator>().Validate();

        var smsBy = sut.GetRequiredService<IOptionsMonitor<SmsByOptions>>().Get(ViberProviders.SmsBy);
        Assert.Equal(101, smsBy.ViberSenders["myshop"]);
        Assert.Equal(TimeSpan.FromSeconds(2), sut.GetRequiredService<IOptionsMonitor<SmsClubOptions>>().Get(ViberProviders.SmsClub).Pacing.Window);
    }

    [Fact]
    public void Validate_SectionOfAProviderThisAppDoesNotRegister_IsNotAProblem()
    {
        using var sut = CreateSut(new()
        {
            ["ViberMessaging:SmsClub:Token"] = "t0ken",
            ["ViberMessaging:SmsBy:Token"] = "t0ken",
            ["ViberMessaging:Devino:Login"] = "another-app",
        });

        sut.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Validate_EnumTypoAndValueForASection_NamesTheChoices()
    {
        using var sut = CreateSut(new()
        {
            ["ViberMessaging:SmsClub:Authentication"] = "Basik",
            ["ViberMessaging:SmsClub:Login"] = "me",
            ["ViberMessaging:SmsClub:Password"] = "secret",
            ["ViberMessaging:SmsClub:Resilience"] = "off",
            ["ViberMessaging:SmsBy:Token"] = "t0ken",
        });

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ViberMessaging:SmsClub:Authentication must be one of Bearer, Basic; 'Basik' is not (did you mean Basic?).", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("ViberMessaging:SmsClub:Resilience is a section (", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_WithoutStartupValidation_ThrowsTheSameProblemsForThatProvider()
    {
        using var sut = CreateSut(new()
        {
            ["ViberMessaging:SmsClub:Token"] = "t0ken",
            ["ViberMessaging:SmsClub:Pacing:PermitLimit"] = "0",
            ["ViberMessaging:SmsClub:Pacing:Burst"] = "lots",
        });

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredKeyedService<IViberSender>(ViberProviders.SmsClub));

        Assert.Equal(ViberProviders.SmsClub, error.OptionsName);
        Assert.Equal(
            ["ViberMessaging:SmsClub:Pacing:Burst must be a whole number; 'lots' is not.", "ViberMessaging:SmsClub:Pacing:PermitLimit must be between 1 and 100000."],
            error.Failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_AdaptToRateLimitsNotABooleanAndRecoveryPeriodTooShort_ListsBothByPath()
    {
        using var sut = CreateSut(new()
        {
            ["ViberMessaging:SmsClub:Token"] = "t0ken",
            ["ViberMessaging:SmsClub:Pacing:AdaptToRateLimits"] = "sometimes",
            ["ViberMessaging:SmsClub:Pacing:RecoveryPeriod"] = "00:00:00.500",
            ["ViberMessaging:SmsBy:Token"] = "t0ken",
        });

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "ViberMessaging:SmsClub:Pacing:AdaptToRateLimits must be true or false; 'sometimes' is not.",
                "ViberMessaging:SmsClub:Pacing:RecoveryPeriod must be between 00:00:01 and 1.00:00:00; it is 00:00:00.5000000.",
            ],
            error.Failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_CustomSection_ReportsItsOwnPaths()
    {
        var configuration = Configuration(new() { ["Marketing:Viber:Tokn"] = "typo" });
        var services = new ServiceCollection();
        services.AddViberMessaging(configuration).AddSmsClub(configuration.GetSection("Marketing:Viber"), "Marketing");
        using var sut = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Marketing:Viber:Tokn is not a known setting; did you mean Token?", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("Marketing:Viber:Token is required", StringComparison.Ordinal));
    }

    private static ServiceProvider CreateSut(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddViberMessaging(Configuration(values)).AddSmsClub().AddSmsBy();
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
