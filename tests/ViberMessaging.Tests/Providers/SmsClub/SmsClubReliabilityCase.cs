using System.Net;
using ViberMessaging.Testing;
using ViberMessaging.Tests.Reliability;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Providers.SmsClub;

/// <summary>How the reliability suite drives SmsClub: its paths and a recipient its emulator accepts.</summary>
internal sealed record SmsClubReliabilityCase() : ProviderCase(ViberProviders.SmsClub, "vibers/send", "vibers/status", "380989361121")
{
    public override IEnumerable<RuleCase> DocumentedRules() => SmsClubValidationRules.For(this);

    public override IEnumerable<FuzzOperation> FuzzOperations() => SmsClubFuzzOperations.For();

    public override void SetHostileCredentials(EmulatorCredentials credentials)
    {
        credentials.SmsClubToken = "sc-Tok3n+/=Zq81";
        credentials.SmsClubLogin = "shop-login";
        credentials.SmsClubPassword = "P@ss w0rd&more=1";
    }

    public override IEnumerable<(string Label, string Secret)> Secrets(EmulatorCredentials credentials) =>
    [
        ("SmsClub token", credentials.SmsClubToken),
        ("SmsClub password", credentials.SmsClubPassword),
        ("SmsClub login:password", credentials.SmsClubLogin + ":" + credentials.SmsClubPassword),
    ];

    /// <summary>A sender the account has no money for.</summary>
    public override async Task<object?> ProvokeAccountErrorAsync(EmulatorHarness harness)
        => await harness.Sender(Name).SendAsync(new ViberMessage { Sender = SmsClubEmulatorSettings.NoMoneySender, Recipients = [Recipient], Text = "x" });

    public override string EchoingError(string text, HttpStatusCode status)
        => $$$"""{"errorRequest":{"errors":{"sender":[{{{text}}}],{{{text}}}:[{{{text}}}]}},"name":{{{text}}},"message":{{{text}}}}""";

    public override string NestedAnswer(string nest)
        => """{"successfulRequest":{"requestData":{"messages":""" + nest + ""","5769":""" + nest + "}}}";

    public override IEnumerable<(string Answer, string RawId)> UnreadableIdAnswers() =>
    [
        ("""{"successfulRequest":{"requestData":{"messages":[{"number":"380989361121","id":"msg-5769"}]}}}""", "msg-5769"),
        ("""{"successfulRequest":{"requestData":{"messages":[{"number":"380989361121","id":true}]}}}""", "true"),
    ];
}
