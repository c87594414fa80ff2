namespace ViberMessaging.Cli;

/// <summary>Where <c>viber</c> writes, and where it reads its configuration: the process's own by default.</summary>
public sealed class ViberCliContext
{
    /// <summary>Where results go.</summary>
    /// <value><see cref="Console.Out"/>.</value>
    public TextWriter Output { get; init; } = Console.Out;

    /// <summary>Where errors and warnings go.</summary>
    /// <value><see cref="Console.Error"/>.</value>
    public TextWriter Error { get; init; } = Console.Error;

    /// <summary>The directory <c>appsettings.json</c> and the campaign journal are read from.</summary>
    /// <value>The current directory.</value>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>
    /// The environment variables to read configuration from (<c>ViberMessaging__SmsClub__Token</c>), or
    /// <see langword="null"/> for the process's own.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; init; }

    /// <summary>Whether to read user secrets (id <c>vibermessaging-cli</c>).</summary>
    /// <value><see langword="true"/>.</value>
    public bool UseUserSecrets { get; init; } = true;

    /// <summary>Whether this run owns the process, and so handles Ctrl+C and SIGTERM itself.</summary>
    /// <value><see langword="true"/> for <see cref="ViberCli.Main"/>; set <see langword="false"/> when hosting <c>viber</c> in another process.</value>
    public bool OwnsProcess { get; init; } = true;
}
