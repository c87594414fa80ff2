using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ViberMessaging.Http;
using ViberMessaging.Resilience;

namespace ViberMessaging.Devino;

/// <summary>
/// Devino's codes in neutral terms: one row per code of the document's two tables (request-level <c>status</c> and
/// per-message <c>code</c>) plus the request-level codes real clients meet, and the Spring-style non-2xx bodies.
/// </summary>
internal static class DevinoErrorMapper
{
    public const string Ok = "ok";

    /// <summary>Request-level <c>status</c> codes: the whole request was refused (at HTTP 200 as often as not).</summary>
    public static readonly IReadOnlyDictionary<string, (ViberErrorCode Code, string Meaning)> RequestCodes =
        new Dictionary<string, (ViberErrorCode, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["error-syntax"] = (ViberErrorCode.InvalidRequest, "the request is not valid JSON or not of the expected shape"),
            ["error-auth"] = (ViberErrorCode.Unauthorized, "the login or password was rejected"),
            ["error-system"] = (ViberErrorCode.ProviderUnavailable, "Devino had a system error"),
            ["error-account-locked"] = (ViberErrorCode.AccountBlocked, "the account is locked"),
            ["error-instant-message-typeformat"] = (ViberErrorCode.InvalidRequest, "the message type has a wrong format"),
            ["error-instant-message-content-type-format"] = (ViberErrorCode.InvalidRequest, "the content type has a wrong format"),
            ["error-instant-message-content-image-id-format"] = (ViberErrorCode.InvalidImage, "the image reference has a wrong format"),

            // Not in the document, answered by the live API (provider-notes).
            ["not-permitted"] = (ViberErrorCode.Forbidden, "the account is not permitted to do this"),
            ["error-route-not-found"] = (ViberErrorCode.Forbidden, "no delivery route is configured for the account"),
        };

    /// <summary>Per-message <c>code</c>s of <c>/send</c> and <c>/status</c>: what the recipient's rejection (or the id's error) means.</summary>
    public static readonly IReadOnlyDictionary<string, (ViberErrorCode Code, DeliveryFailureReason Reason, string Meaning)> MessageCodes =
        new Dictionary<string, (ViberErrorCode, DeliveryFailureReason, string)>(StringComparer.OrdinalIgnoreCase)
        {
            // Devino answers every message: a system error is its way of not accepting one without a reason.
            ["error-system"] = (ViberErrorCode.ProviderUnavailable, DeliveryFailureReason.NotAccepted, "Devino had a system error"),
            ["error-instant-message-client-id-not-unique"] = (ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other, "the client message id was used before"),
            ["error-subject-format"] = (ViberErrorCode.InvalidSender, DeliveryFailureReason.Other, "the sender name has a wrong format"),
            ["error-subject-unknown"] = (ViberErrorCode.InvalidSender, DeliveryFailureReason.Other, "the sender name is not allowed for the account"),
            ["error-subject-not-specified"] = (ViberErrorCode.InvalidSender, DeliveryFailureReason.Other, "no sender name was given"),
            ["error-address-format"] = (ViberErrorCode.InvalidRecipients, DeliveryFailureReason.InvalidNumber, "the number has a wrong format"),
            ["error-address-unknown"] = (ViberErrorCode.InvalidRecipients, DeliveryFailureReason.ProhibitedOperator, "sending to the number's range is not allowed for the account"),
            ["error-address-not-specified"] = (ViberErrorCode.InvalidRecipients, DeliveryFailureReason.InvalidNumber, "no number was given"),
            ["error-priority-format"] = (ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other, "the priority has a wrong format"),
            ["error-comment-format"] = (ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other, "the comment has a wrong format"),
            ["error-instant-message-type-format"] = (ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other, "the message type has a wrong format"),
            ["error-instant-message-type-not-specified"] = (ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other, "no message type was given"),
            ["error-content-type-format"] = (ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other, "the content does not fit its content type"),
            ["error-content-not-specified"] = (ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other, "no content was given"),
            ["error-validity-period-seconds-format"] = (ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other, "the validity period is out of range"),
            ["error-instant-message-provider-id-format"] = (ViberErrorCode.InvalidRequest, DeliveryFailureReason.UnknownMessage, "the message id has a wrong format"),
            ["error-instant-message-provider-id-duplicate"] = (ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other, "the message id appears twice in the status request"),
            ["error-instant-message-provider-id-unknown"] = (ViberErrorCode.NotFound, DeliveryFailureReason.UnknownMessage, "Devino does not know the message id (statuses are kept 5 days)"),
            ["error-resend-sms-error"] = (ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other, "SMS re-send fields were given but re-sending is off"),
            ["error-resend-sms-validity-period-error"] = (ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other, "the SMS validity period is out of range"),
        };

