using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.DependencyInjection;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Client-side connect faults for one provider registration. It replaces the registration's primary handler with a
/// router over real <see cref="SocketsHttpHandler"/>s: attempts it was told to fail go through a handler whose
/// <see cref="SocketsHttpHandler.ConnectCallback"/> throws (connection refused, or a TLS failure), so the SDK's real
/// pipeline sees and classifies the transport's own exceptions; every other attempt goes over a pooled connection.
/// One instance outlives IHttpClientFactory's handler rotation, so it also counts connects and handler builds.
/// </summary>
internal sealed class ConnectFaults
{
    private int _refuseNext;
    private int _tlsNext;
    private int _connects;
    private int _refused;
    private int _tlsFailed;
    private int _handlers;

    /// <summary>Refuse every connection attempt from now on.</summary>
    public bool RefuseAll { get; set; }

    /// <summary>Real connections opened to the provider.</summary>
    public int Connects => Volatile.Read(ref _connects);

    /// <summary>Attempts failed with connection refused.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Attempts failed with a TLS failure.</summary>
    public int TlsFailed => Volatile.Read(ref _tlsFailed);

    /// <summary>Primary handlers built by the factory (more than one after a rotation).</summary>
    public int HandlersBuilt => Volatile.Read(ref _handlers);

    /// <summary>Replaces the primary handler of the registration <paramref name="providerName"/> with one that obeys this instance.</summary>
    public static ConnectFaults Install(IServiceCollection services, string providerName)
    {
        var faults = new ConnectFaults();
        services.AddHttpClient(ProviderRegistration.HttpClientName(providerName)).ConfigurePrimaryHttpMessageHandler(faults.CreateHandler);
        return faults;
    }

    /// <summary>
    /// An emulator and one account of <paramref name="provider"/> whose transport obeys the returned instance; no rate
    /// windows, a 1 ms back-off base, then <paramref name="tweak"/>.
    /// </summary>
    public static async Task<(EmulatorHarness Harness, ConnectFaults Connect)> StartAsync(
        ProviderCase provider, Action<ViberProviderOptions> tweak, Action<IServiceCollection>? services = null)
    {
        ConnectFaults connect = null!;
        var harness = await EmulatorHarness.StartAsync(
            b => provider.AddTo(b, o =>
            {
                o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
                tweak(o);
            }),
            emulator => emulator.RateLimits.Clear(),
            s =>
            {
                connect = Install(s, provider.Name);
                services?.Invoke(s);
            });
        return (harness, connect);
    }

    /// <summary>The next attempt that reaches the transport fails to connect: refused.</summary>
    public void RefuseNext() => Interlocked.Increment(ref _refuseNext);

    /// <summary>The next attempt that reaches the transport fails its TLS handshake.</summary>
    public void FailTlsNext() => Interlocked.Increment(ref _tlsNext);

    private HttpMessageHandler CreateHandler()
    {
        Interlocked.Increment(ref _handlers);
        return new Router(this);
    }

    private static bool TakeOne(ref int pending)
    {
        while (true)
        {
            var current = Volatile.Read(ref pending);
            if (current == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref pending, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>The primary handler: real sockets for healthy attempts, a throwing connect for faulted ones.</summary>
    private sealed class Router : HttpMessageHandler
    {
        private readonly ConnectFaults _owner;
        private readonly HttpMessageInvoker _healthy;
        private readonly HttpMessageInvoker _refusing;
        private readonly HttpMessageInvoker _tlsFailing;

        public Router(ConnectFaults owner)
        {
            _owner = owner;
            _healthy = new HttpMessageInvoker(Handler(async (context, token) =>
            {
                Interlocked.Increment(ref owner._connects);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }));
            _refusing = new HttpMessageInvoker(Handler((_, _) =>
            {
                Interlocked.Increment(ref owner._refused);
                throw new SocketException((int)SocketError.ConnectionRefused);
            }));
            _tlsFailing = new HttpMessageInvoker(Handler((_, _) =>
            {
                Interlocked.Increment(ref owner._tlsFailed);
                throw new AuthenticationException("The remote certificate was rejected by the validation procedure (injected).");
            }));
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var route = _owner.RefuseAll || TakeOne(ref _owner._refuseNext) ? _refusing
                : TakeOne(ref _owner._tlsNext) ? _tlsFailing
                : _healthy;
            return route.SendAsync(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _healthy.Dispose();
                _refusing.Dispose();
                _tlsFailing.Dispose();
            }

            base.Dispose(disposing);
        }

        // The production primary handler, with the connect step injected.
        private static SocketsHttpHandler Handler(Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> connect)
        {
            var handler = ProviderRegistration.CreatePrimaryHandler();
            handler.ConnectCallback = connect;
            return handler;
        }
    }
}
