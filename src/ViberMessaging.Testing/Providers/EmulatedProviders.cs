using ViberMessaging.Testing.Infrastructure;
using ViberMessaging.Testing.Providers.DecisionTelecom;
using ViberMessaging.Testing.Providers.Devino;
using ViberMessaging.Testing.Providers.SmsBy;
using ViberMessaging.Testing.Providers.SmsClub;

namespace ViberMessaging.Testing.Providers;

/// <summary>
/// The emulated providers, one entry each: every emulator creates its own module from each entry. A provider's emulator
/// is its folder (<c>Providers/&lt;Provider&gt;/</c>) plus its line here.
/// </summary>
internal static class EmulatedProviders
{
    public static IReadOnlyList<Func<EmulatorState, EmulatorBackground, EmulatorModule>> All { get; } =
    [
        (state, background) => new DecisionTelecomEmulator(state, background),
        (state, background) => new DevinoEmulator(state, background),
        (state, background) => new SmsByEmulator(state, background),
        (state, background) => new SmsClubEmulator(state, background),
    ];

    /// <summary>
    /// One module per provider on a state of their own, never mapped or started: what a module knows without an
    /// emulator (its name, its sample numbers).
    /// </summary>
    private static readonly Lazy<EmulatorModule[]> Described = new(() => Create(new EmulatorState(new ViberEmulatorOptions()), new EmulatorBackground()));

    /// <summary>One module per provider for one emulator.</summary>
    public static EmulatorModule[] Create(EmulatorState state, EmulatorBackground background)
        => All.Select(create => create(state, background)).ToArray();

    /// <summary>The emulated provider with this name (case-insensitive), outside any emulator.</summary>
    /// <exception cref="ArgumentException">No provider of that name is emulated.</exception>
    public static EmulatorModule Describe(string provider)
        => Described.Value.FirstOrDefault(p => string.Equals(p.Name, provider, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{provider}' is not an emulated provider (emulated: {string.Join(", ", Described.Value.Select(p => p.Name))}).", nameof(provider));
}
