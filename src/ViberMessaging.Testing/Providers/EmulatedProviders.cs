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

    /// <summary>One module per provider for one emulator.</summary>
    public static EmulatorModule[] Create(EmulatorState state, EmulatorBackground background)
        => All.Select(create => create(state, background)).ToArray();
}
