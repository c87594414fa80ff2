using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Campaigns;

namespace ViberMessaging.Cli;

/// <summary>The SDK registration every command shares.</summary>
internal static class CliServices
{
    /// <summary>
    /// THE one place the CLI chooses its campaign journal: the SDK's default (a file per campaign in
    /// <paramref name="directory"/>). To use another store, register its <see cref="ICampaignJournal"/> here, before
    /// <c>AddCampaignRunner()</c>, which then keeps it.
    /// </summary>
    public static IViberMessagingBuilder AddCampaignJournal(this IViberMessagingBuilder builder, string directory)
        => builder.AddCampaignRunner(o => o.JournalDirectory = directory);
}
