using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsClub;

/// <summary><c>GET /vibers/chats</c>: the account's chats, newest first, 30 to a <c>page</c>.</summary>
internal sealed class SmsClubChatsEndpoint(SmsClubEmulator module) : EmulatorEndpoint("GET", "/vibers/chats")
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        var page = SmsClubEmulatorRules.Page(call.Context.Request.Query["page"].ToString());
        var chats = module.State.Chats(module.Name).Skip((page - 1) * SmsClubEmulatorRules.PageSize).Take(SmsClubEmulatorRules.PageSize).ToArray();
        await SmsClubEmulatorAnswers.SuccessAsync(call.Context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("chats");
            foreach (var chat in chats)
            {
                writer.WriteStartObject();
                writer.WriteString("chat_id", chat.Id);
                writer.WriteString("recipient", chat.Recipient);
                writer.WriteString("creation_date", SmsClubKyivTime.Format(chat.CreatedAt));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }
}
