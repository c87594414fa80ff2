using System.Globalization;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.DecisionTelecom;

/// <summary>
/// <c>POST /v1/api/receive-viber</c>: the status int of one message (and its SMS fallback's SMPP state); an id never
/// issued, or older than the 5 days statuses are kept, is <c>Invalid Parameter: message_id</c>.
/// </summary>
internal sealed class DecisionTelecomStatusEndpoint(DecisionTelecomEmulator module) : EmulatorEndpoint("POST", DecisionTelecomEmulator.StatusPath)
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        var state = module.State;
        var id = DecisionTelecomEmulatorRules.ReadMessageId(call.Json);
        var message = id is { } known ? state.Find(module.Name, known.ToString(CultureInfo.InvariantCulture)) : null;
        if (message is null || !DecisionTelecomEmulatorRules.IsRetained(message.AcceptedAt, state.Now))
        {
            await module.Answers.InvalidParameterAsync(call.Context, "message_id").ConfigureAwait(false);
            return;
        }

        await EmulatorJson.WriteAsync(call.Context, 200, module.ReceiptOf(message).Write).ConfigureAwait(false);
    }
}
