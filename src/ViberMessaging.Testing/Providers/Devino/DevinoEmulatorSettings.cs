using System.Collections.Concurrent;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing;

/// <summary>
/// Knobs of the emulated Devino API of one <see cref="ViberEmulator"/>: any documented code on demand, per recipient or
/// per request, and the document's field names. Get them with <c>emulator.Provider&lt;DevinoEmulatorSettings&gt;()</c>.
/// Thread-safe; changes apply to the next request.
/// </summary>
/// <example>
/// <code>
/// var devino = emulator.Provider&lt;DevinoEmulatorSettings&gt;();
/// devino.ScriptCode("+79250000001", "error-subject-unknown");   // that recipient is rejected with the code
/// devino.InjectStatus("error-account-locked");                  // the next request is refused with it (HTTP 200)
/// devino.DocumentFieldNames = true;                             // statuses as the document spells them
/// </code>
/// </example>
public sealed class DevinoEmulatorSettings : EmulatorProviderSettings
{
    private readonly ConcurrentDictionary<string, string> _codes = new(StringComparer.Ordinal);
    private readonly StrikeQueue<string> _statuses = new();
    private volatile bool _documentFieldNames;

    internal DevinoEmulatorSettings()
        : base(ViberProviders.Devino)
    {
    }

    /// <summary>
    /// Whether <c>/status</c> answers with the field names of Devino's document (<c>smsStates[].state</c>, <c>error</c>,
    /// and only the SMS states for a re-sent message) instead of the live API's (<c>status</c>, <c>errorCode</c>, both).
    /// </summary>
    /// <value><see langword="false"/>: the live API's names.</value>
    public bool DocumentFieldNames
    {
        get => _documentFieldNames;
        set => _documentFieldNames = value;
    }

    /// <summary>Answers every <c>/send</c> message to <paramref name="phone"/> with the per-message <paramref name="code"/> instead of accepting it.</summary>
    /// <param name="phone">The recipient, in any form <see cref="PhoneNumber.Parse"/> accepts.</param>
    /// <param name="code">A Devino per-message code, for example <c>error-subject-unknown</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty.</exception>
    /// <exception cref="ViberValidationException"><paramref name="phone"/> is not a phone number.</exception>
    public void ScriptCode(string phone, string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        _codes[PhoneNumber.Parse(phone).Digits] = code;
    }

    /// <summary>
    /// Refuses the next <paramref name="count"/> authenticated Devino requests with the request-level
    /// <paramref name="status"/> at HTTP 200 (<c>{"status":"…","messages":[]}</c>), as Devino does.
    /// </summary>
    /// <param name="status">A Devino request-level code, for example <c>error-account-locked</c> or <c>error-system</c>.</param>
    /// <param name="count">How many requests it strikes.</param>
    /// <param name="pathContains">Only requests whose path contains this text (<c>send</c> or <c>status</c>), or <see langword="null"/> for any.</param>
    /// <exception cref="ArgumentException"><paramref name="status"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public void InjectStatus(string status, int count = 1, string? pathContains = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _statuses.Add(status, count, pathContains);
    }

    internal string? ScriptedCode(string digits) => _codes.TryGetValue(digits, out var code) ? code : null;

    internal string? TakeInjectedStatus(string path) => _statuses.Take(path);
}
