using System.Text.Json.Serialization;

namespace ViberMessaging.Devino;

/// <summary>The body of <c>POST /send</c>.</summary>
internal sealed class DevinoSendRequest
{
    /// <summary>Whether undelivered Viber messages are re-sent as SMS. Always written: its default differs between versions of the API.</summary>
    [JsonPropertyName("resendSms")]
    public required bool ResendSms { get; init; }

    /// <summary>The fields every message of the request shares (messages may override them); only for several recipients.</summary>
    [JsonPropertyName("commonData")]
    public DevinoMessage? CommonData { get; init; }

    /// <summary>One entry per recipient, in order; the answer's <c>messages</c> follow this order.</summary>
    [JsonPropertyName("messages")]
    public required IReadOnlyList<DevinoMessage> Messages { get; init; }
}
