namespace ViberMessaging.Testing;

/// <summary>Devino-specific scripting of a <see cref="ViberEmulator"/> (see <see cref="DevinoEmulatorSettings"/>).</summary>
public static class DevinoEmulatorExtensions
{
    /// <summary>See <see cref="DevinoEmulatorSettings.ScriptCode"/>.</summary>
    /// <param name="emulator">A running emulator.</param>
    /// <param name="phone">The recipient.</param>
    /// <param name="code">A Devino per-message code.</param>
    public static void ScriptDevinoCode(this ViberEmulator emulator, string phone, string code)
        => emulator.Provider<DevinoEmulatorSettings>().ScriptCode(phone, code);

    /// <summary>See <see cref="DevinoEmulatorSettings.InjectStatus"/>.</summary>
    /// <param name="emulator">A running emulator.</param>
    /// <param name="status">A Devino request-level code.</param>
    /// <param name="count">How many requests it strikes.</param>
    /// <param name="pathContains">Only requests whose path contains this text.</param>
    public static void InjectDevinoStatus(this ViberEmulator emulator, string status, int count = 1, string? pathContains = null)
        => emulator.Provider<DevinoEmulatorSettings>().InjectStatus(status, count, pathContains);

    /// <summary>See <see cref="DevinoEmulatorSettings.DocumentFieldNames"/>.</summary>
    /// <param name="emulator">A running emulator.</param>
    /// <param name="enabled">Whether to use the document's names.</param>
    public static void UseDevinoDocumentFieldNames(this ViberEmulator emulator, bool enabled = true)
        => emulator.Provider<DevinoEmulatorSettings>().DocumentFieldNames = enabled;
}
