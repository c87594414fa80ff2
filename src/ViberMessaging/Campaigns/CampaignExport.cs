namespace ViberMessaging.Campaigns;

/// <summary>What <see cref="ICampaignRunner.ExportAsync"/> wrote: the count of recipients per journal state and per final delivery status.</summary>
public sealed class CampaignExport
{
    /// <summary>The campaign's id.</summary>
    public required string CampaignId { get; init; }

    /// <summary>Recipients written (one row each).</summary>
    public long Recipients { get; init; }

    /// <summary>Recipients per journal state.</summary>
    public IReadOnlyDictionary<CampaignRecipientState, long> States { get; init; } = new Dictionary<CampaignRecipientState, long>();

    /// <summary>Accepted recipients per delivery status, as the status pass found them.</summary>
    public IReadOnlyDictionary<DeliveryStatus, long> Statuses { get; init; } = new Dictionary<DeliveryStatus, long>();

    /// <summary>Accepted recipients whose status could not be read (the provider could not be queried, or no status query was given).</summary>
    public long StatusUnavailable { get; init; }
}
