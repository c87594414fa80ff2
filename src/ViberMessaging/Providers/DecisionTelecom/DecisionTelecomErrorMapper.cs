using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ViberMessaging.Http;
using ViberMessaging.Resilience;

namespace ViberMessaging.DecisionTelecom;

/// <summary>
/// DecisionTelecom's errors <c>{name, message, code, status}</c> → <see cref="ViberErrorCode"/>. The shape arrives
/// with HTTP 200 or with the matching status, so it is recognised by its properties at any status; an HTTP error
/// without it still gives a typed error with the raw body kept.
/// </summary>
internal static class DecisionTelecomErrorMapper
{
    /// <summary>One row per documented <c>code</c>.</summary>
    public static readonly IReadOnlyDictionary<int, ViberErrorCode> DocumentedCodes = new Dictionary<int, ViberErrorCode>
    {
        [0] = ViberErrorCode.RateLimited,         // Too Many Requests / "Rate limit exceeded." / status 429
        [1] = ViberErrorCode.InvalidRequest,      // Invalid Parameter: <param> / "Empty parameter or parameter validation error" / status 400
        [2] = ViberErrorCode.ProviderUnavailable, // Internal server error / status 500
        [3] = ViberErrorCode.InsufficientFunds,   // Topup balance is required / "User balance is empty" / status 402
    };

    /// <summary>Code 1 names the parameter (<c>Invalid Parameter: source_addr</c>); these have a sharper neutral meaning.</summary>
    public static readonly IReadOnlyDictionary<string, ViberErrorCode> Parameters = new Dictionary<string, ViberErrorCode>(StringComparer.OrdinalIgnoreCase)
    {
        ["source_addr"] = ViberErrorCode.InvalidSender,
        ["destination_addr"] = ViberErrorCode.InvalidRecipients,
        ["text"] = ViberErrorCode.InvalidText,
        ["text_sms"] = ViberErrorCode.InvalidText,
        ["image"] = ViberErrorCode.InvalidImage,
        ["message_id"] = ViberErrorCode.NotFound,
    };

    private const string InvalidParameter = "Invalid Parameter";

    /// <summary>The neutral code of an error answer, from its <c>code</c>, its <c>status</c> and the HTTP status.</summary>
    /// <remarks>
    /// <c>code</c> 0 is also what the framework behind the API puts on its own errors (401, 403, 404), so a 0 means
    /// rate limiting only when <c>status</c> is 429 or absent.
    /// </remarks>
    public static ViberErrorCode Map(DecisionTelecomAnswer error, HttpStatusCode httpStatus)
    {
        ArgumentNullException.ThrowIfNull(error);
        var code = ToInt(error.Code);
        var status = ToInt(error.Status) ?? ((int)httpStatus >= 400 ? (int)httpStatus : null);
        if (status == 429 || httpStatus == HttpStatusCode.TooManyRequests)
        {
            return ViberErrorCode.RateLimited;
        }

        if (code is { } known && known != 0 && DocumentedCodes.TryGetValue(known, out var row))
        {
            return known == 1 && ParameterOf(error.Name) is { } parameter && Parameters.TryGetValue(parameter, out var sharper) ? sharper : row;
        }

        if (code == 0 && status is null)
        {
            return DocumentedCodes[0];
        }

        return SendOutcomeRules.CodeFor((HttpStatusCode)(status ?? (int)httpStatus));
    }

