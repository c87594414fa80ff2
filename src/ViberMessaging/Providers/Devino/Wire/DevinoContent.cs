using System.Text.Json.Serialization;

namespace ViberMessaging.Devino;

/// <summary>The <c>content</c> of a message: <c>text</c>; <c>text</c>, <c>caption</c>, <c>action</c> (+ <c>imageUrl</c>) for a button; <c>imageUrl</c> for an image.</summary>
internal sealed class DevinoContent
{
    /// <summary>The text (≤ 1000 characters).</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>The button's caption (≤ 19 characters).</summary>
    [JsonPropertyName("caption")]
    public string? Caption { get; init; }

    /// <summary>The URL the button opens.</summary>
    [JsonPropertyName("action")]
    public string? Action { get; init; }

    /// <summary>The image's URL.</summary>
    [JsonPropertyName("imageUrl")]
    public string? ImageUrl { get; init; }
}
