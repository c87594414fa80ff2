using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary><c>POST api/v2/getViberDeliveryData</c>: the status of a quick message; a bare <c>null</c> for any other mailing, as SMS.by's PHP answers.</summary>
internal sealed class SmsByDeliveryDataEndpoint(SmsByEmulator module) : EmulatorEndpoint("POST", "/api/v2/getViberDeliveryData")
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        if (await module.FindMailingAsync(call).ConfigureAwait(false) is not { } mailing)
        {
            return;
        }

        var delivery = module.Store.Read(() => mailing.Kind == SmsByMailingKind.Quick ? mailing.Deliveries.FirstOrDefault() : null);
        if (delivery is null)
        {
            await EmulatorJson.WriteRawAsync(call.Context, 200, "null").ConfigureAwait(false);
            return;
        }

        var (word, code, _) = module.Answers.StatusOf(delivery);
        await SmsByEmulatorAnswers.OkAsync(call.Context, "OK", writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("phone", delivery.Recipient);
            writer.WriteString("status", word);
            writer.WriteNumber("error_code", code);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }
}
