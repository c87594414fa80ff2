using System.Text.Json;
using System.Text.Json.Serialization;

namespace ViberMessaging.SmsClub;

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
