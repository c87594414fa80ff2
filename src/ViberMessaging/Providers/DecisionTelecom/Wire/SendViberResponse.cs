using System.Text.Json.Serialization;

using ViberMessaging.Internal.Json;

namespace ViberMessaging.DecisionTelecom;

/// <summary>The answer of <c>POST /v1/api/send-viber</c>: <c>{"message_id":429}</c>, or the error shape.</summary>
internal sealed record SendViberResponse : DecisionTelecomAnswer
{
    /// <summary>The message's Int64 id, as its exact text (number or string on the wire).</summary>
    [JsonPropertyName("message_id")]
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? MessageId { get; init; }

    /// <summary>An answer without an id is complete (the provider accepted nothing); one with a malformed id is not.</summary>
    public override bool IsComplete => MessageId is null || IsMessageId(MessageId);

    /// <inheritdoc/>
    public override string? UnreadableId => MessageId is not null && !IsMessageId(MessageId) ? MessageId : null;
}
