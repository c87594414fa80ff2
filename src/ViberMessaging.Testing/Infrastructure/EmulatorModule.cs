using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ViberMessaging.Testing.Infrastructure;

/// <summary>
/// One emulated provider, self-contained: its name and path prefix, the endpoints it serves, how it admits a request
/// (the credentials it accepts, its own preconditions), its answers to the shared machinery's 429 and 500, its
/// <see cref="EmulatorProviderSettings"/>, and how it points an SDK registration at itself. Each emulator gets its own
/// instances from <see cref="Providers.EmulatedProviders"/>. The shared middleware (<see cref="EmulatorPipeline"/>) records
/// requests, applies the strict window and injected faults; the module speaks the provider's protocol.
/// </summary>
internal abstract class EmulatorModule(EmulatorState state, EmulatorBackground background)
{
    /// <summary>The provider's registration name, as in <see cref="ViberProviders"/>.</summary>
    public abstract string Name { get; }

    /// <summary>The path segment the provider is mounted under, for example <c>smsclub</c>.</summary>
    public abstract string PathPrefix { get; }

    /// <summary>
    /// The start of a mobile number in the provider's home region, country and operator code (for example <c>+38050</c>):
    /// any seven more digits make a number the provider accepts (<see cref="ViberEmulator.GetSamplePhone"/>).
    /// </summary>
    public abstract string SamplePhonePrefix { get; }

    /// <summary>The provider's knobs (see <see cref="ViberEmulator.Provider{TSettings}"/>).</summary>
    public abstract EmulatorProviderSettings Settings { get; }

    /// <summary>The endpoints, in the order the provider's document lists them.</summary>
    public abstract IReadOnlyList<EmulatorEndpoint> Endpoints { get; }

    /// <summary>The emulator's state.</summary>
    public EmulatorState State { get; } = state;

    /// <summary>Where callbacks and scripted replies run.</summary>
    public EmulatorBackground Background { get; } = background;

    /// <summary>Whether requests carry parameters wherever they come (query, form, multipart, JSON) rather than a JSON body.</summary>
    protected virtual bool ReadsParameters => false;

    /// <summary>Maps the endpoints (each behind <see cref="AdmitAsync"/>) and the answer to unknown paths on <paramref name="routes"/>, already below the prefix.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var endpoint in Endpoints)
        {
            routes.MapMethods(endpoint.Path, [endpoint.Method], context => HandleAsync(context, endpoint));
        }

        MapUnknown(routes);
    }

    /// <summary>Writes the provider's 429 answer (the status and any Retry-After are already set).</summary>
    public abstract Task WriteRateLimitedAsync(HttpContext context);

    /// <summary>Writes the provider's 500 answer (the status is already set).</summary>
    public virtual Task WriteServerErrorAsync(HttpContext context) => context.Response.WriteAsync("Internal Server Error");

    /// <summary>Points every registration of this provider in <paramref name="services"/> at the emulator, with the credentials it accepts.</summary>
    public abstract void PointAt(IServiceCollection services, Uri baseAddress, EmulatorCredentials credentials);

    /// <summary>Gives SDK options of this provider the credentials it accepts; options of another provider are left alone.</summary>
    public abstract void UseCredentials(ViberProviderOptions options, EmulatorCredentials credentials);

    /// <summary>
    /// The credentials it accepts as configuration keys of the provider's section (for example <c>ApiKey</c>), the
    /// same ones <see cref="UseCredentials"/> sets.
    /// </summary>
    public abstract IEnumerable<KeyValuePair<string, string>> CredentialSettings(EmulatorCredentials credentials);

    /// <summary>The request's path below the provider's prefix, for example <c>/send</c>.</summary>
    public string PathOf(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var prefix = "/" + PathPrefix;
        return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? path[prefix.Length..] : path;
    }

    /// <summary>
    /// Whether the provider serves the request: it checks the credentials and its own preconditions, and when it refuses
    /// it writes the refusal in its own shape and returns <see langword="false"/>.
    /// </summary>
    protected abstract Task<bool> AdmitAsync(EmulatorCall call);

    /// <summary>Maps the answer to paths the provider does not serve (none: the framework's empty 404).</summary>
    protected virtual void MapUnknown(IEndpointRouteBuilder routes)
    {
    }

    private async Task HandleAsync(HttpContext context, EmulatorEndpoint endpoint)
    {
        using var call = await EmulatorCall.ReadAsync(context, PathOf(context), ReadsParameters).ConfigureAwait(false);
        if (await AdmitAsync(call).ConfigureAwait(false))
        {
            await endpoint.HandleAsync(call).ConfigureAwait(false);
        }
    }
}

/// <summary>An <see cref="EmulatorModule"/> for one SDK options type and one settings type.</summary>
/// <typeparam name="TOptions">The SDK's options of the provider, which <see cref="PointAt"/> points at the emulator.</typeparam>
/// <typeparam name="TSettings">The provider's knobs.</typeparam>
internal abstract class EmulatorModule<TOptions, TSettings>(EmulatorState state, EmulatorBackground background, TSettings settings)
    : EmulatorModule(state, background)
    where TOptions : ViberProviderOptions
    where TSettings : EmulatorProviderSettings
{
    /// <inheritdoc/>
    public override TSettings Settings { get; } = settings;

    /// <inheritdoc/>
    public sealed override void PointAt(IServiceCollection services, Uri baseAddress, EmulatorCredentials credentials)
        => services.PostConfigureAll<TOptions>(options =>
        {
            options.BaseAddress = baseAddress;
            UseCredentials(options, credentials);
        });

    /// <inheritdoc/>
    public sealed override void UseCredentials(ViberProviderOptions options, EmulatorCredentials credentials)
    {
        if (options is TOptions typed)
        {
            UseCredentials(typed, credentials);
        }
    }

    /// <summary>Gives the SDK's options the credentials this provider accepts.</summary>
    protected abstract void UseCredentials(TOptions options, EmulatorCredentials credentials);
}
