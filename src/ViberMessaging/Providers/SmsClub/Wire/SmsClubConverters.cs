using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

using ViberMessaging.Internal.Json;

namespace ViberMessaging.SmsClub;

/// <summary>A string that may arrive as a string, a number (kept as its exact digits, never through double) or a boolean; anything else reads as <see langword="null"/>.</summary>
internal sealed class SmsClubStringConverter : ScalarTextConverterBase
{
    protected override string? ReadNonScalar(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}

/// <summary>Money as a string (<c>"8111.1700"</c>) or a number, read exactly into a <see cref="decimal"/>.</summary>
internal sealed class SmsClubDecimalConverter : JsonConverter<decimal?>
{
    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.GetDecimal();
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                return decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new JsonException($"'{text}' is not an amount of money.");
            case JsonTokenType.Null:
                return null;
            default:
                throw new JsonException($"An amount of money cannot be a {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is { } amount)
        {
            writer.WriteStringValue(amount.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>A list that may arrive as an array, as an object of values (a PHP array with gaps in its keys), or as null.</summary>
/// <typeparam name="T">The element type, registered in <see cref="SmsClubJsonContext"/>.</typeparam>
internal sealed class SmsClubListConverter<T> : JsonConverter<IReadOnlyList<T>?>
{
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = new List<T>();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                Add(ref reader, typeInfo, items);
            }

            return items;
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                reader.Read();
                Add(ref reader, typeInfo, items);
            }

            return items;
        }

        reader.Skip();
        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T>? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, typeInfo);
        }

        writer.WriteEndArray();
    }

    private static void Add(ref Utf8JsonReader reader, JsonTypeInfo<T> typeInfo, List<T> items)
    {
        if (JsonSerializer.Deserialize(ref reader, typeInfo) is { } item)
        {
            items.Add(item);
        }
    }
}

/// <summary>
/// <c>additionalInfo</c>: an object with <c>incorrectPhones</c> and <c>blackList</c>; an array (PHP's empty array,
/// or a list of such objects); or null. Phones may be strings or numbers.
/// </summary>
internal sealed class SmsClubAdditionalInfoConverter : JsonConverter<SmsClubAdditionalInfo?>
{
    public override SmsClubAdditionalInfo? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var incorrect = new List<string>();
        var blacklisted = new List<string>();
        ReadInto(ref reader, incorrect, blacklisted);
        return incorrect.Count == 0 && blacklisted.Count == 0
            ? SmsClubAdditionalInfo.Empty
            : new SmsClubAdditionalInfo { IncorrectPhones = incorrect, BlackList = blacklisted };
    }

    public override void Write(Utf8JsonWriter writer, SmsClubAdditionalInfo? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName("incorrectPhones");
        WriteList(writer, value.IncorrectPhones);
        writer.WritePropertyName("blackList");
        WriteList(writer, value.BlackList);
        writer.WriteEndObject();
    }

    private static void ReadInto(ref Utf8JsonReader reader, List<string> incorrect, List<string> blacklisted)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        ReadInto(ref reader, incorrect, blacklisted);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                break;
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    reader.Read();
                    if (string.Equals(name, "incorrectPhones", StringComparison.OrdinalIgnoreCase))
                    {
                        SmsClubStringListReader.ReadInto(ref reader, incorrect);
                    }
                    else if (string.Equals(name, "blackList", StringComparison.OrdinalIgnoreCase))
                    {
                        SmsClubStringListReader.ReadInto(ref reader, blacklisted);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                break;
            default:
                reader.Skip();
                break;
        }
    }

    private static void WriteList(Utf8JsonWriter writer, IReadOnlyList<string> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}

