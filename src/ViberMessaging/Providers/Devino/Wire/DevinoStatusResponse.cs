using System.Text.Json.Serialization;

namespace ViberMessaging.Devino;

/// <summary>The answer to <c>/status</c>: a request-level <c>status</c> and one entry per id asked (in any order).</summary>
internal sealed class DevinoStatusResponse
{
    /// <summary><c>ok</c>, or a request-level error code.</summary>
    [JsonPropertyName("status")]
    [JsonConverter(typeof(DevinoTextConverter))]
    public string? Status { get; init; }

    /// <summary>One entry per id asked.</summary>
    [JsonPropertyName("messages")]
    public IReadOnlyList<DevinoMessageStatus?>? Messages { get; init; }
}

/// <summary>The status of one message.</summary>
internal sealed class DevinoMessageStatus
{
    /// <summary>The id asked about.</summary>
    [JsonPropertyName("providerId")]
    [JsonConverter(typeof(DevinoIdConverter))]
    public long? ProviderId { get; init; }

    /// <summary><c>ok</c>, or a per-id error code (for example <c>error-instant-message-provider-id-unknown</c>).</summary>
    [JsonPropertyName("code")]
    [JsonConverter(typeof(DevinoTextConverter))]
    public string? Code { get; init; }

    /// <summary>The Viber status (<c>enqueued</c>, <c>sent</c>, <c>delivered</c>, <c>read</c>, <c>visited</c>, <c>undelivered</c>, <c>failed</c>, <c>cancelled</c>, <c>vp_expired</c>); may be absent beside <see cref="SmsStates"/>.</summary>
    [JsonPropertyName("status")]
    [JsonConverter(typeof(DevinoTextConverter))]
    public string? Status { get; init; }

    /// <summary>When the status was reached, UTC, <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    [JsonPropertyName("statusAt")]
    [JsonConverter(typeof(DevinoTextConverter))]
    public string? StatusAt { get; init; }

    /// <summary>Why the message was undelivered (<c>user-blocked</c>, <c>not-viber-user</c>); what real clients read.</summary>
    [JsonPropertyName("errorCode")]
    [JsonConverter(typeof(DevinoTextConverter))]
    public string? ErrorCode { get; init; }

    /// <summary>The same reason under the document's (older) name.</summary>
    [JsonPropertyName("error")]
    [JsonConverter(typeof(DevinoTextConverter))]
    public string? Error { get; init; }

    /// <summary>One entry per SMS segment of the re-send, if there was one.</summary>
    [JsonPropertyName("smsStates")]
    public IReadOnlyList<DevinoSmsState?>? SmsStates { get; init; }
}

/// <summary>The state of one SMS segment of a re-send.</summary>
internal sealed class DevinoSmsState
{
    /// <summary>The segment's 64-bit id at the SMS centre.</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(DevinoIdConverter))]
    public long? Id { get; init; }

    /// <summary>The segment's state (<c>enqueued</c>, <c>sent</c>, <c>delivered</c>, <c>undelivered</c>); what real clients read.</summary>
    [JsonPropertyName("status")]
    [JsonConverter(typeof(DevinoTextConverter))]
    public string? Status { get; init; }

    /// <summary>The same state under the document's name.</summary>
    [JsonPropertyName("state")]
    [JsonConverter(typeof(DevinoTextConverter))]
    public string? State { get; init; }
}
