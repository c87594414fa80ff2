namespace ViberMessaging.Campaigns;

/// <summary>One recipient's latest record in a campaign journal.</summary>
/// <remarks>
/// A class, not a record: journals of other assemblies build and read it, and it carries no value semantics or
/// <c>with</c> copies that would have to stay compatible as fields are added.
/// </remarks>
public sealed class CampaignJournalEntry
{
    /// <summary>Creates a record.</summary>
    /// <param name="phone">The recipient.</param>
    /// <param name="state">Where it stands.</param>
    /// <param name="messageId">The id of the accepted message, for <see cref="CampaignRecipientState.Accepted"/>.</param>
    /// <param name="detail">The rejection reason or error code, where there is one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="phone"/> is <see langword="null"/>.</exception>
    public CampaignJournalEntry(PhoneNumber phone, CampaignRecipientState state, MessageId? messageId = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(phone);
        Phone = phone;
        State = state;
        MessageId = messageId;
        Detail = detail;
    }

    /// <summary>The recipient.</summary>
    public PhoneNumber Phone { get; }

    /// <summary>Where it stands.</summary>
    public CampaignRecipientState State { get; }

    /// <summary>The id of the accepted message, for <see cref="CampaignRecipientState.Accepted"/>.</summary>
    public MessageId? MessageId { get; }

    /// <summary>The rejection reason or error code, where there is one.</summary>
    public string? Detail { get; }

    /// <summary>Returns the record in one line.</summary>
    /// <returns>Phone, state, message id and detail.</returns>
    public override string ToString() => $"+{Phone.Digits} {State} {MessageId} {Detail}".TrimEnd();
}
