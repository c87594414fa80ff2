using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using ViberMessaging.Http;
using ViberMessaging.Internal;
using ViberMessaging.Pacing;
using ViberMessaging.Providers;
using ViberMessaging.Telemetry;
using ViberMessaging.Tracking;

namespace ViberMessaging.DependencyInjection;

/// <summary>
/// The one place providers are wired into DI, so the four of them register identically: named options bound
/// from configuration (unknown keys rejected) and validated at start-up, a pacing gate and Polly pipelines per
/// account as singletons, a named HttpClient (resilience → pacing → attempt → SocketsHttpHandler) without the
/// factory's default request logging, and keyed <see cref="IViberSender"/> / <see cref="IStatusQuery"/> /
/// <see cref="IViberChats"/> / <see cref="IBalanceQuery"/> services (the last two where the client implements them),
/// each the client wrapped in its observing decorator (<see cref="ObservedServices"/>): users never get the bare client.
/// </summary>
internal static class ProviderRegistration
{
    public static string HttpClientName(string name) => "ViberMessaging." + name;

    public static IViberMessagingBuilder Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicProperties)] TOptions, TClient>(
        IViberMessagingBuilder builder,
        string name,
        IConfiguration? section,
        Action<TOptions>? configure,
        ProviderDefinition<TOptions, TClient> definition)
        where TOptions : ViberProviderOptions
        where TClient : class, IViberSender, IStatusQuery
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A provider name cannot contain ':' (it is the separator in MessageId).", nameof(name));
        }

        if (builder is not ViberMessagingBuilder inner)
        {
            throw new ArgumentException("Use the builder returned by services.AddViberMessaging().", nameof(builder));
        }

        var services = builder.Services;
        var supportsChats = typeof(IViberChats).IsAssignableFrom(typeof(TClient));
        section ??= inner.Section?.GetSection(name) is { } child && child.Exists() ? child : null;
        var entry = new ProviderEntry(
            name,
            supportsChats,
            section,
            section is IConfigurationSection { Path.Length: > 0 } s ? s.Path : ViberMessagingOptions.DefaultSectionName + ":" + name,
            ConfigurationSchema.For<TOptions>(),
            sp => Problems<TOptions>(sp, name));
        inner.Registry.Add(entry);

        AddOptions(services, name, section, configure, definition, entry);
        AddHttpPipeline(services, name, definition);
        AddClient(services, name, definition, supportsChats);
        return builder;
    }

    /// <summary>The account's named options: bound from its section (unknown keys reported, not bound), configured, validated at start-up.</summary>
    private static void AddOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicProperties)] TOptions, TClient>(
        IServiceCollection services,
        string name,
        IConfiguration? section,
        Action<TOptions>? configure,
        ProviderDefinition<TOptions, TClient> definition,
        ProviderEntry entry)
        where TOptions : ViberProviderOptions
        where TClient : class, IViberSender, IStatusQuery
    {
        var options = services.AddOptions<TOptions>(name);
        if (section is not null)
        {
            // Unknown keys and unconvertible values are hidden from the binder and reported with every other problem.
            options.Configure(o =>
            {
                var rejected = entry.CheckConfiguration().Rejected;
                definition.Bind(o, rejected.Count == 0 ? section : new FilteredConfiguration(section, rejected));
            });
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        // Validated at start-up by the one StartupValidator of AddViberMessaging, so every problem comes in one exception.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, ProviderOptionsRules<TOptions>>());
        services.TryAdd(ServiceDescriptor.Transient<IOptionsFactory<TOptions>>(static sp => new ProviderOptionsFactory<TOptions>(
            sp.GetServices<IConfigureOptions<TOptions>>(),
            sp.GetServices<IPostConfigureOptions<TOptions>>(),
            sp.GetServices<IValidateOptions<TOptions>>(),
            sp.GetRequiredService<ProviderRegistry>())));

        // The account's options without its type, for code that handles every account alike (samples, diagnostics).
        services.AddKeyedTransient<ViberProviderOptions>(name, static (sp, key) => sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get((string)key!));
    }

    /// <summary>The account's infrastructure (pipelines, gate, redactor) and its typed HttpClient: resilience → pacing → attempt → primary.</summary>
    private static void AddHttpPipeline<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicProperties)] TOptions, TClient>(IServiceCollection services, string name, ProviderDefinition<TOptions, TClient> definition)
        where TOptions : ViberProviderOptions
        where TClient : class, IViberSender, IStatusQuery
    {
        services.AddKeyedSingleton(name, (sp, _) =>
        {
            var o = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;
            var logger = LoggerFor(sp, name);
            return new ProviderInfrastructure(
                new ProviderPipelines(name, o.Resilience, o.Pacing, time, logger),
                o.Pacing.Enabled ? CreateGate(sp, name, o, definition.Secrets(o), time) : null,
                new SecretRedactor(definition.Secrets(o)));
        });

        services.AddHttpClient(HttpClientName(name))
            .ConfigureHttpClient((sp, client) =>
            {
                var o = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
                client.BaseAddress = WithTrailingSlash(o.BaseAddress!);
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.Add(UserAgent);
                definition.ConfigureClient?.Invoke(client, o);
            })
            .ConfigurePrimaryHttpMessageHandler(static () => CreatePrimaryHandler())
            .AddHttpMessageHandler(sp => new ResilienceHandler(Infrastructure(sp, name).Pipelines))
            .AddHttpMessageHandler(sp => new PacingHandler(
                name,
                Infrastructure(sp, name).Gate,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                definition.IsRateLimitedBody,
                LoggerFor(sp, name)))
            .AddHttpMessageHandler(sp => new AttemptHandler(
                Infrastructure(sp, name).Pipelines,
                sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name).MaxResponseBytes))
            .RemoveAllLoggers();
    }

    /// <summary>The client over its transport, and the keyed neutral services, each through the observing decorator.</summary>
    private static void AddClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicProperties)] TOptions, TClient>(IServiceCollection services, string name, ProviderDefinition<TOptions, TClient> definition, bool supportsChats)
        where TOptions : ViberProviderOptions
        where TClient : class, IViberSender, IStatusQuery
    {
        services.AddKeyedSingleton(name, (sp, _) =>
        {
            var o = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            var infrastructure = Infrastructure(sp, name);
            var transport = new ProviderTransport(
                name,
                HttpClientName(name),
                sp.GetRequiredService<IHttpClientFactory>(),
                infrastructure.Redactor,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(HttpClientName(name)).HandlerLifetime,
                definition.ErrorParser);
            return definition.Create(new ProviderContext<TOptions>(name, o, transport, LoggerFor(sp, name), sp.GetService<TimeProvider>() ?? TimeProvider.System)
            {
                Callbacks = sp.GetService<IViberCallbackAddress>(),
            });
        });
        services.AddKeyedSingleton(name, (sp, key) =>
        {
            var client = sp.GetRequiredKeyedService<TClient>(key);
            var observer = new OperationObserver(name, LoggerFor(sp, name));
            return new ObservedServices(client, observer, definition.ObserveExtra is { } extra ? observed => extra(client, observer, observed) : null);
        });
        services.AddKeyedSingleton<IViberSender>(name, static (sp, key) => Observed(sp, key).Get<IViberSender>());
        services.AddKeyedSingleton<IStatusQuery>(name, static (sp, key) => Observed(sp, key).Get<IStatusQuery>());
        if (supportsChats)
        {
            services.AddKeyedSingleton<IViberChats>(name, static (sp, key) => Observed(sp, key).Get<IViberChats>());
        }

        if (ProviderManifest.All.FirstOrDefault(p => p.OptionsType == typeof(TOptions))?.Callbacks is { } callbacks)
        {
            services.AddKeyedSingleton<IViberCallbackReader>(name, (sp, key) =>
            {
                var monitor = sp.GetRequiredService<IOptionsMonitor<TOptions>>();
                var account = (string)key!;
                return new ProviderCallbackReader(callbacks, account, () => monitor.Get(account));
            });
        }

        if (typeof(IBalanceQuery).IsAssignableFrom(typeof(TClient)))
        {
            services.AddKeyedSingleton<IBalanceQuery>(name, static (sp, key) => Observed(sp, key).Get<IBalanceQuery>());
        }
    }

    /// <summary>Every problem of an account's options, by configuration path; empty when they are valid.</summary>
    private static IReadOnlyList<string> Problems<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceProvider services, string name)
        where TOptions : ViberProviderOptions
    {
        try
        {
            services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            return [];
        }
        catch (OptionsValidationException e)
        {
            return e.Failures.ToArray();
        }
    }

    /// <summary>The transport under every account's handler chain (tests wrap it to inject connect failures).</summary>
    internal static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        // Idle connections outlive the pacing interval, so steady traffic reuses warm connections.
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        MaxConnectionsPerServer = 16,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        AutomaticDecompression = DecompressionMethods.All,
        AllowAutoRedirect = false,
        UseCookies = false,
    };

    /// <summary>The account's services as users get them: observed by the decorators.</summary>
    internal static ObservedServices Observed(IServiceProvider services, object? name)
        => services.GetRequiredKeyedService<ObservedServices>(name);

    /// <summary>
    /// The account's pacing gate: from the <see cref="IPacingGateFactory"/> registered for it (keyed by its name, else
    /// for all accounts) or the in-process <see cref="ProviderRateGate"/>.
    /// </summary>
    private static RateLimiter CreateGate(IServiceProvider services, string name, ViberProviderOptions options, IEnumerable<string?> secrets, TimeProvider time)
    {
        var pacing = options.Pacing;
        var maxPause = options.Resilience.MaxRetryAfter;
        if ((services.GetKeyedService<IPacingGateFactory>(name) ?? services.GetService<IPacingGateFactory>()) is not { } factory)
        {
            return new ProviderRateGate(pacing, time, maxPause);
        }

        var context = new PacingGateContext(name, AccountKey(name, options.BaseAddress, secrets), pacing, maxPause, time, limit => new ProviderRateGate(
            new PacingOptions
            {
                PermitLimit = limit,
                Window = pacing.Window,
                Burst = pacing.Burst is { } burst ? Math.Min(burst, limit) : null,
                SafetyMargin = pacing.SafetyMargin,
                RateLimitedPause = pacing.RateLimitedPause,
                AdaptToRateLimits = pacing.AdaptToRateLimits,
                RecoveryPeriod = pacing.RecoveryPeriod,
            },
            time,
            maxPause));
        return factory.Create(context) ?? throw new InvalidOperationException($"{factory.GetType().Name}.Create returned no gate for '{name}'.");
    }

    /// <summary>The same digest in every process that uses the account; none of its parts can be read back from it.</summary>
    private static string AccountKey(string name, Uri? baseAddress, IEnumerable<string?> secrets)
    {
        var text = new StringBuilder(name).Append('\n').Append(baseAddress?.AbsoluteUri).Append('\n');
        foreach (var secret in secrets)
        {
            text.Append(secret).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }

    internal static ProviderInfrastructure Infrastructure(IServiceProvider services, string name)
        => services.GetRequiredKeyedService<ProviderInfrastructure>(name);

    private static readonly ProductInfoHeaderValue UserAgent = new("ViberMessaging", SdkVersion.Value);

    private static ILogger LoggerFor(IServiceProvider services, string name)
        => services.GetService<ILoggerFactory>()?.CreateLogger("ViberMessaging." + name) ?? NullLogger.Instance;

    private static Uri WithTrailingSlash(Uri address)
        => address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}

/// <summary>The singletons of one provider account that outlive IHttpClientFactory's handler rotation.</summary>
internal sealed record ProviderInfrastructure(ProviderPipelines Pipelines, RateLimiter? Gate, SecretRedactor Redactor) : IDisposable
{
    public void Dispose() => Gate?.Dispose();
}
