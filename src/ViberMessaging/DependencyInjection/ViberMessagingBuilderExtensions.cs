using ViberMessaging;
using ViberMessaging.Providers;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds providers to a ViberMessaging registration by name.</summary>
public static class ViberMessagingBuilderExtensions
{
    /// <summary>
    /// Adds the provider named <paramref name="provider"/> (one of <see cref="ViberProviders.All"/>) under its default
    /// name, bound to its configuration section (<c>ViberMessaging:&lt;provider&gt;</c>) when the builder came from
    /// <c>AddViberMessaging(configuration)</c>: the same as calling its own <c>Add&lt;Provider&gt;()</c>, for code that
    /// chooses providers from configuration or a command line.
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="provider">The provider's name, compared case-insensitively.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="provider"/> is not one of <see cref="ViberProviders.All"/>.</exception>
    /// <example>
    /// <code>
    /// foreach (var provider in configuration.GetSection("ViberMessaging:Use").Get&lt;string[]&gt;() ?? [])
    /// {
    ///     builder.AddProvider(provider);
    /// }
    /// </code>
    /// </example>
    public static IViberMessagingBuilder AddProvider(this IViberMessagingBuilder builder, string provider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        var descriptor = ProviderManifest.Find(provider)
            ?? throw new ArgumentException($"'{provider}' is not a provider; choose one of {string.Join(", ", ViberProviders.All)}.", nameof(provider));
        return descriptor.Add(builder, descriptor.Name, null);
    }
}
