using ViberMessaging.Testing;

namespace ViberMessaging.Samples;

/// <summary>Test numbers in each provider's home region, for runs against the emulator.</summary>
internal static class SamplePhones
{
    /// <summary>A number in the provider's region that its emulator accepts (<see cref="ViberEmulator.GetSamplePhone"/>).</summary>
    public static PhoneNumber For(string provider, int index = 0) => ViberEmulator.GetSamplePhone(provider, index);

    /// <summary>How many distinct numbers <see cref="For"/> can make.</summary>
    public const int Capacity = ViberEmulator.SamplePhonesPerProvider;
}
