using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ViberMessaging.Devino;
using ViberMessaging.Http;
using ViberMessaging.Internal;

namespace ViberMessaging.Tests.Providers.Devino;

/// <summary>Wire helpers shared by the Devino tests: exact bodies, parsed answers and buffered provider responses.</summary>
internal static class DevinoTestSupport
{
    public const string ProviderName = ViberProviders.Devino;

    /// <summary>Devino's first emulator id and a larger one: both above 2^53, where double loses digits.</summary>
    public const long BigId = 3158611117333282816;

    /// <summary>The bytes the client puts on the wire for <paramref name="value"/>.</summary>
    public static string Wire<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        using var content = new PooledJsonContent<T>(value, typeInfo);
        return Encoding.UTF8.GetString(content.Body.Span);
    }


    public static T Parse<T>(string json, JsonTypeInfo<T> typeInfo) => JsonSerializer.Deserialize(json, typeInfo)!;

    public static MessageId Id(long value) => new(ProviderName, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static PhoneNumber[] Phones(params string[] phones) => phones.Select(PhoneNumber.Parse).ToArray();

    /// <summary>A provider response as the transport hands it over: body buffered, send or read, redacting <paramref name="secrets"/>.</summary>
    public static async Task<ProviderResponse> ResponseAsync(HttpStatusCode status, string body, bool isSend = true, params string[] secrets)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "send");
        request.Options.Set(ViberRequestOptions.Idempotent, !isSend);
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request };
        response.Content = await BufferedContent.ReadAsync(response, request, ProviderName, 1 << 20, CancellationToken.None);
        return new ProviderResponse(ProviderName, response, isSend, retryAfter: null, isRateLimited: status == HttpStatusCode.TooManyRequests, new SecretRedactor(secrets));
    }

    public static DevinoOptions Options(Action<DevinoOptions>? configure = null)
    {
        var options = new DevinoOptions { Login = "login", Password = "password" };
        configure?.Invoke(options);
        return options;
    }
}
