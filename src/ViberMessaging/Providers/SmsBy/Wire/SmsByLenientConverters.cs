using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

using ViberMessaging.Internal.Json;

namespace ViberMessaging.SmsBy;

/// <summary>
/// Reads any JSON scalar as text (SMS.by flips ids, phones, codes and statuses between strings and numbers); arrays
/// of strings are joined with "; " (error lists); other objects and arrays are kept as raw JSON. Writes a string.
/// </summary>
internal sealed class SmsByLenientStringConverter : ScalarTextConverterBase
{
    protected override string? ReadNonScalar(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var element = document.RootElement;
        if (element.ValueKind == JsonValueKind.Array && element.EnumerateArray().All(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number))
        {
            return string.Join("; ", element.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()));
        }

        return element.GetRawText();
    }
}

/// <summary>
/// Reads a list whatever shape PHP gave it: an array, an object whose values are the items (a PHP array with gaps in
/// its keys), a single item, or <see langword="null"/> / <see langword="false"/> / an empty string for "none".
/// </summary>
internal sealed class SmsByLenientListConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    public override bool HandleNull => true;

    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var itemType = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        switch (reader.TokenType)
        {
            case JsonTokenType.Null or JsonTokenType.False:
                return [];
            case JsonTokenType.String when reader.ValueSpan.IsEmpty:
                return [];
            case JsonTokenType.StartArray:
                var items = new List<T>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(JsonSerializer.Deserialize(ref reader, itemType)!);
                }

                return items;
            case JsonTokenType.StartObject:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    var root = document.RootElement;
                    var keyed = root.EnumerateObject().ToArray();
                    if (keyed.Length > 0 && keyed.All(p => p.Value.ValueKind == JsonValueKind.Object && int.TryParse(p.Name, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                    {
                        return keyed.Select(p => p.Value.Deserialize(itemType)!).ToArray();
                    }

                    return keyed.Length == 0 ? [] : [root.Deserialize(itemType)!];
                }

            default:
                throw new JsonException($"Expected a list, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        var itemType = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, itemType);
        }

        writer.WriteEndArray();
    }
}
