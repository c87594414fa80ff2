using System.Text.Json.Serialization;

namespace ViberMessaging.DecisionTelecom;

/// <summary>The body of <c>POST /v1/api/send-viber</c>: one message to one recipient. Unset fields are omitted.</summary>
internal sealed record SendViberRequest
{
    [JsonPropertyName("source_addr")]
    public required string SourceAddr { get; init; }

    /// <summary>The recipient's E.164 digits. A number in the document, a string in every official SDK; both are accepted.</summary>
    [JsonPropertyName("destination_addr")]
    public required string DestinationAddr { get; init; }

    /// <summary>106 text, 108 text + image + button, 206/208 the same as two-way.</summary>
    [JsonPropertyName("message_type")]
    public required int MessageType { get; init; }

    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("image")]
    public string? Image { get; init; }

    [JsonPropertyName("button_caption")]
    public string? ButtonCaption { get; init; }

    [JsonPropertyName("button_action")]
    public string? ButtonAction { get; init; }

    /// <summary>1 promotional, 2 transactional.</summary>
    [JsonPropertyName("source_type")]
    public required int SourceType { get; init; }

    /// <summary>The SMS sent when the Viber message is not delivered (transactional only, one segment).</summary>
    [JsonPropertyName("text_sms")]
    public string? TextSms { get; init; }

    [JsonPropertyName("callback_url")]
    public string? CallbackUrl { get; init; }

    /// <summary>Seconds, 40–21600.</summary>
    [JsonPropertyName("validity_period")]
    public int? ValidityPeriod { get; init; }
}
