using System.Text.Json.Serialization;

namespace ViberMessaging.SmsClub;

/// <summary><c>requestData</c> of <c>GET /vibers/chat</c>.</summary>
internal sealed record SmsClubChatData
{
    [JsonPropertyName("chat")]
    public SmsClubChat? Chat { get; init; }
}

/// <summary>One chat with a page (30) of its messages.</summary>
internal sealed record SmsClubChat
{
    /// <summary>A number here (<c>380999999999</c>), a string in <c>/vibers/chats</c>.</summary>
    [JsonPropertyName("recipient")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? Recipient { get; init; }

    [JsonPropertyName("source_address")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? SourceAddress { get; init; }

    [JsonPropertyName("creation_date")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? CreationDate { get; init; }

    [JsonPropertyName("messages")]
    [JsonConverter(typeof(SmsClubListConverter<SmsClubChatMessage>))]
    public IReadOnlyList<SmsClubChatMessage>? Messages { get; init; }
}

/// <summary>One chat message: <c>{"text":"…","date":"2021-09-15 17:17:43","type":"outcoming"}</c>.</summary>
internal sealed record SmsClubChatMessage
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? Id { get; init; }

    [JsonPropertyName("text")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? Text { get; init; }

    [JsonPropertyName("date")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? Date { get; init; }

    /// <summary><c>incoming</c> (from the recipient) or <c>outcoming</c> (sic: sent by you).</summary>
    [JsonPropertyName("type")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? Type { get; init; }
}
