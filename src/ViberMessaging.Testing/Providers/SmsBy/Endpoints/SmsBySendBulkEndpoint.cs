using System.Text.Json;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary>
/// <c>POST api/v1/sendBulkViber</c>: a JSON body of mailing lists → <c>{"uuid":…,"success":"OK"}</c>; each list is
/// delivered or refused on its own (see <see cref="SmsByEmulatorRules.ReadBulkList"/>), and the request's status is
/// posted to its <c>callback_url</c>, if any.
/// </summary>
internal sealed class SmsBySendBulkEndpoint(SmsByEmulator module) : EmulatorEndpoint("POST", "/api/v1/sendBulkViber")
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        var context = call.Context;
        if (call.Parameters!.Json?.RootElement is not { ValueKind: JsonValueKind.Object } root)
        {
            await SmsByEmulatorAnswers.ErrorAsync(context, 400, "Invalid request: a JSON body is expected").ConfigureAwait(false);
            return;
        }

        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            await SmsByEmulatorAnswers.ErrorAsync(context, 400, "messages is required").ConfigureAwait(false);
            return;
        }

        var callback = EmulatorJson.StringOrNumber(root, "callback_url");
        if (callback is not null && !SmsByEmulatorRules.IsHttpUrl(callback))
        {
            await SmsByEmulatorAnswers.ErrorAsync(context, 400, "callback_url is not valid").ConfigureAwait(false);
            return;
        }

        var uuid = Guid.NewGuid().ToString("D");
        var lists = messages.EnumerateArray().Select((item, index) => SmsByEmulatorRules.ReadBulkList(item, index + 1)).ToArray();
        var bulk = module.Store.SendBulk(uuid, lists);
        if (callback is not null)
        {
            var payload = EmulatorCallbacks.Serialize(writer => module.Answers.WriteBulkStatus(writer, bulk));
            module.Background.Run(cancellationToken => EmulatorCallbacks.PostAsync(new Uri(callback), payload, cancellationToken));
        }

        await EmulatorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("uuid", uuid);
            writer.WriteString("success", "OK");
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }
}