    /// <summary>The parameter an <c>Invalid Parameter: name</c> error names, or <see langword="null"/>.</summary>
    public static string? ParameterOf(string? name)
    {
        if (name is null || !name.StartsWith(InvalidParameter, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parameter = name.AsSpan(InvalidParameter.Length).TrimStart(':').Trim().TrimEnd(',').Trim();
        return parameter.IsEmpty ? null : parameter.ToString();
    }

    /// <summary>Whether the error is about the recipient alone (<c>destination_addr</c>): that recipient is rejected, the rest of a send goes on.</summary>
    public static bool RejectsRecipient(DecisionTelecomAnswer answer)
        => answer.IsError && ToInt(answer.Code) == 1 && string.Equals(ParameterOf(answer.Name), "destination_addr", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a status query's error says the id is unknown (never sent, or older than the 5 days statuses are kept).</summary>
    public static bool IsUnknownMessage(DecisionTelecomAnswer answer)
        => answer.IsError && ToInt(answer.Code) == 1 && string.Equals(ParameterOf(answer.Name), "message_id", StringComparison.OrdinalIgnoreCase);

    /// <summary>The report for an id whose status query the provider refused as unknown: a per-id outcome, not an exception.</summary>
    public static DeliveryReport ToUnknownMessageReport(ProviderResponse response, MessageId id, DecisionTelecomAnswer answer)
    {
        var error = ToException(response, answer);
        return new DeliveryReport(id, DeliveryStatus.Unknown)
        {
            Error = error,
            FailureReason = DeliveryFailureReason.UnknownMessage,
            ProviderErrorCode = error.ProviderErrorCode,
        };
    }

    /// <summary>
    /// The kit's error parser: whether an answer (at any HTTP status) is DecisionTelecom's error shape, and that error.
    /// The parsed shape travels as <see cref="ProviderError.Raw"/> for the refusals that are about one recipient or id.
    /// </summary>
    public static bool TryParse(ProviderResponse response, object? answer, [NotNullWhen(true)] out ProviderError? error)
    {
        error = answer is DecisionTelecomAnswer { IsError: true } shape ? ToError(response.StatusCode, shape) : null;
        return error is not null;
    }

    /// <summary>The exception for an error answer.</summary>
    public static ViberMessagingException ToException(ProviderResponse response, DecisionTelecomAnswer error)
        => response.Error(ToError(response.StatusCode, error));

    private static ProviderError ToError(HttpStatusCode httpStatus, DecisionTelecomAnswer error)
    {
        var code = Map(error, httpStatus);

        // "Internal server error" may come after the message was taken, at any HTTP status (the outcome rule decides).
        return new ProviderError(code, Describe(code, ParameterOf(error.Name)))
        {
            ProviderCode = error.Code,
            ProviderMessage = error.Message is null ? error.Name : $"{error.Name}: {error.Message}",
            MayFollowProcessing = code == ViberErrorCode.ProviderUnavailable,
            Raw = error,
        };
    }

    /// <summary>For <c>ProviderDefinition.IsRateLimitedBody</c>: whether an answer is the rate-limit error (also with HTTP 200).</summary>
    public static ValueTask<bool> IsRateLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // By now the body is buffered (AttemptHandler): reading it again costs no I/O, and no state machine runs for it.
        return response.Content is BufferedContent buffered
            ? new ValueTask<bool>(IsRateLimited(buffered.Memory.Span, response.StatusCode))
            : ReadThenCheckAsync(response, cancellationToken);

        static async ValueTask<bool> ReadThenCheckAsync(HttpResponseMessage response, CancellationToken cancellationToken)
            => IsRateLimited(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false), response.StatusCode);
    }

    /// <summary>Whether <paramref name="body"/> is the provider's rate-limit error.</summary>
    public static bool IsRateLimited(ReadOnlySpan<byte> body, HttpStatusCode httpStatus)
    {
        if (body.IsEmpty || !HasErrorProperties(body))
        {
            return false;
        }

        try
        {
            return JsonSerializer.Deserialize(body, DecisionTelecomJsonContext.Default.ReceiveViberResponse) is { IsError: true } answer
                && Map(answer, httpStatus) == ViberErrorCode.RateLimited;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether the body's top-level object has a non-null <c>name</c> and <c>code</c> (names in any case, as the JSON
    /// context reads them), which <see cref="DecisionTelecomAnswer.IsError"/> needs. Read without allocating: this runs on
    /// every answer, and most answers are not errors, so only the few that may be one are deserialized.
    /// </summary>
    private static bool HasErrorProperties(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            bool name = false, code = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = PropertyOf(ref reader);
                if (!reader.Read())
                {
                    return false;
                }

                var present = reader.TokenType != JsonTokenType.Null;
                name = property == ErrorProperty.Name ? present : name;
                code = property == ErrorProperty.Code ? present : code;
                reader.Skip();
            }

            return name && code;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ErrorProperty PropertyOf(ref Utf8JsonReader reader)
    {
        const int Longest = 64;
        if (reader.HasValueSequence || reader.ValueSpan.Length > Longest)
        {
            return ErrorProperty.Other;
        }

        Span<byte> buffer = stackalloc byte[Longest];
        var text = reader.ValueIsEscaped ? buffer[..reader.CopyString(buffer)] : reader.ValueSpan;
        return Ascii.EqualsIgnoreCase(text, "name"u8) ? ErrorProperty.Name
            : Ascii.EqualsIgnoreCase(text, "code"u8) ? ErrorProperty.Code
            : ErrorProperty.Other;
    }

    private static string Describe(ViberErrorCode code, string? parameter) => code switch
    {
        ViberErrorCode.NotFound when parameter is not null
            => "DecisionTelecom does not know this message id: it was not sent through this account, or its status is older than the 5 days DecisionTelecom keeps statuses for.",
        ViberErrorCode.RateLimited => "DecisionTelecom refused the request for its rate limit.",
        ViberErrorCode.InsufficientFunds => "The DecisionTelecom account's balance is empty: top it up.",
        ViberErrorCode.ProviderUnavailable => "DecisionTelecom failed with an internal error.",
        ViberErrorCode.Unauthorized => "DecisionTelecom refused the credentials: check ApiKey and KeyEncoding.",
        ViberErrorCode.Forbidden => "DecisionTelecom does not allow this account to do this.",
        ViberErrorCode.NotFound => "DecisionTelecom does not know the addressed resource: check BaseAddress.",
        _ when parameter is not null => $"DecisionTelecom rejected the parameter '{parameter}'.",
        ViberErrorCode.Unknown => "DecisionTelecom reported an error.",
        _ => "DecisionTelecom rejected the request as invalid.",
    };

    private static int? ToInt(string? value)
        => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    private enum ErrorProperty
    {
        Other,
        Name,
        Code,
    }
}
