namespace ViberMessaging.Routing;

/// <summary>
/// When a router may try the next provider for a recipient. Whether the provider may have processed the request is
/// not decided here: it is the error's <see cref="ViberMessagingException.Outcome"/>, decided once by
/// <c>SendOutcomeRules</c>. This only adds the question "would another provider do better?".
/// </summary>
internal static class RouterFailoverRules
{
    /// <summary>
    /// Whether <paramref name="result"/> may be sent through another provider: only a <see cref="RecipientStatus.Failed"/>
    /// recipient whose request was <see cref="SendOutcome.NotSent"/> for a reason of that provider. Never an
    /// <see cref="RecipientStatus.Accepted"/> or <see cref="RecipientStatus.Rejected"/> one (a rejection is about the
    /// recipient), never after <see cref="SendOutcome.Unknown"/> or <see cref="SendOutcome.Accepted"/> (it may have
    /// been sent), never for what any provider would refuse the same way.
    /// </summary>
    public static bool MayFailOver(RecipientResult result)
        => result.Status == RecipientStatus.Failed && result.Error is { } error && MayFailOver(error);

    /// <summary>Whether a request that failed with <paramref name="error"/> may be sent through another provider.</summary>
    public static bool MayFailOver(ViberMessagingException error)
        => error.Outcome == SendOutcome.NotSent && !SameEverywhere(error.ErrorCode);

    /// <summary>
    /// NotSent errors about the message or the recipients themselves, or the caller's own cancellation: another
    /// provider would refuse them too, or the caller asked to stop.
    /// </summary>
    private static bool SameEverywhere(ViberErrorCode code) => code is ViberErrorCode.InvalidRecipients or ViberErrorCode.Cancelled;
}
