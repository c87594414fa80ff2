using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsClub;

/// <summary>
/// SMS Club's answers: <c>{"successfulRequest":{"requestData":…}}</c>, errors as
/// <c>{"errorRequest":{"errors":{key:[message]}}}</c> (<see cref="SmsClubErrorBag"/>) with HTTP 400 or 460–468, and the
/// framework's <c>{name,message,code,status}</c> for 401, 429 and 500. PHP encodes an empty map as an empty array.
/// </summary>
internal static class SmsClubEmulatorAnswers
{
    public static Task UnauthorizedAsync(HttpContext context)
        => EmulatorJson.WriteRawAsync(context, 401, """{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}""");

    public static Task RateLimitedAsync(HttpContext context)
        => EmulatorJson.WriteRawAsync(context, 429, """{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429}""");

    public static Task ServerErrorAsync(HttpContext context)
        => EmulatorJson.WriteRawAsync(context, 500, """{"name":"Internal Server Error","message":"An internal server error occurred.","code":0,"status":500}""");

    public static Task SuccessAsync(HttpContext context, Action<Utf8JsonWriter> writeRequestData)
        => EmulatorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("successfulRequest");
            writer.WritePropertyName("requestData");
            writeRequestData(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    /// <summary>What a send accepted: <c>messages</c> (number, id, chat id) and <c>additionalInfo</c> with the phones it did not.</summary>
    public static Task SentAsync(HttpContext context, SmsClubAccepted accepted)
        => SuccessAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("messages");
            foreach (var (number, id, chatId) in accepted.Messages)
            {
                writer.WriteStartObject();
                writer.WriteString("number", number);
                writer.WriteString("id", id);
                if (chatId is not null)
                {
                    writer.WriteString("chat_id", chatId);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WritePropertyName("additionalInfo");
            if (accepted.Incorrect.Count == 0 && accepted.Blacklisted.Count == 0)
            {
                WriteEmptyMap(writer);
            }
            else
            {
                writer.WriteStartObject();
                WriteStrings(writer, "incorrectPhones", accepted.Incorrect);
                WriteStrings(writer, "blackList", accepted.Blacklisted);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        });

    /// <summary>An empty map, as PHP encodes it: <c>[]</c>.</summary>
    public static void WriteEmptyMap(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        writer.WriteEndArray();
    }

    public static void WriteNullableString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}

/// <summary>What a send accepted: one entry per message, and the phones it did not.</summary>
internal sealed class SmsClubAccepted
{
    public List<(string Number, string Id, string? ChatId)> Messages { get; } = [];

    public List<string> Incorrect { get; } = [];

    public List<string> Blacklisted { get; } = [];
}
