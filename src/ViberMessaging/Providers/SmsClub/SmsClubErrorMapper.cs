using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ViberMessaging.Http;
using ViberMessaging.Resilience;

namespace ViberMessaging.SmsClub;

/// <summary>
/// SMS Club's errors → <see cref="ViberErrorCode"/>: one row per documented HTTP status, <c>errorRequest.errors</c> key
/// and message. The provider's key (or the framework's name, or the HTTP status) and its messages are kept on the
/// exception. Precedence: a known message, then a specific status (401, 429, 460–468, …), then the key, then the
/// generic status (400, other 4xx, 5xx).
/// </summary>
internal static class SmsClubErrorMapper
{
    /// <summary>Every HTTP status the document lists (and the framework's usual ones).</summary>
    internal static readonly IReadOnlyDictionary<int, ViberErrorCode> StatusCodes = new Dictionary<int, ViberErrorCode>
    {
        [400] = ViberErrorCode.InvalidRequest,          // validation of the parameters
        [401] = ViberErrorCode.Unauthorized,            // authentication
        [403] = ViberErrorCode.Forbidden,
        [404] = ViberErrorCode.NotFound,
        [429] = ViberErrorCode.RateLimited,             // more than 9 requests per second
        [460] = ViberErrorCode.AccountBlocked,          // sending from this account is not available
        [461] = ViberErrorCode.InvalidSender,           // incorrect alpha name
        [462] = ViberErrorCode.InvalidText,             // incorrect message text
        [463] = ViberErrorCode.InvalidRecipients,       // no valid number found
        [464] = ViberErrorCode.InsufficientFunds,       // not enough money
        [465] = ViberErrorCode.ProviderUnavailable,     // system error in the service
        [466] = ViberErrorCode.InvalidSender,           // incorrect alpha name (SMS)
        [467] = ViberErrorCode.InvalidText,             // incorrect message text (SMS)
        [468] = ViberErrorCode.InsufficientFunds,       // not enough money for the SMS of "Viber + SMS"
        [500] = ViberErrorCode.ProviderUnavailable,     // 5xx: the service is temporarily unavailable
        [502] = ViberErrorCode.ProviderUnavailable,
        [503] = ViberErrorCode.ProviderUnavailable,
        [504] = ViberErrorCode.ProviderUnavailable,
    };

    /// <summary>Every documented <c>errorRequest.errors</c> key, plus the keys the emulator uses for the document's other messages.</summary>
    internal static readonly IReadOnlyDictionary<string, ViberErrorCode> ErrorKeys = new Dictionary<string, ViberErrorCode>(StringComparer.OrdinalIgnoreCase)
    {
        ["account"] = ViberErrorCode.AccountBlocked,
        ["systemError"] = ViberErrorCode.ProviderUnavailable,
        ["noMoney"] = ViberErrorCode.InsufficientFunds,
        ["anyCorrectPhones"] = ViberErrorCode.InvalidRecipients,
        ["text"] = ViberErrorCode.InvalidText,
        ["upload_img"] = ViberErrorCode.InvalidImage,
        ["sender"] = ViberErrorCode.InvalidSender,
        ["SMS"] = ViberErrorCode.InvalidRequest,
        ["phones"] = ViberErrorCode.InvalidRecipients,
        ["date"] = ViberErrorCode.InvalidRequest,
        ["mgr_plan_date"] = ViberErrorCode.InvalidRequest,
        ["mgr_end_time"] = ViberErrorCode.InvalidRequest,
        ["lifetime"] = ViberErrorCode.InvalidRequest,
        ["button"] = ViberErrorCode.InvalidRequest,
        ["picture_url"] = ViberErrorCode.InvalidRequest,    // the picture/button group, not the image itself (upload_img)
        ["messageIds"] = ViberErrorCode.InvalidRequest,
        ["chat_id"] = ViberErrorCode.NotFound,
    };

