using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

using ViberMessaging.Internal.Json;

namespace ViberMessaging.SmsClub;

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