    public static bool IsOk(string? code) => string.Equals(code, Ok, StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a recipient was rejected, for a per-message code of <c>/send</c>.</summary>
    public static DeliveryFailureReason ToRejectionReason(string? code)
        => code is not null && MessageCodes.TryGetValue(code, out var row) ? row.Reason
            : code is null ? DeliveryFailureReason.NotAccepted
            : DeliveryFailureReason.Other;

    /// <summary>The error of one id in a <c>/status</c> answer (unknown, malformed or duplicated id).</summary>
    public static ViberMessagingException FromDevinoMessageCode(string code, MessageId id, string providerName)
    {
        var (errorCode, meaning) = MessageCodes.TryGetValue(code, out var row) ? (row.Code, row.Meaning) : (ViberErrorCode.Unknown, "an undocumented error");
        return new ViberMessagingException(errorCode, $"Devino reported no status for {id}: {meaning} ({code}).")
        {
            ProviderName = providerName,
            StatusCode = HttpStatusCode.OK,
            ProviderErrorCode = code,
        };
    }

    /// <summary>
    /// The kit's error parser: a non-2xx answer (Spring-style body, Devino body, or none), or a request-level
    /// <c>status</c> other than <c>ok</c> at any status (Devino answers those at HTTP 200 too).
    /// </summary>
    public static bool TryParse(ProviderResponse response, object? answer, [NotNullWhen(true)] out ProviderError? error)
    {
        var status = answer switch
        {
            DevinoSendResponse send => send.Status,
            DevinoStatusResponse query => query.Status,
            _ => null,
        };
        error = !response.IsSuccessStatusCode ? ToError(response, status: null)
            : status is not null && !IsOk(status) ? ToError(response, status)
            : null;
        return error is not null;
    }

    /// <summary>
    /// The error for an answer that refused the request: a request-level <c>status</c> code at any HTTP status, or a
    /// non-2xx answer (Spring-style body, Devino body, or none). A system error to a send may have been processed.
    /// </summary>
    public static ViberMessagingException FromDevinoResponse(ProviderResponse response, string? status)
        => response.Error(ToError(response, status));

    private static ProviderError ToError(ProviderResponse response, string? status)
    {
        string? providerMessage = null;
        if (status is null && !response.IsSuccessStatusCode)
        {
            var body = TryReadErrorBody(response.Body.Span);
            status = body?.Status;
            providerMessage = body?.Message;
            if (status is not null && int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                // A Spring-style body: its "status" repeats the HTTP status and "error" is the reason phrase.
                return FromHttpStatus(response, body!.Error ?? status, providerMessage);
            }
        }

        if (status is null)
        {
            return FromHttpStatus(response, providerCode: null, providerMessage);
        }

        if (RequestCodes.TryGetValue(status, out var row) || TryMessageCode(status, out row))
        {
            // error-system may come after the message was taken (the outcome rule decides).
            return new ProviderError(row.Code, $"Devino refused the request: {row.Meaning} ({status}).")
            {
                ProviderCode = status,
                ProviderMessage = providerMessage,
                MayFollowProcessing = row.Code == ViberErrorCode.ProviderUnavailable,
            };
        }

        return new ProviderError(ViberErrorCode.Unknown, $"Devino refused the request with the undocumented status '{status}'.") { ProviderCode = status, ProviderMessage = providerMessage };
    }

    /// <summary>A non-2xx answer without a Devino code: the code its status gives (the kit's one fallback), in Devino's words.</summary>
    private static ProviderError FromHttpStatus(ProviderResponse response, string? providerCode, string? providerMessage)
    {
        var status = (int)response.StatusCode;
        var message = status switch
        {
            401 => "Devino rejected the credentials (HTTP 401): check Login and Password.",
            403 => "Devino refused the request (HTTP 403).",
            404 => "Devino has no such endpoint (HTTP 404): check BaseAddress.",
            429 => "Devino refused the request for its rate limit (HTTP 429).",
            >= 500 => string.Create(CultureInfo.InvariantCulture, $"Devino failed (HTTP {status})."),
            _ => string.Create(CultureInfo.InvariantCulture, $"Devino refused the request (HTTP {status})."),
        };
        return new ProviderError(SendOutcomeRules.CodeFor(response.StatusCode), message) { ProviderCode = providerCode, ProviderMessage = providerMessage };
    }

    private static bool TryMessageCode(string code, out (ViberErrorCode Code, string Meaning) row)
    {
        // Some per-message codes (error-system, error-instant-message-type-format) also come back request-wide.
        if (MessageCodes.TryGetValue(code, out var message))
        {
            row = (message.Code, message.Meaning);
            return true;
        }

        row = default;
        return false;
    }

    private static DevinoErrorResponse? TryReadErrorBody(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, DevinoJsonContext.Default.DevinoErrorResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
