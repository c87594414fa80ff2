using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.SmsBy;
using ViberMessaging.Testing;
using ViberMessaging.Tests.Reliability;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Providers.SmsBy;

/// <summary>How the reliability suite drives SmsBy: its paths and a recipient its emulator accepts.</summary>
internal sealed record SmsByReliabilityCase() : ProviderCase(ViberProviders.SmsBy, "sendQuickViberMessage", "getViberDeliveryData", "375291234567")
{
    public override IEnumerable<RuleCase> DocumentedRules() => SmsByValidationRules.For(this);

    public override IEnumerable<FuzzOperation> FuzzOperations() => SmsByFuzzOperations.For();

    public override void AcceptSender(ViberProviderOptions options, string sender) => ((SmsByOptions)options).ViberSenders.TryAdd(sender, 102);

    protected override void Prepare(ViberProviderOptions options) => ((SmsByOptions)options).ViberSenders["MyShop"] = 101;

    public override string StatusId(string digits) => "quick:" + digits;

    public override void SetHostileCredentials(EmulatorCredentials credentials) => credentials.SmsByToken = "sb tok&en=42";

    public override IEnumerable<(string Label, string Secret)> Secrets(EmulatorCredentials credentials) => [("SMS.by token", credentials.SmsByToken)];

    /// <summary>An unknown mailing.</summary>
    public override async Task<object?> ProvokeAccountErrorAsync(EmulatorHarness harness)
        => await harness.Services.GetRequiredKeyedService<ISmsByClient>(Name).GetMailingAsync(999_999);

    public override string EchoingError(string text, HttpStatusCode status)
        => $$$"""{"status":{{{text}}},"error":{{{text}}},"message":{{{text}}}}""";

    public override string NestedAnswer(string nest) => $$"""{"status":"OK","result":{{nest}}}""";

    public override IEnumerable<(string Answer, string RawId)> UnreadableIdAnswers() =>
    [
        ("""{"status":"OK","result":{"message_id":"8484abc"}}""", "8484abc"),
        ("""{"status":"OK","result":{"message_id":"0"}}""", "0"),
    ];
}
