using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ViberMessaging;
using ViberMessaging.Tracking;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds <see cref="IDeliveryTracker"/> to a ViberMessaging registration.</summary>
public static class DeliveryTrackingViberMessagingBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="IDeliveryTracker"/> and its polling as a hosted service, an in-memory
    /// <see cref="IDeliveryStore"/> unless one is registered, and <see cref="DeliveryTrackerOptions"/> (checked at start-up,
    /// every problem at once). Register <see cref="IDeliveryReportHandler"/>s to hear every change.
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="configure">Changes the polling options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddViberMessaging(builder.Configuration).AddSmsClub().AddDeliveryTracking();
    /// // …
    /// var result = await sender.SendAsync(message);
    /// tracker.Track(result);
    /// await foreach (var report in tracker.WatchAsync(cancellationToken)) { … }
    /// </code>
    /// </example>
    public static IViberMessagingBuilder AddDeliveryTracking(this IViberMessagingBuilder builder, Action<DeliveryTrackerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptionsWithValidateOnStart<DeliveryTrackerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeliveryTrackerOptions>, DeliveryTrackerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<DeliveryTrackerOptions>, CallbackProvidersFromRegistrations>());
        services.TryAddSingleton<IDeliveryStore, InMemoryDeliveryStore>();
        services.TryAddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<DeliveryTrackerOptions>>();
            var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;
            return new DeliveryTracker(
                sp.GetRequiredService<IDeliveryStore>(),
                sp.GetServices<IDeliveryReportHandler>(),
                options,
                name => TrackedAccount.FromServices(sp, name, options.Value, time),
                time,
                sp.GetService<ILoggerFactory>()?.CreateLogger("ViberMessaging.DeliveryTracking") ?? NullLogger.Instance);
        });
        services.TryAddSingleton<IDeliveryTracker>(static sp => sp.GetRequiredService<DeliveryTracker>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DeliveryTracker>(static sp => sp.GetRequiredService<DeliveryTracker>()));
        return builder;
    }
}
