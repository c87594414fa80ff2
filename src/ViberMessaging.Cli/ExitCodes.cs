namespace ViberMessaging.Cli;

/// <summary>The exit codes of every command (docs/cli.md lists them).</summary>
internal static class ExitCodes
{
    /// <summary>Done: every message accepted, every lookup answered.</summary>
    public const int Ok = 0;

    /// <summary>A provider call other than a send failed (status, balance, chats), or the run found a problem.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments, input or configuration: nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>At least one message was provably not sent (refused, rejected, or failed before the provider had it).</summary>
    public const int NotSent = 3;

    /// <summary>At least one message may or may not have been sent: check its status before sending it again.</summary>
    public const int Unknown = 4;

    /// <summary>Ctrl+C (or SIGTERM) stopped the command; what was done is reported.</summary>
    public const int Interrupted = 130;

    /// <summary>The worse of two codes: interrupted, then unknown, then not sent, then failed.</summary>
    public static int Worst(int a, int b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(int code) => code switch
    {
        Interrupted => 5,
        Unknown => 4,
        NotSent => 3,
        Usage => 2,
        Failed => 1,
        _ => 0,
    };
}
