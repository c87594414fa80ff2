using System.Net;
using System.Text;
using ViberMessaging.Internal;
using ViberMessaging.Internal.Json;

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

    /// <summary>The outcome of a request the provider answered with an error status.</summary>
    public SendOutcome ErrorOutcome => IsRateLimited || (int)StatusCode < 500 || !IsSend ? SendOutcome.NotSent : SendOutcome.Unknown;

    /// <summary>Builds the error for this answer. For a send, a 5xx becomes <see cref="ViberErrorCode.OutcomeUnknown"/>: the provider may have processed it.</summary>
    public ViberMessagingException Error(ViberErrorCode code, string message, string? providerCode = null, string? providerMessage = null, SendOutcome? outcome = null)
    {
        var effectiveOutcome = outcome ?? ErrorOutcome;
        var effectiveCode = IsRateLimited ? ViberErrorCode.RateLimited
            : effectiveOutcome == SendOutcome.Unknown && IsSend ? ViberErrorCode.OutcomeUnknown
            : code;
        if (effectiveCode == ViberErrorCode.OutcomeUnknown && code != ViberErrorCode.OutcomeUnknown)
        {
            message += " The provider may have processed the request: check the status before sending again.";
        }

        // Everything the provider said is redacted: a provider that echoes the request can echo its credentials in a
        // code (Devino's status, DecisionTelecom's name) as well as in a message, and messages quote codes.
        return new ViberMessagingException(effectiveCode, _redactor.Redact(message))
        {
            ProviderName = ProviderName,
            StatusCode = StatusCode,
            ProviderErrorCode = providerCode is null ? null : _redactor.Redact(providerCode),
            ProviderMessage = providerMessage is null ? null : _redactor.Redact(providerMessage),
            ResponseBody = BodyForError,
            RetryAfter = IsRateLimited ? RetryAfter : null,
            Outcome = IsRateLimited ? SendOutcome.NotSent : effectiveOutcome,
            Account = Account,
            RequestWrittenAt = RequestWrittenAt,
        };
    }

    /// <summary>
    /// The error for an answer whose body could not be understood. A 2xx to a send means the provider accepted it
    /// (money may be spent) without telling us the result: that is <see cref="ViberErrorCode.OutcomeUnknown"/>.
    /// </summary>
    public ViberMessagingException Malformed(Exception? cause = null, string? detail = null)
    {
        var acceptedSend = IsSuccessStatusCode && IsSend;
        var message = acceptedSend
            ? "The provider accepted the request but its answer could not be read; the message may have been sent. Check the status before sending again."
            : "The provider's answer could not be read.";
        if (detail is not null)
        {
            message += " " + detail;
        }

        return new ViberMessagingException(acceptedSend ? ViberErrorCode.OutcomeUnknown : ViberErrorCode.MalformedResponse, message, cause)
        {
            ProviderName = ProviderName,
            StatusCode = StatusCode,
            ResponseBody = BodyForError,
            Outcome = IsSuccessStatusCode ? SendOutcome.Accepted : ErrorOutcome,
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
    public ViberMessagingException Unreadable(string detail, SendOutcome outcome, string? fragment, string? providerMessageId)
        => new(ViberErrorCode.OutcomeUnknown, detail + " Check the status or reconcile before sending again.")
        {
            ProviderName = ProviderName,
            StatusCode = StatusCode,
            ResponseBody = fragment is null ? BodyForError : _redactor.Redact(fragment.Length > MaxBodyInErrors ? fragment[..MaxBodyInErrors] + "…" : fragment),
            Outcome = outcome,
            ProviderMessageId = providerMessageId is null ? null : _redactor.Redact(providerMessageId),
            Account = Account,
            RequestWrittenAt = RequestWrittenAt,
        };

    public void Dispose() => _response.Dispose();
}
