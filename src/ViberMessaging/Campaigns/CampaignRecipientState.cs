namespace ViberMessaging.Campaigns;

/// <summary>Where a campaign's recipient stands in its journal.</summary>
public enum CampaignRecipientState
{
    /// <summary>The request carrying the recipient is about to be written or in flight; after a crash it becomes <see cref="Unknown"/>.</summary>
    Pending = 0,

    /// <summary>The provider accepted the message; <see cref="CampaignJournalEntry.MessageId"/> identifies it. Never sent again.</summary>
    Accepted,

    /// <summary>The provider refused the recipient (invalid number, blacklisted, …). Never sent again.</summary>
    Rejected,

    /// <summary>Provably not sent (<see cref="SendOutcome.NotSent"/>): sent again when the campaign is resumed.</summary>
    NotSent,

    /// <summary>
    /// It may have been sent: the outcome was <see cref="SendOutcome.Unknown"/>, or its request was in flight when the
    /// process stopped. Never sent again automatically: check with the provider first.
    /// </summary>
    Unknown,
}
