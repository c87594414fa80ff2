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
    /// <param name="configure">Sets options after binding.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is <see langword="null"/>.</exception>
    public static IViberMessagingBuilder UseRedisPacing(this IViberMessagingBuilder builder, IConfiguration section, Action<RedisPacingOptions>? configure = null)
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

    private static OptionsBuilder<RedisPacingOptions> Register(IViberMessagingBuilder builder)
    {
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisPacingOptions>, RedisPacingOptionsValidator>());
        services.TryAddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<RedisPacingOptions>>().Value;
            return new RedisPacingConnection(options, options.Configuration is null ? sp.GetRequiredService<IConnectionMultiplexer>() : null);
        });
        services.TryAddSingleton<IPacingGateFactory>(static sp => new RedisPacingGateFactory(
            sp.GetRequiredService<IOptions<RedisPacingOptions>>().Value,
            sp.GetRequiredService<RedisPacingConnection>().GetAsync,
            sp.GetService<ILoggerFactory>()));
        return services.AddOptions<RedisPacingOptions>().ValidateOnStart();
    }
}
