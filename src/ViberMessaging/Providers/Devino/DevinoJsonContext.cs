using System.Text.Json.Serialization;

namespace ViberMessaging.Devino;

/// <summary>
/// Devino's JSON contracts, generated at compile time (trim- and AOT-safe). Exact when writing (unset fields are
/// omitted), lenient when reading (any property case, ids as numbers or strings, codes as strings or numbers).
/// </summary>
[JsonSourceGenerationOptions(
    MaxDepth = 32,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(DevinoSendRequest))]
[JsonSerializable(typeof(DevinoStatusRequest))]
[JsonSerializable(typeof(DevinoSendResponse))]
[JsonSerializable(typeof(DevinoStatusResponse))]
[JsonSerializable(typeof(DevinoErrorResponse))]
internal sealed partial class DevinoJsonContext : JsonSerializerContext
{
}
