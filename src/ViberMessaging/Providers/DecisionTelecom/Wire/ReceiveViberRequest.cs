using System.Text.Json.Serialization;

namespace ViberMessaging.DecisionTelecom;

/// <summary>The body of <c>POST /v1/api/receive-viber</c>, the status query: one id per request.</summary>
internal sealed record ReceiveViberRequest
{
    [JsonPropertyName("message_id")]
    public required long MessageId { get; init; }
}
