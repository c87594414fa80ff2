using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ViberMessaging;
using ViberMessaging.DependencyInjection;
using ViberMessaging.Devino;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Devino Telecom accounts.</summary>
public static class DevinoViberMessagingBuilderExtensions
{
    private static readonly ProviderDefinition<DevinoOptions, DevinoViberClient> Definition = new()
    {
        Bind = static (options, section) => section.Bind(options, static binder => binder.ErrorOnUnknownConfiguration = true),
        Create = static context => new DevinoViberClient(context),
        ErrorParser = DevinoErrorMapper.TryParse,
        Secrets = static options => [options.Password, options.Login + ":" + options.Password],
        ConfigureClient = static (client, options) => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Login + ":" + options.Password))),
    };

    /// <summary>
    /// Adds a Devino Telecom account named <see cref="ViberProviders.Devino"/>: a keyed <see cref="IViberSender"/>
    /// and <see cref="IStatusQuery"/>, configured from the <c>Devino</c> sub-section of <c>AddViberMessaging(configuration)</c>
    /// (if any) and then by <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="configure">Sets the options, at least <see cref="DevinoOptions.Login"/> and <see cref="DevinoOptions.Password"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A provider with the name is already registered, or the builder is not from <c>AddViberMessaging()</c>.</exception>
    /// <example>
    /// <code>
    /// services.AddViberMessaging()
    ///     .AddDevino(o => { o.Login = config["Devino:Login"]; o.Password = config["Devino:Password"]; });
    /// </code>
    /// </example>
    public static IViberMessagingBuilder AddDevino(this IViberMessagingBuilder builder, Action<DevinoOptions>? configure)
        => Add(builder, ViberProviders.Devino, section: null, configure);

    /// <inheritdoc cref="AddDevino(IViberMessagingBuilder, Action{DevinoOptions})"/>
    public static IViberMessagingBuilder AddDevino(this IViberMessagingBuilder builder)
        => Add(builder, ViberProviders.Devino, section: null, configure: null);

    /// <summary>
    /// Adds a Devino Telecom account under its own registration name (for a second account, for example
    /// <c>"DevinoMarketing"</c>): the key of its services, its configuration sub-section and the provider part of its
    /// <see cref="MessageId"/>s.
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="name">The registration name; it cannot contain ':'.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, contains ':' or is already registered.</exception>
    public static IViberMessagingBuilder AddDevino(this IViberMessagingBuilder builder, string name, Action<DevinoOptions>? configure)
        => Add(builder, name, section: null, configure);

    /// <inheritdoc cref="AddDevino(IViberMessagingBuilder, string, Action{DevinoOptions})"/>
    public static IViberMessagingBuilder AddDevino(this IViberMessagingBuilder builder, string name)
        => Add(builder, name, section: null, configure: null);

    /// <summary>
    /// Adds a Devino Telecom account bound to <paramref name="section"/> (keys as in <see cref="DevinoOptions"/>, for
    /// example <c>Login</c>, <c>Password</c>, <c>DefaultPriority</c>, <c>Pacing:PermitLimit</c>; unknown keys are rejected).
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="section">The configuration section of the account.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="configure">Sets options after binding (for example the password from a secret store).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, contains ':' or is already registered.</exception>
    public static IViberMessagingBuilder AddDevino(
        this IViberMessagingBuilder builder,
        IConfiguration section,
        string name = ViberProviders.Devino,
        Action<DevinoOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Add(builder, name, section, configure);
    }

    private static IViberMessagingBuilder Add(IViberMessagingBuilder builder, string name, IConfiguration? section, Action<DevinoOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var result = ProviderRegistration.Add(builder, name, section, configure, Definition);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DevinoOptions>, DevinoOptionsValidator>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DevinoOptions>, DevinoOptionsRules>());
        return result;
    }
}
