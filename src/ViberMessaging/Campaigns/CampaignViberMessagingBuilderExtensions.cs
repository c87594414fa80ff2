using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ViberMessaging;
using ViberMessaging.Campaigns;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the campaign runner.</summary>
public static class CampaignViberMessagingBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="ICampaignRunner"/> and, unless one is already registered, the SDK's file
    /// <see cref="ICampaignJournal"/> in <see cref="CampaignRunnerOptions.JournalDirectory"/>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="configure">Sets the journal's directory.</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// services.AddViberMessaging(configuration).AddSmsClub().AddCampaignRunner(o => o.JournalDirectory = "/var/lib/shop/campaigns");
    /// var summary = await provider.GetRequiredService&lt;ICampaignRunner&gt;().RunAsync(sender, campaign, recipients, progress, cancellationToken);
    /// </code>
    /// </example>
    public static IViberMessagingBuilder AddCampaignRunner(this IViberMessagingBuilder builder, Action<CampaignRunnerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<CampaignRunnerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddSingleton<ICampaignJournal>(static sp => new FileCampaignJournal(sp.GetRequiredService<IOptions<CampaignRunnerOptions>>().Value.JournalDirectory));
        builder.Services.TryAddSingleton<ICampaignRunner>(static sp => new CampaignRunner(sp.GetRequiredService<ICampaignJournal>(), sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetService<IDeliveryTracker>()));
        return builder;
    }
}
