using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ViberMessaging.AspNetCore.Tests;

/// <summary>An application with the accounts a test registers and <c>MapViberCallbacks("/viber")</c>, on TestServer or on Kestrel on loopback.</summary>
internal sealed class CallbackApp : IAsyncDisposable
{
    public const string Secret = "test-secret-0123456789abcdef";

    private CallbackApp(WebApplication app, FakeLogCollector logs)
    {
        App = app;
        Logs = logs;
    }

    public WebApplication App { get; }

    public FakeLogCollector Logs { get; }

    public IServiceProvider Services => App.Services;

    public IDeliveryTracker Tracker => Services.GetRequiredService<IDeliveryTracker>();

    public ViberCallbackPaths Paths => Services.GetRequiredService<ViberCallbackPaths>();

    public static async Task<CallbackApp> StartAsync(Action<IViberMessagingBuilder> register, bool kestrel = false, Action<IServiceCollection>? services = null, Uri? publicBaseAddress = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (kestrel)
        {
            // On the public address's port when the test gives one (the SDK puts that address in callback_url).
            builder.WebHost.UseUrls(publicBaseAddress is null ? "http://127.0.0.1:0" : $"http://127.0.0.1:{publicBaseAddress.Port}");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
        var viber = builder.Services.AddViberMessaging();
        register(viber);

        viber.AddViberCallbacks(o =>
        {
            o.Secret = Secret;
            o.MaxBodyBytes = 4096;
            o.PublicBaseAddress = publicBaseAddress;
        });
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapViberCallbacks("/viber");
        await app.StartAsync();
        return new CallbackApp(app, app.Services.GetFakeLogCollector());
    }

    /// <summary>A loopback port free right now, for an application whose public address must be known before it starts.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