    /// <summary>
    /// The document's error messages (its RU→EN table, English and the earlier wording), matched by a distinctive
    /// fragment, case-insensitively; the first match wins, so the "(SMS)" variants come before their plain forms.
    /// </summary>
    internal static readonly IReadOnlyList<(string Fragment, ViberErrorCode Code)> Messages =
    [
        ("mailings from this account is not available", ViberErrorCode.AccountBlocked),
        ("з цього облікового запису недоступне", ViberErrorCode.AccountBlocked),
        ("с этого аккаунта недоступно", ViberErrorCode.AccountBlocked),
        ("\"Alpha-name (SMS)\" and \"Message text (SMS)\"", ViberErrorCode.InvalidRequest),
        ("повинні бути заповнені разом", ViberErrorCode.InvalidRequest),
        ("must be filled both", ViberErrorCode.InvalidRequest),
        ("мають бути заповнені разом", ViberErrorCode.InvalidRequest),
        ("Sender name is incorrect", ViberErrorCode.InvalidSender),
        ("Некоректне альфа", ViberErrorCode.InvalidSender),
        ("Некорректное альфа", ViberErrorCode.InvalidSender),
        ("Failed to load image", ViberErrorCode.InvalidImage),
        ("Не вдалося завантажити зображення", ViberErrorCode.InvalidImage),
        ("Не удалось загрузить изображение", ViberErrorCode.InvalidImage),
        ("Incorrect text", ViberErrorCode.InvalidText),
        ("Некоректний текст", ViberErrorCode.InvalidText),
        ("Некорректный текст", ViberErrorCode.InvalidText),
        ("No valid numbers found", ViberErrorCode.InvalidRecipients),
        ("Не знайдено жодного коректного номера", ViberErrorCode.InvalidRecipients),
        ("Не найдено ни одного корректного номера", ViberErrorCode.InvalidRecipients),
        ("Date parameters must be present or absent together", ViberErrorCode.InvalidRequest),
        ("Параметри дати повинні", ViberErrorCode.InvalidRequest),
        ("can be scheduled from 8:00 to 20:00", ViberErrorCode.InvalidRequest),
        ("можна планувати з 8:00 до 20:00", ViberErrorCode.InvalidRequest),
        ("можно планировать с 8:00 до 20:00", ViberErrorCode.InvalidRequest),
        ("Incorrect unix date format", ViberErrorCode.InvalidRequest),
        ("формат unix дати", ViberErrorCode.InvalidRequest),
        ("end date is less than the mailing start date", ViberErrorCode.InvalidRequest),
        ("Дата закінчення розсилки раніше", ViberErrorCode.InvalidRequest),
        ("Invalid array of numbers", ViberErrorCode.InvalidRecipients),
        ("масив номерів", ViberErrorCode.InvalidRecipients),
        ("should not exceed", ViberErrorCode.InvalidRequest),
        ("не повинна перевищувати", ViberErrorCode.InvalidRequest),
        ("Not enough money", ViberErrorCode.InsufficientFunds),
        ("Недостатньо коштів", ViberErrorCode.InsufficientFunds),
        ("Недостаточно средств", ViberErrorCode.InsufficientFunds),
        ("a system error has occurred", ViberErrorCode.ProviderUnavailable),
        ("системна помилка", ViberErrorCode.ProviderUnavailable),
        ("системная ошибка", ViberErrorCode.ProviderUnavailable),
    ];

    /// <summary>
    /// The error for an answer that is not a success: an HTTP error, an <c>errorRequest</c> at HTTP 200, or the
    /// framework's error shape. A 2xx answer with none of these is malformed.
    /// </summary>
    public static ViberMessagingException FromSmsClubError(ProviderResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return ToError(response) is { } error ? response.Error(error) : response.Malformed(detail: "It has neither successfulRequest.requestData nor an error.");
    }

    /// <summary>
    /// The kit's error parser: an HTTP error, or an answer without <c>successfulRequest.requestData</c> that carries
    /// an <c>errorRequest</c> or the framework's error shape (at HTTP 200 too).
    /// </summary>
    public static bool TryParse(ProviderResponse response, object? answer, [NotNullWhen(true)] out ProviderError? error)
    {
        error = response.IsSuccessStatusCode && answer is not null and not ISmsClubEnvelope { HasData: false } ? null : ToError(response);
        return error is not null;
    }

