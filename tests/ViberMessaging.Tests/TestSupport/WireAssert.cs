using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ViberMessaging.Tests.TestSupport;

/// <summary>
/// The one wire-exact JSON comparison of the test projects: two documents are equal when they parse to the same tree
/// (property order and whitespace aside; names, values and number text compared exactly, so ids above 2^53 keep every
/// digit). A failure shows both documents, Cyrillic unescaped.
/// </summary>
public static class WireAssert
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void JsonEqual(string expected, string actual) => JsonEqual(JsonNode.Parse(expected), JsonNode.Parse(actual));

    public static void JsonEqual(JsonNode? expected, JsonNode? actual)
        => Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"JSON differs.{Environment.NewLine}Expected: {expected?.ToJsonString(Readable)}{Environment.NewLine}Actual:   {actual?.ToJsonString(Readable)}");

    /// <summary>
    /// The two documents have the same shape: the same property names in the same order, recursively, and arrays of
    /// the same length; values may differ (a status that moves on, a time).
    /// </summary>
    public static void SameShape(string expected, string actual)
    {
        var (expectedShape, actualShape) = (Shape(JsonNode.Parse(expected)), Shape(JsonNode.Parse(actual)));
        Assert.True(
            expectedShape == actualShape,
            $"JSON shapes differ.{Environment.NewLine}Expected: {expected}{Environment.NewLine}Actual:   {actual}");
    }

    private static string Shape(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.Select(p => p.Key + ":" + Shape(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Shape)) + "]",
        _ => "_",
    };
}
