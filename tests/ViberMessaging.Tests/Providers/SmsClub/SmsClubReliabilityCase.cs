using ViberMessaging.Tests.Reliability;

namespace ViberMessaging.Tests.Providers.SmsClub;

/// <summary>How the reliability suite drives SmsClub: its paths and a recipient its emulator accepts.</summary>
internal sealed record SmsClubReliabilityCase() : ProviderCase(ViberProviders.SmsClub, "vibers/send", "vibers/status", "380989361121")
{
    public override IEnumerable<RuleCase> DocumentedRules() => SmsClubValidationRules.For(this);

    public override IEnumerable<FuzzOperation> FuzzOperations() => SmsClubFuzzOperations.For();
}
