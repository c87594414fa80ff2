namespace ViberMessaging.Campaigns;

/// <summary>How a campaign run ended: its final counts, and whether it was cancelled before the input's end.</summary>
public sealed class CampaignSummary
{
    /// <summary>The campaign's id.</summary>
    public required string CampaignId { get; init; }

    /// <summary>The counts of this run.</summary>
    public required CampaignProgress Progress { get; init; }

    /// <summary>Whether the run stopped on cancellation; run the campaign again with the same id to resume it.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Returns the counts in one line.</summary>
    /// <returns>A summary.</returns>
    public override string ToString()
        => $"{CampaignId}: {Progress}{(Cancelled ? " (cancelled)" : string.Empty)}";
}
