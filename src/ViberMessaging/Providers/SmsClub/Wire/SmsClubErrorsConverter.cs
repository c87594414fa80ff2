using System.Text.Json;
using System.Text.Json.Serialization;

namespace ViberMessaging.SmsClub;

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
