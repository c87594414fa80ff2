using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.Json;
using ViberMessaging.Http;
using ViberMessaging.Resilience;

namespace ViberMessaging.SmsBy;

/// <summary>
/// SMS.by's failures → <see cref="ViberErrorCode"/>. SMS.by has no error codes: it answers an HTTP status
/// (400, 403, 404, 429, 500 are documented) and/or <c>{"error":"…"}</c> at any status (often 200), a <c>status</c> other
/// than <c>OK</c>, or a bare <c>false</c> / <c>null</c>. The HTTP status decides where it is specific; otherwise the
/// error's sentence does (a table of the wordings seen), and unknown sentences at 200 are <see cref="ViberErrorCode.Unknown"/>.
/// </summary>
internal static class SmsByErrorMapper
{
    /// <summary>One row per documented HTTP status.</summary>
    internal static readonly IReadOnlyDictionary<int, ViberErrorCode> StatusRows = new Dictionary<int, ViberErrorCode>
    {
        [400] = ViberErrorCode.InvalidRequest,    // [doc] Invalid request (the sentence may say more; see TextRows)
        [403] = ViberErrorCode.Unauthorized,      // [notes] access denied: SMS.by's only credential is the token
        [404] = ViberErrorCode.NotFound,          // [doc] Page not found
        [429] = ViberErrorCode.RateLimited,       // [doc] Request limit exceeded
        [500] = ViberErrorCode.ProviderUnavailable, // [doc] Server unavailable
    };

    /// <summary>
    /// The error sentences SMS.by is known to answer, matched case-insensitively as substrings, most specific first.
    /// Used for 2xx and 400 answers; other statuses map by <see cref="StatusRows"/>.
    /// </summary>
    internal static readonly IReadOnlyList<(string Text, ViberErrorCode Code)> TextRows =
    [
        ("access denied", ViberErrorCode.Unauthorized),           // [notes] 403 body
        ("token", ViberErrorCode.Unauthorized),                   // a missing or wrong token
        ("vibername", ViberErrorCode.InvalidSender),              // an unknown or missing vibername_id
        ("alphaname", ViberErrorCode.InvalidSender),              // an unknown or missing alphaname_id
        ("balance", ViberErrorCode.InsufficientFunds),            // not enough money
        ("content url is not valid", ViberErrorCode.InvalidImage), // [doc] statusBulkViber list error
        ("image", ViberErrorCode.InvalidImage),                   // [doc] "Optimal image size 800x800 px"
        ("black", ViberErrorCode.InvalidRecipients),              // a blacklisted phone
        ("phone", ViberErrorCode.InvalidRecipients),              // an invalid phone
        ("not found", ViberErrorCode.NotFound),                   // [notes] {"error":"not found"}: an unknown id
    ];

    /// <summary>The neutral code for an HTTP status and an error sentence.</summary>
    public static ViberErrorCode Map(int httpStatus, string? errorText)
    {
        if (httpStatus is >= 200 and < 300 or 400 && TextCode(errorText) is { } byText)
        {
            return byText;
        }

        if (StatusRows.TryGetValue(httpStatus, out var byStatus))
        {
            return byStatus;
        }

        return SendOutcomeRules.CodeFor((HttpStatusCode)httpStatus);
    }

    /// <summary>The code the first matching row of <see cref="TextRows"/> gives a sentence, or <see langword="null"/>.</summary>
    private static ViberErrorCode? TextCode(string? errorText)
    {
        if (!string.IsNullOrEmpty(errorText))
        {
            foreach (var (text, code) in TextRows)
            {
                if (errorText.Contains(text, StringComparison.OrdinalIgnoreCase))
                {
                    return code;
                }
            }
        }

        return null;
    }

    /// <summary>The kit's error parser: whether the answer is a failure in any of SMS.by's shapes (at any HTTP status), and that failure.</summary>
    public static bool TryParse(ProviderResponse response, object? answer, [NotNullWhen(true)] out ProviderError? error)
    {
        var body = Inspect(response.Body.Span);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode && !body.IsError)
        {
            error = null;
            return false;
        }

        var text = body.ErrorText;

