using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ViberMessaging;
using ViberMessaging.DependencyInjection;
using ViberMessaging.SmsClub;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers SMS Club accounts.</summary>
public static class SmsClubViberMessagingBuilderExtensions
{
    /// <summary>
    /// Adds the SMS Club account named <see cref="ViberProviders.SmsClub"/>: keyed <see cref="IViberSender"/>,
    /// <see cref="IStatusQuery"/>, <see cref="IViberChats"/>, <see cref="IBalanceQuery"/> and <see cref="ISmsClubAccount"/>.
    /// Options come from the <c>ViberMessaging:SmsClub</c> section when <c>AddViberMessaging(configuration)</c> was used,
    /// then from <paramref name="configure"/>; they are validated at start-up.
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="configure">Sets options, for example <c>o => o.Token = "…"</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">An account with the same name is already registered.</exception>
    public static IViberMessagingBuilder AddSmsClub(this IViberMessagingBuilder builder, Action<SmsClubOptions>? configure)
        => AddAccount(builder, ViberProviders.SmsClub, section: null, configure);

    /// <inheritdoc cref="AddSmsClub(IViberMessagingBuilder, Action{SmsClubOptions})"/>
    public static IViberMessagingBuilder AddSmsClub(this IViberMessagingBuilder builder)
        => AddAccount(builder, ViberProviders.SmsClub, section: null, configure: null);

    /// <summary>Adds an SMS Club account under its own registration name (a second account, for example <c>SmsClubMarketing</c>).</summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="name">The registration name: the service key, the configuration sub-section and the provider part of message ids. It cannot contain ':'.</param>
    /// <param name="configure">Sets options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains ':'.</exception>
    /// <exception cref="InvalidOperationException">An account with the same name is already registered.</exception>
    public static IViberMessagingBuilder AddSmsClub(this IViberMessagingBuilder builder, string name, Action<SmsClubOptions>? configure)
        => AddAccount(builder, name, section: null, configure);

    /// <inheritdoc cref="AddSmsClub(IViberMessagingBuilder, string, Action{SmsClubOptions})"/>
    public static IViberMessagingBuilder AddSmsClub(this IViberMessagingBuilder builder, string name)
        => AddAccount(builder, name, section: null, configure: null);

    /// <summary>Adds an SMS Club account bound to a configuration section (unknown keys are rejected), then <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="section">The section holding <c>Token</c>, <c>BaseAddress</c>, <c>Pacing</c>, ….</param>
    /// <param name="name">The registration name. It cannot contain ':'.</param>
    /// <param name="configure">Sets options after binding (for example the token from a secret store).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains ':'.</exception>
    /// <exception cref="InvalidOperationException">An account with the same name is already registered.</exception>
    public static IViberMessagingBuilder AddSmsClub(
        this IViberMessagingBuilder builder,
        IConfiguration section,
        string name = ViberProviders.SmsClub,
        Action<SmsClubOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AddAccount(builder, name, section, configure);
    }

    private static IViberMessagingBuilder AddAccount(IViberMessagingBuilder builder, string name, IConfiguration? section, Action<SmsClubOptions>? configure)
    {
        ProviderRegistration.Add(builder, name, section, configure, new ProviderDefinition<SmsClubOptions, SmsClubViberClient>
        {
            Bind = static (o, c) => c.Bind(o, static b => b.ErrorOnUnknownConfiguration = true),
            Create = static context => new SmsClubViberClient(context),
            ErrorParser = SmsClubErrorMapper.TryParse,
            Secrets = static o => [o.Token, o.Password, o.Login is null || o.Password is null ? null : o.Login + ":" + o.Password],
            ConfigureClient = static (client, o) =>
            {
                client.DefaultRequestHeaders.Authorization = SmsClubOptionsRules.Header(o);
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            },
            ObserveExtra = static (client, observer, services) => new SmsClubObservedAccount(client, observer, services),
        });

        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmsClubOptions>, SmsClubOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmsClubOptions>, SmsClubOptionsRules>());
        services.AddKeyedSingleton<ISmsClubAccount>(name, static (sp, key) => ProviderRegistration.Observed(sp, key).Get<ISmsClubAccount>());
        services.TryAddSingleton<ISmsClubAccount>(sp => sp.GetRequiredKeyedService<ISmsClubAccount>(name));
        return builder;
    }
}
