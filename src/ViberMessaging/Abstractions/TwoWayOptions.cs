namespace ViberMessaging;

/// <summary>Two-way (chat) settings of a message: open a chat per recipient, or reply in an existing chat.</summary>
public sealed class TwoWayOptions
{
    private TwoWayOptions(string? chatId) => ChatId = chatId;

    /// <summary>Open a new chat with each recipient; their replies can be read through <see cref="IViberChats"/>.</summary>
    public static TwoWayOptions OpenChat { get; } = new(null);

    /// <summary>The chat to reply in, or <see langword="null"/> to open new chats.</summary>
    public string? ChatId { get; }

    /// <summary>Reply in an existing chat.</summary>
    /// <param name="chatId">The chat id a provider returned when the chat was opened.</param>
    /// <returns>The options.</returns>
    public static TwoWayOptions ReplyIn(string chatId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        return new TwoWayOptions(chatId);
    }
}
