using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ViberMessaging.Testing.Infrastructure;

/// <summary>
/// One emulated provider API. Every subclass in this assembly is discovered and gets its own instance per
/// emulator, mounted under <c>/{PathPrefix}/</c>. The shared middleware records requests, applies the strict rate
/// window and injected faults; the subclass speaks the provider's protocol (auth, validation, shapes, errors).
/// </summary>
internal abstract class EmulatedProvider
{
    /// <summary>The provider's registration name, as in <see cref="ViberProviders"/>.</summary>
    public abstract string Name { get; }

    /// <summary>The path segment the provider is mounted under, for example <c>smsclub</c>.</summary>
    public abstract string PathPrefix { get; }

    /// <summary>The emulator's state (set before <see cref="Map"/>).</summary>
    public EmulatorState State { get; set; } = null!;

    /// <summary>The emulator, for callbacks that need its address.</summary>
    public ViberEmulator Emulator { get; set; } = null!;

    /// <summary>Maps the provider's endpoints on <paramref name="routes"/> (already below the prefix).</summary>
    public abstract void Map(IEndpointRouteBuilder routes);

    /// <summary>Writes the provider's 429 answer (status and Retry-After are already set).</summary>
    public abstract Task WriteRateLimitedAsync(HttpContext context);

    /// <summary>Writes the provider's 500 answer (status is already set).</summary>
    public virtual Task WriteServerErrorAsync(HttpContext context) => context.Response.WriteAsync("Internal Server Error");

    /// <summary>Points every registration of this provider in <paramref name="services"/> at the emulator, with its credentials.</summary>
    public abstract void PointAt(IServiceCollection services, Uri baseAddress, EmulatorCredentials credentials);
}
