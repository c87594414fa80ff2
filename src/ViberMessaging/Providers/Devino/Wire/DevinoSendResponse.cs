using System.Text.Json.Serialization;

namespace ViberMessaging.Devino;

/// <summary>The answer to <c>/send</c>: a request-level <c>status</c> and one entry per message, in request order.</summary>
internal sealed class DevinoSendResponse
{
    /// <summary><c>ok</c>, or a request-level error code (then <see cref="Messages"/> is usually empty).</summary>
    [JsonPropertyName("status")]
    [JsonConverter(typeof(DevinoTextConverter))]
    public string? Status { get; init; }

    /// <summary>The per-message results, in the order the messages were sent.</summary>
    [JsonPropertyName("messages")]
    public IReadOnlyList<DevinoSendResult?>? Messages { get; init; }
}

/// <summary>The result of one message of <c>/send</c>.</summary>
internal sealed class DevinoSendResult
{
    /// <summary>Devino's 64-bit id of the accepted message; absent when <see cref="Code"/> is not <c>ok</c>.</summary>
    [JsonPropertyName("providerId")]
    [JsonConverter(typeof(DevinoIdConverter))]
    public long? ProviderId { get; init; }

    /// <summary><c>ok</c> or a per-message error code.</summary>
    [JsonPropertyName("code")]
    [JsonConverter(typeof(DevinoTextConverter))]
    public string? Code { get; init; }
}
