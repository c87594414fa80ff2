namespace ViberMessaging.Samples.Tests.TestSupport;

/// <summary>A test that needs a Unix host (it sends signals with kill(1)); skipped elsewhere, and says so.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Skip = "Sends SIGINT with kill(1): Linux and macOS only.";
        }
    }
}
