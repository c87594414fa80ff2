using System.Globalization;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary><c>POST api/v2/readResponseStatus</c>: marks replies (<c>incoming_messages</c>, comma-separated ids) read → how many changed.</summary>
internal sealed class SmsByReadResponseEndpoint(SmsByEmulator module) : EmulatorEndpoint("POST", "/api/v2/readResponseStatus")
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        var ids = call.Parameters!["incoming_messages"];
        if (string.IsNullOrWhiteSpace(ids))
        {
            await SmsByEmulatorAnswers.ErrorAsync(call.Context, 200, "incoming_messages is required").ConfigureAwait(false);
            return;
        }

        var marked = module.Store.MarkRead(ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), module.State.Now);
        await SmsByEmulatorAnswers.OkAsync(call.Context, "OK", writer => writer.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"Number of flagged messages: {marked}"))).ConfigureAwait(false);
    }
}
