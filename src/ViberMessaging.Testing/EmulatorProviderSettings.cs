namespace ViberMessaging.Testing;

/// <summary>
/// The knobs of one emulated provider: the answers its API can give that no request provokes (an empty balance, any
/// status word or code, errors in another shape) and the inputs that provoke the rest. Every provider has one type
/// deriving from this, named <c>&lt;Provider&gt;EmulatorSettings</c>; reach it with
/// <see cref="ViberEmulator.Provider{TSettings}"/>.
/// </summary>
/// <remarks>Thread-safe: a change applies to the next request. Each emulator has its own instance.</remarks>
public abstract class EmulatorProviderSettings
{
    private protected EmulatorProviderSettings(string provider) => Provider = provider;

    /// <summary>The provider these settings belong to, as in <see cref="ViberProviders"/>.</summary>
    public string Provider { get; }
}
