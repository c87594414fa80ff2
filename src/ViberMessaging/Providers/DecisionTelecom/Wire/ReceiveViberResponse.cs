using System.Text.Json.Serialization;

using ViberMessaging.Internal.Json;

namespace ViberMessaging.DecisionTelecom;

/// <summary>
/// A message's status: the answer of <c>POST /v1/api/receive-viber</c> and the body of a status callback.
/// <c>{"message_id":429,"status":1}</c>, after Viber + SMS also <c>"sms_message_id":3098,"sms_message_status":6</c>.
/// </summary>
internal sealed record ReceiveViberResponse : DecisionTelecomAnswer
{
    [JsonPropertyName("message_id")]
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? MessageId { get; init; }

    /// <summary>The SMS fallback's id, where one was sent.</summary>
    [JsonPropertyName("sms_message_id")]
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? SmsMessageId { get; init; }

    /// <summary>The SMS fallback's SMPP <c>message_state</c>.</summary>
    [JsonPropertyName("sms_message_status")]
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? SmsMessageStatus { get; init; }

    /// <summary>A receipt must carry the Viber status (its <c>status</c>).</summary>
    public override bool IsComplete => Status is not null;
}
