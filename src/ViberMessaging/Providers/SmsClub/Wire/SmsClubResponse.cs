using System.Text.Json.Serialization;

namespace ViberMessaging.SmsClub;

/// <summary>
/// SMS Club's answer envelope: <c>{"successfulRequest":{"requestData":…}}</c> on success,
/// <c>{"errorRequest":{"errors":{…}}}</c> on a business error.
/// </summary>
/// <typeparam name="TData">The shape of <c>requestData</c> for the endpoint.</typeparam>
internal sealed record SmsClubResponse<TData> : ISmsClubEnvelope
    where TData : class
{
    /// <inheritdoc/>
    [JsonIgnore]
    public bool HasData => SuccessfulRequest?.RequestData is not null;

    [JsonPropertyName("successfulRequest")]
    public SmsClubSuccessfulRequest<TData>? SuccessfulRequest { get; init; }

    [JsonPropertyName("errorRequest")]
    public SmsClubErrorRequest? ErrorRequest { get; init; }
}

/// <summary>The <c>successfulRequest</c> block.</summary>
/// <typeparam name="TData">The shape of <c>requestData</c>.</typeparam>
internal sealed record SmsClubSuccessfulRequest<TData>
    where TData : class
{
    [JsonPropertyName("requestData")]
    public TData? RequestData { get; init; }
}

/// <summary>Any of SMS Club's <c>successfulRequest</c> / <c>errorRequest</c> envelopes, whatever its data.</summary>
internal interface ISmsClubEnvelope
{
    /// <summary>Whether <c>successfulRequest.requestData</c> is there.</summary>
    bool HasData { get; }
}
