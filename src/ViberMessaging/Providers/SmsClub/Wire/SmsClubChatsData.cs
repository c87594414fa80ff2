using System.Text.Json.Serialization;

namespace ViberMessaging.SmsClub;

/// <summary><c>requestData</c> of <c>GET /vibers/chats</c>: one page (30) of chats.</summary>
internal sealed record SmsClubChatsData
{
    [JsonPropertyName("chats")]
    [JsonConverter(typeof(SmsClubListConverter<SmsClubChatEntry>))]
    public IReadOnlyList<SmsClubChatEntry>? Chats { get; init; }
}

/// <summary>One chat of the list: <c>{"chat_id":"51","recipient":"380777777777","creation_date":"2020-05-28 11:43:29"}</c>.</summary>
internal sealed record SmsClubChatEntry
{
    [JsonPropertyName("chat_id")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? ChatId { get; init; }

    /// <summary>A string here, a number in <c>/vibers/chat</c>.</summary>
    [JsonPropertyName("recipient")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? Recipient { get; init; }

    [JsonPropertyName("source_address")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? SourceAddress { get; init; }

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c>, Europe/Kyiv.</summary>
    [JsonPropertyName("creation_date")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? CreationDate { get; init; }
}
