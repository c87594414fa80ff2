namespace ViberMessaging.Cli;

/// <summary>A mistake the user can fix (an argument, a file, a setting): one line and exit code 2, never a stack trace.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
