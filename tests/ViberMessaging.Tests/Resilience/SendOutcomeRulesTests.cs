using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Polly.CircuitBreaker;
using Polly.Timeout;
using ViberMessaging.Http;
using ViberMessaging.Resilience;

namespace ViberMessaging.Tests.Resilience;

/// <summary>
/// The specification of "a paid message is never sent twice, and a caller always learns when it may have been": every
/// row of the one outcome rule. A row reads: a send or a read | written or not | how it failed without an answer |
/// what the answer was | its HTTP status | what the provider's error said → the outcome | the neutral code the caller
/// sees (— for a success).
/// </summary>
public sealed class SendOutcomeRulesTests
{
    public static TheoryData<string> Rows => new()
    {
        // Never left the process, or refused before any request: safe to retry or route elsewhere.
        "send | unwritten | CircuitOpen    | None | - | - → NotSent | CircuitOpen",
        "send | unwritten | AccountPaused  | None | - | - → NotSent | RateLimited",     // issue 22: a long Retry-After fails fast, not sent
        "send | unwritten | Unreachable    | None | - | - → NotSent | Network",
        "send | written   | Unreachable    | None | - | - → NotSent | Network",         // DNS/TLS/proxy: whatever the tracker saw, nothing reached the API
        "send | unwritten | Timeout        | None | - | - → NotSent | Timeout",
        "send | unwritten | ConnectionLost | None | - | - → NotSent | Network",
        "send | unwritten | Cancelled      | None | - | - → NotSent | Cancelled",      // a plain cancellation: nothing was sent

        // Written, then no answer: the provider may have processed a send; never resent.
        "send | written | Timeout        | None | - | - → Unknown | OutcomeUnknown",
        "send | written | ConnectionLost | None | - | - → Unknown | OutcomeUnknown",   // a reset after writing
        "send | written | Cancelled      | None | - | - → Unknown | Cancelled",        // issue 22: SendCanceledException, outcome Unknown

        // Answered: refused in front of the API.
        "send | written | None | Read          | 429 | -        → NotSent | RateLimited",
        "send | written | None | ProviderError | 200 | 429-body → NotSent | RateLimited",
        "send | written | None | TooLarge      | 429 | 429-body → NotSent | RateLimited",

        // Answered: the provider's documented refusal, or what the HTTP status says by itself.
        "send | written | None | ProviderError | 400 | InvalidSender     → NotSent | InvalidSender",
        "send | written | None | ProviderError | 200 | InsufficientFunds → NotSent | InsufficientFunds",
        "send | written | None | ProviderError | 465 | ProviderUnavailable → NotSent | ProviderUnavailable", // SMS Club's 465 is a refusal
        "send | written | None | Read          | 401 | -                 → NotSent | Unauthorized",
        "send | written | None | Read          | 402 | -                 → NotSent | InsufficientFunds",
        "send | written | None | Read          | 403 | -                 → NotSent | Forbidden",
        "send | written | None | Read          | 404 | -                 → NotSent | NotFound",
        "send | written | None | Read          | 409 | -                 → NotSent | InvalidRequest",

        // Answered with what may follow processing: a 5xx, or an error the provider documents as such at any status.
        "send | written | None | Read          | 500 | -                              → Unknown | OutcomeUnknown",
        "send | written | None | ProviderError | 503 | ProviderUnavailable            → Unknown | OutcomeUnknown",
        "send | written | None | ProviderError | 200 | ProviderUnavailable+ambiguous  → Unknown | OutcomeUnknown", // an error the provider documents as possibly after processing (MayFollowProcessing)
        "send | written | None | ProviderError | 500 | InvalidRequest                 → Unknown | OutcomeUnknown",
        "send | written | None | Unparseable   | 502 | -                              → Unknown | MalformedResponse",
        "send | written | None | Unparseable   | 400 | -                              → NotSent | MalformedResponse",
        "send | written | None | TooLarge      | 400 | -                              → Unknown | MalformedResponse", // never read: it may say anything

        // Accepted (money may be spent) but the answer, or the part about a recipient, cannot be used.
        "send | written | None | Read               | 200 | - → Accepted | -",
        "send | written | None | Unparseable        | 200 | - → Accepted | OutcomeUnknown",
        "send | written | None | TooLarge           | 200 | - → Accepted | OutcomeUnknown",
        "send | written | None | UnreadableId       | 200 | - → Accepted | OutcomeUnknown", // issue 22: a null, empty or non-numeric id
        "send | written | None | RecipientUnmatched | 200 | - → Unknown  | OutcomeUnknown", // issue 22: the number in another format

        // Reads are idempotent: asking again cannot duplicate anything, so nothing is "outcome unknown".
        "read | unwritten | Timeout        | None | - | - → NotSent | Timeout",
        "read | written   | Timeout        | None | - | - → Unknown | Timeout",
        "read | written   | ConnectionLost | None | - | - → Unknown | Network",
        "read | written   | Cancelled      | None | - | - → NotSent | Cancelled",
        "read | written   | None | Read          | 500 | -                             → NotSent  | ProviderUnavailable",
        "read | written   | None | ProviderError | 200 | ProviderUnavailable+ambiguous → NotSent  | ProviderUnavailable",
        "read | written   | None | ProviderError | 200 | NotFound                      → NotSent  | NotFound",
        "read | written   | None | Read          | 429 | -                             → NotSent  | RateLimited",
        "read | written   | None | Unparseable   | 200 | -                             → Accepted | MalformedResponse",
        "read | written   | None | UnreadableId  | 200 | -                             → Accepted | MalformedResponse",
        "read | written   | None | TooLarge      | 200 | -                             → Accepted | MalformedResponse",
        "read | written   | None | TooLarge      | 503 | -                             → NotSent  | MalformedResponse",
        "read | written   | None | Read          | 200 | -                             → Accepted | -",
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Decide_EveryRowOfTheTable_GivesItsOutcomeAndCode(string row)
    {
        var (facts, outcome, code) = Parse(row);

        var decision = SendOutcomeRules.Decide(facts);

        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(code, decision.Code);
    }

    [Fact]
    public void Decide_EverySendThatMayHaveReachedTheProvider_IsNotSentOnlyWhenTheProviderRefusedIt()
    {
        // The invariant behind the table, over every combination of facts: a written send is NotSent only when the
        // provider refused it (its rate limit, a documented refusal below 500 that does not follow processing, an
        // unreadable 4xx), or when it provably never reached the API (circuit, account pause, DNS/TLS/proxy).
        foreach (var failure in Enum.GetValues<AttemptFailure>())
        {
            foreach (var answer in Enum.GetValues<AnswerState>())
            {
                foreach (var status in new HttpStatusCode?[] { null, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError })
                {
                    foreach (var ambiguous in new[] { false, true })
                    {
                        var facts = new AttemptFacts
                        {
                            IsSend = true, Written = true, Failure = failure, Answer = answer, Status = status,
                            RateLimited = status == HttpStatusCode.TooManyRequests, ProviderCode = ViberErrorCode.InvalidRequest, MayFollowProcessing = ambiguous,
                        };
                        var decision = SendOutcomeRules.Decide(facts);
                        var code = status is { } s ? (int)s : 200;
                        var refused = failure is AttemptFailure.CircuitOpen or AttemptFailure.AccountPaused or AttemptFailure.Unreachable
                            || (failure == AttemptFailure.None && (code == 429
                                || (answer is AnswerState.None or AnswerState.Read or AnswerState.ProviderError && code is >= 400 and < 500 && !ambiguous)
                                || (answer is AnswerState.ProviderError && code < 300 && !ambiguous)
                                || (answer is AnswerState.Unparseable or AnswerState.UnreadableId && code is >= 400 and < 500)));
                        Assert.True(refused == !decision.MayHaveBeenSent, $"{failure}/{answer}/{status}/ambiguous={ambiguous} → {decision}");
                    }
                }
            }
        }
    }

    public static TheoryData<string, Exception, bool, string> Exceptions => new()
    {
        { "an open circuit", new BrokenCircuitException(), true, "NotSent | CircuitOpen" },
        { "DNS", new HttpRequestException(HttpRequestError.NameResolutionError, "dns"), true, "NotSent | Network" },
        { "TLS", new HttpRequestException(HttpRequestError.SecureConnectionError, "tls"), true, "NotSent | Network" },
        { "a reset after writing", new HttpRequestException(HttpRequestError.ResponseEnded, "reset", new SocketException()), true, "Unknown | OutcomeUnknown" },
        { "a reset before writing", new HttpRequestException(HttpRequestError.ConnectionError, "refused"), false, "NotSent | Network" },
        { "the attempt timeout after writing", new TimeoutRejectedException(), true, "Unknown | OutcomeUnknown" },
        { "the attempt timeout before writing", new TimeoutRejectedException(), false, "NotSent | Timeout" },
        { "an IOException after writing", new IOException("cut"), true, "Unknown | OutcomeUnknown" },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void Facts_TransportFailureOfASend_ReachesTheRowOfTheTable(string what, Exception exception, bool written, string expected)
    {
        using var request = ViberRequestOptions.Create(HttpMethod.Post, "send", new StringContent("{}"), "send", idempotent: false);
        if (written)
        {
            var tracker = new WriteTracker(TimeProvider.System);
            tracker.MarkStarted();
            request.StartAttempt(tracker);
        }

        var decision = SendOutcomeRules.Decide(FailureClassifier.Facts(exception, request));

        Assert.True($"{decision.Outcome} | {decision.Code}" == expected, $"{what}: {decision.Outcome} | {decision.Code}, expected {expected}");
    }

    [Theory]
    [InlineData(400, "InvalidRequest")]
    [InlineData(401, "Unauthorized")]
    [InlineData(402, "InsufficientFunds")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "NotFound")]
    [InlineData(422, "InvalidRequest")]
    [InlineData(429, "RateLimited")]
    [InlineData(500, "ProviderUnavailable")]
    [InlineData(504, "ProviderUnavailable")]
    [InlineData(302, "Unknown")]
    public void CodeFor_HttpStatusWithoutTheProvidersErrorShape_IsTheOneFallbackEveryProviderUses(int status, string expected)
        => Assert.Equal(Enum.Parse<ViberErrorCode>(expected), SendOutcomeRules.CodeFor((HttpStatusCode)status));

    private static (AttemptFacts Facts, SendOutcome Outcome, ViberErrorCode? Code) Parse(string row)
    {
        var sides = row.Split('→');
        var given = sides[0].Split('|', StringSplitOptions.TrimEntries);
        var then = sides[1].Split('|', StringSplitOptions.TrimEntries);
        var error = given[5].Split('+');
        var facts = new AttemptFacts
        {
            IsSend = given[0] == "send",
            Written = given[1] == "written",
            Failure = Enum.Parse<AttemptFailure>(given[2]),
            Answer = Enum.Parse<AnswerState>(given[3]),
            Status = given[4] == "-" ? null : (HttpStatusCode)int.Parse(given[4], CultureInfo.InvariantCulture),
            RateLimited = given[4] == "429" || error[0] == "429-body",
            ProviderCode = error[0] is "-" or "429-body" ? null : Enum.Parse<ViberErrorCode>(error[0]),
            MayFollowProcessing = error.Length > 1 && error[1] == "ambiguous",
        };
        return (facts, Enum.Parse<SendOutcome>(then[0]), then[1] == "-" ? null : Enum.Parse<ViberErrorCode>(then[1]));
    }
}
