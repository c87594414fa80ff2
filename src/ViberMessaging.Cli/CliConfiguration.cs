using Microsoft.Extensions.Configuration;
using ViberMessaging.Testing;

namespace ViberMessaging.Cli;

/// <summary>
/// The configuration as the library reads it, from the sources an app would use, later ones winning:
/// <c>appsettings.json</c> and <c>appsettings.{DOTNET_ENVIRONMENT}.json</c> in the working directory, user secrets
/// (id <c>vibermessaging-cli</c>), environment variables (<c>ViberMessaging__SmsClub__Token</c>), then <c>--config</c>.
/// </summary>
internal static class CliConfiguration
{
    public const string Section = ViberMessagingOptions.DefaultSectionName;

    /// <summary>Endings of key names whose values are credentials: never printed, and scrubbed from any text that is.</summary>
    private static readonly string[] SecretEndings = ["token", "password", "apikey", "secret", "login", "connectionstring"];

    public static IConfiguration Load(ViberCliContext context, FileInfo? configFile)
    {
        var environment = Variable(context, "DOTNET_ENVIRONMENT") ?? Variable(context, "ASPNETCORE_ENVIRONMENT") ?? "Production";
        var builder = new ConfigurationBuilder()
            .SetBasePath(context.WorkingDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true);
        if (context.UseUserSecrets)
        {
            builder.AddUserSecrets(typeof(CliConfiguration).Assembly, optional: true);
        }

        if (context.EnvironmentVariables is { } variables)
        {
            // The same rule as AddEnvironmentVariables(): "__" separates sections.
            builder.AddInMemoryCollection(variables.Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), (string?)v.Value)));
        }
        else
        {
            builder.AddEnvironmentVariables();
        }

        if (configFile is not null)
        {
            var path = Path.IsPathRooted(configFile.ToString()) ? configFile.FullName : Path.Combine(context.WorkingDirectory, configFile.ToString());
            if (!File.Exists(path))
            {
                throw new CliUsageException($"--config: file '{configFile}' does not exist.");
            }

            builder.AddJsonFile(path, optional: false);
        }

        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
        {
            throw new CliUsageException($"cannot read the configuration: {e.Message}");
        }
    }

    /// <summary>Whether anything is set under <c>ViberMessaging:&lt;provider&gt;</c>.</summary>
    public static bool IsConfigured(IConfiguration configuration, string provider)
        => configuration.GetSection($"{Section}:{provider}").Exists();

    /// <summary>The provider's name as the SDK spells it, or a usage error naming the choices.</summary>
    public static string Canonical(string provider)
        => ViberProviders.All.FirstOrDefault(p => string.Equals(p, provider, StringComparison.OrdinalIgnoreCase))
            ?? throw new CliUsageException($"--provider: '{provider}' is not a provider; choose one of {string.Join(", ", ViberProviders.All)}.");

    /// <summary>
    /// The configuration that points every provider at <paramref name="emulator"/>, over <paramref name="configuration"/>
    /// (the same keys a user would set to use a standalone emulator).
    /// </summary>
    public static IConfiguration ForEmulator(IConfiguration configuration, ViberEmulator emulator, IEnumerable<string> senders)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            // In one process on a busy machine arrivals trail departures: a wider margin keeps SMS Club's strict window clean.
            [$"{Section}:SmsClub:Pacing:SafetyMargin"] = "00:00:00.100",
        };
        foreach (var sender in senders.Distinct(StringComparer.Ordinal))
        {
            // SMS.by takes sender ids, not names: map the names used to ids the emulator accepts.
            values[$"{Section}:SmsBy:ViberSenders:{sender}"] = "101";
            values[$"{Section}:SmsBy:SmsSenders:{sender}"] = "444";
        }

        foreach (var provider in emulator.Providers)
        {
            foreach (var (key, value) in emulator.GetConfiguration(provider))
            {
                values[$"{Section}:{provider}:{key}"] = value;
            }
        }

        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(values).Build();
    }

    /// <summary>Whether a configuration key holds a credential.</summary>
    public static bool IsSecret(string key)
    {
        var name = key.Split(':')[^1];
        return SecretEndings.Any(w => name.EndsWith(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every credential value in <paramref name="configuration"/>, to scrub from output.</summary>
    public static IReadOnlyList<string> Secrets(IConfiguration configuration)
        => configuration.AsEnumerable()
            .Where(kv => kv.Value is { Length: >= 4 } && IsSecret(kv.Key))
            .Select(kv => kv.Value!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)
            .ToArray();

    private static string? Variable(ViberCliContext context, string name)
        => context.EnvironmentVariables is { } variables ? variables.GetValueOrDefault(name) : Environment.GetEnvironmentVariable(name);
}
