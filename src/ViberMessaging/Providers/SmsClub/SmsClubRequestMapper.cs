using System.Globalization;

namespace ViberMessaging.SmsClub;

/// <summary>Neutral model → SMS Club's wire. Only what the message sets is written; everything was validated before.</summary>
internal static class SmsClubRequestMapper
{
    /// <summary>Chats and chat messages come 30 to a page.</summary>
    public const int PageSize = 30;

    /// <summary>A send to <paramref name="recipients"/> (one request's share of the message's recipients).</summary>
    public static SmsClubSendRequest ToSmsClubSendRequest(ViberMessage message, ReadOnlyMemory<PhoneNumber> recipients)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new SmsClubSendRequest
        {
            Sender = message.Sender,
            Phones = new SmsClubPhoneList(recipients),
            Message = message.Text!,
            Lifetime = message.TimeToLive is { } ttl ? (long)ttl.TotalSeconds : null,
            PictureUrl = message.ImageUrl?.AbsoluteUri,
            ButtonText = message.Button?.Caption,
            ButtonUrl = message.Button?.Url.AbsoluteUri,
            SenderSms = message.SmsFallback?.Sender,
            MessageSms = message.SmsFallback?.Text,
            PlanDate = message.Schedule?.SendAt.ToUnixTimeSeconds(),
            EndTime = message.Schedule?.SendUntil?.ToUnixTimeSeconds(),
            IsTwoWay = message.TwoWay is not null ? true : null,
        };
    }

    /// <summary>A reply in a two-way chat: the text, <c>is_2way</c> and the chat; the chat knows its recipient and sender.</summary>
    public static SmsClubSendRequest ToSmsClubReplyRequest(ViberMessage message, string chatId)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new SmsClubSendRequest { Message = message.Text!, IsTwoWay = true, ChatId = chatId };
    }

    /// <summary>A status query for up to 500 ids.</summary>
    public static SmsClubStatusRequest ToSmsClubStatusRequest(ReadOnlySpan<MessageId> ids)
    {
        var values = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            values[i] = ids[i].Value;
        }

        return new SmsClubStatusRequest { MessageIds = values };
    }

    /// <summary>The relative address of one page (1-based) of the chat list.</summary>
    public static string ToSmsClubChatsUri(int page)
        => string.Create(CultureInfo.InvariantCulture, $"vibers/chats?page={page}");

    /// <summary>The relative address of one page (1-based) of a chat's messages.</summary>
    public static string ToSmsClubChatUri(string chatId, int page)
        => string.Create(CultureInfo.InvariantCulture, $"vibers/chat?chat_id={Uri.EscapeDataString(chatId)}&page={page}");
}
