using System.Text.Json.Serialization;

namespace ViberMessaging.SmsClub;

/// <summary>
/// Any error answer: SMS Club's own <c>{"errorRequest":{"errors":{"sender":["…"]}}}</c>, or the web framework's
/// <c>{"name":"Unauthorized","message":"…","code":0,"status":401}</c> (401, 429 and 5xx answers).
/// </summary>
internal sealed record SmsClubErrorResponse
{
    [JsonPropertyName("errorRequest")]
    public SmsClubErrorRequest? ErrorRequest { get; init; }

    /// <summary>The snake-case spelling SMS Club's SMS API uses.</summary>
    [JsonPropertyName("error_request")]
    public SmsClubErrorRequest? ErrorRequestSnake { get; init; }

    [JsonPropertyName("name")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? Name { get; init; }

    [JsonPropertyName("message")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? Message { get; init; }

    [JsonPropertyName("code")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? Code { get; init; }

    [JsonPropertyName("status")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? Status { get; init; }
}

/// <summary>The <c>errorRequest</c> block: each key (<c>sender</c>, <c>noMoney</c>, …) with its messages, in the provider's order.</summary>
internal sealed record SmsClubErrorRequest
{
    [JsonPropertyName("errors")]
    [JsonConverter(typeof(SmsClubErrorsConverter))]
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>>? Errors { get; init; }

    /// <summary>The SMS API's <c>{"error_request":{"info":"…"}}</c> form.</summary>
    [JsonPropertyName("info")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? Info { get; init; }
}
