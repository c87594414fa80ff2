using System.Text.Json;
using System.Text.Json.Serialization;

namespace ViberMessaging.SmsBy;

/// <summary><c>POST api/v1/sendBulkViber</c>: JSON with the token inside the body.</summary>
internal sealed class SmsByBulkRequest
{
    [JsonPropertyName("token")]
    public required string Token { get; init; }

    [JsonPropertyName("callback_url")]
    public string? CallbackUrl { get; init; }

    [JsonPropertyName("messages")]
    public required IReadOnlyList<SmsByBulkMessage> Messages { get; init; }
}

/// <summary>One mailing list of a <c>sendBulkViber</c> request.</summary>
internal sealed class SmsByBulkMessage
{
    /// <summary>The sender id; the document's sample sends it as a string.</summary>
    [JsonPropertyName("alphaname_id")]
    public required string AlphanameId { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary><c>bulk</c> (one content, a list of phones) or <c>personal</c> (a text per phone).</summary>
    [JsonPropertyName("message_type")]
    public required string MessageType { get; init; }

    /// <summary><c>yyyy-MM-ddTHH:mm:ss</c> in the provider's time zone.</summary>
    [JsonPropertyName("schedule_time")]
    public string? ScheduleTime { get; init; }

    [JsonPropertyName("content")]
    public required SmsByBulkContent Content { get; init; }

    [JsonPropertyName("delivery_list")]
    public required IReadOnlyList<SmsByDeliveryEntry> DeliveryList { get; init; }
}

/// <summary>The content of a mailing list: <c>text</c>, <c>image</c> or <c>button</c>.</summary>
internal sealed class SmsByBulkContent
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("image_url")]
    public string? ImageUrl { get; init; }

    [JsonPropertyName("button_link")]
    public string? ButtonLink { get; init; }

    [JsonPropertyName("caption")]
    public string? Caption { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }
}

/// <summary>One entry of <c>delivery_list</c>: a bare phone (bulk) or <c>{phone, text, button_link}</c> (personal).</summary>
[JsonConverter(typeof(SmsByDeliveryEntryConverter))]
internal sealed record SmsByDeliveryEntry(string Phone, string? Text = null, string? ButtonLink = null)
{
    public bool IsPersonal => Text is not null || ButtonLink is not null;
}

/// <summary>Writes a bulk entry as a bare string and a personal one as an object, as the document shows.</summary>
internal sealed class SmsByDeliveryEntryConverter : JsonConverter<SmsByDeliveryEntry>
{
    public override SmsByDeliveryEntry? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
        {
            return new SmsByDeliveryEntry(new SmsByLenientStringConverter().Read(ref reader, typeof(string), options)!);
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return new SmsByDeliveryEntry(
            Text(root, "phone") ?? string.Empty,
            Text(root, "text"),
            Text(root, "button_link"));
    }

    public override void Write(Utf8JsonWriter writer, SmsByDeliveryEntry value, JsonSerializerOptions options)
    {
        if (!value.IsPersonal)
        {
            writer.WriteStringValue(value.Phone);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("phone", value.Phone);
        if (value.Text is not null)
        {
            writer.WriteString("text", value.Text);
        }

        if (value.ButtonLink is not null)
        {
            writer.WriteString("button_link", value.ButtonLink);
        }

        writer.WriteEndObject();
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;
}

/// <summary><c>sendBulkViber</c>'s answer: <c>{"uuid":"cc9c8043-…","success":"OK"}</c>.</summary>
internal sealed class SmsByBulkResponse : SmsByEnvelopeBaseV1
{
    [JsonPropertyName("uuid")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Uuid { get; init; }
}

/// <summary>What v1 answers carry besides their data: <c>success</c> (a string, <c>OK</c>) and <c>error</c>.</summary>
internal abstract class SmsByEnvelopeBaseV1
{
    [JsonPropertyName("success")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Success { get; init; }

    [JsonPropertyName("error")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Error { get; init; }
}

/// <summary><c>POST api/v1/statusBulkViber</c>: the request uuid, with the token inside the JSON body.</summary>
internal sealed class SmsByBulkStatusRequest
{
    [JsonPropertyName("token")]
    public required string Token { get; init; }

    [JsonPropertyName("uuid")]
    public required string Uuid { get; init; }
}

/// <summary>
/// One item of <c>statusBulkViber</c>'s top-level array: either a mailing list
/// (<c>message_id</c>, <c>name</c>, <c>alphaname_id</c>, <c>success</c>) or <c>{"errors":[…]}</c>.
/// </summary>
internal sealed class SmsByBulkStatusItem
{
    [JsonPropertyName("message_id")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? MessageId { get; init; }

    [JsonPropertyName("name")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Name { get; init; }

    [JsonPropertyName("alphaname_id")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? AlphanameId { get; init; }

    [JsonPropertyName("success")]
    [JsonConverter(typeof(SmsByLenientListConverter<SmsByBulkDelivery>))]
    public IReadOnlyList<SmsByBulkDelivery>? Success { get; init; }

    [JsonPropertyName("errors")]
    [JsonConverter(typeof(SmsByLenientListConverter<string>))]
    public IReadOnlyList<string>? Errors { get; init; }
}

/// <summary>One recipient of a mailing list in <c>statusBulkViber</c>.</summary>
internal sealed class SmsByBulkDelivery
{
    [JsonPropertyName("delivery_id")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? DeliveryId { get; init; }

    [JsonPropertyName("phone")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Phone { get; init; }

    [JsonPropertyName("status")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Status { get; init; }

    /// <summary><c>yyyy-MM-dd HH:mm:ss.ffffff</c> in the provider's time zone.</summary>
    [JsonPropertyName("status_time")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? StatusTime { get; init; }

    [JsonPropertyName("error_code")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? ErrorCode { get; init; }
}
