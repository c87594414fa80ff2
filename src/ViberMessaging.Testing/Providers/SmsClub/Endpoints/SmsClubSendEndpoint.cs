using System.Globalization;
using System.Text.Json;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsClub;

/// <summary>
/// <c>POST /vibers/send</c>: a message to up to 500 phones (each accepted, or listed as incorrect or blacklisted), or,
/// with <c>chat_id</c>, a message to an open chat. A two-way message opens a chat per phone, where the recipient replies.
/// </summary>
internal sealed class SmsClubSendEndpoint(SmsClubEmulator module) : EmulatorEndpoint("POST", "/vibers/send")
{
    private EmulatorState State => module.State;

    public override async Task HandleAsync(EmulatorCall call)
    {
        if (call.JsonObject is not { } body)
        {
            await SmsClubErrorBag.Of("request", "The request body must be a JSON object.").WriteAsync(call.Context, 400).ConfigureAwait(false);
            return;
        }

        var (status, errors, accepted) = body.TryGetProperty("chat_id", out _) ? Reply(body) : Send(body);
        if (errors is not null)
        {
            await errors.WriteAsync(call.Context, status).ConfigureAwait(false);
            return;
        }

        await SmsClubEmulatorAnswers.SentAsync(call.Context, accepted!).ConfigureAwait(false);
    }

    private (int Status, SmsClubErrorBag? Errors, SmsClubAccepted? Accepted) Send(JsonElement body)
    {
        var (request, errors) = SmsClubEmulatorRules.ReadSend(body);
        if (errors.Any)
        {
            return (400, errors, null);
        }

        if (SmsClubEmulatorRules.AccountRefusal(request, State.BehaviorOf) is { } refusal)
        {
            return (refusal.Status, refusal.Errors, null);
        }

        var accepted = new SmsClubAccepted();
        var now = State.Now;
        foreach (var phone in request.Phones)
        {
            var behavior = SmsClubEmulatorRules.IsCorrect(phone) ? State.BehaviorOf(phone) : RecipientBehavior.InvalidNumber;
            switch (behavior)
            {
                case RecipientBehavior.InvalidNumber:
                    accepted.Incorrect.Add(phone);
                    continue;
                case RecipientBehavior.Blacklisted:
                    accepted.Blacklisted.Add(phone);
                    continue;
                case RecipientBehavior.SilentlyDropped:
                    continue;
            }

            var (id, chatId) = Accept(request, phone, behavior, now);
            accepted.Messages.Add((phone, id, chatId));
        }

        return (200, null, accepted);
    }

    private (string Id, string? ChatId) Accept(SmsClubSendRequest request, string phone, RecipientBehavior behavior, DateTimeOffset now)
    {
        var id = module.NextMessageId();
        string? chatId = null;
        if (request.TwoWay)
        {
            chatId = State.NextId("SmsClub.chat", 2765).ToString(CultureInfo.InvariantCulture);
            var chat = State.OpenChat(module.Name, chatId, phone, request.Sender);
            chat.Add(new EmulatedChatMessage(id, Incoming: false, request.Text!, now));
            if (State.Options.AutoReply)
            {
                chat.Add(new EmulatedChatMessage(module.NextMessageId(), Incoming: true, State.Options.AutoReplyText, now + State.Options.Timeline.ReplyAfter, id));
            }
        }

        State.Accept(new EmulatedMessage
        {
            Provider = module.Name,
            Id = id,
            Recipient = phone,
            Text = request.Text,
            Sender = request.Sender,
            ImageUrl = request.Picture,
            ButtonCaption = request.ButtonText,
            ButtonUrl = request.ButtonUrl,
            SmsText = request.MessageSms,
            ChatId = chatId,
            AcceptedAt = now,
            ScheduledAt = request.ScheduledAt,
            Behavior = behavior,
        });
        return (id, chatId);
    }

    private (int Status, SmsClubErrorBag? Errors, SmsClubAccepted? Accepted) Reply(JsonElement body)
    {
        var chatId = SmsClubEmulatorRules.Text(body, "chat_id");
        var chat = string.IsNullOrEmpty(chatId) ? null : State.Chat(module.Name, chatId);
        if (SmsClubEmulatorRules.ReplyRefusal(body, chat is not null) is { } refusal)
        {
            return (refusal.Status, refusal.Errors, null);
        }

        var text = SmsClubEmulatorRules.Text(body, "message")!;
        var now = State.Now;
        var id = module.NextMessageId();
        chat!.Add(new EmulatedChatMessage(id, Incoming: false, text, now));
        State.Accept(new EmulatedMessage
        {
            Provider = module.Name,
            Id = id,
            Recipient = chat.Recipient,
            Text = text,
            Sender = chat.Sender,
            ChatId = chat.Id,
            AcceptedAt = now,
            Behavior = State.BehaviorOf(chat.Recipient),
        });
        var accepted = new SmsClubAccepted();
        accepted.Messages.Add((chat.Recipient, id, chat.Id));
        return (200, null, accepted);
    }
}
