using System.Text.Json;

namespace ViberMessaging.Internal.Json;

/// <summary>
/// Finds parts of an answer exactly as the provider wrote them, for errors that must keep the raw text. Used only on
/// that rare path, so the usual answer is still parsed once.
/// </summary>
internal static class JsonFragments
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// The entries at <paramref name="positions"/> of the collection at <paramref name="path"/> (counted as the wire
    /// readers count them: array items or object values, nulls skipped), joined by commas; <see langword="null"/> when
    /// the answer cannot be walked there.
    /// </summary>
    public static string? Entries(ReadOnlyMemory<byte> body, IReadOnlyList<int> positions, params string[] path)
    {
        try
        {
            using var document = JsonDocument.Parse(body, Lenient);
            var collection = document.RootElement;
            foreach (var name in path)
            {
                if (collection.ValueKind != JsonValueKind.Object || !collection.TryGetProperty(name, out collection))
                {
                    return null;
                }
            }

            var entries = collection.ValueKind switch
            {
                JsonValueKind.Array => collection.EnumerateArray().ToList(),
                JsonValueKind.Object => collection.EnumerateObject().Select(p => p.Value).ToList(),
                _ => [],
            };
            entries.RemoveAll(e => e.ValueKind == JsonValueKind.Null);
            var picked = positions.Where(p => p >= 0 && p < entries.Count).Select(p => entries[p].GetRawText()).ToList();
            return picked.Count == 0 ? null : string.Join(",", picked);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The raw text of property <paramref name="name"/> of the object <paramref name="fragment"/> (a string's content unquoted), if any.</summary>
    public static string? Property(string? fragment, string name)
    {
        if (fragment is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(fragment, Lenient);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>An answer carries an id that does not have the provider's id shape; <see cref="RawId"/> is the id as sent.</summary>
internal sealed class UnreadableIdException(string rawId, string message) : JsonException(message)
{
    public string RawId { get; } = rawId;
}
