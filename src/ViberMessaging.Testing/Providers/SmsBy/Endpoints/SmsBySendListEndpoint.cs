using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary><c>POST api/v2/sendViberMessageList</c>: a mailing to a stored subscriber list, sent once confirmed → its id and subscriber count.</summary>
internal sealed class SmsBySendListEndpoint(SmsByEmulator module) : EmulatorEndpoint("POST", "/api/v2/sendViberMessageList")
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        var (request, error) = SmsByEmulatorRules.ReadList(call.Parameters!);
        if (error is not null)
        {
            await SmsByEmulatorAnswers.ErrorAsync(call.Context, 200, error).ConfigureAwait(false);
            return;
        }

        if (module.Store.CreateListMailing(request!) is not { } mailing)
        {
            await SmsByEmulatorAnswers.ErrorAsync(call.Context, 200, "Subscriber list not found").ConfigureAwait(false);
            return;
        }

        await SmsByEmulatorAnswers.OkAsync(call.Context, "OK", writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("message_id", mailing.Id);
            writer.WriteNumber("count_subscribers", mailing.Subscribers.Count);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }
}
