using System.Text.Json.Serialization;

namespace ViberMessaging.SmsClub;

/// <summary>The body of <c>POST /vibers/send</c>: a send to phones, or (with <see cref="ChatId"/>) a reply in a two-way chat. Unset fields are omitted.</summary>
internal sealed record SmsClubSendRequest
{
    [JsonPropertyName("sender")]
    public string? Sender { get; init; }

    [JsonPropertyName("phones")]
    public IReadOnlyList<string>? Phones { get; init; }

    [JsonPropertyName("message")]
    public required string Message { get; init; }

    /// <summary>Seconds: 60–86000 for one phone, 3600–86000 for several.</summary>
    [JsonPropertyName("lifetime")]
    public long? Lifetime { get; init; }

    /// <summary>The document's table spells it <c>picture_ur</c>; its examples and every client send <c>picture_url</c>.</summary>
    [JsonPropertyName("picture_url")]
    public string? PictureUrl { get; init; }

    [JsonPropertyName("button_txt")]
    public string? ButtonText { get; init; }

    [JsonPropertyName("button_url")]
    public string? ButtonUrl { get; init; }

    [JsonPropertyName("senderSms")]
    public string? SenderSms { get; init; }

    [JsonPropertyName("messageSms")]
    public string? MessageSms { get; init; }

    /// <summary>Unix seconds; only together with <see cref="EndTime"/>.</summary>
    [JsonPropertyName("mgr_plan_date")]
    public long? PlanDate { get; init; }

    /// <summary>Unix seconds; only together with <see cref="PlanDate"/>.</summary>
    [JsonPropertyName("mgr_end_time")]
    public long? EndTime { get; init; }

    [JsonPropertyName("is_2way")]
    public bool? IsTwoWay { get; init; }

    [JsonPropertyName("chat_id")]
    public string? ChatId { get; init; }
}
