using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.DependencyInjection;
using ViberMessaging.Pacing;

namespace ViberMessaging.PacingHarness;

/// <summary>Builds the SDK as a user registers it, pointed at the emulator process.</summary>
internal static class Sdk
{
    public static ServiceProvider Create(EmulatorProcess emulator, string provider, Action<ViberProviderOptions>? configure = null, Func<HttpMessageHandler>? primary = null, Action<IViberMessagingBuilder>? extend = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddViberMessaging();
        var credentials = EmulatorProcess.Credentials;
        var address = emulator.BaseOf(provider);
        switch (provider)
        {
            case ViberProviders.SmsClub:
                builder.AddSmsClub(o =>
                {
                    o.BaseAddress = address;
                    o.Token = credentials.SmsClubToken;
                    configure?.Invoke(o);
                });
                break;
            case ViberProviders.Devino:
                builder.AddDevino(o =>
                {
                    o.BaseAddress = address;
                    o.Login = credentials.DevinoLogin;
                    o.Password = credentials.DevinoPassword;
                    configure?.Invoke(o);
                });
                break;
            case ViberProviders.DecisionTelecom:
                builder.AddDecisionTelecom(o =>
                {
                    o.BaseAddress = address;
                    o.ApiKey = credentials.DecisionTelecomApiKey;
                    configure?.Invoke(o);
                });
                break;
            case ViberProviders.SmsBy:
                builder.AddSmsBy(o =>
                {
                    o.BaseAddress = address;
                    o.Token = credentials.SmsByToken;
                    o.ViberSenders["MyShop"] = 101;
                    configure?.Invoke(o);
                });
                break;
            default:
                throw new ArgumentException($"Unknown provider {provider}.", nameof(provider));
        }

        if (primary is not null)
        {
            services.AddHttpClient(ProviderRegistration.HttpClientName(provider)).ConfigurePrimaryHttpMessageHandler(primary);
        }

        extend?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    public static IViberSender Sender(this ServiceProvider services, string provider) => services.GetRequiredKeyedService<IViberSender>(provider);

    public static IStatusQuery StatusQuery(this ServiceProvider services, string provider) => services.GetRequiredKeyedService<IStatusQuery>(provider);

    public static ProviderRateGate Gate(this ServiceProvider services, string provider)
        => ProviderRegistration.Infrastructure(services, provider).Gate as ProviderRateGate ?? throw new InvalidOperationException("Pacing is off.");
}

/// <summary>
/// What a user writes instead of the SDK: an HttpClient, a hand-written System.Text.Json body and SMS Club's
/// <c>POST vibers/send</c>, the ids read back with <see cref="JsonDocument"/>.
/// </summary>
internal sealed class RawSmsClubClient : IDisposable
{
    private readonly HttpClient _http;

    public RawSmsClubClient(Uri baseAddress, HttpMessageHandler? handler = null)
    {
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = baseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorProcess.Credentials.SmsClubToken);
    }

    /// <summary>Sends one request; returns the ids, or throws <see cref="HttpRequestException"/> with the status on anything but 200.</summary>
    public async Task<List<string>> SendAsync(string sender, ReadOnlyMemory<string> phones, string text, CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>(64 + (phones.Length * 16) + text.Length);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("sender", sender);
            writer.WriteStartArray("phones");
            foreach (var phone in phones.Span)
            {
                writer.WriteStringValue(phone);
            }

            writer.WriteEndArray();
            writer.WriteString("message", text);
            writer.WriteEndObject();
        }

        using var content = new ReadOnlyMemoryContent(body.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync("vibers/send", content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var answer = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var messages = answer.RootElement.GetProperty("successfulRequest").GetProperty("requestData").GetProperty("messages");
        var ids = new List<string>(messages.GetArrayLength());
        foreach (var message in messages.EnumerateArray())
        {
            ids.Add(message.GetProperty("id").GetString()!);
        }

        return ids;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A pacer a user writes by hand around an HttpClient.</summary>
internal interface INaivePacer : IDisposable
{
    string Name { get; }

    ValueTask<IDisposable?> WaitAsync(CancellationToken cancellationToken);
}

/// <summary>The obvious in-box setting: <see cref="TokenBucketRateLimiter"/> with 9 tokens, 9 more every second.</summary>
internal sealed class TokenBucketPacer(int limit) : INaivePacer
{
    private readonly TokenBucketRateLimiter _limiter = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = limit,
        TokensPerPeriod = limit,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        AutoReplenishment = true,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public string Name => $"TokenBucketRateLimiter({limit} tokens, {limit}/s)";

    public async ValueTask<IDisposable?> WaitAsync(CancellationToken cancellationToken) => await _limiter.AcquireAsync(1, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}

/// <summary>The other classic: one request at a time through a semaphore, each followed by <c>Task.Delay(1000 / limit)</c>.</summary>
internal sealed class SemaphoreDelayPacer(int limit) : INaivePacer
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Name => $"SemaphoreSlim + Task.Delay(1000/{limit})";

    public async ValueTask<IDisposable?> WaitAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await Task.Delay(1000 / limit, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        return null;
    }

    public void Dispose() => _gate.Dispose();
}

/// <summary>Transport conditions the harness imposes.</summary>
internal static class Transport
{
    /// <summary>
    /// A primary handler whose new connections take 50–300 ms to open, and whose connections live 2 s, so new ones
    /// keep being opened all run long (the SDK's own handler keeps them 10 minutes).
    /// </summary>
    public static SocketsHttpHandler SlowConnects() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromSeconds(2),
        MaxConnectionsPerServer = 16,
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50 + Random.Shared.Next(251)), cancellationToken);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
