using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary><c>POST api/v2/getViberMessageData</c>: one mailing.</summary>
internal sealed class SmsByMessageDataEndpoint(SmsByEmulator module) : EmulatorEndpoint("POST", "/api/v2/getViberMessageData")
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        if (await module.FindMailingAsync(call).ConfigureAwait(false) is { } mailing)
        {
            await SmsByEmulatorAnswers.OkAsync(call.Context, "OK", writer => module.Answers.WriteMailing(writer, mailing, idAsString: false)).ConfigureAwait(false);
        }
    }
}
