using System.Text.Json.Serialization;

namespace ViberMessaging.Devino;

/// <summary>
/// A non-2xx body: Spring-style (<c>{"timestamp":…,"status":401,"error":"Unauthorized","message":"…","path":"/send"}</c>)
/// or Devino's own (<c>{"status":"error-auth","messages":[]}</c>); <see cref="Status"/> holds either the HTTP status or the code.
/// </summary>
internal sealed class DevinoErrorResponse
{
    /// <summary>The HTTP status as a number (Spring) or a Devino code.</summary>
    [JsonPropertyName("status")]
    [JsonConverter(typeof(DevinoTextConverter))]
    public string? Status { get; init; }

    /// <summary>The HTTP reason phrase (Spring).</summary>
    [JsonPropertyName("error")]
    [JsonConverter(typeof(DevinoTextConverter))]
    public string? Error { get; init; }

    /// <summary>The explanation (Spring).</summary>
    [JsonPropertyName("message")]
    [JsonConverter(typeof(DevinoTextConverter))]
    public string? Message { get; init; }
}
