using System.Text.Json;
using System.Text.Json.Serialization;

namespace ViberMessaging.DecisionTelecom;

/// <summary>
/// Source-generated JSON for DecisionTelecom: exact on the way out (unset fields omitted, exact names), lenient on
/// the way in (names in any case, comments and trailing commas, numbers or strings for scalars).
/// </summary>
[JsonSourceGenerationOptions(
    MaxDepth = 32,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(SendViberRequest))]
[JsonSerializable(typeof(SendViberResponse))]
[JsonSerializable(typeof(ReceiveViberRequest))]
[JsonSerializable(typeof(ReceiveViberResponse))]
[JsonSerializable(typeof(ReplyCallback))]
internal sealed partial class DecisionTelecomJsonContext : JsonSerializerContext;
