using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ViberMessaging.Campaigns;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Campaigns;

/// <summary><c>AddCampaignRunner()</c>: the core has no journal of its own, and says so at start-up with the fix.</summary>
public sealed class CampaignViberMessagingBuilderExtensionsTests
{
    private const string Fix = "add the ViberMessaging.Sqlite package and call UseSqliteCampaignJournal(path), or register your own ICampaignJournal";

    [Fact]
    public void StartupValidation_NoJournalRegistered_FailsNamingTheFix()
    {
        using var sut = CreateSut(journal: false);

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains(Fix, StringComparison.Ordinal));
    }

    [Fact]
    public void GetRequiredService_NoJournalRegisteredAndNoHost_ThrowsNamingTheFix()
    {
        using var sut = CreateSut(journal: false);

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<ICampaignRunner>());

        Assert.Contains(Fix, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_OwnJournalRegistered_PassesAndTheRunnerResolves()
    {
        using var sut = CreateSut(journal: true);

        sut.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotNull(sut.GetRequiredService<ICampaignRunner>());
    }

    private static ServiceProvider CreateSut(bool journal)
    {
        var services = new ServiceCollection();
        services.AddViberMessaging().AddCampaignRunner();
        if (journal)
        {
            services.AddSingleton<ICampaignJournal, InMemoryCampaignJournal>();
        }

        return services.BuildServiceProvider();
    }
}
