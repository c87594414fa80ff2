using ViberMessaging.SmsBy;
using ViberMessaging.Tests.Reliability;

namespace ViberMessaging.Tests.Providers.SmsBy;

/// <summary>How the reliability suite drives SmsBy: its paths and a recipient its emulator accepts.</summary>
internal sealed record SmsByReliabilityCase() : ProviderCase(ViberProviders.SmsBy, "sendQuickViberMessage", "getViberDeliveryData", "375291234567")
{
    public override IEnumerable<RuleCase> DocumentedRules() => SmsByValidationRules.For(this);

    public override IEnumerable<FuzzOperation> FuzzOperations() => SmsByFuzzOperations.For();

    protected override void Prepare(ViberProviderOptions options) => ((SmsByOptions)options).ViberSenders["MyShop"] = 101;
}
