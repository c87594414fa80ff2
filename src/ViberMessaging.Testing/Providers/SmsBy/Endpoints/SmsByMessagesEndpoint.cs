using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary><c>POST api/v2/getViberMessages</c>: a page of mailings (<c>limit_offset</c>, <c>limit_rows</c>), every second id written as a string, as SMS.by does.</summary>
internal sealed class SmsByMessagesEndpoint(SmsByEmulator module) : EmulatorEndpoint("POST", "/api/v2/getViberMessages")
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        if (!SmsByEmulatorRules.TryReadPage(call.Parameters!, out var offset, out var rows))
        {
            await SmsByEmulatorAnswers.ErrorAsync(call.Context, 200, "limit_offset and limit_rows must be non-negative integers").ConfigureAwait(false);
            return;
        }

        var page = module.Store.Page(offset, rows);
        await SmsByEmulatorAnswers.OkAsync(call.Context, "OK", writer =>
        {
            writer.WriteStartArray();
            for (var i = 0; i < page.Length; i++)
            {
                module.Answers.WriteMailing(writer, page[i], idAsString: i % 2 == 1);
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }
}
