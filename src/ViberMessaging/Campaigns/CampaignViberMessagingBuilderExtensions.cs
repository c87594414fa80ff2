using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ViberMessaging;
using ViberMessaging.Campaigns;
using ViberMessaging.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the campaign runner.</summary>
public static class CampaignViberMessagingBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="ICampaignRunner"/> over the <see cref="ICampaignJournal"/> registered in the container. The
    /// core ships no journal: add the <c>ViberMessaging.Sqlite</c> package and call <c>UseSqliteCampaignJournal(path)</c>
    /// (which calls this method), or register your own <see cref="ICampaignJournal"/>. Without one, the host fails at
    /// start-up (<c>ValidateOnStart</c>), or resolving the runner fails, with an <see cref="OptionsValidationException"/>
    /// that names the fix.
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// services.AddViberMessaging(configuration).AddSmsClub().UseSqliteCampaignJournal("/var/lib/shop/campaigns.db");   // the runner and its journal
    /// // or: services.AddSingleton&lt;ICampaignJournal, MyJournal&gt;(); builder.AddCampaignRunner();
    /// var summary = await provider.GetRequiredService&lt;ICampaignRunner&gt;().RunAsync(sender, campaign, recipients, progress, cancellationToken);
    /// </code>
    /// </example>
    public static IViberMessagingBuilder AddCampaignRunner(this IViberMessagingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StartupValidation>, CampaignJournalValidator>());
        builder.Services.TryAddSingleton<ICampaignRunner>(static sp => new CampaignRunner(
            sp.GetService<ICampaignJournal>() ?? throw CampaignJournalValidator.Missing(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<IDeliveryTracker>()));
        return builder;
    }
}
