using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ViberMessaging.Testing.Infrastructure;
using ViberMessaging.Testing.Providers;

namespace ViberMessaging.Testing;

/// <summary>
/// Every supported provider's Viber API (<see cref="Providers"/> names them) on 127.0.0.1, in process:
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
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly EmulatorBackground _background;
    private readonly IReadOnlyList<EmulatorModule> _modules;

    private ViberEmulator(WebApplication app, EmulatorState state, EmulatorBackground background, IReadOnlyList<EmulatorModule> modules, Uri baseAddress)
    {
        _app = app;
        _state = state;
        _background = background;
        _modules = modules;
        BaseAddress = baseAddress;
    }

    /// <summary>How many distinct numbers <see cref="GetSamplePhone"/> makes for each provider: indexes 0 to 9,999,999.</summary>
    public const int SamplePhonesPerProvider = 10_000_000;

    /// <summary>The emulator's root address, for example <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The options it runs with.</summary>
    public ViberEmulatorOptions Options => _state.Options;

    /// <summary>The names of the emulated providers.</summary>
    public IReadOnlyList<string> Providers => _modules.Select(p => p.Name).ToArray();

    /// <summary>Every request received so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _state.Requests();

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

        var background = new EmulatorBackground();
        var modules = EmulatedProviders.Create(state, background);
        var pipeline = new EmulatorPipeline(state, modules);
        app.Use(pipeline.InvokeAsync);
        foreach (var module in modules)
        {
            module.Map(app.MapGroup("/" + module.PathPrefix));
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var emulator = new ViberEmulator(app, state, background, modules, new Uri(address.TrimEnd('/') + "/"));
        await emulator.WarmUpAsync(cancellationToken).ConfigureAwait(false);
        return emulator;
    }

    /// <summary>
    /// A test number the provider accepts: a mobile number in its home region (its country and an operator code
    /// there, then the index as seven digits), the same for every emulator and every run. Tests and samples that
    /// send to made-up recipients can take them from here instead of knowing each provider's country.
    /// </summary>
    /// <param name="provider">The provider's name (see <see cref="ViberProviders"/>).</param>
    /// <param name="index">Which number, from 0 to <see cref="SamplePhonesPerProvider"/> − 1: different indexes give different numbers.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentException">The provider is not emulated.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="SamplePhonesPerProvider"/>.</exception>
    /// <example>
    /// <code>
    /// var recipients = Enumerable.Range(0, 100).Select(i => ViberEmulator.GetSamplePhone(provider, i)).ToArray();
    /// </code>
    /// </example>
    public static PhoneNumber GetSamplePhone(string provider, int index)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, SamplePhonesPerProvider);
        return PhoneNumber.Parse(EmulatedProviders.Describe(provider).SamplePhonePrefix + index.ToString("D7", CultureInfo.InvariantCulture));
    }

    /// <summary>The base address of one provider's emulated API.</summary>
    /// <param name="provider">The provider's name (see <see cref="ViberProviders"/>).</param>
    /// <returns>For example <c>http://127.0.0.1:54321/smsclub/</c>.</returns>
    /// <exception cref="ArgumentException">The provider is not emulated.</exception>
    public Uri GetBaseAddress(string provider) => new(BaseAddress, Module(provider).PathPrefix + "/");

    /// <summary>
    /// The configuration that points an SDK account of one provider at this emulator, as keys of the provider's section:
    /// <c>BaseAddress</c> and the credentials the emulator accepts (for example <c>ApiKey</c>). Layer them under
    /// <c>ViberMessaging:&lt;provider&gt;</c> for an app configured from configuration, or pass them as environment
    /// variables (<c>ViberMessaging__&lt;provider&gt;__BaseAddress</c>) to an app in another process; in the same
    /// process, <c>UseEmulator(emulator)</c> does it in one line.
    /// </summary>
    /// <param name="provider">The provider's name (see <see cref="ViberProviders"/>).</param>
    /// <returns>The keys and values, <c>BaseAddress</c> first.</returns>
    /// <exception cref="ArgumentException">The provider is not emulated.</exception>
    public IReadOnlyList<KeyValuePair<string, string>> GetConfiguration(string provider)
        => [new("BaseAddress", GetBaseAddress(provider).AbsoluteUri), .. Module(provider).CredentialSettings(Options.Credentials)];

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
        var prefix = "/" + Module(provider).PathPrefix + "/";
        return ((IEndpointRouteBuilder)_app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } pattern && pattern.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !pattern.Contains('{', StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => $"{method} {new Uri(BaseAddress, e.RoutePattern.RawText!.TrimStart('/'))}"))
            .ToArray();
    }

    /// <summary>
    /// The knobs of one emulated provider: the answers its API can give that no request provokes, for example
    /// <c>emulator.Provider&lt;DevinoEmulatorSettings&gt;()</c>. Every provider has one
    /// <see cref="EmulatorProviderSettings"/> type, named <c>&lt;Provider&gt;EmulatorSettings</c>.
    /// </summary>
    /// <typeparam name="TSettings">The provider's settings type, for example <see cref="DevinoEmulatorSettings"/>.</typeparam>
    /// <returns>This emulator's instance (the same one on every call); changes apply to the next request.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="TSettings"/> is not the settings type of an emulated provider.</exception>
    public TSettings Provider<TSettings>()
        where TSettings : EmulatorProviderSettings
        => _modules.Select(m => m.Settings).OfType<TSettings>().FirstOrDefault(s => s.GetType() == typeof(TSettings))
            ?? throw new InvalidOperationException(
                $"{typeof(TSettings).Name} is not the settings type of an emulated provider (they are: {string.Join(", ", _modules.Select(m => m.Settings.GetType().Name))}).");

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
        _ = Module(provider);
        _state.InjectFault(provider, fault, count, pathContains);
    }

    /// <summary>Changes (or, with <see langword="null"/>, removes) a provider's strict rate window, effective at once.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="limit">The new window.</param>
    public void SetRateLimit(string provider, EmulatorRateLimit? limit) => _state.SetRateLimit(Module(provider).Name, limit);

    /// <summary>Forgets every request, message, chat and window count (scripts, faults and limits stay).</summary>
    public void Reset() => _state.Clear();

    /// <summary>Points every provider registered on <paramref name="services"/> at this emulator, with its credentials.</summary>
    /// <param name="services">The service collection holding ViberMessaging registrations.</param>
    public void Configure(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var module in _modules)
        {
            module.PointAt(services, GetBaseAddress(module.Name), Options.Credentials);
        }
    }

    /// <summary>Stops the emulator.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _background.StopAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
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
            foreach (var module in _modules)
            {
                using var response = await http.GetAsync(new Uri(module.PathPrefix + "/", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HttpRequestException)
        {
            // Only an optimisation: the emulator works cold too.
        }

        _state.Clear();
    }

    private EmulatorModule Module(string name)
        => _modules.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{name}' is not an emulated provider (emulated: {string.Join(", ", _modules.Select(p => p.Name))}).", nameof(name));
}
