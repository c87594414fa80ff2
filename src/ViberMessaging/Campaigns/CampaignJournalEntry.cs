namespace ViberMessaging.Campaigns;

/// <summary>One recipient's latest record in a campaign journal.</summary>
/// <param name="Phone">The recipient.</param>
/// <param name="State">Where it stands.</param>
/// <param name="MessageId">The id of the accepted message, for <see cref="CampaignRecipientState.Accepted"/>.</param>
/// <param name="Detail">The rejection reason or error code, where there is one.</param>
public sealed record CampaignJournalEntry(PhoneNumber Phone, CampaignRecipientState State, MessageId? MessageId = null, string? Detail = null);
