using ViberMessaging;
using ViberMessaging.Testing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Points ViberMessaging registrations at a <see cref="ViberEmulator"/>.</summary>
public static class ViberEmulatorBuilderExtensions
{
    /// <summary>
    /// Points every provider registered on this builder (whenever it was added) at <paramref name="emulator"/>:
    /// base addresses and credentials. Pacing and resilience stay as configured.
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="emulator">A running emulator.</param>
    /// <returns>The builder.</returns>
    public static IViberMessagingBuilder UseEmulator(this IViberMessagingBuilder builder, ViberEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(emulator);
        emulator.Configure(builder.Services);
        return builder;
    }
}
