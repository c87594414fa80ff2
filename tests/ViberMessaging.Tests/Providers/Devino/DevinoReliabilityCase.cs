using System.Net;
using ViberMessaging.Testing;
using ViberMessaging.Tests.Reliability;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Providers.Devino;

/// <summary>How the reliability suite drives Devino: its paths and a recipient its emulator accepts.</summary>
internal sealed record DevinoReliabilityCase() : ProviderCase(ViberProviders.Devino, "/send", "/status", "79250000001")
{
    public override IEnumerable<RuleCase> DocumentedRules() => DevinoValidationRules.For(this);

    public override IEnumerable<FuzzOperation> FuzzOperations() => DevinoFuzzOperations.For();

    public override void SetHostileCredentials(EmulatorCredentials credentials)
    {
        credentials.DevinoLogin = "devino-shop";
        credentials.DevinoPassword = "dev:Pa55 w/rd";
    }

    public override IEnumerable<(string Label, string Secret)> Secrets(EmulatorCredentials credentials) =>
    [
        ("Devino password", credentials.DevinoPassword),
        ("Devino login:password", credentials.DevinoLogin + ":" + credentials.DevinoPassword),
    ];

    /// <summary>A locked account.</summary>
    public override async Task<object?> ProvokeAccountErrorAsync(EmulatorHarness harness)
    {
        harness.Emulator.Provider<DevinoEmulatorSettings>().InjectStatus("error-account-locked");
        return await harness.Sender(Name).SendAsync(Message("locked"));
    }

    public override string EchoingError(string text, HttpStatusCode status)
        => $$$"""{"timestamp":1,"status":{{{text}}},"error":{{{text}}},"message":{{{text}}},"path":"/send","messages":[{"code":{{{text}}}}]}""";

    public override string NestedAnswer(string nest) => $$"""{"status":"ok","messages":{{nest}}}""";

    public override IEnumerable<(string Answer, string RawId)> UnreadableIdAnswers() =>
    [
        ("""{"status":"ok","messages":[{"providerId":"3158611117333282816x","code":"ok"}]}""", "3158611117333282816x"),
    ];
}
