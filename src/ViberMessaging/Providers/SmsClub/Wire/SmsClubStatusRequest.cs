using System.Text.Json.Serialization;

namespace ViberMessaging.SmsClub;

/// <summary>The body of <c>POST /vibers/status</c>.</summary>
internal sealed record SmsClubStatusRequest
{
    [JsonPropertyName("messageIds")]
    public required IReadOnlyList<string> MessageIds { get; init; }
}
