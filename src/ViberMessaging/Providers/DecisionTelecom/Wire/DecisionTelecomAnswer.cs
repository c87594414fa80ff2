using System.Globalization;
using System.Text.Json.Serialization;

using ViberMessaging.Internal.Json;

namespace ViberMessaging.DecisionTelecom;

/// <summary>
/// What every DecisionTelecom answer may carry: its error shape <c>{name, message, code, status}</c>, which arrives
/// with HTTP 200 or with the matching status. An answer is an error when it has both <c>name</c> and <c>code</c>.
/// </summary>
/// <remarks><c>status</c> is an HTTP-like code in an error and the message's status in a receipt.</remarks>
internal abstract record DecisionTelecomAnswer
{
    [JsonPropertyName("name")]
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Name { get; init; }

    [JsonPropertyName("message")]
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Message { get; init; }

    [JsonPropertyName("code")]
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Code { get; init; }

    [JsonPropertyName("status")]
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Status { get; init; }

    /// <summary>Whether this is the provider's error shape (detected by its properties, never by substrings).</summary>
    [JsonIgnore]
    public bool IsError => Name is not null && Code is not null;

    /// <summary>Whether a non-error answer has everything its endpoint promises.</summary>
    [JsonIgnore]
    public abstract bool IsComplete { get; }

    /// <summary>An id the answer carries that is not a provider message id (as sent), or <see langword="null"/>.</summary>
    public virtual string? UnreadableId => null;

    /// <summary>Whether <paramref name="value"/> is a provider message id (a non-negative Int64 in plain digits).</summary>
    public static bool IsMessageId(string? value)
        => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
