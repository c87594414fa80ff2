using System.Text;
using System.Text.Json;
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


    public static T Parse<T>(string json, JsonTypeInfo<T> typeInfo) => JsonSerializer.Deserialize(json, typeInfo)!;
}
