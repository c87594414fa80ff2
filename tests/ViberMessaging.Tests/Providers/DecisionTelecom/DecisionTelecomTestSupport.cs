using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ViberMessaging.DecisionTelecom;
using ViberMessaging.Http;
using ViberMessaging.Internal;

namespace ViberMessaging.Tests.Providers.DecisionTelecom;

/// <summary>Wire-level helpers for the DecisionTelecom tests.</summary>
internal static class DecisionTelecomTestSupport
{
    public const string Provider = ViberProviders.DecisionTelecom;

    /// <summary>What a request body looks like on the wire (the same content class the client sends).</summary>
    public static string Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        using var content = new PooledJsonContent<T>(value, typeInfo);
        return Encoding.UTF8.GetString(content.Body.Span);
    }

    /// <summary>A provider answer as the transport hands it to the client: buffered, with its HTTP status.</summary>
    public static async Task<ProviderResponse> ResponseAsync(HttpStatusCode status, string body, bool isSend, bool rateLimited = false)
    {
        var request = ViberRequestOptions.Create(HttpMethod.Post, "v1/api/x", content: null, isSend ? "send" : "status", idempotent: !isSend);
        var http = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request };
        http.Content = await BufferedContent.ReadAsync(http, request, Provider, 1 << 20, CancellationToken.None);
        return new ProviderResponse(Provider, http, isSend, retryAfter: null, rateLimited, SecretRedactor.None);
    }

    /// <summary>
    /// An answer read as the client reads it (<see cref="ProviderTransport.CallAsync{TWire, TState, TResult}"/> with the
    /// provider's error parser, then the client's completeness check): the error shape is handed back, not thrown.
    /// </summary>
    public static T Read<T>(ProviderResponse response, JsonTypeInfo<T> typeInfo)
        where T : DecisionTelecomAnswer
        => response.TryRead(typeInfo, DecisionTelecomErrorMapper.TryParse, out var answer, out var error)
            ? DecisionTelecomViberClient.Complete(response, answer)
            : (T)error.Raw!;

    public static string Basic(string token) => new AuthenticationHeaderValue("Basic", token).ToString();

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}

/// <summary>A loopback endpoint that collects the bodies posted to it: the user's callback URL.</summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<byte[]> _bodies;

    private CallbackReceiver(WebApplication app, Channel<byte[]> bodies, Uri url)
    {
        _app = app;
        _bodies = bodies;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<CallbackReceiver> StartAsync()
    {
        var bodies = Channel.CreateUnbounded<byte[]>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/callback", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            await bodies.Writer.WriteAsync(buffer.ToArray());
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CallbackReceiver(app, bodies, new Uri(address.TrimEnd('/') + "/callback"));
    }

    /// <summary>The next body posted, waiting at most 10 s (a bound, not a timing assertion).</summary>
    public async Task<byte[]> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _bodies.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
