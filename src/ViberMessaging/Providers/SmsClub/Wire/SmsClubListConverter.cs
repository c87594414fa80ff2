using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ViberMessaging.SmsClub;

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
