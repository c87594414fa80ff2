using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ViberMessaging;
using ViberMessaging.DecisionTelecom;
using ViberMessaging.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers DecisionTelecom accounts.</summary>
public static class DecisionTelecomViberMessagingBuilderExtensions
{
    private static readonly ProviderDefinition<DecisionTelecomOptions, DecisionTelecomViberClient> Definition = new()
    {
        Bind = static (options, section) => section.Bind(options, static binder => binder.ErrorOnUnknownConfiguration = true),
        Create = static context => new DecisionTelecomViberClient(context),
        ErrorParser = DecisionTelecomErrorMapper.TryParse,
        Secrets = static options => [options.ApiKey],
        ConfigureClient = static (client, options) => client.DefaultRequestHeaders.Authorization
            = DecisionTelecomRequestMapper.ToDecisionTelecomAuthorization(options.ApiKey!, options.KeyEncoding),
        IsRateLimitedBody = DecisionTelecomErrorMapper.IsRateLimitedAsync,
    };

    /// <summary>
    /// Adds the DecisionTelecom account named <see cref="ViberProviders.DecisionTelecom"/>: a keyed
    /// <see cref="IViberSender"/> and <see cref="IStatusQuery"/>. Settings come from the
    /// <c>ViberMessaging:DecisionTelecom</c> section when <c>AddViberMessaging(configuration)</c> was used, then from
    /// <paramref name="configure"/>; they are validated at start-up.
    /// </summary>
    /// <param name="builder">The builder from <c>services.AddViberMessaging()</c>.</param>
    /// <param name="configure">Sets options, for example <c>o =&gt; o.ApiKey = configuration["DecisionTelecomKey"]</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">A provider with the same name is already registered.</exception>
    /// <example>
    /// <code>
    /// services.AddViberMessaging()
    ///     .AddDecisionTelecom(o => o.ApiKey = configuration["DecisionTelecom:ApiKey"]);
    /// </code>
    /// </example>
    public static IViberMessagingBuilder AddDecisionTelecom(this IViberMessagingBuilder builder, Action<DecisionTelecomOptions>? configure)
        => Add(builder, ViberProviders.DecisionTelecom, section: null, configure);

    /// <inheritdoc cref="AddDecisionTelecom(IViberMessagingBuilder, Action{DecisionTelecomOptions})"/>
    public static IViberMessagingBuilder AddDecisionTelecom(this IViberMessagingBuilder builder)
        => Add(builder, ViberProviders.DecisionTelecom, section: null, configure: null);

    /// <summary>
    /// Adds a DecisionTelecom account under its own registration name (for a second account, for example
    /// <c>"DecisionTelecomMarketing"</c>); its settings come from the <c>ViberMessaging:{name}</c> section, then from
    /// <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The builder from <c>services.AddViberMessaging()</c>.</param>
    /// <param name="name">The registration name: the services' key and the provider part of its <see cref="MessageId"/>s. It cannot contain ':'.</param>
    /// <param name="configure">Sets options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains ':'.</exception>
    /// <exception cref="InvalidOperationException">A provider with the same name is already registered.</exception>
    public static IViberMessagingBuilder AddDecisionTelecom(this IViberMessagingBuilder builder, string name, Action<DecisionTelecomOptions>? configure)
        => Add(builder, name, section: null, configure);

    /// <inheritdoc cref="AddDecisionTelecom(IViberMessagingBuilder, string, Action{DecisionTelecomOptions})"/>
    public static IViberMessagingBuilder AddDecisionTelecom(this IViberMessagingBuilder builder, string name)
        => Add(builder, name, section: null, configure: null);

    /// <summary>
    /// Adds a DecisionTelecom account bound to a configuration section (keys <c>ApiKey</c>, <c>KeyEncoding</c>,
    /// <c>BaseAddress</c>, <c>Pacing:PermitLimit</c>, …; unknown keys fail start-up), then <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The builder from <c>services.AddViberMessaging()</c>.</param>
    /// <param name="section">The section holding the account's settings.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="configure">Sets options after binding.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains ':'.</exception>
    /// <exception cref="InvalidOperationException">A provider with the same name is already registered.</exception>
    public static IViberMessagingBuilder AddDecisionTelecom(
        this IViberMessagingBuilder builder,
        IConfiguration section,
        string name = ViberProviders.DecisionTelecom,
        Action<DecisionTelecomOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Add(builder, name, section, configure);
    }

    private static IViberMessagingBuilder Add(IViberMessagingBuilder builder, string name, IConfiguration? section, Action<DecisionTelecomOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DecisionTelecomOptions>, DecisionTelecomOptionsValidator>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DecisionTelecomOptions>, DecisionTelecomOptionsRules>());
        return ProviderRegistration.Add(builder, name, section, configure, Definition);
    }
}
