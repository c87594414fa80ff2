namespace ViberMessaging;

/// <summary>Two-way Viber conversations at one provider account: list chats, read their messages, reply.</summary>
/// <remarks>
/// <para>
/// A chat is opened by sending a message with <see cref="TwoWayOptions.OpenChat"/>; its id comes back in
/// <see cref="RecipientResult.ChatId"/>. Providers that push replies instead of keeping chats (no keyed
/// <see cref="IViberChats"/> for their accounts) deliver them to your callback endpoint, where the account's
/// <see cref="IViberCallbackReader"/> turns them into <see cref="ChatMessage"/>s.
/// </para>
/// <para>Implementations are thread-safe. Reading is retried through transient faults; a reply is a send and is never sent twice.</para>
/// </remarks>
public interface IViberChats : IViberProviderService
{
    /// <summary>Lists the account's chats, newest first where the provider orders them, fetching pages as you enumerate.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The chats.</returns>
    IAsyncEnumerable<ViberChat> GetChatsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one chat's messages, both directions, fetching pages as you enumerate.</summary>
    /// <param name="chatId">The chat.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The chat's messages.</returns>
    IAsyncEnumerable<ChatMessage> GetMessagesAsync(string chatId, CancellationToken cancellationToken = default);

    /// <summary>Sends a text reply into a chat.</summary>
    /// <param name="chatId">The chat.</param>
    /// <param name="text">The reply.</param>
    /// <param name="cancellationToken">Cancels waiting for a permit or the response.</param>
    /// <returns>The send's outcome.</returns>
    /// <exception cref="ViberValidationException">The reply breaks the provider's rules.</exception>
    /// <exception cref="ViberMessagingException">The reply could not be sent.</exception>
    Task<SendResult> ReplyAsync(string chatId, string text, CancellationToken cancellationToken = default);
}
