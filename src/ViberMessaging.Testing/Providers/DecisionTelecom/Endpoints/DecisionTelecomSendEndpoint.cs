using System.Globalization;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.DecisionTelecom;

/// <summary>
/// <c>POST /v1/api/send-viber</c>: one message to one recipient → <c>{"message_id":N}</c>; the first broken parameter
/// is named (<c>Invalid Parameter: …</c>); an empty balance is code 3; a two-way message opens a chat.
/// </summary>
internal sealed class DecisionTelecomSendEndpoint(DecisionTelecomEmulator module) : EmulatorEndpoint("POST", DecisionTelecomEmulator.SendPath)
{
    private EmulatorState State => module.State;

    public override async Task HandleAsync(EmulatorCall call)
    {
        var context = call.Context;
        var (request, invalid) = DecisionTelecomEmulatorRules.ReadSend(call.Json);
        if (invalid is not null)
        {
            await module.Answers.InvalidParameterAsync(context, invalid).ConfigureAwait(false);
            return;
        }

        if (module.Settings.BalanceEmpty)
        {
            await module.Answers.BalanceEmptyAsync(context).ConfigureAwait(false);
            return;
        }

        var behavior = State.BehaviorOf(request!.Recipient);
        switch (behavior)
        {
            case RecipientBehavior.InvalidNumber:
                await module.Answers.InvalidParameterAsync(context, "destination_addr").ConfigureAwait(false);
                return;
            case RecipientBehavior.SilentlyDropped:
                await EmulatorJson.WriteRawAsync(context, 200, "{}").ConfigureAwait(false);
                return;
        }

        var message = Accept(request, behavior);
        await DecisionTelecomEmulatorAnswers.MessageIdAsync(context, message.Id).ConfigureAwait(false);
    }

    private EmulatedMessage Accept(DecisionTelecomSendRequest request, RecipientBehavior behavior)
    {
        var id = State.NextId("DecisionTelecom.message", DecisionTelecomEmulator.FirstMessageId).ToString(CultureInfo.InvariantCulture);
        var message = new EmulatedMessage
        {
            Provider = module.Name,
            Id = id,
            Recipient = request.Recipient,
            Sender = request.Sender,
            Text = request.Text,
            ImageUrl = request.Image,
            ButtonCaption = request.ButtonCaption,
            ButtonUrl = request.ButtonAction,
            SmsText = request.TextSms,
            AcceptedAt = State.Now,
            Behavior = behavior,
        };
        var extras = new DecisionTelecomSentExtras(request.MessageType, request.CallbackUrl, State.NextId("DecisionTelecom.sms", DecisionTelecomEmulator.FirstSmsId));
        module.Remember(id, extras);
        State.Accept(message);
        if (extras.CallbackUrl is { } callback)
        {
            module.Callbacks.FollowStatus(message, callback);
        }

        if (DecisionTelecomEmulatorRules.IsTwoWay(request.MessageType))
        {
            OpenChat(message, extras.CallbackUrl);
        }

        return message;
    }

    /// <summary>Opens the recipient's chat with the message; a recipient who gets it replies (posted to the callback, if any).</summary>
    private void OpenChat(EmulatedMessage message, Uri? callback)
    {
        var chat = State.OpenChat(module.Name, message.Recipient, message.Recipient, message.Sender);
        chat.Add(new EmulatedChatMessage(message.Id, false, message.Text ?? string.Empty, message.AcceptedAt));
        if (!State.Options.AutoReply || message.Behavior is not (RecipientBehavior.Reads or RecipientBehavior.Delivers))
        {
            return;
        }

        var token = State.NextId("DecisionTelecom.token", DecisionTelecomEmulator.FirstReplyToken).ToString(CultureInfo.InvariantCulture);
        var at = message.AcceptedAt + State.Options.Timeline.ReplyAfter;
        chat.Add(new EmulatedChatMessage(token, true, State.Options.AutoReplyText, at, message.Id));
        if (callback is not null)
        {
            module.Callbacks.PostReply(message, token, at, callback);
        }
    }
}
