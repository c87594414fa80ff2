namespace ViberMessaging.Testing;

/// <summary>
/// Inputs that make the emulated SMS Club answer with its account-level errors, the way a payment sandbox has test
/// card numbers. Everything else is accepted: any sender name, any text, every well-formed phone (script phones
/// with <see cref="ViberEmulator.ScriptRecipient"/> for invalid, blacklisted or dropped recipients).
/// </summary>
/// <example>
/// <code>
/// var message = new ViberMessage { Sender = SmsClubEmulatorTriggers.NoMoneySender, … };
/// // → ViberMessagingException with ErrorCode InsufficientFunds (HTTP 464, errorRequest.errors.noMoney)
/// </code>
/// </example>
public static class SmsClubEmulatorTriggers
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

    /// <summary>The sender names <c>GET /vibers/originator</c> lists.</summary>
    public static IReadOnlyList<string> RegisteredSenders { get; } = ["ViberMessaging", "MyShop"];

    /// <summary>The balance <c>POST /sms/balance</c> reports, as SMS Club writes it (four decimals).</summary>
    public const string Balance = "8111.1700";

    /// <summary>The currency of <see cref="Balance"/>.</summary>
    public const string Currency = "UAH";
}
