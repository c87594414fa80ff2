using System.Text.Json.Serialization;

namespace ViberMessaging.SmsBy;

/// <summary><c>sendQuickViberMessage</c>'s result: <c>{"message_id":8484}</c> (v1 clients saw <c>viber_id</c>).</summary>
internal sealed class SmsByQuickResult
{
    [JsonPropertyName("message_id")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? MessageId { get; init; }

    [JsonPropertyName("viber_id")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? ViberId { get; init; }
}

/// <summary><c>getViberDeliveryData</c>'s result: <c>{"phone":"375293332211","status":"READ","error_code":0}</c>.</summary>
internal sealed class SmsByDeliveryData
{
    [JsonPropertyName("phone")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Phone { get; init; }

    [JsonPropertyName("status")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Status { get; init; }

    [JsonPropertyName("error_code")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? ErrorCode { get; init; }
}

/// <summary><c>sendViberMessageList</c>'s result: <c>{"message_id":4905,"count_subscribers":4}</c>.</summary>
internal sealed class SmsByListResult
{
    [JsonPropertyName("message_id")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? MessageId { get; init; }

    [JsonPropertyName("count_subscribers")]
    public int? CountSubscribers { get; init; }
}

/// <summary>One mailing of <c>getViberMessages</c> / <c>getViberMessageData</c>.</summary>
internal sealed class SmsByMailingData
{
    [JsonPropertyName("message_id")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? MessageId { get; init; }

    [JsonPropertyName("message_type")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? MessageType { get; init; }

    [JsonPropertyName("message")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Message { get; init; }

    [JsonPropertyName("button_caption")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? ButtonCaption { get; init; }

    [JsonPropertyName("button_link")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? ButtonLink { get; init; }

    [JsonPropertyName("image_file")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? ImageFile { get; init; }

    [JsonPropertyName("status")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Status { get; init; }

    [JsonPropertyName("d_create")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Created { get; init; }

    [JsonPropertyName("d_schedule")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Scheduled { get; init; }

    [JsonPropertyName("cost")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Cost { get; init; }
}

/// <summary>One recipient of <c>getViberDeliveryList</c>.</summary>
internal sealed class SmsByDeliveryItem
{
    [JsonPropertyName("delivery_id")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? DeliveryId { get; init; }

    [JsonPropertyName("phone")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Phone { get; init; }

    [JsonPropertyName("status")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Status { get; init; }

    [JsonPropertyName("error_code")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? ErrorCode { get; init; }
}

/// <summary>One reply of <c>getNewIncomingMessages</c>.</summary>
internal sealed class SmsByIncomingMessage
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Id { get; init; }

    [JsonPropertyName("phone")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Phone { get; init; }

    [JsonPropertyName("message")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Message { get; init; }

    [JsonPropertyName("d_receiver")]
    [JsonConverter(typeof(SmsByLenientStringConverter))]
    public string? Received { get; init; }
}
