using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.DecisionTelecom;

/// <summary>
/// DecisionTelecom's answers: errors as <c>{name, message, code, status}</c> (with their HTTP status, or with 200 when
/// <see cref="DecisionTelecomEmulatorSettings.ErrorsWithHttp200"/> says so), the framework's 401/404/405 in the same
/// shape, and the receipt that is both the <c>receive-viber</c> answer and the status callback's body.
/// </summary>
internal sealed class DecisionTelecomEmulatorAnswers(DecisionTelecomEmulatorSettings settings)
{
    private const string InvalidParameterMessage = "Empty parameter or parameter validation error";

    public static Task UnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"api\"";
        return WriteJsonAsync(context, 401, "Unauthorized", "Your request was made with invalid credentials.", 0, 401);
    }

    /// <summary>404 for an unknown path; 405 with <c>Allow: POST</c> for a known path and another method.</summary>
    public static Task NotFoundAsync(HttpContext context, bool knownPath)
    {
        if (!knownPath)
        {
            return WriteJsonAsync(context, 404, "Not Found", "Page not found.", 0, 404);
        }

        context.Response.Headers.Allow = "POST";
        return WriteJsonAsync(context, 405, "Method Not Allowed", "Method Not Allowed. This URL can only handle the following request methods: POST.", 0, 405);
    }

    public static Task MessageIdAsync(HttpContext context, string messageId)
        => EmulatorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("message_id", long.Parse(messageId, CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        });

    public Task RateLimitedAsync(HttpContext context) => ErrorAsync(context, 429, "Too Many Requests", "Rate limit exceeded.", 0);

    public Task ServerErrorAsync(HttpContext context)
        => ErrorAsync(context, 500, "Internal server error", "The server encountered an unexpected condition which prevented it from fulfilling the request", 2);

    public Task BalanceEmptyAsync(HttpContext context) => ErrorAsync(context, 402, "Topup balance is required", "User balance is empty", 3);

    public Task InvalidParameterAsync(HttpContext context, string parameter)
        => ErrorAsync(context, 400, "Invalid Parameter: " + parameter, InvalidParameterMessage, 1);

    /// <summary>A documented error: with its status, or with HTTP 200 when the settings say so.</summary>
    private Task ErrorAsync(HttpContext context, int status, string name, string message, int code)
        => WriteJsonAsync(context, settings.ErrorsWithHttp200 ? 200 : status, name, message, code, status);

    private static Task WriteJsonAsync(HttpContext context, int httpStatus, string name, string message, int code, int status)
        => EmulatorJson.WriteAsync(context, httpStatus, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("message", message);
            writer.WriteNumber("code", code);
            writer.WriteNumber("status", status);
            writer.WriteEndObject();
        });
}

/// <summary>A receipt: the <c>receive-viber</c> answer and the status callback's body.</summary>
internal sealed record DecisionTelecomReceipt(string MessageId, int Status, long? SmsId, int? SmsStatus)
{
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("message_id", long.Parse(MessageId, CultureInfo.InvariantCulture));
        writer.WriteNumber("status", Status);
        if (SmsId is { } smsId && SmsStatus is { } smsStatus)
        {
            writer.WriteNumber("sms_message_id", smsId);
            writer.WriteNumber("sms_message_status", smsStatus);
        }

        writer.WriteEndObject();
    }
}
