using ViberMessaging.Resilience;

namespace ViberMessaging.SmsClub;

/// <summary>
/// Part of a send's answer that says SMS Club may have accepted a recipient, but which this SDK cannot read: which
/// entries of <c>messages</c> (by position) and what id, if any, they carried.
/// </summary>
/// <param name="ProviderName">The registered provider name.</param>
/// <param name="Detail">What could not be read, in one sentence.</param>
/// <param name="Entries">The positions of the entries of <c>messages</c> concerned.</param>
/// <param name="RawId">The id as SMS Club sent it, when there was one.</param>
/// <param name="State"><see cref="AnswerState.UnreadableId"/> when SMS Club listed the recipient, <see cref="AnswerState.RecipientUnmatched"/> when it may have.</param>
internal sealed record SmsClubUnreadable(string ProviderName, string Detail, IReadOnlyList<int> Entries, string? RawId, AnswerState State)
{
    /// <summary>The error without the answer's context (for the mapper used on its own).</summary>
    public ViberMessagingException ToError()
    {
        var decision = SendOutcomeRules.Decide(AttemptFacts.Answered(isSend: true, System.Net.HttpStatusCode.OK, State));
        return new(decision.Code!.Value, Detail + " Check the status or reconcile before sending again.")
        {
            ProviderName = ProviderName,
            Outcome = decision.Outcome,
            ProviderMessageId = RawId,
        };
    }
}
