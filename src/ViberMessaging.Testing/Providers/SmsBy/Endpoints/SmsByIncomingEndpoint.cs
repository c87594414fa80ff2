using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary><c>POST api/v2/getNewIncomingMessages</c>: a mailing's unread replies, with <c>"status":"ok"</c> in lower case, as SMS.by writes it.</summary>
internal sealed class SmsByIncomingEndpoint(SmsByEmulator module) : EmulatorEndpoint("POST", "/api/v2/getNewIncomingMessages")
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        if (await module.FindMailingAsync(call).ConfigureAwait(false) is not { } mailing)
        {
            return;
        }

        var unread = module.Store.Unread(mailing.Id, module.State.Now);
        await SmsByEmulatorAnswers.OkAsync(call.Context, "ok", writer =>
        {
            writer.WriteStartArray();
            foreach (var message in unread)
            {
                writer.WriteStartObject();
                writer.WriteString("id", message.Id);
                writer.WriteString("phone", message.Phone);
                writer.WriteString("message", message.Text);
                writer.WriteString("d_receiver", SmsByEmulatorRules.Local(message.At, "yyyy-MM-dd HH:mm:ss"));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }
}
