using System.Text.Json.Serialization;

namespace ViberMessaging.SmsClub;

/// <summary>
/// <c>requestData</c> of a status query: an object keyed by message id (<c>{"5769":{"status":"Delivered",…}}</c>),
/// or <c>[]</c> when no id is known (PHP encodes an empty map as an empty array).
/// </summary>
[JsonConverter(typeof(SmsClubStatusDataConverter))]
internal sealed record SmsClubStatusData
{
    public IReadOnlyList<KeyValuePair<string, SmsClubStatusEntry>> Entries { get; init; } = [];
}

/// <summary>One message's statuses. The wire says <c>additionStatus</c>; the document's prose says <c>additionalStatus</c>: both are read.</summary>
internal sealed record SmsClubStatusEntry
{
    [JsonPropertyName("status")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? Status { get; init; }

    [JsonPropertyName("additionStatus")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? AdditionStatus { get; init; }

    [JsonPropertyName("additionalStatus")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? AdditionalStatus { get; init; }

    [JsonPropertyName("smsStatus")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? SmsStatus { get; init; }
}
