using System.Globalization;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Sizes of the reliability suite. CI runs the defaults (seconds); the environment variables turn them into long runs.
/// </summary>
internal static class ReliabilitySettings
{
    /// <summary>Fuzz cases per run: <c>VIBERMESSAGING_FUZZ_CASES</c> (for example 100000), default 4 000.</summary>
    public static int FuzzCases => Read("VIBERMESSAGING_FUZZ_CASES", 4_000);

    /// <summary>Sends per provider in the fault matrix: <c>VIBERMESSAGING_FAULT_SENDS</c>, default 1 000.</summary>
    public static int FaultMatrixSends => Read("VIBERMESSAGING_FAULT_SENDS", 1_000);

    private static int Read(string variable, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
