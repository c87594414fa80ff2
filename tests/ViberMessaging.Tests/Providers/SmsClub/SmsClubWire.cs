using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ViberMessaging.Http;

namespace ViberMessaging.Tests.Providers.SmsClub;

/// <summary>Wire-exact comparisons for SMS Club's JSON.</summary>
internal static class SmsClubWire
{
    /// <summary>Serialises <paramref name="value"/> exactly as the client does (the pooled request body).</summary>
    public static string Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        using var content = new PooledJsonContent<T>(value, typeInfo);
        return Encoding.UTF8.GetString(content.Body.Span);
    }

    /// <summary>Asserts two JSON texts are the same document (order of properties aside), showing both when not.</summary>
    public static void Equal(string expected, string actual)
    {
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(e, a), $"Expected {e?.ToJsonString()}{Environment.NewLine}but got  {a?.ToJsonString()}");
    }

    public static T Parse<T>(string json, JsonTypeInfo<T> typeInfo) => JsonSerializer.Deserialize(json, typeInfo)!;
}
