using System.Text.Json.Serialization;

using ViberMessaging.Internal.Json;

namespace ViberMessaging.DecisionTelecom;

/// <summary>
/// A two-way user reply posted to the callback URL:
/// <c>{"message_token":44444444444444,"phone_number":"972512222222","time":2121212121,"message":{"text":"…","tracking_data":"tracking_id:100035"}}</c>.
/// </summary>
internal sealed record ReplyCallback
{
    [JsonPropertyName("message_token")]
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? MessageToken { get; init; }

    [JsonPropertyName("phone_number")]
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? PhoneNumber { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("time")]
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Time { get; init; }

    [JsonPropertyName("message")]
    public ReplyCallbackMessage? Message { get; init; }
}

/// <summary>The <c>message</c> object of a <see cref="ReplyCallback"/>.</summary>
internal sealed record ReplyCallbackMessage
{
    [JsonPropertyName("text")]
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Text { get; init; }

    /// <summary><c>tracking_id:&lt;id of the message answered&gt;</c>.</summary>
    [JsonPropertyName("tracking_data")]
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? TrackingData { get; init; }
}
