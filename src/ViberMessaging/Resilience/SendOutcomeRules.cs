using System.Net;

namespace ViberMessaging.Resilience;

/// <summary>
/// The one rule of "a paid message is never sent twice, and a caller always learns when it may have been": from what
/// is known about an attempt (<see cref="AttemptFacts"/>), whether the provider may have processed it and the neutral
/// code the caller sees. Every path that reports a failed or unreadable attempt asks here; providers only describe
/// (their parsed error's code, and whether their documents say it may follow processing). The table test
/// <c>SendOutcomeRulesTests</c> is its specification.
/// </summary>
internal static class SendOutcomeRules
{
    /// <summary>Decides the outcome and neutral code of one attempt.</summary>
    public static OutcomeDecision Decide(in AttemptFacts facts)
        => facts.Failure == AttemptFailure.None ? DecideAnswer(facts) : DecideFailure(facts);

    /// <summary>
    /// The neutral code an HTTP status says by itself, for an error answer without the provider's own error shape. A
    /// provider's documented status rows (SMS Club's 460–468, SMS.by's 403) are its error parser's, not this fallback's.
    /// </summary>
    public static ViberErrorCode CodeFor(HttpStatusCode status) => (int)status switch
    {
        400 => ViberErrorCode.InvalidRequest,
        401 => ViberErrorCode.Unauthorized,
        402 => ViberErrorCode.InsufficientFunds,
        403 => ViberErrorCode.Forbidden,
        404 => ViberErrorCode.NotFound,
        429 => ViberErrorCode.RateLimited,
        >= 500 and < 600 => ViberErrorCode.ProviderUnavailable,
        >= 400 and < 500 => ViberErrorCode.InvalidRequest,
        _ => ViberErrorCode.Unknown,
    };

    private static OutcomeDecision DecideFailure(in AttemptFacts facts)
    {
        switch (facts.Failure)
        {
            case AttemptFailure.CircuitOpen:
                return new(SendOutcome.NotSent, ViberErrorCode.CircuitOpen);
            case AttemptFailure.AccountPaused:
                return new(SendOutcome.NotSent, ViberErrorCode.RateLimited);
            case AttemptFailure.Unreachable:
                return new(SendOutcome.NotSent, ViberErrorCode.Network);
        }

        var code = facts.Failure switch
        {
            AttemptFailure.Timeout => ViberErrorCode.Timeout,
            AttemptFailure.Cancelled => ViberErrorCode.Cancelled,
            _ => ViberErrorCode.Network,
        };
        if (!facts.Written)
        {
            return new(SendOutcome.NotSent, code);
        }

        // Written: a send may have been processed. A cancelled send keeps its code (SendCanceledException says the
        // rest); a cancelled read is a plain cancellation; a read that failed on the wire is retried, not reconciled.
        return facts.Failure switch
        {
            AttemptFailure.Cancelled => new(facts.IsSend ? SendOutcome.Unknown : SendOutcome.NotSent, code),
            _ => new(SendOutcome.Unknown, facts.IsSend ? ViberErrorCode.OutcomeUnknown : code),
        };
    }

    private static OutcomeDecision DecideAnswer(in AttemptFacts facts)
    {
        var status = facts.Status ?? HttpStatusCode.OK;
        var success = (int)status is >= 200 and < 300;
        if (facts.RateLimited)
        {
            // Refused in front of the API, whatever the body: never processed.
            return new(SendOutcome.NotSent, ViberErrorCode.RateLimited);
        }

        switch (facts.Answer)
        {
            case AnswerState.None or AnswerState.Read when success:
                return new(SendOutcome.Accepted, null);
            case AnswerState.None or AnswerState.Read or AnswerState.ProviderError:
                var code = facts.ProviderCode ?? CodeFor(status);
                var ambiguous = (int)status >= 500 || facts.MayFollowProcessing;
                return ambiguous && facts.IsSend ? new(SendOutcome.Unknown, ViberErrorCode.OutcomeUnknown) : new(SendOutcome.NotSent, code);
            case AnswerState.RecipientUnmatched:
                return new(SendOutcome.Unknown, facts.IsSend ? ViberErrorCode.OutcomeUnknown : ViberErrorCode.MalformedResponse);
            case AnswerState.Unparseable or AnswerState.UnreadableId or AnswerState.TooLarge when success:
                // Accepted (money may be spent) without a usable answer.
                return new(SendOutcome.Accepted, facts.IsSend ? ViberErrorCode.OutcomeUnknown : ViberErrorCode.MalformedResponse);
            case AnswerState.TooLarge:
                // An error status whose body was never read: a send may still have been processed.
                return new(facts.IsSend ? SendOutcome.Unknown : SendOutcome.NotSent, ViberErrorCode.MalformedResponse);
            default:
                // An error status with an unreadable body: a 5xx to a send may have been processed, a 4xx was refused.
                return new(facts.IsSend && (int)status >= 500 ? SendOutcome.Unknown : SendOutcome.NotSent, ViberErrorCode.MalformedResponse);
        }
    }
}
