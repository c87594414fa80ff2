namespace ViberMessaging;

/// <summary>What happened to one recipient of a send.</summary>
public enum RecipientStatus
{
    /// <summary>The provider accepted the message for this recipient; <see cref="RecipientResult.MessageId"/> identifies it.</summary>
    Accepted = 0,

    /// <summary>The provider refused this recipient (invalid number, blacklisted, not allowed, or silently dropped); see <see cref="RecipientResult.Reason"/>.</summary>
    Rejected,

    /// <summary>
    /// The request that carried this recipient failed; <see cref="RecipientResult.Error"/> says how and whether the
    /// provider may have processed it (<see cref="ViberMessagingException.Outcome"/>).
    /// </summary>
    Failed,
}
