using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary><c>POST api/v2/sendQuickViberMessage</c>: one phone, sent at once → its mailing's <c>message_id</c>.</summary>
internal sealed class SmsBySendQuickEndpoint(SmsByEmulator module) : EmulatorEndpoint("POST", "/api/v2/sendQuickViberMessage")
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        var (request, error) = SmsByEmulatorRules.ReadQuick(call.Parameters!);
        error ??= SmsByEmulatorRules.QuickRefusal(module.State.BehaviorOf(request!.Phone));
        if (error is not null)
        {
            await SmsByEmulatorAnswers.ErrorAsync(call.Context, 200, error).ConfigureAwait(false);
            return;
        }

        var mailing = module.Store.SendQuick(request!);
        await SmsByEmulatorAnswers.OkAsync(call.Context, "OK", writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("message_id", mailing.Id);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }
}
