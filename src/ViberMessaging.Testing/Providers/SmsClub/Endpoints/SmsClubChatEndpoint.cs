using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsClub;

/// <summary><c>GET /vibers/chat</c>: one chat (<c>chat_id</c>) with its messages so far, oldest first, 30 to a <c>page</c>.</summary>
internal sealed class SmsClubChatEndpoint(SmsClubEmulator module) : EmulatorEndpoint("GET", "/vibers/chat")
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        var query = call.Context.Request.Query;
        var chatId = query["chat_id"].ToString();
        var chat = string.IsNullOrEmpty(chatId) ? null : module.State.Chat(module.Name, chatId);
        if (chat is null)
        {
            await SmsClubErrorBag.Of("chat_id", SmsClubEmulatorRules.ChatNotFound).WriteAsync(call.Context, 400).ConfigureAwait(false);
            return;
        }

        var page = SmsClubEmulatorRules.Page(query["page"].ToString());
        var messages = chat.MessagesAt(module.State.Now).Skip((page - 1) * SmsClubEmulatorRules.PageSize).Take(SmsClubEmulatorRules.PageSize).ToArray();
        await SmsClubEmulatorAnswers.SuccessAsync(call.Context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("chat");
            writer.WritePropertyName("recipient");
            writer.WriteRawValue(chat.Recipient); // A number here, unlike /vibers/chats.
            writer.WriteString("source_address", chat.Sender);
            writer.WriteString("creation_date", SmsClubKyivTime.Format(chat.CreatedAt));
            writer.WriteStartArray("messages");
            foreach (var message in messages)
            {
                writer.WriteStartObject();
                writer.WriteString("text", message.Text);
                writer.WriteString("date", SmsClubKyivTime.Format(message.At));
                writer.WriteString("type", message.Incoming ? "incoming" : "outcoming");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }
}
