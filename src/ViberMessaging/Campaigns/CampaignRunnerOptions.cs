namespace ViberMessaging.Campaigns;

/// <summary>Settings of the <see cref="ICampaignRunner"/> registered by <c>AddCampaignRunner()</c>.</summary>
public sealed class CampaignRunnerOptions
{
    /// <summary>
    /// The directory of the SDK's file journal: one append-only file per campaign (<c>&lt;id&gt;.journal</c>), flushed
    /// to disk before every send. Ignored when an <see cref="ICampaignJournal"/> of your own is registered.
    /// </summary>
    /// <value><c>campaigns</c> under the current directory.</value>
    public string JournalDirectory { get; set; } = "campaigns";
}
