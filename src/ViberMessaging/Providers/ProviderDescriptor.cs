using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ViberMessaging.Providers;

/// <summary>
/// What everything outside a provider's folder needs to know about it: its name, its options type, the configuration
/// keys that carry its credentials, and how to register and reach an account of it. The SDK's start-up check, the
/// emulator's module list, the reliability suite and the convention tests enumerate <see cref="ProviderManifest.All"/>
/// instead of naming providers.
/// </summary>
internal sealed record ProviderDescriptor
{
    /// <summary>The default registration name and configuration section (<see cref="ViberProviders"/>).</summary>
    public required string Name { get; init; }

    /// <summary>The provider's options class, bound from <c>ViberMessaging:&lt;Name&gt;</c>.</summary>
    public required Type OptionsType { get; init; }

    /// <summary>The keys of the provider's section that hold credentials (any one set of them authenticates).</summary>
    public required IReadOnlyList<string> CredentialKeys { get; init; }

    /// <summary>What an account with these options supports: the provider's <c>&lt;Provider&gt;MessageValidator.CapabilitiesFor</c>.</summary>
    public required Func<ViberProviderOptions, ProviderCapabilities> Capabilities { get; init; }

    /// <summary>
    /// How the provider posts statuses and replies to a callback URL the SDK sets, or <see langword="null"/> when it
    /// posts none (its statuses are polled).
    /// </summary>
    public ProviderCallbacks? Callbacks { get; init; }

    /// <summary>Registers an account of the provider under a name, then applies the configure callback, if any.</summary>
    public required Func<IViberMessagingBuilder, string, Action<ViberProviderOptions>?, IViberMessagingBuilder> Add { get; init; }

    /// <summary>The options a named account runs with.</summary>
    public required Func<IServiceProvider, string, ViberProviderOptions> Options { get; init; }

    /// <summary>Changes a named account's options after every other configuration.</summary>
    public required Action<IServiceCollection, string, Action<ViberProviderOptions>> PostConfigure { get; init; }

    /// <summary>A descriptor whose typed parts come from <typeparamref name="TOptions"/>.</summary>
    /// <typeparam name="TOptions">The provider's options class.</typeparam>
    /// <param name="name">The default registration name.</param>
    /// <param name="credentialKeys">The section keys that hold credentials.</param>
    /// <param name="capabilities">The provider's <c>CapabilitiesFor(options)</c>.</param>
    /// <param name="add">The provider's <c>Add&lt;Provider&gt;(builder, name, configure)</c>.</param>
    /// <returns>The descriptor.</returns>
    public static ProviderDescriptor Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        string name,
        IReadOnlyList<string> credentialKeys,
        Func<TOptions, ProviderCapabilities> capabilities,
        Func<IViberMessagingBuilder, string, Action<TOptions>?, IViberMessagingBuilder> add)
        where TOptions : ViberProviderOptions
        => new()
        {
            Name = name,
            OptionsType = typeof(TOptions),
            CredentialKeys = credentialKeys,
            Capabilities = options => capabilities((TOptions)options),
            Add = (builder, account, configure) => add(builder, account, configure is null ? null : o => configure(o)),
            Options = static (services, account) => services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(account),
            PostConfigure = static (services, account, configure) => services.PostConfigure<TOptions>(account, o => configure(o)),
        };

    /// <inheritdoc/>
    public override string ToString() => Name;
}
