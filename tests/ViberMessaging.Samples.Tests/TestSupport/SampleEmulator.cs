using Microsoft.Extensions.Configuration;
using ViberMessaging.Testing;

namespace ViberMessaging.Samples.Tests.TestSupport;

/// <summary>
/// An emulator the test owns, and configuration that makes a sample treat a provider as configured ("real") while it
/// talks to this emulator: the configuration path of the samples, checked against what the provider received.
/// </summary>
public static class SampleEmulator
{
    public static IConfiguration ConfigurationFor(ViberEmulator emulator, string provider)
    {
        var credentials = emulator.Options.Credentials;
        var section = $"ViberMessaging:{provider}";
        (string, string?)[] values = provider switch
        {
            ViberProviders.SmsClub => [($"{section}:Token", credentials.SmsClubToken)],
            ViberProviders.Devino => [($"{section}:Login", credentials.DevinoLogin), ($"{section}:Password", credentials.DevinoPassword)],
            ViberProviders.DecisionTelecom => [($"{section}:ApiKey", credentials.DecisionTelecomApiKey)],
            ViberProviders.SmsBy => [($"{section}:Token", credentials.SmsByToken), ($"{section}:ViberSenders:MyShop", "101")],
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        return SampleOutcome.Configured([($"{section}:BaseAddress", emulator.GetBaseAddress(provider).AbsoluteUri), .. values]);
    }
}
