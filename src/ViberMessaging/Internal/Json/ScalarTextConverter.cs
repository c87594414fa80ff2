using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ViberMessaging.Internal.Json;

/// <summary>
/// Reads a JSON scalar as its exact text, whatever type the provider used this time: a string as is, a number as
/// the digits it was written with (64-bit ids never pass through <see cref="double"/>), <c>true</c>/<c>false</c> as
/// words, <c>null</c> as <see langword="null"/>. Providers flip ids, codes and statuses between strings and numbers;
/// this is the one place that tolerates it. What a non-scalar (object, array) becomes is the subclass's choice.
/// Writes a JSON string.
/// </summary>
internal abstract class ScalarTextConverterBase : JsonConverter<string?>
{
    public override bool HandleNull => false;

    /// <summary>The exact text of the number (or string) token the reader is on.</summary>
    public static string RawText(ref Utf8JsonReader reader)
        => reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan);

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => RawText(ref reader),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => ReadNonScalar(ref reader),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>Reads an object or array the reader is on (consuming it) into the text the field gets.</summary>
    protected abstract string? ReadNonScalar(ref Utf8JsonReader reader);
}

/// <summary>A JSON scalar as its exact text; an object or array is kept as its raw JSON.</summary>
internal sealed class ScalarTextConverter : ScalarTextConverterBase
{
    protected override string? ReadNonScalar(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }
}
