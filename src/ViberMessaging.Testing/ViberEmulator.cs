using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing;

/// <summary>
/// The four providers' Viber APIs (SMS Club, Devino Telecom, DecisionTelecom, SMS.by) on 127.0.0.1, in process:
/// faithful to their documents, stateful (messages progress through statuses over time), rate-limited with a
/// strict sliding window, with fault injection and full inspection of what it received.
/// </summary>
/// <remarks>
/// <para>Point an SDK registration at it with one line: <c>services.AddViberMessaging().AddSmsClub().UseEmulator(emulator)</c>.</para>
/// <para>Each provider lives under its own base address (<see cref="GetBaseAddress"/>), for example <c>http://127.0.0.1:PORT/smsclub/</c>.</para>
/// <para>Thread-safe. Dispose it to stop listening.</para>
/// </remarks>
/// <example>
/// <code>
/// await using var emulator = await ViberEmulator.StartAsync();
/// var services = new ServiceCollection()
///     .AddViberMessaging().AddSmsClub().UseEmulator(emulator).Services
///     .BuildServiceProvider();
/// </code>
/// </example>
public sealed class ViberEmulator : IAsyncDisposable
{
    internal const string BodyKey = "ViberEmulator.Body";

    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly IReadOnlyList<EmulatedProvider> _providers;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _background = [];

    private ViberEmulator(WebApplication app, EmulatorState state, IReadOnlyList<EmulatedProvider> providers, Uri baseAddress)
    {
        _app = app;
        _state = state;
        _providers = providers;
        BaseAddress = baseAddress;
    }

    /// <summary>The emulator's root address, for example <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The options it runs with.</summary>
    public ViberEmulatorOptions Options => _state.Options;

    /// <summary>The names of the emulated providers.</summary>
    public IReadOnlyList<string> Providers => _providers.Select(p => p.Name).ToArray();

    /// <summary>Every request received so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _state.Requests();

    internal EmulatorState State => _state;

    internal CancellationToken Stopping => _stopping.Token;

