using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ViberMessaging.Internal;
using ViberMessaging.Internal.Json;
using ViberMessaging.Resilience;

namespace ViberMessaging.Http;

/// <summary>A provider's answer with its whole body, buffered and bounded. Dispose it to return the buffer.</summary>
internal sealed class ProviderResponse : IDisposable
{
    private const int MaxBodyInErrors = 4096;
    private readonly HttpResponseMessage _response;
    private readonly SecretRedactor _redactor;

    public ProviderResponse(string providerName, HttpResponseMessage response, bool isSend, TimeSpan? retryAfter, bool isRateLimited, SecretRedactor redactor)
    {
        ProviderName = providerName;
        _response = response;
        IsSend = isSend;
        RetryAfter = retryAfter;
        IsRateLimited = isRateLimited;
        _redactor = redactor;
    }

    public string ProviderName { get; }

    public HttpStatusCode StatusCode => _response.StatusCode;

    public bool IsSuccessStatusCode => _response.IsSuccessStatusCode;

    /// <summary>Whether the request was a paid send (not idempotent).</summary>
    public bool IsSend { get; }

    /// <summary>Whether the provider refused the request for its rate limit (HTTP 429 or a 429 body).</summary>
    public bool IsRateLimited { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>When the request of this answer was written.</summary>
    public DateTimeOffset? RequestWrittenAt { get; init; }

    /// <summary>The account's non-secret identity.</summary>
    public string? Account => _redactor.Account;

    public ReadOnlyMemory<byte> Body => _response.Content is BufferedContent buffered ? buffered.Memory : ReadOnlyMemory<byte>.Empty;

    /// <summary>The body as text for an error: UTF-8, cut to a few kilobytes, secrets removed.</summary>
    public string? BodyForError
    {
        get
        {
            var body = Body.Span;
            if (body.IsEmpty)
            {
                return null;
            }

            var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, MaxBodyInErrors)]);
            return _redactor.Redact(body.Length > MaxBodyInErrors ? text + "…" : text);
        }
    }

    /// <summary>
    /// Reads the answer as <typeparamref name="T"/>, or throws: the kit's one "read the answer or throw". The
    /// provider's <paramref name="parser"/> is asked first, at any HTTP status (providers answer errors at 200 too);
    /// then an error status without the provider's error shape fails with the code the status gives; then a body
    /// that is not a <typeparamref name="T"/> is malformed. What each failure means for a send is the outcome rule's call.
    /// </summary>
    /// <exception cref="ViberMessagingException">The answer is an error, or cannot be read.</exception>
    public T Read<T>(JsonTypeInfo<T> type, ProviderErrorParser parser)
        where T : class
        => TryRead(type, parser, out var answer, out var error) ? answer : throw Error(error);

    /// <summary>
    /// As <see cref="Read{T}"/>, but hands back the provider's parsed error instead of throwing it, for an adapter
    /// that turns some refusals into a per-item result (a rejected recipient, an unknown id).
    /// </summary>
    /// <exception cref="ViberMessagingException">The answer is an error without the provider's shape, or cannot be read.</exception>
    public bool TryRead<T>(JsonTypeInfo<T> type, ProviderErrorParser parser, [NotNullWhen(true)] out T? answer, [NotNullWhen(false)] out ProviderError? error)
        where T : class
    {
        answer = null;
        JsonException? failure = null;
        if (!Body.IsEmpty)
        {
            try
            {
                answer = JsonSerializer.Deserialize(Body.Span, type);
            }
            catch (JsonException exception)
            {
                failure = exception;
            }
        }

        if (parser(this, answer, out error))
        {
            answer = null;
            return false;
        }

        if (!IsSuccessStatusCode)
        {
            throw StatusError();
        }

        return answer is not null ? true : throw Malformed(failure, failure is null ? "The answer was empty." : null);
    }

    /// <summary>
    /// Builds the error for this answer: the provider's parsed error (or a code its HTTP status gives). Whether the
    /// provider may have processed it — and so the code a send's caller sees — is <see cref="SendOutcomeRules"/>'s call.
    /// </summary>
    /// <param name="code">The provider's error in neutral terms.</param>
    /// <param name="message">The sentence for the caller.</param>
    /// <param name="providerCode">The provider's own code, as sent.</param>
    /// <param name="providerMessage">The provider's own words, as sent.</param>
    /// <param name="mayFollowProcessing">Whether the provider's documents say this error may come after it processed the request.</param>
    public ViberMessagingException Error(ViberErrorCode code, string message, string? providerCode = null, string? providerMessage = null, bool mayFollowProcessing = false)
    {
        var decision = Decide(AnswerState.ProviderError, code, mayFollowProcessing);
        var effectiveCode = decision.Code ?? code;
        if (effectiveCode == ViberErrorCode.OutcomeUnknown && code != ViberErrorCode.OutcomeUnknown)
        {
            message += " The provider may have processed the request: check the status before sending again.";
        }

        // Everything the provider said is redacted: a provider that echoes the request can echo its credentials in a
        // code (a status or error name field) as well as in a message, and messages quote codes.
        return new ViberMessagingException(effectiveCode, _redactor.Redact(message))
        {
            ProviderName = ProviderName,
            StatusCode = StatusCode,
            ProviderErrorCode = providerCode is null ? null : _redactor.Redact(providerCode),
            ProviderMessage = providerMessage is null ? null : _redactor.Redact(providerMessage),
            ResponseBody = BodyForError,
            RetryAfter = IsRateLimited ? RetryAfter : null,
            Outcome = decision.Outcome,
            Account = Account,
            RequestWrittenAt = RequestWrittenAt,
        };
    }

    /// <summary>The error for a provider's parsed error, as the overload with its parts builds it.</summary>
    public ViberMessagingException Error(ProviderError error)
        => Error(error.Code, error.Message, error.ProviderCode, error.ProviderMessage, error.MayFollowProcessing);

    /// <summary>
    /// The error for an HTTP error status without the provider's error shape: the code the status gives by itself
    /// (<see cref="SendOutcomeRules.CodeFor"/>), the raw body kept.
    /// </summary>
    public ViberMessagingException StatusError()
    {
        var code = SendOutcomeRules.CodeFor(StatusCode);
        return Error(code, string.Create(CultureInfo.InvariantCulture, $"{ProviderName} answered HTTP {(int)StatusCode} without its error body ({code})."));
    }

    /// <summary>
    /// The error for an answer whose body could not be understood. A 2xx to a send means the provider accepted it
    /// (money may be spent) without telling us the result: that is <see cref="ViberErrorCode.OutcomeUnknown"/>.
    /// </summary>
    public ViberMessagingException Malformed(Exception? cause = null, string? detail = null)
    {
        var decision = Decide(cause is UnreadableIdException ? AnswerState.UnreadableId : AnswerState.Unparseable);
        var message = decision.Code == ViberErrorCode.OutcomeUnknown
            ? "The provider accepted the request but its answer could not be read; the message may have been sent. Check the status before sending again."
            : "The provider's answer could not be read.";
        if (detail is not null)
        {
            message += " " + detail;
        }

        return new ViberMessagingException(decision.Code!.Value, message, cause)
        {
            ProviderName = ProviderName,
            StatusCode = StatusCode,
            ResponseBody = BodyForError,
            Outcome = decision.Outcome,
            ProviderMessageId = cause is UnreadableIdException unreadable ? _redactor.Redact(unreadable.RawId) : null,
            Account = Account,
            RequestWrittenAt = RequestWrittenAt,
        };
    }

    /// <summary>
    /// The error for part of a send's answer that says the provider accepted (or may have accepted) a recipient but
    /// cannot be read: <see cref="ViberErrorCode.OutcomeUnknown"/>, with that part of the answer as
    /// <see cref="ViberMessagingException.ResponseBody"/> and the id it carried, if any.
    /// </summary>
    /// <param name="detail">What could not be read, in one sentence.</param>
    /// <param name="state"><see cref="AnswerState.UnreadableId"/> when the provider listed the recipient, <see cref="AnswerState.RecipientUnmatched"/> when it may have.</param>
    /// <param name="fragment">The part of the answer about the recipient, as sent.</param>
    /// <param name="providerMessageId">The id the provider gave, as sent.</param>
    public ViberMessagingException Unreadable(string detail, AnswerState state, string? fragment, string? providerMessageId)
    {
        var decision = Decide(state);
        return new(decision.Code!.Value, detail + " Check the status or reconcile before sending again.")
        {
            ProviderName = ProviderName,
            StatusCode = StatusCode,
            ResponseBody = fragment is null ? BodyForError : _redactor.Redact(fragment.Length > MaxBodyInErrors ? fragment[..MaxBodyInErrors] + "…" : fragment),
            Outcome = decision.Outcome,
            ProviderMessageId = providerMessageId is null ? null : _redactor.Redact(providerMessageId),
            Account = Account,
            RequestWrittenAt = RequestWrittenAt,
        };
    }

    private OutcomeDecision Decide(AnswerState state, ViberErrorCode? providerCode = null, bool mayFollowProcessing = false)
        => SendOutcomeRules.Decide(AttemptFacts.Answered(IsSend, StatusCode, state, IsRateLimited) with
        {
            ProviderCode = providerCode,
            MayFollowProcessing = mayFollowProcessing,
        });

    public void Dispose() => _response.Dispose();
}
