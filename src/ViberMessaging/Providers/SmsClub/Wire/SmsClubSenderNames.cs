using System.Text.Json.Serialization;

namespace ViberMessaging.SmsClub;

/// <summary>
/// The answer of <c>GET /vibers/originator</c>, whose shape is not documented: a bare JSON array of names, or
/// <c>successfulRequest.requestData</c> holding an array, a map of id → name, or objects with a name field.
/// Read leniently by <see cref="SmsClubSenderNamesConverter"/>.
/// </summary>
[JsonConverter(typeof(SmsClubSenderNamesConverter))]
internal sealed record SmsClubSenderNames
{
    /// <summary>The names found, or <see langword="null"/> when the answer held none of the known shapes.</summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>Whether the answer was an <c>errorRequest</c> (or another error shape).</summary>
    public bool IsError { get; init; }
}