    /// <summary>Starts an emulator on 127.0.0.1.</summary>
    /// <param name="options">How it runs; <see langword="null"/> for the defaults (a free port, the system clock).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<ViberEmulator> StartAsync(ViberEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ViberEmulatorOptions();
        var state = new EmulatorState(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ViberEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        var app = builder.Build();

        var providers = typeof(EmulatedProvider).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(EmulatedProvider)) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (EmulatedProvider)Activator.CreateInstance(t)!)
            .ToArray();

        app.Use((context, next) => HandleAsync(context, next, state, providers));
        foreach (var provider in providers)
        {
            provider.State = state;
            provider.Map(app.MapGroup("/" + provider.PathPrefix));
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var emulator = new ViberEmulator(app, state, providers, new Uri(address.TrimEnd('/') + "/"));
        foreach (var provider in providers)
        {
            provider.Emulator = emulator;
        }

        await emulator.WarmUpAsync(cancellationToken).ConfigureAwait(false);
        return emulator;
    }

    /// <summary>The base address of one provider's emulated API.</summary>
    /// <param name="provider">The provider's name (see <see cref="ViberProviders"/>).</param>
    /// <returns>For example <c>http://127.0.0.1:54321/smsclub/</c>.</returns>
    /// <exception cref="ArgumentException">The provider is not emulated.</exception>
    public Uri GetBaseAddress(string provider) => new(BaseAddress, Provider(provider).PathPrefix + "/");

    /// <summary>
    /// The endpoints one provider's emulated API serves, as <c>METHOD absolute-URL</c> lines (for example
    /// <c>POST http://127.0.0.1:5080/smsclub/vibers/send</c>), in the order the provider maps them: what a client in
    /// another stack points at.
    /// </summary>
    /// <param name="provider">The provider's name (see <see cref="ViberProviders"/>).</param>
    /// <returns>The endpoints.</returns>
    /// <exception cref="ArgumentException">The provider is not emulated.</exception>
    public IReadOnlyList<string> GetEndpoints(string provider)
    {
        var prefix = "/" + Provider(provider).PathPrefix + "/";
        return ((IEndpointRouteBuilder)_app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } pattern && pattern.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !pattern.Contains('{', StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => $"{method} {new Uri(BaseAddress, e.RoutePattern.RawText!.TrimStart('/'))}"))
            .ToArray();
    }

    /// <summary>The requests one provider received, oldest first.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <returns>The requests.</returns>
    public IReadOnlyList<RecordedRequest> RequestsTo(string provider)
        => _state.Requests().Where(r => string.Equals(r.Provider, provider, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>The messages one provider accepted (one per recipient), oldest first.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <returns>The messages.</returns>
    public IReadOnlyList<EmulatedMessage> AcceptedMessages(string provider) => _state.Messages(provider);

    /// <summary>
    /// How many accepted messages repeat an earlier one to the same recipient with the same content: the number of
    /// double sends. A correct client sees 0 whatever faults were injected.
    /// </summary>
    /// <param name="provider">The provider's name.</param>
    /// <returns>The number of duplicates.</returns>
    public int DuplicateCount(string provider)
        => _state.Messages(provider)
            .GroupBy(m => (m.Recipient, m.Text, m.ImageUrl, m.ChatId))
            .Sum(g => g.Count() - 1);

    /// <summary>How many requests the strict rate window of a provider refused with 429 (injected 429s not counted).</summary>
    /// <param name="provider">The provider's name.</param>
    /// <returns>The count.</returns>
    public int RateLimitedCount(string provider) => _state.RateLimitedCount(provider);

    /// <summary>The most requests a provider's rate window admitted within one window so far.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <returns>The peak, or 0 when the provider is not rate-limited.</returns>
    public int PeakRequestsInWindow(string provider) => _state.WindowOf(provider)?.PeakInWindow ?? 0;

    /// <summary>Where an accepted message stands now.</summary>
    /// <param name="message">A message from <see cref="AcceptedMessages"/>.</param>
    /// <returns>Its status.</returns>
    public EmulatedStatus GetStatus(EmulatedMessage message) => _state.StatusOf(message, _state.Now);

    /// <summary>The two-way chats a provider keeps, newest first.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <returns>The chats.</returns>
    public IReadOnlyList<EmulatedChat> Chats(string provider) => _state.Chats(provider);

    /// <summary>Scripts how the network treats a recipient, for every provider.</summary>
    /// <param name="phone">The recipient, in any form <see cref="PhoneNumber.Parse"/> accepts.</param>
    /// <param name="behavior">What happens to messages to it.</param>
    public void ScriptRecipient(string phone, RecipientBehavior behavior) => _state.Script(PhoneNumber.Parse(phone).Digits, behavior);

    /// <summary>Injects a fault into the next <paramref name="count"/> requests to a provider.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="count">How many requests it strikes.</param>
    /// <param name="pathContains">Only requests whose path contains this text (for example <c>send</c>), or <see langword="null"/> for any.</param>
    public void InjectFault(string provider, EmulatorFault fault, int count = 1, string? pathContains = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _ = Provider(provider);
        _state.InjectFault(provider, fault, count, pathContains);
    }

    /// <summary>Changes (or, with <see langword="null"/>, removes) a provider's strict rate window, effective at once.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="limit">The new window.</param>
    public void SetRateLimit(string provider, EmulatorRateLimit? limit) => _state.SetRateLimit(Provider(provider).Name, limit);

    /// <summary>Forgets every request, message, chat and window count (scripts, faults and limits stay).</summary>
    public void Reset() => _state.Clear();

    /// <summary>Points every provider registered on <paramref name="services"/> at this emulator, with its credentials.</summary>
    /// <param name="services">The service collection holding ViberMessaging registrations.</param>
    public void Configure(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var provider in _providers)
        {
            provider.PointAt(services, GetBaseAddress(provider.Name), Options.Credentials);
        }
    }

    /// <summary>Stops the emulator.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] background;
        lock (_background)
        {
            background = _background.ToArray();
        }

        try
        {
            await Task.WhenAll(background).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>
    /// The strict rate windows judge arrival times, and a cold server compiles its request path on the first requests:
    /// on a busy machine their arrival stamps lagged their departure by 100 ms and more, so a client pacing exactly to
    /// the limit got a 429 that a warm provider would never send. One request per provider compiles that path before
    /// the emulator is handed out; then it is forgotten.
    /// </summary>
    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var http = new HttpClient { BaseAddress = BaseAddress };
            foreach (var provider in _providers)
            {
                using var response = await http.GetAsync(new Uri(provider.PathPrefix + "/", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HttpRequestException)
        {
            // Only an optimisation: the emulator works cold too.
        }

        _state.Clear();
    }

    /// <summary>Runs work (a scheduled callback, a scripted reply) until the emulator stops.</summary>
    internal void RunInBackground(Func<CancellationToken, Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            catch (HttpRequestException)
            {
            }
        });
        lock (_background)
        {
            _background.RemoveAll(t => t.IsCompleted);
            _background.Add(task);
        }
    }

    private EmulatedProvider Provider(string name)
        => _providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{name}' is not an emulated provider (emulated: {string.Join(", ", _providers.Select(p => p.Name))}).", nameof(name));

    private static async Task HandleAsync(HttpContext context, RequestDelegate next, EmulatorState state, EmulatedProvider[] providers)
    {
        var path = context.Request.Path.Value ?? "/";
        var segment = path.TrimStart('/').Split('/', 2)[0];
        var provider = providers.FirstOrDefault(p => string.Equals(p.PathPrefix, segment, StringComparison.OrdinalIgnoreCase));
        if (provider is null)
        {
            await EmulatorJson.WriteRawAsync(context, 404, "{\"error\":\"no emulated provider at this path\"}").ConfigureAwait(false);
            return;
        }

        var subPath = path[(segment.Length + 1)..];
        if (subPath.Length == 0)
        {
            subPath = "/";
        }

        var fault = state.TakeFault(provider.Name, subPath);
        var body = fault is { Kind: EmulatorFaultKind.Reset, AcceptsRequest: false } ? [] : await ReadBodyAsync(context).ConfigureAwait(false);
        var record = new RecordedRequest
        {
            Provider = provider.Name,
            Method = context.Request.Method,
            Path = subPath,
            Query = context.Request.QueryString.Value ?? string.Empty,
            Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = Encoding.UTF8.GetString(body),
            RawBody = body,
            ReceivedAt = state.Now,
            Fault = fault,
        };
        state.Record(record);
        context.Items[BodyKey] = body;

        if (fault is { Kind: EmulatorFaultKind.Reset, AcceptsRequest: false })
        {
            context.Abort();
            return;
        }

        if (state.WindowOf(provider.Name) is { } window && !window.TryAdmit())
        {
            context.Response.StatusCode = 429;
            await provider.WriteRateLimitedAsync(context).ConfigureAwait(false);
            record.ResponseStatus = 429;
            return;
        }

        if (fault is { AcceptsRequest: false })
        {
            switch (fault.Kind)
            {
                case EmulatorFaultKind.ServerError:
                    context.Response.StatusCode = 500;
                    await provider.WriteServerErrorAsync(context).ConfigureAwait(false);
                    record.ResponseStatus = 500;
                    return;
                case EmulatorFaultKind.RateLimited:
                    context.Response.StatusCode = 429;
                    if (fault.RetryAfter is { } retryAfter)
                    {
                        context.Response.Headers.RetryAfter = fault.RetryAfterAsDate
                            ? (state.Now + retryAfter).ToString("R", CultureInfo.InvariantCulture)
                            : ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    }

                    await provider.WriteRateLimitedAsync(context).ConfigureAwait(false);
                    record.ResponseStatus = 429;
                    return;
                case EmulatorFaultKind.Delay:
                    await Task.Delay(fault.Delay ?? TimeSpan.Zero, state.Time, context.RequestAborted).ConfigureAwait(false);
                    break;
            }
        }

        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        var answer = captured.ToArray();
        record.ResponseStatus = context.Response.StatusCode;
        record.ResponseBody = Encoding.UTF8.GetString(answer);
        if (fault is not { AcceptsRequest: true })
        {
            context.Response.ContentLength = answer.Length;
            await original.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        switch (fault.Kind)
        {
            case EmulatorFaultKind.ServerError:
                context.Response.StatusCode = 500;
                context.Response.ContentLength = null;
                await provider.WriteServerErrorAsync(context).ConfigureAwait(false);
                record.ResponseStatus = 500;
                break;
            case EmulatorFaultKind.Malformed:
                var garbage = "<html><body>502 Bad Gateway</body></html>{\"successfulRequest\":"u8.ToArray();
                context.Response.StatusCode = 200;
                context.Response.ContentLength = garbage.Length;
                await original.WriteAsync(garbage, context.RequestAborted).ConfigureAwait(false);
                record.ResponseStatus = 200;
                break;
            case EmulatorFaultKind.Truncated:
                context.Response.StatusCode = 200;
                context.Response.ContentLength = answer.Length;
                await original.WriteAsync(answer.AsMemory(0, answer.Length / 2), context.RequestAborted).ConfigureAwait(false);
                await original.FlushAsync(context.RequestAborted).ConfigureAwait(false);

                // A reset discards what the client has not read yet: give it a moment to read the headers and the half
                // body first, so it sees a truncated answer, not a reset before the answer.
                await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
                context.Abort();
                record.ResponseStatus = 0;
                break;
            case EmulatorFaultKind.Empty:
                context.Response.StatusCode = 200;
                context.Response.ContentLength = 0;
                record.ResponseStatus = 200;
                break;
            case EmulatorFaultKind.Reset:
                context.Abort();
                record.ResponseStatus = 0;
                break;
            case EmulatorFaultKind.Hang:
                record.ResponseStatus = 0;
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }

                break;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
