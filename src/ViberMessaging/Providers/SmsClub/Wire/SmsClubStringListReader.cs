using System.Text.Json;

using ViberMessaging.Internal.Json;

namespace ViberMessaging.SmsClub;

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
