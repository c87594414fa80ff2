using ViberMessaging.Tests.Reliability;

namespace ViberMessaging.Tests.Providers.Devino;

/// <summary>How the reliability suite drives Devino: its paths and a recipient its emulator accepts.</summary>
internal sealed record DevinoReliabilityCase() : ProviderCase(ViberProviders.Devino, "/send", "/status", "79250000001")
{
    public override IEnumerable<RuleCase> DocumentedRules() => DevinoValidationRules.For(this);

    public override IEnumerable<FuzzOperation> FuzzOperations() => DevinoFuzzOperations.For();
}
