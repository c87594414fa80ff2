using System.Globalization;

namespace ViberMessaging.Testing;

/// <summary>
/// Knobs of the emulated SMS Club API of one <see cref="ViberEmulator"/>: the sender names it lists and the balance it
/// reports, and the inputs (constants here) that make it answer with its account-level errors, the way a payment
/// sandbox has test card numbers. Everything else is accepted: any sender name, any text, every well-formed phone
/// (script phones with <see cref="ViberEmulator.ScriptRecipient"/> for invalid, blacklisted or dropped recipients).
/// Get the instance with <c>emulator.Provider&lt;SmsClubEmulatorSettings&gt;()</c>. Thread-safe; changes apply to
/// the next request.
/// </summary>
/// <example>
/// <code>
/// var message = new ViberMessage { Sender = SmsClubEmulatorSettings.NoMoneySender, … };
/// // → ViberMessagingException with ErrorCode InsufficientFunds (HTTP 464, errorRequest.errors.noMoney)
/// emulator.Provider&lt;SmsClubEmulatorSettings&gt;().Balance = 0m;     // POST /sms/balance reports 0.0000
/// </code>
/// </example>
public sealed class SmsClubEmulatorSettings : EmulatorProviderSettings
{
    /// <summary><c>sender</c> → HTTP 460, <c>account</c>: sending from this account is not available.</summary>
    public const string BlockedAccountSender = "BlockedAccount";

    /// <summary><c>sender</c> → HTTP 461, <c>sender</c>: the alpha name is not registered.</summary>
    public const string UnregisteredSender = "Unregistered";

    /// <summary><c>sender</c> → HTTP 464, <c>noMoney</c>: not enough money.</summary>
    public const string NoMoneySender = "NoMoney";

    /// <summary><c>sender</c> → HTTP 465, <c>systemError</c>: a system error in the service.</summary>
    public const string SystemErrorSender = "SystemError";

    /// <summary><c>senderSms</c> → HTTP 466, <c>SMS</c>: the SMS alpha name is incorrect (so is any longer than 11 characters).</summary>
    public const string UnregisteredSmsSender = "UnregSms";

    /// <summary><c>senderSms</c> → HTTP 468, <c>noMoney</c>: not enough money for the SMS of "Viber + SMS".</summary>
    public const string NoMoneyForSmsSender = "NoMoneySms";

    /// <summary>Contained in <c>message</c> → HTTP 462, <c>text</c>; in <c>messageSms</c> → HTTP 467 (so is a text over 1000 characters).</summary>
    public const string RejectedWord = "CENSORED";

    /// <summary>Contained in <c>picture_url</c> → HTTP 400, <c>upload_img</c>: the image could not be loaded.</summary>
    public const string BrokenImageMarker = "broken-image";

    private volatile IReadOnlyList<string> _registeredSenders = ["ViberMessaging", "MyShop"];
    private volatile Account _account = new(8111.17m, "UAH");

    internal SmsClubEmulatorSettings()
        : base(ViberProviders.SmsClub)
    {
    }

    /// <summary>The sender names <c>GET /vibers/originator</c> lists.</summary>
    /// <value><c>ViberMessaging</c> and <c>MyShop</c>.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public IReadOnlyList<string> RegisteredSenders
    {
        get => _registeredSenders;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _registeredSenders = value.ToArray();
        }
    }

    /// <summary>The balance <c>POST /sms/balance</c> reports, written as SMS Club writes it (four decimals).</summary>
    /// <value>8111.17.</value>
    public decimal Balance
    {
        get => _account.Balance;
        set => _account = _account with { Balance = value };
    }

    /// <summary>The currency of <see cref="Balance"/>.</summary>
    /// <value><c>UAH</c>.</value>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    public string Currency
    {
        get => _account.Currency;
        set
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            _account = _account with { Currency = value };
        }
    }

    /// <summary>The balance and currency as <c>POST /sms/balance</c> writes them, read together.</summary>
    internal (string Money, string Currency) BalanceAnswer()
    {
        var account = _account;
        return (account.Balance.ToString("0.0000", CultureInfo.InvariantCulture), account.Currency);
    }

    private sealed record Account(decimal Balance, string Currency);
}
