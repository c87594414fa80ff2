using System.Text.Json.Serialization;

namespace ViberMessaging.Devino;

/// <summary>The body of <c>POST /status</c>: the provider ids, as JSON numbers (64-bit, written exactly).</summary>
internal sealed class DevinoStatusRequest
{
    /// <summary>The ids <c>/send</c> returned.</summary>
    [JsonPropertyName("messages")]
    public required IReadOnlyList<long> Messages { get; init; }
}
