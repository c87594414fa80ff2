using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ViberMessaging;
using ViberMessaging.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ViberMessaging in a service collection.</summary>
public static class ViberMessagingServiceCollectionExtensions
{
    /// <summary>Adds ViberMessaging; add providers to the returned builder.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures settings that span providers.</param>
    /// <returns>A builder to add providers with, for example <c>.AddSmsClub(o =&gt; o.Token = "…")</c>.</returns>
    /// <example>
    /// <code>
    /// services.AddViberMessaging()
    ///     .AddSmsClub(o => o.Token = configuration["SmsClubToken"]);
    /// </code>
    /// </example>
    public static IViberMessagingBuilder AddViberMessaging(this IServiceCollection services, Action<ViberMessagingOptions>? configure)
        => AddCore(services, section: null, configure);

    /// <inheritdoc cref="AddViberMessaging(IServiceCollection, Action{ViberMessagingOptions})"/>
    public static IViberMessagingBuilder AddViberMessaging(this IServiceCollection services)
        => AddCore(services, section: null, configure: null);

    /// <summary>
    /// Adds ViberMessaging bound to configuration: settings from the <paramref name="sectionName"/> section, and
    /// each provider added to the builder from its own sub-section (for example <c>ViberMessaging:SmsClub:Token</c>,
    /// or the environment variable <c>ViberMessaging__SmsClub__Token</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root (or any parent of the section).</param>
    /// <param name="sectionName">The section to read.</param>
    /// <returns>A builder to add providers with.</returns>
    public static IViberMessagingBuilder AddViberMessaging(
        this IServiceCollection services,
        IConfiguration configuration,
        string sectionName = ViberMessagingOptions.DefaultSectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(sectionName);
        var section = configuration.GetSection(sectionName);
        return AddCore(services, section, o => o.DefaultProvider = section[nameof(ViberMessagingOptions.DefaultProvider)] ?? o.DefaultProvider);
    }

    private static ViberMessagingBuilder AddCore(IServiceCollection services, IConfiguration? section, Action<ViberMessagingOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(ProviderRegistry) && !d.IsKeyedService)?.ImplementationInstance as ProviderRegistry;
        if (registry is null)
        {
            registry = new ProviderRegistry();
            services.AddSingleton(registry);
        }

        if (section is IConfigurationSection viberSection)
        {
            registry.Section = viberSection;
        }

        var options = services.AddOptions<ViberMessagingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddOptions<StartupValidation>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StartupValidation>, StartupValidator>());

        services.AddHttpClient();
        services.TryAddSingleton<IViberSender>(static sp => sp.GetRequiredKeyedService<IViberSender>(DefaultName(sp)));
        services.TryAddSingleton<IStatusQuery>(static sp => sp.GetRequiredKeyedService<IStatusQuery>(DefaultName(sp)));
        services.TryAddSingleton<IViberChats>(static sp => sp.GetRequiredKeyedService<IViberChats>(DefaultName(sp, chats: true)));
        return new ViberMessagingBuilder(services, section, registry);
    }

    private static string DefaultName(IServiceProvider services, bool chats = false)
        => services.GetRequiredService<ProviderRegistry>().DefaultName(services.GetRequiredService<IOptions<ViberMessagingOptions>>(), chats);
}
