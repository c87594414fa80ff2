using ViberMessaging.Testing.Providers.Devino;

namespace ViberMessaging.Testing;

/// <summary>Devino-specific scripting of a <see cref="ViberEmulator"/>: any documented code on demand, and the document's field names.</summary>
/// <example>
/// <code>
/// emulator.ScriptDevinoCode("+79250000001", "error-subject-unknown");   // that recipient is rejected with the code
/// emulator.InjectDevinoStatus("error-account-locked");                   // the next request is refused with it
/// </code>
/// </example>
public static class DevinoEmulatorExtensions
{
    /// <summary>Answers every <c>/send</c> message to <paramref name="phone"/> with the per-message <paramref name="code"/> instead of accepting it.</summary>
    /// <param name="emulator">A running emulator.</param>
    /// <param name="phone">The recipient, in any form <see cref="PhoneNumber.Parse"/> accepts.</param>
    /// <param name="code">A Devino per-message code, for example <c>error-subject-unknown</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty.</exception>
    public static void ScriptDevinoCode(this ViberEmulator emulator, string phone, string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        DevinoEmulator.Of(emulator).ScriptCode(PhoneNumber.Parse(phone).Digits, code);
    }

    /// <summary>
    /// Refuses the next <paramref name="count"/> authenticated Devino requests with the request-level
    /// <paramref name="status"/> at HTTP 200 (<c>{"status":"…","messages":[]}</c>), as Devino does.
    /// </summary>
    /// <param name="emulator">A running emulator.</param>
    /// <param name="status">A Devino request-level code, for example <c>error-account-locked</c> or <c>error-system</c>.</param>
    /// <param name="count">How many requests it strikes.</param>
    /// <param name="pathContains">Only requests whose path contains this text (<c>send</c> or <c>status</c>), or <see langword="null"/> for any.</param>
    /// <exception cref="ArgumentException"><paramref name="status"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static void InjectDevinoStatus(this ViberEmulator emulator, string status, int count = 1, string? pathContains = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        DevinoEmulator.Of(emulator).InjectStatus(status, count, pathContains);
    }

    /// <summary>
    /// Answers <c>/status</c> with the field names of Devino's document (<c>smsStates[].state</c>, <c>error</c>, and
    /// only the SMS states for a re-sent message) instead of the live API's (<c>status</c>, <c>errorCode</c>, both).
    /// </summary>
    /// <param name="emulator">A running emulator.</param>
    /// <param name="enabled">Whether to use the document's names.</param>
    public static void UseDevinoDocumentFieldNames(this ViberEmulator emulator, bool enabled = true)
        => DevinoEmulator.Of(emulator).DocumentFieldNames = enabled;
}
