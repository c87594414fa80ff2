using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Testing;

namespace ViberMessaging.Samples;

/// <summary>
/// Decides, by configuration alone, which providers a sample uses and where they are: the real APIs of the configured
/// providers, or — when none of the wanted providers is configured — all of them on an embedded emulator.
/// </summary>
internal sealed class ProviderSetup : IAsyncDisposable
{
    private ProviderSetup(IConfiguration configuration, IReadOnlyList<string> providers, ViberEmulator? emulator)
    {
        Configuration = configuration;
        Providers = providers;
        Emulator = emulator;
    }

    /// <summary>The configuration to give <c>AddViberMessaging(configuration)</c>.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The providers to use, in the order the sample asked for them.</summary>
    public IReadOnlyList<string> Providers { get; }

    /// <summary>The embedded emulator, or <see langword="null"/> when the sample talks to configured providers.</summary>
    public ViberEmulator? Emulator { get; }

    /// <summary>Applies the rule to <paramref name="wanted"/>, starting the emulator when none of them is configured.</summary>
    public static async Task<ProviderSetup> StartAsync(
        IConfiguration configuration,
        IReadOnlyList<string> wanted,
        string sender,
        CancellationToken cancellationToken,
        ViberEmulatorOptions? emulatorOptions = null)
    {
        var configured = wanted.Where(p => SampleConfiguration.IsConfigured(configuration, p)).ToArray();
        if (configured.Length > 0)
        {
            return new ProviderSetup(configuration, configured, emulator: null);
        }

        var emulator = await ViberEmulator.StartAsync(emulatorOptions, cancellationToken);
        return new ProviderSetup(SampleConfiguration.ForEmulator(configuration, emulator, sender), wanted, emulator);
    }

    /// <summary>The SDK's registration, the same in every sample: every provider bound to its configuration section.</summary>
    public ServiceProvider BuildServices(Action<IViberMessagingBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddViberMessaging(Configuration);
        foreach (var provider in ViberProviders.All)
        {
            builder.AddProvider(provider);
        }

        configure?.Invoke(builder);

        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Resolves a provider's client once, so that bad configuration (a missing token, an unknown key) is reported
    /// before anything is sent.
    /// </summary>
    public static T Resolve<T>(IServiceProvider services, string provider)
        where T : notnull
    {
        try
        {
            return services.GetRequiredKeyedService<T>(provider);
        }
        catch (InvalidOperationException e)
        {
            // A DefaultProvider that names no registration comes this way (option problems come as OptionsValidationException).
            throw new SampleUsageException($"configuration of {provider} ({SampleConfiguration.Section}:{provider}): {e.Message}");
        }
    }

    /// <summary>Where a provider's requests go: the embedded emulator, an emulator on this machine (a loopback BaseAddress, such as samples/Emulator), or the real API.</summary>
    public static string Target(ProviderSetup setup, ViberProviderOptions options)
        => setup.Emulator is { } embedded ? $"embedded emulator at {embedded.BaseAddress}"
            : options.BaseAddress is { IsLoopback: true } local ? $"emulator at {local}"
            : $"real API at {options.BaseAddress?.Host}";

    /// <summary>The options a provider account runs with (its pacing is the rate limit the SDK enforces).</summary>
    public static ViberProviderOptions OptionsOf(IServiceProvider services, string provider)
        => services.GetRequiredKeyedService<ViberProviderOptions>(provider);

    /// <summary>Stops the emulator, if one was started.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }
}
