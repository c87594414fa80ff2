using System.Text.Json;
using System.Text.Json.Serialization;

namespace ViberMessaging.SmsClub;

/// <summary>
/// SMS Club's JSON, source-generated: exact when writing (unset fields omitted, the provider's names), lenient when
/// reading (case-insensitive names, numbers or strings for ids, PHP's <c>[]</c> for an empty map, trailing commas).
/// </summary>
[JsonSourceGenerationOptions(
    MaxDepth = 32,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(SmsClubSendRequest))]
[JsonSerializable(typeof(SmsClubStatusRequest))]
[JsonSerializable(typeof(SmsClubResponse<SmsClubSendData>), TypeInfoPropertyName = "SendResponse")]
[JsonSerializable(typeof(SmsClubResponse<SmsClubStatusData>), TypeInfoPropertyName = "StatusResponse")]
[JsonSerializable(typeof(SmsClubResponse<SmsClubChatsData>), TypeInfoPropertyName = "ChatsResponse")]
[JsonSerializable(typeof(SmsClubResponse<SmsClubChatData>), TypeInfoPropertyName = "ChatResponse")]
[JsonSerializable(typeof(SmsClubBalanceResponse))]
[JsonSerializable(typeof(SmsClubSenderNames))]
[JsonSerializable(typeof(SmsClubErrorResponse))]
[JsonSerializable(typeof(SmsClubSentMessage))]
[JsonSerializable(typeof(SmsClubStatusEntry))]
[JsonSerializable(typeof(SmsClubChatEntry))]
[JsonSerializable(typeof(SmsClubChatMessage))]
internal sealed partial class SmsClubJsonContext : JsonSerializerContext;
