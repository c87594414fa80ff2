using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ViberMessaging.Testing;

namespace ViberMessaging.Cli;

/// <summary>
/// One command's SDK: the configuration (or the embedded emulator's, with <c>--emulator</c>), every configured
/// provider registered under its name, the campaign runner, and the provider the command talks to.
/// </summary>
internal sealed class CliSession : IAsyncDisposable
{
    private CliSession(IConfiguration configuration, IReadOnlyList<string> configured, ViberEmulator? emulator, ServiceProvider services, string journalDirectory)
    {
        Configuration = configuration;
        Configured = configured;
        Emulator = emulator;
        Services = services;
        JournalDirectory = journalDirectory;
    }

    public IConfiguration Configuration { get; }

    /// <summary>The providers with a configuration section (all of them with <c>--emulator</c>), registered in <see cref="Services"/>.</summary>
    public IReadOnlyList<string> Configured { get; }

    public ViberEmulator? Emulator { get; }

    public ServiceProvider Services { get; }

    public string JournalDirectory { get; }

    /// <summary>Loads the configuration, starts the emulator if asked, registers the SDK and checks its configuration.</summary>
    /// <param name="parse">The command line (for the global options).</param>
    /// <param name="context">The console and environment.</param>
    /// <param name="output">Told the configuration's credentials, so it never prints them.</param>
    /// <param name="senders">Sender names the command uses (mapped to SMS.by ids on the emulator).</param>
    /// <param name="journalDirectory">The campaign journal's directory, relative to the working directory.</param>
    /// <param name="cancellationToken">Cancels starting the emulator.</param>
    public static async Task<CliSession> StartAsync(
        ParseResult parse,
        ViberCliContext context,
        CliOutput output,
        IEnumerable<string> senders,
        string? journalDirectory,
        CancellationToken cancellationToken)
    {
        var configuration = CliConfiguration.Load(context, parse.GetValue(GlobalOptions.Config));
        output.AddSecrets(CliConfiguration.Secrets(configuration));
        ViberEmulator? emulator = null;
        if (parse.GetValue(GlobalOptions.Emulator))
        {
            emulator = await ViberEmulator.StartAsync(new ViberEmulatorOptions(), cancellationToken).ConfigureAwait(false);
            configuration = CliConfiguration.ForEmulator(configuration, emulator, senders.Append("MyShop"));
        }

        var configured = ViberProviders.All.Where(p => CliConfiguration.IsConfigured(configuration, p)).ToArray();
        var services = new ServiceCollection();
        var builder = services.AddViberMessaging(configuration);
        foreach (var provider in configured)
        {
            builder.AddProvider(provider);
        }

        var journal = Path.GetFullPath(Path.Combine(context.WorkingDirectory, journalDirectory ?? "campaigns"));
        builder.AddCampaignJournal(journal);
        var session = new CliSession(configuration, configured, emulator, services.BuildServiceProvider(), journal);
        return session;
    }

    /// <summary>Every configuration problem, by path (empty when the configuration is valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        try
        {
            Services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
        catch (AggregateException e)
        {
            return [.. e.InnerExceptions.OfType<OptionsValidationException>().SelectMany(o => o.Failures).DefaultIfEmpty(e.Message)];
        }
    }

    /// <summary>Throws a usage error listing every configuration problem.</summary>
    public void EnsureValid()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new CliUsageException("the configuration is invalid (run `viber config check`):" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems));
        }
    }

    /// <summary>
    /// The provider to talk to: <c>--provider</c>, else <c>ViberMessaging:DefaultProvider</c>, else the only one
    /// configured (or the first that can, for <paramref name="supports"/>).
    /// </summary>
    public string ChooseProvider(ParseResult parse, Func<string, bool>? supports = null, string? what = null)
    {
        var wanted = parse.GetValue(GlobalOptions.Provider) ?? Configuration[$"{CliConfiguration.Section}:{nameof(ViberMessagingOptions.DefaultProvider)}"];
        if (wanted is not null)
        {
            var name = CliConfiguration.Canonical(wanted);
            if (!Configured.Contains(name))
            {
                throw new CliUsageException(
                    $"{name} is not configured: set ViberMessaging:{name}:… in appsettings.json, user secrets or environment variables "
                    + $"(ViberMessaging__{name}__Token, …), or add --emulator to use the embedded emulator.");
            }

            if (supports is not null && !supports(name))
            {
                throw new CliUsageException($"{name} does not support {what}.");
            }

            return name;
        }

        var candidates = Configured.Where(p => supports is null || supports(p)).ToArray();
        return candidates.Length switch
        {
            0 when Configured.Count == 0 => throw new CliUsageException(
                "no provider is configured: set ViberMessaging:<Provider>:… (appsettings.json, user secrets, environment variables such as ViberMessaging__SmsClub__Token), "
                + "or add --emulator to use the embedded emulator."),
            0 => throw new CliUsageException($"none of the configured providers ({string.Join(", ", Configured)}) supports {what}."),
            1 => candidates[0],
            _ when Emulator is not null && supports is not null => candidates[0],
            _ when Emulator is not null => ViberProviders.SmsClub,
            _ => throw new CliUsageException($"{string.Join(", ", candidates)} are configured: choose one with --provider (or set ViberMessaging:DefaultProvider)."),
        };
    }

    public T Get<T>(string provider)
        where T : notnull
        => Services.GetRequiredKeyedService<T>(provider);

    public T? Find<T>(string provider)
        where T : class
        => Services.GetKeyedService<T>(provider);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync().ConfigureAwait(false);
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
