using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ViberMessaging;
using ViberMessaging.DependencyInjection;
using ViberMessaging.SmsBy;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds SMS.by accounts to ViberMessaging.</summary>
public static class SmsByViberMessagingBuilderExtensions
{
    /// <summary>
    /// Adds the SMS.by account named <see cref="ViberProviders.SmsBy"/>: keyed <see cref="IViberSender"/>,
    /// <see cref="IStatusQuery"/>, <see cref="IViberChats"/> and <see cref="ISmsByClient"/> services, with options bound
    /// from <c>ViberMessaging:SmsBy</c> when the builder came from <c>AddViberMessaging(configuration)</c>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="configure">Configures the options (after configuration binding).</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// services.AddViberMessaging().AddSmsBy(o =>
    /// {
    ///     o.Token = configuration["SmsByToken"];
    ///     o.ViberSenders["MyShop"] = 101;
    /// });
    /// </code>
    /// </example>
    public static IViberMessagingBuilder AddSmsBy(this IViberMessagingBuilder builder, Action<SmsByOptions>? configure)
        => Add(builder, ViberProviders.SmsBy, section: null, configure);

    /// <inheritdoc cref="AddSmsBy(IViberMessagingBuilder, Action{SmsByOptions})"/>
    public static IViberMessagingBuilder AddSmsBy(this IViberMessagingBuilder builder)
        => Add(builder, ViberProviders.SmsBy, section: null, configure: null);

    /// <summary>Adds an SMS.by account under its own registration name (for a second account, for example <c>"SmsByMarketing"</c>).</summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="name">The registration name: the services' key, the configuration sub-section and the provider part of its message ids.</param>
    /// <param name="configure">Configures the options (after configuration binding).</param>
    /// <returns>The builder.</returns>
    public static IViberMessagingBuilder AddSmsBy(this IViberMessagingBuilder builder, string name, Action<SmsByOptions>? configure)
        => Add(builder, name, section: null, configure);

    /// <inheritdoc cref="AddSmsBy(IViberMessagingBuilder, string, Action{SmsByOptions})"/>
    public static IViberMessagingBuilder AddSmsBy(this IViberMessagingBuilder builder, string name)
        => Add(builder, name, section: null, configure: null);

    /// <summary>Adds an SMS.by account bound to a configuration section (unknown keys are rejected at start-up).</summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="section">The section holding <c>Token</c>, <c>ViberSenders</c>, … .</param>
    /// <param name="name">The registration name.</param>
    /// <param name="configure">Configures the options (after configuration binding).</param>
    /// <returns>The builder.</returns>
    public static IViberMessagingBuilder AddSmsBy(this IViberMessagingBuilder builder, IConfiguration section, string name = ViberProviders.SmsBy, Action<SmsByOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Add(builder, name, section, configure);
    }

    private static IViberMessagingBuilder Add(IViberMessagingBuilder builder, string name, IConfiguration? section, Action<SmsByOptions>? configure)
    {
        ProviderRegistration.Add(builder, name, section, configure, new ProviderDefinition<SmsByOptions, SmsByViberClient>
        {
            Bind = static (o, c) => c.Bind(o, static b => b.ErrorOnUnknownConfiguration = true),
            Create = static context => new SmsByViberClient(context),
            ErrorParser = SmsByErrorMapper.TryParse,
            Secrets = static o => [o.Token],
            ObserveExtra = static (client, observer, services) => new SmsByObservedClient(client, observer, services),
        });

        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmsByOptions>, SmsByOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmsByOptions>, SmsByOptionsRules>());
        services.AddKeyedSingleton<ISmsByClient>(name, static (sp, key) => ProviderRegistration.Observed(sp, key).Get<ISmsByClient>());

        // Unkeyed: the first SMS.by account registered.
        services.TryAddSingleton<ISmsByClient>(sp => sp.GetRequiredKeyedService<ISmsByClient>(name));
        return builder;
    }
}
