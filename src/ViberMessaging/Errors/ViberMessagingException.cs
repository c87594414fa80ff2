using System.Globalization;
using System.Net;
using System.Text;
using ViberMessaging.Internal;

namespace ViberMessaging;

/// <summary>
/// The one exception the SDK throws for a failed call: it says which provider failed, how (<see cref="ErrorCode"/>),
/// whether the request may have been processed (<see cref="Outcome"/>), and keeps what the provider said.
/// </summary>
/// <remarks>
/// Credentials never appear in the message, in <see cref="ResponseBody"/> or in <see cref="Exception.Data"/>.
/// <see cref="ResponseBody"/> is cut to a few kilobytes.
/// </remarks>
public class ViberMessagingException : Exception
{
    /// <summary>Creates an exception.</summary>
    /// <param name="errorCode">The neutral error code.</param>
    /// <param name="message">What happened, in one sentence. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ViberMessagingException(ViberErrorCode errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
    }

    /// <summary>The neutral error code.</summary>
    public ViberErrorCode ErrorCode { get; }

    /// <summary>The registered name of the provider that failed (for example <c>SmsClub</c>), or <see langword="null"/> before a provider was chosen.</summary>
    public string? ProviderName { get; init; }

    /// <summary>The HTTP status of the provider's answer, if one arrived.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The provider's own error code or key (for example <c>noMoney</c>, <c>error-auth</c>, <c>1</c>).</summary>
    public string? ProviderErrorCode { get; init; }

    /// <summary>The provider's own error message, as it sent it.</summary>
    public string? ProviderMessage { get; init; }

    /// <summary>The provider's response body (cut to a few kilobytes, credentials removed), if one arrived.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>How long the provider asked to wait, for <see cref="ViberErrorCode.RateLimited"/>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Whether the provider may have processed the request. <see cref="SendOutcome.NotSent"/> is safe to retry or route elsewhere.</summary>
    /// <value>Defaults to <see cref="SendOutcome.NotSent"/>.</value>
    public SendOutcome Outcome { get; init; }

    /// <summary>
    /// The account the request was made with, as a non-secret identity: <c>sha256:</c> and the first 8 hex digits of
    /// the SHA-256 of its credential (token, API key or password, UTF-8), so accounts can be told apart in logs.
    /// <see cref="ProviderName"/> is the registration's name.
    /// </summary>
    public string? Account { get; internal set; }

    /// <summary>The recipients of the request that failed (empty when the failure concerns no recipient, as for a status query).</summary>
    public IReadOnlyList<PhoneNumber> Recipients { get; internal set; } = [];

    /// <summary>
    /// An id the provider returned that the SDK could not use (not of the provider's id shape), exactly as it was
    /// sent; for reconciling with the provider's own records.
    /// </summary>
    public string? ProviderMessageId { get; internal set; }

    /// <summary>
    /// When the SDK started writing the request to the provider (by the configured <see cref="TimeProvider"/>), or
    /// <see langword="null"/> when it was never written. Search the provider's records from this moment on.
    /// </summary>
    public DateTimeOffset? RequestWrittenAt { get; internal set; }

    /// <summary>Whether trying again later may succeed (rate limits, unavailable providers, network failures).</summary>
    public bool IsTransient => ErrorCode is ViberErrorCode.RateLimited or ViberErrorCode.ProviderUnavailable
        or ViberErrorCode.Timeout or ViberErrorCode.Network or ViberErrorCode.CircuitOpen;

    /// <summary>
    /// The message, followed by the provider, the HTTP status and the provider's own code and message. Safe to log:
    /// unprintable characters the provider sent are escaped (<c>\uXXXX</c>).
    /// </summary>
    public override string Message
    {
        get
        {
            var builder = new StringBuilder();
            if (ProviderName is not null)
            {
                builder.Append('[').Append(ProviderName).Append("] ");
            }

            builder.Append(ErrorCode.ToString()).Append(": ").Append(base.Message);
            var details = new List<string>(4);
            if (StatusCode is { } status)
            {
                details.Add(string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)status}"));
            }

            if (ProviderErrorCode is not null)
            {
                details.Add($"provider code '{ProviderErrorCode}'");
            }

            if (ProviderMessage is not null)
            {
                details.Add($"provider message '{ProviderMessage}'");
            }

            if (RetryAfter is { } retryAfter)
            {
                details.Add(string.Create(CultureInfo.InvariantCulture, $"retry after {retryAfter.TotalSeconds:0.###} s"));
            }

            if (ErrorCode != ViberErrorCode.ValidationFailed)
            {
                details.Add($"outcome {Outcome}");
            }

            if (details.Count > 0)
            {
                builder.Append(" (").AppendJoin("; ", details).Append(')');
            }

            // Provider text can hold anything (an echo of the request, half of an emoji decoded from "\ud83d").
            return PrintableText.Escape(builder.ToString());
        }
    }
}
