using Microsoft.Extensions.DependencyInjection.Extensions;
using ViberMessaging;
using ViberMessaging.Campaigns;
using ViberMessaging.Sqlite.Campaigns;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the SQLite campaign journal.</summary>
public static class SqliteCampaignJournalViberMessagingBuilderExtensions
{
    /// <summary>
    /// Registers the campaign runner (<c>AddCampaignRunner()</c>) with its journal in the SQLite file at
    /// <paramref name="path"/> instead of the core's append-only files: one row per recipient, a transaction per
    /// chunk, write-ahead log; lookups by index keep a run's memory flat for campaigns of millions.
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="path">The database file, for example <c>campaigns.db</c>; created with its directory on first use.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or whitespace.</exception>
    /// <example>
    /// <code>
    /// services.AddViberMessaging(configuration).AddSmsClub().UseSqliteCampaignJournal("/var/lib/shop/campaigns.db");
    /// </code>
    /// </example>
    public static IViberMessagingBuilder UseSqliteCampaignJournal(this IViberMessagingBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The SQLite campaign journal's path is required (for example \"campaigns.db\").", nameof(path));
        }

        builder.Services.RemoveAll<ICampaignJournal>();
        builder.Services.AddSingleton<ICampaignJournal>(_ => new SqliteCampaignJournal(path));
        return builder.AddCampaignRunner();
    }
}
