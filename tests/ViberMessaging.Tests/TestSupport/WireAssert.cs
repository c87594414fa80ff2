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
}
