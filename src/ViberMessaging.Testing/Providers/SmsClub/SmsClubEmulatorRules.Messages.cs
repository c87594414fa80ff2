namespace ViberMessaging.Testing.Providers.SmsClub;

/// <summary>The words SMS Club's errors carry (<c>errorRequest.errors.&lt;key&gt;</c>), as the document and the live API write them.</summary>
internal static partial class SmsClubEmulatorRules
{
    public const string IncorrectSender = "Sender name is incorrect";
    public const string IncorrectSmsSender = "Sender name is incorrect (SMS)";
    public const string IncorrectText = "Incorrect text.";
    public const string IncorrectSmsText = "Incorrect text (SMS).";
    public const string AccountNotAvailable = "Distribution of SMS-mailings from this account is not available";
    public const string NoValidNumbers = "No valid numbers found.";
    public const string NotEnoughMoney = "Not enough money. It is necessary to refill the balance";
    public const string NotEnoughMoneyForSms = "Not enough money for the \"VIBER + SMS\" service. It is necessary to refill the balance";
    public const string SystemError = "Sorry, a system error has occurred, please contact support.";
    public const string FailedToLoadImage = "Failed to load image.";
    public const string SmsPair = "Fields: \"Alpha-name (SMS)\" and \"Message text (SMS)\" should be filled together or not filled at all";
    public const string ButtonPair = "The button field {button_txt} and its URL {button_url} must be filled both or not filled in at all";
    public const string PictureGroup = "The picture {picture_url}, the button field {button_txt} and its URL {button_url} must be used together or not at all";
    public const string DatePair = "Date parameters must be present or absent together";
    public const string DateWindow = "Distributions can be scheduled from 8:00 to 20:00";
    public const string DateFormat = "Incorrect unix date format";
    public const string DateOrder = "The mailing end date is less than the mailing start date";
    public const string InvalidPhones = "Invalid array of numbers";
    public const string TooManyPhones = "The number of messages in one request should not exceed 500 numbers";
    public const string LifetimeRange = "Lifetime must be from 60 to 86000 seconds for one number and from 3600 to 86000 seconds for several";
    public const string ChatNotFound = "Chat not found.";

    /// <summary>The Viber status word of <c>/vibers/status</c> (a read message is <c>Delivered</c> with addition <c>Read</c>).</summary>
    public static string ViberWord(EmulatedViberState state) => state switch
    {
        EmulatedViberState.Pending => "Pending",
        EmulatedViberState.Sent => "Sent",
        EmulatedViberState.Delivered or EmulatedViberState.Read => "Delivered",
        EmulatedViberState.Expired => "Expired",
        _ => "Undeliverable",
    };

    /// <summary><c>additionStatus</c>: <c>Read</c>, or why an undeliverable message failed; otherwise none.</summary>
    public static string? AdditionWord(EmulatedStatus status) => status.Viber switch
    {
        EmulatedViberState.Read => "Read",
        EmulatedViberState.Undeliverable => status.Behavior switch
        {
            RecipientBehavior.NotViberUser => "Not registered",
            RecipientBehavior.BlocksSender => "Blocked by the recipient",
            RecipientBehavior.DeviceNotSupported => "Mailing lists are not supported",
            _ => null,
        },
        _ => null,
    };

    /// <summary><c>smsStatus</c> of a message with an SMS fallback, once the fallback runs.</summary>
    public static string? SmsWord(EmulatedSmsState? state) => state switch
    {
        EmulatedSmsState.Pending => "Pending",
        EmulatedSmsState.Sent => "Sent",
        EmulatedSmsState.Delivered => "Delivered",
        EmulatedSmsState.Undeliverable => "Undeliverable",
        _ => null,
    };
}
