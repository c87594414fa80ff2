using System.Collections.Concurrent;

namespace ViberMessaging.Testing;

/// <summary>
/// Knobs of the emulated DecisionTelecom API of one <see cref="ViberEmulator"/>, for the answers the API can give
/// that no request can provoke: errors with HTTP 200, an empty balance, any status int. Get them with
/// <c>emulator.Provider&lt;DecisionTelecomEmulatorSettings&gt;()</c>. Thread-safe; changes apply to the next request.
/// </summary>
/// <example>
/// <code>
/// var decisionTelecom = emulator.Provider&lt;DecisionTelecomEmulatorSettings&gt;();
/// decisionTelecom.ErrorsWithHttp200 = true;                          // errors with HTTP 200, as some deployments answer
/// decisionTelecom.BalanceEmpty = true;                               // code 3 / 402 on every send
/// decisionTelecom.OverrideStatus("9007199254740993", 20, smsStatus: 7);
/// </code>
/// </example>
public sealed class DecisionTelecomEmulatorSettings : EmulatorProviderSettings
{
    private readonly ConcurrentDictionary<string, (int Status, int? SmsStatus)> _statuses = new(StringComparer.Ordinal);
    private volatile bool _errorsWithHttp200;
    private volatile bool _balanceEmpty;

    internal DecisionTelecomEmulatorSettings()
        : base(ViberProviders.DecisionTelecom)
    {
    }

    /// <summary>
    /// Whether the documented errors (<c>{name, message, code, status}</c> with codes 0–3) come with HTTP 200, as
    /// DecisionTelecom's own SDK tests show, instead of with the HTTP status named in their <c>status</c>.
    /// </summary>
    /// <value><see langword="false"/>: errors come with their matching HTTP status (400, 402, 429, 500).</value>
    public bool ErrorsWithHttp200
    {
        get => _errorsWithHttp200;
        set => _errorsWithHttp200 = value;
    }

    /// <summary>Whether the account's balance is empty: every send fails with code 3 <c>Topup balance is required</c> (HTTP 402).</summary>
    /// <value><see langword="false"/>.</value>
    public bool BalanceEmpty
    {
        get => _balanceEmpty;
        set => _balanceEmpty = value;
    }

    /// <summary>
    /// Makes the status query (<c>receive-viber</c>) answer <paramref name="status"/> for a message from now on,
    /// whatever its timeline says: for example 2 (error), 20 (unknown) or an int the API does not document.
    /// </summary>
    /// <param name="messageId">The <c>message_id</c> send-viber returned.</param>
    /// <param name="status">The Viber status int to answer.</param>
    /// <param name="smsStatus">The SMS fallback's SMPP <c>message_state</c> to answer with the message's SMS id, or <see langword="null"/> for none.</param>
    public void OverrideStatus(string messageId, int status, int? smsStatus = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        _statuses[messageId] = (status, smsStatus);
    }

    internal bool TryGetStatus(string messageId, out (int Status, int? SmsStatus) status) => _statuses.TryGetValue(messageId, out status);
}
