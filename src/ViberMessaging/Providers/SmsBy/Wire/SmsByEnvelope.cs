using System.Text.Json.Serialization;

namespace ViberMessaging.SmsBy;

/// <summary>
/// What every SMS.by answer may carry besides its data: <c>status</c> (<c>OK</c>, any casing) and <c>error</c>
/// (a sentence, at any HTTP status).
/// </summary>
internal abstract class SmsByEnvelopeBase
{
    [JsonPropertyName("status")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Status { get; init; }

    [JsonPropertyName("error")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Error { get; init; }

    [JsonPropertyName("message")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Message { get; init; }
}

/// <summary>A v2 answer whose <c>result</c> is one object: <c>{"status":"OK","result":{…}}</c>.</summary>
internal sealed class SmsByEnvelope<T> : SmsByEnvelopeBase
    where T : class
{
    [JsonPropertyName("result")]
    public T? Result { get; init; }
}

/// <summary>A v2 answer whose <c>result</c> is text or absent (<c>confirmViberMessage</c>, <c>readResponseStatus</c>).</summary>
internal sealed class SmsByTextEnvelope : SmsByEnvelopeBase
{
    [JsonPropertyName("result")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Result { get; init; }
}

/// <summary><c>getViberMessages</c>: the account's mailings.</summary>
internal sealed class SmsByMailingsEnvelope : SmsByEnvelopeBase
{
    [JsonPropertyName("result")]
    [JsonConverter(typeof(SmsByLenientListConverter<SmsByMailingData>))]
    public IReadOnlyList<SmsByMailingData>? Result { get; init; }
}

/// <summary><c>getViberDeliveryList</c>: a mailing's recipients.</summary>
internal sealed class SmsByDeliveriesEnvelope : SmsByEnvelopeBase
{
    [JsonPropertyName("result")]
    [JsonConverter(typeof(SmsByLenientListConverter<SmsByDeliveryItem>))]
    public IReadOnlyList<SmsByDeliveryItem>? Result { get; init; }
}

/// <summary><c>getNewIncomingMessages</c>: a mailing's unread replies.</summary>
internal sealed class SmsByIncomingEnvelope : SmsByEnvelopeBase
{
    [JsonPropertyName("result")]
    [JsonConverter(typeof(SmsByLenientListConverter<SmsByIncomingMessage>))]
    public IReadOnlyList<SmsByIncomingMessage>? Result { get; init; }
}
