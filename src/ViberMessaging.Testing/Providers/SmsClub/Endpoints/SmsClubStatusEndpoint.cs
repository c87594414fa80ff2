using System.Text.Json;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsClub;

/// <summary><c>POST /vibers/status</c>: up to 500 ids → a map of the known ones to their Viber status, addition and SMS status (an empty map as <c>[]</c>).</summary>
internal sealed class SmsClubStatusEndpoint(SmsClubEmulator module) : EmulatorEndpoint("POST", "/vibers/status")
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        if (call.JsonObject is not { } body || !body.TryGetProperty("messageIds", out var idsElement) || idsElement.ValueKind != JsonValueKind.Array)
        {
            await SmsClubErrorBag.Of("messageIds", "messageIds must be an array of message ids.").WriteAsync(call.Context, 400).ConfigureAwait(false);
            return;
        }

        if (idsElement.GetArrayLength() > SmsClubEmulatorRules.MaxIds)
        {
            await SmsClubErrorBag.Of("messageIds", "The number of ids in one request should not exceed 500.").WriteAsync(call.Context, 400).ConfigureAwait(false);
            return;
        }

        var found = Find(idsElement);
        await SmsClubEmulatorAnswers.SuccessAsync(call.Context, writer =>
        {
            if (found.Count == 0)
            {
                SmsClubEmulatorAnswers.WriteEmptyMap(writer);
                return;
            }

            writer.WriteStartObject();
            foreach (var (id, status, hasSms) in found)
            {
                writer.WriteStartObject(id);
                writer.WriteString("status", SmsClubEmulatorRules.ViberWord(status.Viber));
                SmsClubEmulatorAnswers.WriteNullableString(writer, "additionStatus", SmsClubEmulatorRules.AdditionWord(status));
                SmsClubEmulatorAnswers.WriteNullableString(writer, "smsStatus", hasSms ? SmsClubEmulatorRules.SmsWord(status.Sms) : null);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>The known ids, each once, in the order asked, with where their message stands now.</summary>
    private List<(string Id, EmulatedStatus Status, bool HasSms)> Find(JsonElement ids)
    {
        var now = module.State.Now;
        var found = new List<(string Id, EmulatedStatus Status, bool HasSms)>();
        foreach (var element in ids.EnumerateArray())
        {
            var id = SmsClubEmulatorRules.Id(element);
            if (id is not null && module.State.Find(module.Name, id) is { } message && found.TrueForAll(f => f.Id != id))
            {
                found.Add((id, module.State.StatusOf(message, now), message.HasSmsFallback));
            }
        }

        return found;
    }
}
