using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ViberMessaging;
using ViberMessaging.DependencyInjection;
using ViberMessaging.Routing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds routers: one <see cref="IViberSender"/> over several provider accounts, with failover.</summary>
public static class RouterViberMessagingBuilderExtensions
{
    /// <summary>
    /// Registers a router under <paramref name="name"/>: a keyed <see cref="IViberSender"/> and <see cref="IStatusQuery"/>
    /// that send each recipient through the provider of its route (longest number prefix, else
    /// <see cref="ViberRouterOptions.Otherwise"/>), bound from <c>ViberMessaging:Routers:&lt;name&gt;</c> when the builder
    /// came from <c>AddViberMessaging(configuration)</c>, then <paramref name="configure"/>; validated at start-up.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Before any request, each route's part of the message is checked against its candidates (the route's provider,
    /// then <see cref="ViberRouterOptions.FailOverTo"/>): a provider that cannot carry it (an image alone, a schedule,
    /// a button, the text length, …) is skipped, and when no candidate can, the send fails with one
    /// <see cref="ViberValidationException"/> naming each provider's reasons. Nothing has been sent then.
    /// </para>
    /// <para>
    /// <b>Failover never sends twice.</b> A recipient goes to the next candidate only when its provider failed with
    /// <see cref="SendOutcome.NotSent"/> for a reason of its own (connection refused, credentials, a blocked account,
    /// no money, an open circuit, its rate limit). Never after <see cref="SendOutcome.Unknown"/> (the recipient is
    /// reported failed with <see cref="ViberErrorCode.OutcomeUnknown"/>, not resent), never for a recipient the
    /// provider rejected, and never for an error any provider would give (<see cref="ViberErrorCode.InvalidRecipients"/>,
    /// a cancellation). Every recipient's <see cref="RecipientResult.Route"/> lists the providers skipped, failed over
    /// from, and where it ended; its <see cref="RecipientResult.MessageId"/> names the accepting provider, so the
    /// router's <see cref="IStatusQuery"/> asks that provider.
    /// </para>
    /// </remarks>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="name">The router's name: its key and configuration section. It cannot be a provider's name.</param>
    /// <param name="configure">Routes in code, applied after configuration.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains ':', or the builder is not from <c>AddViberMessaging()</c>.</exception>
    /// <exception cref="InvalidOperationException">A provider or router is already registered under <paramref name="name"/>.</exception>
    /// <example>
    /// <code>
    /// services.AddViberMessaging(configuration)
    ///     .AddSmsClub().AddSmsBy().AddDevino().AddDecisionTelecom()
    ///     .AddRouter("Main", r => r.Route("380", "SmsClub").Route("375", "SmsBy").Route("7", "Devino")
    ///         .Otherwise("DecisionTelecom").FailOverTo("DecisionTelecom"));
    /// var sender = provider.GetRequiredKeyedService&lt;IViberSender&gt;("Main");
    /// </code>
    /// </example>
    public static IViberMessagingBuilder AddRouter(this IViberMessagingBuilder builder, string name, Action<ViberRouterBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A router name cannot contain ':'.", nameof(name));
        }

        if (builder is not ViberMessagingBuilder inner)
        {
            throw new ArgumentException("Use the builder returned by services.AddViberMessaging().", nameof(builder));
        }

        inner.Registry.AddRouter(new RouterEntry(name, sp => Problems(sp, name)));
        var services = builder.Services;
        var options = services.AddOptions<ViberRouterOptions>(name);
        if (inner.Section?.GetSection(RouterConfiguration.SectionName).GetSection(name) is { } section && section.Exists())
        {
            options.Configure(o => RouterConfiguration.Bind(section, o));
        }

        if (configure is not null)
        {
            options.Configure(o => configure(new ViberRouterBuilder(o)));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ViberRouterOptions>, RouterOptionsRules>());
        services.AddKeyedSingleton(name, static (sp, key) =>
        {
            var router = (string)key!;
            return new RouterViberClient(router, sp.GetRequiredService<IOptionsMonitor<ViberRouterOptions>>().Get(router), sp);
        });
        services.AddKeyedSingleton<IViberSender>(name, static (sp, key) => sp.GetRequiredKeyedService<RouterViberClient>(key));
        services.AddKeyedSingleton<IStatusQuery>(name, static (sp, key) => sp.GetRequiredKeyedService<RouterViberClient>(key));
        return builder;
    }

    private static IReadOnlyList<string> Problems(IServiceProvider services, string name)
    {
        try
        {
            services.GetRequiredService<IOptionsMonitor<ViberRouterOptions>>().Get(name);
            return [];
        }
        catch (OptionsValidationException e)
        {
            return e.Failures.ToArray();
        }
    }
}
