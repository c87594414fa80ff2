using ViberMessaging.Tests.Reliability;

namespace ViberMessaging.Tests.Providers.DecisionTelecom;

/// <summary>How the reliability suite drives DecisionTelecom: its paths and a recipient its emulator accepts.</summary>
internal sealed record DecisionTelecomReliabilityCase() : ProviderCase(ViberProviders.DecisionTelecom, "send-viber", "receive-viber", "380504444444")
{
    public override IEnumerable<RuleCase> DocumentedRules() => DecisionTelecomValidationRules.For(this);

    public override IEnumerable<FuzzOperation> FuzzOperations() => DecisionTelecomFuzzOperations.For();
}
