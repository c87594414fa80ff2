using System.Text.Json.Serialization;

using ViberMessaging.Internal.Json;

namespace ViberMessaging.SmsClub;

/// <summary><c>requestData</c> of a send: the accepted messages and the phones that were not.</summary>
internal sealed record SmsClubSendData
{
    [JsonPropertyName("messages")]
    [JsonConverter(typeof(SmsClubListConverter<SmsClubSentMessage>))]
    public IReadOnlyList<SmsClubSentMessage>? Messages { get; init; }

    /// <summary>An object, an array (PHP's empty array) or missing.</summary>
    [JsonPropertyName("additionalInfo")]
    public SmsClubAdditionalInfo? AdditionalInfo { get; init; }
}

/// <summary>One accepted message: <c>{"number":"380989361121","id":"5769","chat_id":"2766"}</c>.</summary>
internal sealed record SmsClubSentMessage
{
    [JsonPropertyName("number")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? Number { get; init; }

    /// <summary>The id as sent: a string, a number's digits, or an object's or array's raw JSON (which is no id: kept for the error).</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Id { get; init; }

    [JsonPropertyName("chat_id")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? ChatId { get; init; }
}

/// <summary>The phones a send did not accept, and why.</summary>
[JsonConverter(typeof(SmsClubAdditionalInfoConverter))]
internal sealed record SmsClubAdditionalInfo
{
    public static SmsClubAdditionalInfo Empty { get; } = new();

    /// <summary><c>incorrectPhones</c>: malformed or nonexistent numbers.</summary>
    public IReadOnlyList<string> IncorrectPhones { get; init; } = [];

    /// <summary><c>blackList</c>: numbers on a blacklist.</summary>
    public IReadOnlyList<string> BlackList { get; init; } = [];
}
