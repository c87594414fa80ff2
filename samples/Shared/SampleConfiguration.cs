using System.Reflection;
using Microsoft.Extensions.Configuration;
using ViberMessaging.Testing;

namespace ViberMessaging.Samples;

/// <summary>
/// Where the samples read their settings, and the rule that decides between the embedded emulator and the real APIs.
/// </summary>
/// <remarks>
/// <para>
/// Sources, later ones winning: <c>appsettings.json</c> next to the sample, <c>appsettings.{Environment}.json</c>,
/// user secrets when the environment is <c>Development</c> (which <c>dotnet run</c> sets through
/// <c>Properties/launchSettings.json</c>), then environment variables (<c>ViberMessaging__SmsClub__Token</c>).
/// </para>
/// <para>
/// The rule: a provider is <em>configured</em> when anything is set under <c>ViberMessaging:&lt;Provider&gt;</c>.
/// Configured providers talk to their real API (or wherever their <c>BaseAddress</c> points). When none of the
/// providers a sample needs is configured, the sample starts the embedded emulator and points all of them at it —
/// through configuration too, so the SDK code is the same either way.
/// </para>
/// </remarks>
internal static class SampleConfiguration
{
    /// <summary>The section <c>AddViberMessaging(configuration)</c> reads.</summary>
    public const string Section = ViberMessagingOptions.DefaultSectionName;

    /// <summary>Every provider, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> Providers => ViberProviders.All;

    /// <summary>Loads the sample's configuration from its usual sources.</summary>
    public static IConfiguration Load(Assembly sample)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true);
        if (string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase))
        {
            builder.AddUserSecrets(sample, optional: true);
        }

        builder.AddEnvironmentVariables();
        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            throw new SampleUsageException($"cannot read the configuration: {e.Message}");
        }
    }

    /// <summary>Whether anything is set under <c>ViberMessaging:&lt;provider&gt;</c>.</summary>
    public static bool IsConfigured(IConfiguration configuration, string provider)
        => configuration.GetSection($"{Section}:{provider}").Exists();

    /// <summary>The provider's registered name spelled as the SDK spells it, or an error naming the choices.</summary>
    public static string Canonical(string provider)
        => Providers.FirstOrDefault(p => string.Equals(p, provider, StringComparison.OrdinalIgnoreCase))
            ?? throw new SampleUsageException($"'{provider}' is not a provider; choose one of {string.Join(", ", Providers)}.");

    /// <summary>
    /// The configuration that points every provider at <paramref name="emulator"/>: its base addresses and the
    /// credentials it accepts, layered over <paramref name="configuration"/>. SMS.by takes sender ids, not names, so
    /// <paramref name="sender"/> is mapped to ids the emulator accepts (a real account maps its own in
    /// <c>ViberMessaging:SmsBy:ViberSenders</c>).
    /// </summary>
    public static IConfiguration ForEmulator(IConfiguration configuration, ViberEmulator emulator, string sender)
    {
        var values = new Dictionary<string, string?>
        {
            // The emulator enforces SMS Club's 9-per-second window as strictly as SMS Club, on arrival times. In the same
            // process on a busy machine, arrivals trail departures by tens of milliseconds: a wider margin than the
            // 10 ms default keeps the window clean (the same advice as for a long or jittery path to the real API).
            [$"{Section}:SmsClub:Pacing:SafetyMargin"] = "00:00:00.100",
            [$"{Section}:SmsBy:ViberSenders:{sender}"] = "101",
            [$"{Section}:SmsBy:SmsSenders:{sender}"] = "444",
        };
        foreach (var provider in emulator.Providers)
        {
            foreach (var (key, value) in emulator.GetConfiguration(provider))
            {
                values[$"{Section}:{provider}:{key}"] = value;
            }
        }
        return new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(values)
            .Build();
    }
}
