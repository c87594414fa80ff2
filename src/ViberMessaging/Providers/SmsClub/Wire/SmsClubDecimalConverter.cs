using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ViberMessaging.SmsClub;

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
