using System.Net.Http.Headers;
using System.Text.Json;

namespace ViberMessaging.Testing.Infrastructure;

/// <summary>Posts a provider's callbacks (status changes, replies) as JSON to the URL the client gave, through one pooled client.</summary>
internal static class EmulatorCallbacks
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>A JSON body written by <paramref name="write"/>.</summary>
    public static byte[] Serialize(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>Posts <paramref name="json"/>. A receiver that is down misses this one, as with the real provider; later ones still go.</summary>
    public static async Task PostAsync(Uri callback, byte[] json, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        try
        {
            using var response = await Client.PostAsync(callback, content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
        }
    }
}
