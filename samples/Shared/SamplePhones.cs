namespace ViberMessaging.Samples;

/// <summary>Test numbers in each provider's home region, for runs against the emulator.</summary>
internal static class SamplePhones
{
    /// <summary>A number in the provider's region: Ukraine for SMS Club and DecisionTelecom, Russia for Devino, Belarus for SMS.by.</summary>
    public static PhoneNumber For(string provider, int index = 0) => PhoneNumber.Parse(Prefix(provider) + index.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>How many distinct numbers <see cref="For"/> can make.</summary>
    public const int Capacity = 10_000_000;

    private static string Prefix(string provider) => provider switch
    {
        ViberProviders.SmsClub => "+38050",
        ViberProviders.Devino => "+7916",
        ViberProviders.DecisionTelecom => "+38067",
        ViberProviders.SmsBy => "+37529",

        // Any other provider: a Ukrainian operator prefix of its own (the emulator accepts any well-formed number).
        _ => "+38063",
    };
}
