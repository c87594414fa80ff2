using ViberMessaging.Internal;

namespace ViberMessaging.SmsClub;

/// <summary>SMS Club's chats, chat messages and balance → the neutral model.</summary>
internal static partial class SmsClubResponseMapper
{
    /// <summary>One page of the chat list.</summary>
    public static IReadOnlyList<ViberChat> FromSmsClubChats(SmsClubChatsData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var chats = new List<ViberChat>(data.Chats?.Count ?? 0);
        foreach (var chat in data.Chats ?? [])
        {
            if (!string.IsNullOrEmpty(chat.ChatId))
            {
                chats.Add(new ViberChat
                {
                    ChatId = chat.ChatId,
                    Recipient = Phone(chat.Recipient),
                    Sender = Blank(chat.SourceAddress),
                    CreatedAt = SmsClubDates.Parse(chat.CreationDate),
                });
            }
        }

        return chats;
    }

    /// <summary>One page of a chat's messages: <c>incoming</c> came from the recipient, anything else (<c>outcoming</c>) was sent by you.</summary>
    public static IReadOnlyList<ChatMessage> FromSmsClubChat(SmsClubChatData data, string chatId)
    {
        ArgumentNullException.ThrowIfNull(data);
        var chat = data.Chat;
        var phone = Phone(chat?.Recipient);
        var messages = new List<ChatMessage>(chat?.Messages?.Count ?? 0);
        foreach (var message in chat?.Messages ?? [])
        {
            messages.Add(new ChatMessage
            {
                Direction = ReplyRules.DirectionOf(new IncomingFacts { DirectionWord = message.Type }),
                Text = message.Text ?? string.Empty,
                ChatId = chatId,
                ProviderMessageId = Blank(message.Id),
                Phone = phone,
                Timestamp = SmsClubDates.Parse(message.Date),
            });
        }

        return messages;
    }

    /// <summary>The balance, or <see langword="null"/> when the answer holds none.</summary>
    public static AccountBalance? FromSmsClubBalance(SmsClubBalanceResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var success = response.SuccessRequest ?? response.SuccessfulRequest;
        var info = success?.Info ?? success?.RequestData;
        return info?.Money is { } money ? new AccountBalance(money, Blank(info.Currency)?.Trim().ToUpperInvariant() ?? string.Empty) : null;
    }
}
