using System.Text.Json.Serialization;

namespace ViberMessaging.Devino;

/// <summary>One message of <c>/send</c>, or the <c>commonData</c> template; unset fields are not written.</summary>
internal sealed class DevinoMessage
{
    /// <summary>The registered Viber sender name (≤ 11 characters).</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    /// <summary><c>low</c>, <c>normal</c>, <c>high</c> or <c>realtime</c>.</summary>
    [JsonPropertyName("priority")]
    public string? Priority { get; init; }

    /// <summary>How long Viber delivery is tried, in seconds.</summary>
    [JsonPropertyName("validityPeriodSec")]
    public int? ValidityPeriodSec { get; init; }

    /// <summary>Free text kept with the message.</summary>
    [JsonPropertyName("comment")]
    public string? Comment { get; init; }

    /// <summary>The channel: always <c>viber</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary><c>text</c>, <c>button</c> or <c>image</c>.</summary>
    [JsonPropertyName("contentType")]
    public string? ContentType { get; init; }

    /// <summary>The content, shaped by <see cref="ContentType"/>.</summary>
    [JsonPropertyName("content")]
    public DevinoContent? Content { get; init; }

    /// <summary>The recipient's E.164 digits.</summary>
    [JsonPropertyName("address")]
    public string? Address { get; init; }

    /// <summary>The SMS re-send's text.</summary>
    [JsonPropertyName("smsText")]
    public string? SmsText { get; init; }

    /// <summary>The SMS re-send's sender (≤ 11 Latin letters or digits).</summary>
    [JsonPropertyName("smsSrcAddress")]
    public string? SmsSrcAddress { get; init; }

    /// <summary>How long the SMS is valid, in seconds.</summary>
    [JsonPropertyName("smsValidityPeriodSec")]
    public int? SmsValidityPeriodSec { get; init; }
}