        // The sentence travels as ProviderMessage, which is redacted; the message itself never repeats provider text.
        var message = text is not null
            ? "SMS.by refused the request."
            : response.IsSuccessStatusCode
                ? $"SMS.by answered '{body.Literal}' without saying why."
                : $"SMS.by answered HTTP {status}.";
        error = new ProviderError(Map(status, text), message) { ProviderMessage = text ?? body.Literal };
        return true;
    }

    /// <summary>The recipient-level reason for an error SMS.by gave a quick message, or <see langword="null"/> when the error is not about the recipient.</summary>
    public static DeliveryFailureReason? RecipientReason(ViberMessagingException error)
    {
        if (error.ErrorCode != ViberErrorCode.InvalidRecipients || error.Outcome != SendOutcome.NotSent)
        {
            return null;
        }

        return error.ProviderMessage?.Contains("black", StringComparison.OrdinalIgnoreCase) == true
            ? DeliveryFailureReason.Blacklisted
            : DeliveryFailureReason.InvalidNumber;
    }

    /// <summary>
    /// Whether a read about one id was answered "nothing about this id" rather than failing as a request. One rule,
    /// whatever the HTTP status: SMS.by's sentence says the item is not found (<c>{"error":"not found"}</c>, at 200, 400
    /// or 404 alike), or, at a successful status, the answer is a bare <c>null</c> / <c>false</c>. A wrong path is not
    /// an unknown id: its 404 says "Page not found", or is no SMS.by answer at all.
    /// </summary>
    public static bool IsUnknownId(ViberMessagingException error)
        => error.ProviderMessage is { } text
            && ((TextCode(text) == ViberErrorCode.NotFound && !text.Contains("page", StringComparison.OrdinalIgnoreCase))
                || (error.StatusCode is { } status && (int)status is >= 200 and < 300 && error.ErrorCode == ViberErrorCode.Unknown && text is "null" or "false"));

    /// <summary>Reads the top of a body just far enough to tell data from an error.</summary>
    internal static SmsByBody Inspect(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
        try
        {
            if (!reader.Read())
            {
                return default;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.False:
                    return new SmsByBody(IsError: true, ErrorText: null, Literal: "false");
                case JsonTokenType.Null:
                    return new SmsByBody(IsError: true, ErrorText: null, Literal: "null");
                case JsonTokenType.StartObject:
                    return InspectObject(ref reader);
                default:
                    return default;
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Not JSON (an HTML error page, a cut body, a name or value that is not UTF-8, which GetString reports as
            // InvalidOperationException): not an error shape; parsing it as data fails later.
            return default;
        }
    }

    private static SmsByBody InspectObject(ref Utf8JsonReader reader)
    {
        string? error = null;
        string? status = null;
        string? success = null;
        string? message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            if (!reader.Read())
            {
                break;
            }

            var value = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => JsonValueText(ref reader),
                JsonTokenType.StartArray or JsonTokenType.StartObject => Complex(ref reader),
                _ => null,
            };
            switch (name?.ToUpperInvariant())
            {
                case "ERROR": error = value; break;
                case "STATUS": status = value; break;
                case "SUCCESS": success = value; break;
                case "MESSAGE": message = value; break;
            }
        }

        if (!string.IsNullOrWhiteSpace(error) && !string.Equals(error, "false", StringComparison.OrdinalIgnoreCase))
        {
            return new SmsByBody(IsError: true, ErrorText: error, Literal: null);
        }

        var statusFailed = status is not null && !string.Equals(status.Trim(), "OK", StringComparison.OrdinalIgnoreCase);
        var successFailed = success is not null && (string.Equals(success, "false", StringComparison.OrdinalIgnoreCase) || string.Equals(success, "error", StringComparison.OrdinalIgnoreCase));
        return statusFailed || successFailed
            ? new SmsByBody(IsError: true, ErrorText: message ?? status ?? success, Literal: null)
            : default;
    }

    private static string JsonValueText(ref Utf8JsonReader reader)
        => reader.TokenType switch
        {
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        };

    private static string? Complex(ref Utf8JsonReader reader)
    {
        // An error list ("error": ["…", "…"]) joins its strings; anything deeper is skipped.
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var parts = new List<string>();
            var depth = reader.CurrentDepth;
            while (reader.Read() && !(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth))
            {
                if (reader.TokenType == JsonTokenType.String && reader.CurrentDepth == depth + 1)
                {
                    parts.Add(reader.GetString()!);
                }
                else if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                {
                    reader.Skip();
                }
            }

            return parts.Count == 0 ? null : string.Join("; ", parts);
        }

        reader.Skip();
        return null;
    }
}

/// <summary>What the top of an SMS.by body says: whether it is an error, its sentence, or the bare literal it was.</summary>
internal readonly record struct SmsByBody(bool IsError, string? ErrorText, string? Literal);
