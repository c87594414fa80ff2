using System.Globalization;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary><c>POST api/v2/getViberDeliveryList</c>: a mailing's deliveries with their statuses, every second phone written as a number, as SMS.by does.</summary>
internal sealed class SmsByDeliveryListEndpoint(SmsByEmulator module) : EmulatorEndpoint("POST", "/api/v2/getViberDeliveryList")
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        if (await module.FindMailingAsync(call).ConfigureAwait(false) is not { } mailing)
        {
            return;
        }

        var deliveries = module.Store.Read(() => mailing.Deliveries.ToArray());
        await SmsByEmulatorAnswers.OkAsync(call.Context, "OK", writer =>
        {
            writer.WriteStartArray();
            for (var i = 0; i < deliveries.Length; i++)
            {
                var (word, code, _) = module.Answers.StatusOf(deliveries[i]);
                writer.WriteStartObject();
                writer.WriteNumber("delivery_id", long.Parse(deliveries[i].Id, CultureInfo.InvariantCulture));
                if (i % 2 == 1)
                {
                    writer.WriteNumber("phone", long.Parse(deliveries[i].Recipient, CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteString("phone", deliveries[i].Recipient);
                }

                writer.WriteString("status", word);
                writer.WriteNumber("error_code", code);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }
}
