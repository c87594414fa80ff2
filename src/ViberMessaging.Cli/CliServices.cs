using Microsoft.Extensions.DependencyInjection;

namespace ViberMessaging.Cli;

/// <summary>The SDK registration every command shares.</summary>
internal static class CliServices
{
    /// <summary>
    /// The one place the CLI chooses its campaign journal: one SQLite file, <c>journal.db</c> in
    /// <paramref name="directory"/>, for every campaign (ViberMessaging.Sqlite: kill -9 safe, looked up by key one chunk
    /// at a time, so memory stays flat for campaigns of millions).
    /// </summary>
    public static IViberMessagingBuilder AddCampaignJournal(this IViberMessagingBuilder builder, string directory)
    {
        Directory.CreateDirectory(directory);
        return builder.UseSqliteCampaignJournal(Path.Combine(directory, "journal.db"));
    }
}
