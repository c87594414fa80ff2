using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary><c>POST api/v2/confirmViberMessage</c>: sends a list mailing; a bare <c>false</c> when it was already confirmed, as SMS.by's PHP answers.</summary>
internal sealed class SmsByConfirmEndpoint(SmsByEmulator module) : EmulatorEndpoint("POST", "/api/v2/confirmViberMessage")
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        if (await module.FindMailingAsync(call).ConfigureAwait(false) is not { } mailing)
        {
            return;
        }

        var json = module.Store.Confirm(mailing) ? "{\"status\":\"OK\"}" : "false";
        await EmulatorJson.WriteRawAsync(call.Context, 200, json).ConfigureAwait(false);
    }
}
