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
        var section = $"ViberMessaging:{provider}";

        // SMS.by takes sender ids, not names: a real account maps its own (the samples send as "MyShop").
        (string, string?)[] senders = provider == ViberProviders.SmsBy ? [($"{section}:ViberSenders:MyShop", "101")] : [];
        return SampleOutcome.Configured([.. emulator.GetConfiguration(provider).Select(setting => ($"{section}:{setting.Key}", (string?)setting.Value)), .. senders]);
    }
}
