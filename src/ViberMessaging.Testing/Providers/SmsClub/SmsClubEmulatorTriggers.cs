namespace ViberMessaging.Testing;

/// <summary>See <see cref="SmsClubEmulatorSettings"/>.</summary>
public static class SmsClubEmulatorTriggers
{
    /// <summary>See <see cref="SmsClubEmulatorSettings.BlockedAccountSender"/>.</summary>
    public const string BlockedAccountSender = SmsClubEmulatorSettings.BlockedAccountSender;

    /// <summary>See <see cref="SmsClubEmulatorSettings.UnregisteredSender"/>.</summary>
    public const string UnregisteredSender = SmsClubEmulatorSettings.UnregisteredSender;

    /// <summary>See <see cref="SmsClubEmulatorSettings.NoMoneySender"/>.</summary>
    public const string NoMoneySender = SmsClubEmulatorSettings.NoMoneySender;

    /// <summary>See <see cref="SmsClubEmulatorSettings.SystemErrorSender"/>.</summary>
    public const string SystemErrorSender = SmsClubEmulatorSettings.SystemErrorSender;

    /// <summary>See <see cref="SmsClubEmulatorSettings.UnregisteredSmsSender"/>.</summary>
    public const string UnregisteredSmsSender = SmsClubEmulatorSettings.UnregisteredSmsSender;

    /// <summary>See <see cref="SmsClubEmulatorSettings.NoMoneyForSmsSender"/>.</summary>
    public const string NoMoneyForSmsSender = SmsClubEmulatorSettings.NoMoneyForSmsSender;

    /// <summary>See <see cref="SmsClubEmulatorSettings.RejectedWord"/>.</summary>
    public const string RejectedWord = SmsClubEmulatorSettings.RejectedWord;

    /// <summary>See <see cref="SmsClubEmulatorSettings.BrokenImageMarker"/>.</summary>
    public const string BrokenImageMarker = SmsClubEmulatorSettings.BrokenImageMarker;

    /// <summary>The default registered senders.</summary>
    public static IReadOnlyList<string> RegisteredSenders { get; } = ["ViberMessaging", "MyShop"];
}