/// <summary><c>errors</c>: each key with an array of messages (or a single message); an array of messages gets an empty key.</summary>
internal sealed class SmsClubErrorsConverter : JsonConverter<IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>>?>
{
    public override IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var errors = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString() ?? string.Empty;
                    reader.Read();
                    var messages = new List<string>();
                    SmsClubStringListReader.ReadInto(ref reader, messages);
                    errors.Add(new(key, messages));
                }

                break;
            case JsonTokenType.StartArray or JsonTokenType.String:
                var list = new List<string>();
                SmsClubStringListReader.ReadInto(ref reader, list);
                errors.Add(new(string.Empty, list));
                break;
            default:
                reader.Skip();
                break;
        }

        return errors;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>>? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (var (key, messages) in value)
        {
            writer.WritePropertyName(key);
            writer.WriteStartArray();
            foreach (var message in messages)
            {
                writer.WriteStringValue(message);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}

/// <summary>Status <c>requestData</c>: an object keyed by id, or an empty array when no id is known.</summary>
internal sealed class SmsClubStatusDataConverter : JsonConverter<SmsClubStatusData?>
{
    public override SmsClubStatusData? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var entries = new List<KeyValuePair<string, SmsClubStatusEntry>>();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            var typeInfo = (JsonTypeInfo<SmsClubStatusEntry>)options.GetTypeInfo(typeof(SmsClubStatusEntry));
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var id = reader.GetString() ?? string.Empty;
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject && JsonSerializer.Deserialize(ref reader, typeInfo) is { } entry)
                {
                    entries.Add(new(id, entry));
                }
                else
                {
                    // A bare value ("5769":"Delivered") is a status without the other fields.
                    var status = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => ScalarTextConverterBase.RawText(ref reader),
                        _ => null,
                    };
                    reader.Skip();
                    entries.Add(new(id, new SmsClubStatusEntry { Status = status }));
                }
            }
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            // PHP's empty map. A non-empty array has no ids to key its entries by.
            reader.Skip();
        }
        else
        {
            reader.Skip();
        }

        return new SmsClubStatusData { Entries = entries };
    }

    public override void Write(Utf8JsonWriter writer, SmsClubStatusData? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        var typeInfo = (JsonTypeInfo<SmsClubStatusEntry>)options.GetTypeInfo(typeof(SmsClubStatusEntry));
        writer.WriteStartObject();
        foreach (var (id, entry) in value.Entries)
        {
            writer.WritePropertyName(id);
            JsonSerializer.Serialize(writer, entry, typeInfo);
        }

        writer.WriteEndObject();
    }
}

/// <summary>
/// The undocumented originator list: a bare array of names; or <c>successfulRequest.requestData</c> holding an array,
/// an object with an array inside, a map of id → name, or objects that carry the name in a <c>name</c>-like field.
/// </summary>
internal sealed class SmsClubSenderNamesConverter : JsonConverter<SmsClubSenderNames?>
{
    private static readonly string[] NameFields = ["name", "originator", "sender", "alpha_name", "alphaName", "alphaname", "title", "value"];

    public override SmsClubSenderNames? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                return new SmsClubSenderNames { Names = FromArray(root) };
            case JsonValueKind.Object:
                if (TryGet(root, "successfulRequest", out var success) || TryGet(root, "success_request", out success))
                {
                    return TryGet(success, "requestData", out var data) || TryGet(success, "info", out data)
                        ? new SmsClubSenderNames { Names = FromData(data) }
                        : new SmsClubSenderNames { Names = [] };
                }

                var isError = TryGet(root, "errorRequest", out _) || TryGet(root, "error_request", out _)
                    || (TryGet(root, "name", out _) && TryGet(root, "status", out _));
                return new SmsClubSenderNames { IsError = isError };
            default:
                return new SmsClubSenderNames();
        }
    }

    public override void Write(Utf8JsonWriter writer, SmsClubSenderNames? value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var name in value?.Names ?? [])
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
    }

    private static List<string> FromData(JsonElement data)
    {
        switch (data.ValueKind)
        {
            case JsonValueKind.Array:
                return FromArray(data);
            case JsonValueKind.Object:
                // {"originators":[…]} or a similar single list inside.
                foreach (var property in data.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Array)
                    {
                        return FromArray(property.Value);
                    }
                }

                // A map: {"12":"MyShop"} or {"12":{"name":"MyShop"}}.
                var names = new List<string>();
                foreach (var property in data.EnumerateObject())
                {
                    AddName(property.Value, names);
                }

                return names;
            case JsonValueKind.String:
                return [data.GetString()!];
            default:
                return [];
        }
    }

    private static List<string> FromArray(JsonElement array)
    {
        var names = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            AddName(item, names);
        }

        return names;
    }

    private static void AddName(JsonElement item, List<string> names)
    {
        if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
        {
            names.Add(item.GetString()!);
        }
        else if (item.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in NameFields)
            {
                if (TryGet(item, field, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
                {
                    names.Add(value.GetString()!);
                    return;
                }
            }
        }
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }
}

/// <summary>Reads a list of strings that may be an array of strings/numbers, a single string, or an object of values.</summary>
internal static class SmsClubStringListReader
{
    public static void ReadInto(ref Utf8JsonReader reader, List<string> values)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                values.Add(reader.GetString()!);
                break;
            case JsonTokenType.Number:
                values.Add(ScalarTextConverterBase.RawText(ref reader));
                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    ReadInto(ref reader, values);
                }

                break;
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    reader.Read();
                    ReadInto(ref reader, values);
                }

                break;
            default:
                reader.Skip();
                break;
        }
    }
}
