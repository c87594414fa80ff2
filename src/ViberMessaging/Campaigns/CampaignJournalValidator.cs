using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ViberMessaging.DependencyInjection;

namespace ViberMessaging.Campaigns;

/// <summary>
/// The start-up check of <c>AddCampaignRunner()</c>: an <see cref="ICampaignJournal"/> is registered. The core has no
/// journal of its own (it stays free of native dependencies); the SQLite one is a package away.
/// </summary>
internal sealed class CampaignJournalValidator(IServiceProvider services) : IValidateOptions<StartupValidation>
{
    private const string Problem =
        "AddCampaignRunner() needs an ICampaignJournal and none is registered: add the ViberMessaging.Sqlite package and call UseSqliteCampaignJournal(path), or register your own ICampaignJournal.";

    public ValidateOptionsResult Validate(string? name, StartupValidation options)
        => services.GetService<IServiceProviderIsService>() is { } registered && !registered.IsService(typeof(ICampaignJournal))
            ? ValidateOptionsResult.Fail(Problem)
            : ValidateOptionsResult.Success;

    /// <summary>The error when the runner is resolved without a journal (an app without a host, where nothing ran the start-up check).</summary>
    public static OptionsValidationException Missing() => new(Options.DefaultName, typeof(ICampaignRunner), [Problem]);
}
