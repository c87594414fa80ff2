namespace ViberMessaging.Samples.Tests.TestSupport;

/// <summary>A test that sends SIGINT to a sample process: Linux and macOS, with SIGINT not ignored.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Skip = "Sends SIGINT with kill(1): Linux and macOS only.";
        }
        else if (SigIntIgnored())
        {
            // A shell without job control starts background commands with SIGINT ignored, and children inherit it: the
            // sample would never see Ctrl+C and the test would fail for the shell's reason, not the sample's.
            Skip = "SIGINT is ignored in this test process (started in the background by a shell without job control), so a sample it starts cannot receive Ctrl+C; run the tests in the foreground.";
        }
    }

    /// <summary>Whether this process ignores SIGINT (Linux: bit 2 of SigIgn in /proc/self/status).</summary>
    private static bool SigIntIgnored()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/status"))
        {
            return false;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var ignored)
            && (ignored & 0x2) != 0;
    }
}
