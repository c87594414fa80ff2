using System.Collections.Concurrent;
using System.Net;
using ViberMessaging.Testing.Providers.SmsBy;

namespace ViberMessaging.Testing;

/// <summary>
/// Knobs of the emulated SMS.by API of one <see cref="ViberEmulator"/>: its stored subscriber lists, the replies
/// recipients write, the status words it reports and how it says "not found". Get them with
/// <c>emulator.Provider&lt;SmsByEmulatorSettings&gt;()</c>. Thread-safe; changes apply to the next request.
/// </summary>
/// <example>
/// <code>
/// var smsBy = emulator.Provider&lt;SmsByEmulatorSettings&gt;();
/// smsBy.OverrideStatus("+375291234567", "EXPIRED");          // any status word, for every message to that phone
/// smsBy.NotFoundStatus = HttpStatusCode.NotFound;            // unknown ids answered with 404 instead of 200
/// smsBy.SetSubscriberList(9, "+375297000001", "+375297000002");
/// smsBy.AddIncomingMessage(mailingId, "+375291234567", "Yes, please");
/// </code>
/// </example>
public sealed class SmsByEmulatorSettings : EmulatorProviderSettings
{
    private readonly SmsByEmulatorStore _store;
    private readonly ConcurrentDictionary<string, string> _statusWords = new(StringComparer.Ordinal);
    private volatile int _notFoundStatus = (int)HttpStatusCode.OK;

    internal SmsByEmulatorSettings(SmsByEmulatorStore store)
        : base(ViberProviders.SmsBy)
        => _store = store;

    /// <summary>
    /// The HTTP status of SMS.by's answer to an unknown id (<c>{"error":"not found"}</c>, and to an unknown uuid in
    /// <c>statusBulkViber</c>): other deployments may send 400 or 404.
    /// </summary>
    /// <value><see cref="HttpStatusCode.OK"/>, as SMS.by answers.</value>
    /// <exception cref="ArgumentOutOfRangeException">The status is not between 200 and 599.</exception>
    public HttpStatusCode NotFoundStatus
    {
        get => (HttpStatusCode)_notFoundStatus;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan((int)value, 200, nameof(value));
            ArgumentOutOfRangeException.ThrowIfGreaterThan((int)value, 599, nameof(value));
            _notFoundStatus = (int)value;
        }
    }

    /// <summary>
    /// Defines (or replaces) a subscriber list that SMS.by's <c>sendViberMessageList</c> can address. Lists 1 (four
    /// phones, <c>375291000001</c>–<c>4</c>) and 2 (two phones, <c>375292000001</c>–<c>2</c>) exist from the start.
    /// </summary>
    /// <param name="listId">The list's id (<c>list_id</c>).</param>
    /// <param name="phones">The subscribers, in any form <see cref="PhoneNumber.Parse"/> accepts.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="listId"/> is not positive.</exception>
    /// <exception cref="ViberValidationException">A phone is not a phone number.</exception>
    public void SetSubscriberList(long listId, params string[] phones)
    {
        ArgumentNullException.ThrowIfNull(phones);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(listId);
        _store.SetList(listId, phones.Select(p => PhoneNumber.Parse(p).Digits).ToArray());
    }

    /// <summary>
    /// Makes SMS.by report <paramref name="status"/> for every message to <paramref name="phone"/> from now on
    /// (<c>getViberDeliveryData</c>, <c>getViberDeliveryList</c>, <c>statusBulkViber</c>), whatever its timeline says:
    /// a failure word such as <c>EXPIRED</c>, a lower-case word, or one SMS.by does not document.
    /// </summary>
    /// <param name="phone">The recipient, in any form <see cref="PhoneNumber.Parse"/> accepts.</param>
    /// <param name="status">The status word to answer, as it is.</param>
    /// <exception cref="ArgumentException"><paramref name="status"/> is empty.</exception>
    /// <exception cref="ViberValidationException"><paramref name="phone"/> is not a phone number.</exception>
    public void OverrideStatus(string phone, string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        _statusWords[PhoneNumber.Parse(phone).Digits] = status;
    }

    /// <summary>Adds a reply from <paramref name="phone"/> to an SMS.by mailing; <c>getNewIncomingMessages</c> returns it at once.</summary>
    /// <param name="mailingId">The mailing (a quick message's <c>message_id</c> is one too).</param>
    /// <param name="phone">Who replies, in any form <see cref="PhoneNumber.Parse"/> accepts.</param>
    /// <param name="text">The reply.</param>
    /// <returns>The incoming message's id.</returns>
    /// <exception cref="ArgumentException">The mailing does not exist, or <paramref name="text"/> is empty.</exception>
    public string AddIncomingMessage(long mailingId, string phone, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return _store.AddIncoming(mailingId, PhoneNumber.Parse(phone).Digits, text);
    }

    internal string? OverriddenStatus(string digits) => _statusWords.TryGetValue(digits, out var word) ? word : null;
}
