using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ViberMessaging;
using ViberMessaging.Pacing;
using ViberMessaging.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Paces provider accounts across processes through Redis.</summary>
public static class RedisPacingViberMessagingBuilderExtensions
{
    /// <summary>
    /// Paces every account of this builder through Redis, so all instances of the app that use one account share its
    /// rate limit: <c>services.AddViberMessaging().AddSmsClub(…).UseRedisPacing(o => o.Configuration = "redis:6379")</c>.
    /// Without <see cref="RedisPacingOptions.Configuration"/>, the <see cref="IConnectionMultiplexer"/> registered in DI
    /// is used.
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IViberMessagingBuilder UseRedisPacing(this IViberMessagingBuilder builder, Action<RedisPacingOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = Register(builder);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }

    /// <inheritdoc cref="UseRedisPacing(IViberMessagingBuilder, Action{RedisPacingOptions})"/>
    public static IViberMessagingBuilder UseRedisPacing(this IViberMessagingBuilder builder)
        => UseRedisPacing(builder, configure: null);

    /// <summary>
    /// Paces every account of this builder through Redis, with options bound from <paramref name="section"/> (unknown
    /// keys rejected): <c>UseRedisPacing(configuration.GetSection("ViberMessaging:Redis"))</c>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="section">The configuration section of <see cref="RedisPacingOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is <see langword="null"/>.</exception>
    public static IViberMessagingBuilder UseRedisPacing(this IViberMessagingBuilder builder, IConfiguration section)
        => UseRedisPacing(builder, section, configure: null);

    /// <summary>
    /// Paces every account of this builder through Redis, with options bound from <paramref name="section"/> (unknown
    /// keys rejected), then set by <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="section">The configuration section of <see cref="RedisPacingOptions"/>.</param>
    /// <param name="configure">Sets options after binding.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is <see langword="null"/>.</exception>
    public static IViberMessagingBuilder UseRedisPacing(this IViberMessagingBuilder builder, IConfiguration section, Action<RedisPacingOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        var options = Register(builder);
        options.Configure(o => section.Bind(o, b => b.ErrorOnUnknownConfiguration = true));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }

    /// <summary>
    /// Paces only the account registered as <paramref name="name"/> through Redis (the others keep their in-process
    /// gates, or the builder-wide Redis pacing): <c>.AddSmsClub("Campaigns", …).UseRedisPacing("Campaigns", o => …)</c>.
    /// Each account paced this way has its own options (named <paramref name="name"/>) and, with
    /// <see cref="RedisPacingOptions.Configuration"/>, its own connection.
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="name">The account's registration name (<c>SmsClub</c> unless registered under another).</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static IViberMessagingBuilder UseRedisPacing(this IViberMessagingBuilder builder, string name, Action<RedisPacingOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var options = Register(builder, name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }

    private static OptionsBuilder<RedisPacingOptions> Register(IViberMessagingBuilder builder, string? account = null)
    {
        var services = builder.Services;
        var name = account ?? Options.Options.DefaultName;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisPacingOptions>, RedisPacingOptionsValidator>());
        if (account is null)
        {
            services.TryAddSingleton(static sp => Connection(sp, Options.Options.DefaultName));
            services.TryAddSingleton<IPacingGateFactory>(static sp => Factory(sp, Options.Options.DefaultName, sp.GetRequiredService<RedisPacingConnection>()));
        }
        else
        {
            services.TryAddKeyedSingleton(account, static (sp, key) => Connection(sp, (string)key!));
            services.TryAddKeyedSingleton<IPacingGateFactory>(account, static (sp, key) => Factory(sp, (string)key!, sp.GetRequiredKeyedService<RedisPacingConnection>(key)));
        }

        return services.AddOptions<RedisPacingOptions>(name).ValidateOnStart();
    }

    private static RedisPacingConnection Connection(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<RedisPacingOptions>>().Get(name);
        return new RedisPacingConnection(options, options.Configuration is null ? services.GetRequiredService<IConnectionMultiplexer>() : null);
    }

    private static RedisPacingGateFactory Factory(IServiceProvider services, string name, RedisPacingConnection connection)
        => new(services.GetRequiredService<IOptionsMonitor<RedisPacingOptions>>().Get(name), connection.GetAsync, services.GetService<ILoggerFactory>());
}
