using System.Globalization;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.Devino;

/// <summary>
/// <c>POST /status</c>: up to 100 provider ids, each answered in order with its status, or with the code of an id that
/// is malformed, repeated or unknown.
/// </summary>
internal sealed class DevinoStatusEndpoint(DevinoEmulator module) : EmulatorEndpoint("POST", "/status")
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        if (!DevinoEmulatorRules.TryMessages(call.Json!.Value, out var ids))
        {
            await DevinoEmulatorAnswers.RequestStatusAsync(call.Context, "error-syntax").ConfigureAwait(false);
            return;
        }

        var now = module.State.Now;
        var seen = new HashSet<long>();
        await DevinoEmulatorAnswers.OkAsync(call.Context, writer =>
        {
            foreach (var element in ids)
            {
                writer.WriteStartObject();
                if (!DevinoEmulatorRules.TryId(element, out var id))
                {
                    writer.WritePropertyName("providerId");
                    element.WriteTo(writer);
                    writer.WriteString("code", "error-instant-message-provider-id-format");
                }
                else if (!seen.Add(id))
                {
                    writer.WriteNumber("providerId", id);
                    writer.WriteString("code", "error-instant-message-provider-id-duplicate");
                }
                else if (module.State.Find(module.Name, id.ToString(CultureInfo.InvariantCulture)) is not { } message)
                {
                    writer.WriteNumber("providerId", id);
                    writer.WriteString("code", "error-instant-message-provider-id-unknown");
                }
                else
                {
                    writer.WriteNumber("providerId", id);
                    writer.WriteString("code", "ok");
                    module.Answers.WriteStatus(writer, message, module.ExtrasOf(message.Id), now);
                }

                writer.WriteEndObject();
            }
        }).ConfigureAwait(false);
    }
}
