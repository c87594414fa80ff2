using System.Globalization;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Sizes of the reliability suite. CI runs the defaults (seconds); the environment variables turn them into long runs.
/// </summary>
internal static class ReliabilitySettings
{
    /// <summary>Fuzz cases per run: <c>VIBERMESSAGING_FUZZ_CASES</c> (for example 100000), default 4 000.</summary>
    public static int FuzzCases => Read("VIBERMESSAGING_FUZZ_CASES", 4_000);

    /// <summary>The fuzzer's seed: <c>VIBERMESSAGING_FUZZ_SEED</c>, default 20261015 (a failing case prints its seed).</summary>
    public static int FuzzSeed => Read("VIBERMESSAGING_FUZZ_SEED", 20261015);

    /// <summary>The first fuzz case: <c>VIBERMESSAGING_FUZZ_FIRST_CASE</c> (with <c>VIBERMESSAGING_FUZZ_CASES=1</c> it replays one finding), default 0.</summary>
    public static int FuzzFirstCase => Read("VIBERMESSAGING_FUZZ_FIRST_CASE", 0);

    /// <summary>Sends per provider in the fault matrix: <c>VIBERMESSAGING_FAULT_SENDS</c>, default 1 000.</summary>
    public static int FaultMatrixSends => Read("VIBERMESSAGING_FAULT_SENDS", 1_000);

    private static int Read(string variable, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
