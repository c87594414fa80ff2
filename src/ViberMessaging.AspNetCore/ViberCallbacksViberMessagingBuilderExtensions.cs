using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ViberMessaging;
using ViberMessaging.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the services behind <c>MapViberCallbacks</c> to a ViberMessaging registration.</summary>
public static class ViberCallbacksViberMessagingBuilderExtensions
{
    /// <summary>
    /// Registers the callback endpoints' services: <see cref="ViberCallbackOptions"/> (checked at start-up, every
    /// problem at once), <see cref="ViberCallbackPaths"/>, the reply queue feeding your <see cref="IViberReplyHandler"/>s,
    /// and <c>AddDeliveryTracking()</c>, whose tracker receives every status callback. With
    /// <see cref="ViberCallbackOptions.PublicBaseAddress"/> set, the SDK sets <c>callback_url</c> on sends itself, and the
    /// accounts whose provider posts every status change (<see cref="IViberCallbackReader.PerRequest"/> false) join
    /// <see cref="DeliveryTrackerOptions.CallbackProviders"/> (polled only as a fallback).
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="configure">Sets the options; <see cref="ViberCallbackOptions.Secret"/> is required.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IViberMessagingBuilder AddViberCallbacks(this IViberMessagingBuilder builder, Action<ViberCallbackOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptionsWithValidateOnStart<ViberCallbackOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ViberCallbackOptions>, ViberCallbackOptionsValidator>());
        services.TryAddSingleton<ViberCallbackPaths>();
        services.TryAddSingleton<ReplyDispatcher>();
        services.TryAddSingleton<CallbackEndpoint>();
        services.TryAddSingleton(static sp => new CallbackCorrelations(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton<IViberCallbackAddress, ViberCallbackAddress>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ReplyDispatcher>(static sp => sp.GetRequiredService<ReplyDispatcher>()));
        builder.AddDeliveryTracking();
        return builder;
    }
}