    /// <summary>The error an answer carries, or <see langword="null"/> for a 2xx without one.</summary>
    private static ProviderError? ToError(ProviderResponse response)
    {
        var body = TryParse(response.Body.Span);
        var errors = (body?.ErrorRequest ?? body?.ErrorRequestSnake)?.Errors ?? [];
        var info = (body?.ErrorRequest ?? body?.ErrorRequestSnake)?.Info;
        var frameworkStatus = int.TryParse(body?.Status, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : (int?)null;
        var hasFrameworkError = body?.Name is not null && frameworkStatus is not null;
        if (response.IsSuccessStatusCode && errors.Count == 0 && info is null && !hasFrameworkError)
        {
            return null;
        }

        var status = response.IsSuccessStatusCode && frameworkStatus is { } inBody ? inBody : (int)response.StatusCode;
        var key = errors.Count > 0 ? errors[0].Key : null;
        var messages = errors.Count > 0 ? Describe(errors) : info ?? body?.Message;
        var code = Map(status, key, errors.Count > 0 ? errors.SelectMany(e => e.Value) : info is null ? [] : [info]);
        var providerCode = string.IsNullOrEmpty(key) ? body?.Name ?? status.ToString(CultureInfo.InvariantCulture) : key;
        return new ProviderError(code, Sentence(code, status, key)) { ProviderCode = providerCode, ProviderMessage = messages };
    }

    /// <summary>A 200 whose <c>messages</c> is empty: nothing was accepted, which SMS Club does not report as an error itself.</summary>
    public static ViberMessagingException NothingAccepted(ProviderResponse response, SmsClubSendData data, int recipients)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(data);
        var info = data.AdditionalInfo ?? SmsClubAdditionalInfo.Empty;
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"SMS Club accepted none of the {recipients} recipient(s) ({info.IncorrectPhones.Count} incorrect, {info.BlackList.Count} blacklisted, the rest not reported).");
        return response.Error(ViberErrorCode.InvalidRecipients, message);
    }

    /// <summary>The neutral code for a status, an error key and its messages (see the class remarks for the precedence).</summary>
    internal static ViberErrorCode Map(int status, string? key, IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            foreach (var (fragment, code) in Messages)
            {
                if (message.Contains(fragment, StringComparison.OrdinalIgnoreCase))
                {
                    return code;
                }
            }
        }

        if (status != 400 && StatusCodes.TryGetValue(status, out var byStatus))
        {
            return byStatus;
        }

        if (key is not null && ErrorKeys.TryGetValue(key, out var byKey))
        {
            return byKey;
        }

        return SendOutcomeRules.CodeFor((HttpStatusCode)status);
    }

    private static SmsClubErrorResponse? TryParse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, SmsClubJsonContext.Default.SmsClubErrorResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> errors)
        => errors.Count == 1
            ? string.Join(" ", errors[0].Value)
            : string.Join("; ", errors.Select(e => string.IsNullOrEmpty(e.Key) ? string.Join(" ", e.Value) : $"{e.Key}: {string.Join(" ", e.Value)}"));

    private static string Sentence(ViberErrorCode code, int status, string? key) => code switch
    {
        // The groups the document says go "together or not at all": name the group, not one of its fields.
        ViberErrorCode.InvalidRequest when string.Equals(key, "picture_url", StringComparison.OrdinalIgnoreCase)
            => "SMS Club sends the picture (picture_url), the button text (button_txt) and the button URL (button_url) together or not at all.",
        ViberErrorCode.InvalidRequest when string.Equals(key, "button", StringComparison.OrdinalIgnoreCase)
            => "SMS Club sends the button text (button_txt) and the button URL (button_url) together or not at all.",
        ViberErrorCode.Unauthorized => "SMS Club rejected the credentials (check Token, or Login and Password with Basic authentication).",
        ViberErrorCode.Forbidden => "SMS Club does not allow this account to do this.",
        ViberErrorCode.RateLimited => "SMS Club refused the request for its rate limit (9 requests per second).",
        ViberErrorCode.AccountBlocked => "Sending from this SMS Club account is not available.",
        ViberErrorCode.InvalidSender => "SMS Club rejected the sender name; it must be registered on the account (see ISmsClubAccount.GetSenderNamesAsync).",
        ViberErrorCode.InvalidText => "SMS Club rejected the message text.",
        ViberErrorCode.InvalidRecipients => "SMS Club found no acceptable recipient.",
        ViberErrorCode.InsufficientFunds => "The SMS Club account has not enough money for this send.",
        ViberErrorCode.InvalidImage => "SMS Club could not use the image.",
        ViberErrorCode.NotFound => "SMS Club does not know what was asked for.",
        ViberErrorCode.ProviderUnavailable => "SMS Club failed or is unavailable.",
        ViberErrorCode.InvalidRequest => "SMS Club rejected the request's parameters.",
        _ => string.Create(CultureInfo.InvariantCulture, $"SMS Club answered with an error (HTTP {status})."),
    };
}
