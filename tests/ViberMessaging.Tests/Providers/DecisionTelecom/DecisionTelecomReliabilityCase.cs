using System.Net;
using ViberMessaging.Testing;
using ViberMessaging.Tests.Reliability;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Providers.DecisionTelecom;

/// <summary>How the reliability suite drives DecisionTelecom: its paths and a recipient its emulator accepts.</summary>
internal sealed record DecisionTelecomReliabilityCase() : ProviderCase(ViberProviders.DecisionTelecom, "send-viber", "receive-viber", "380504444444")
{
    public override IEnumerable<RuleCase> DocumentedRules() => DecisionTelecomValidationRules.For(this);

    public override IEnumerable<FuzzOperation> FuzzOperations() => DecisionTelecomFuzzOperations.For();

    public override void SetHostileCredentials(EmulatorCredentials credentials) => credentials.DecisionTelecomApiKey = "dt-K3y+/=abcd";

    public override IEnumerable<(string Label, string Secret)> Secrets(EmulatorCredentials credentials) => [("DecisionTelecom key", credentials.DecisionTelecomApiKey)];

    /// <summary>An empty balance.</summary>
    public override async Task<object?> ProvokeAccountErrorAsync(EmulatorHarness harness)
    {
        harness.Emulator.Provider<DecisionTelecomEmulatorSettings>().BalanceEmpty = true;
        try
        {
            return await harness.Sender(Name).SendAsync(Message("no money"));
        }
        finally
        {
            harness.Emulator.Provider<DecisionTelecomEmulatorSettings>().BalanceEmpty = false;
        }
    }

    public override string EchoingError(string text, HttpStatusCode status)
        => $$$"""{"name":{{{text}}},"message":{{{text}}},"code":{{{text}}},"status":{{{(int)status}}}}""";

    public override string NestedAnswer(string nest) => $$"""{"message_id":{{nest}},"status":1}""";

    public override IEnumerable<(string Answer, string RawId)> UnreadableIdAnswers() =>
    [
        ("""{"message_id":"429-a"}""", "429-a"),
        ("""{"message_id":-429}""", "-429"),
    ];
}
