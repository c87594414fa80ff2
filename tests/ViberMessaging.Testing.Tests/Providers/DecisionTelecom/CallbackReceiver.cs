using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ViberMessaging.Testing.Tests.Providers.DecisionTelecom;

/// <summary>A loopback endpoint that collects the bodies posted to it (the user's callback URL).</summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<string> _bodies;

    private CallbackReceiver(WebApplication app, Channel<string> bodies, Uri url)
    {
        _app = app;
        _bodies = bodies;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<CallbackReceiver> StartAsync()
    {
        var bodies = Channel.CreateUnbounded<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/callback", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            await bodies.Writer.WriteAsync(await reader.ReadToEndAsync());
            context.Response.StatusCode = 200;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CallbackReceiver(app, bodies, new Uri(address.TrimEnd('/') + "/callback"));
    }

    /// <summary>The next body, waiting at most 10 s (a bound, not a timing assertion).</summary>
    public async Task<string> NextAsync()
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
