namespace ViberMessaging.Telemetry;

/// <summary>An account's <see cref="IViberChats"/> with every listing and reply traced, measured and, when it fails, logged.</summary>
internal sealed class ObservedViberChats(IViberChats inner, OperationObserver observer, ObservedServices services) : IViberChats
{
    public string ProviderName => inner.ProviderName;

    public IAsyncEnumerable<ViberChat> GetChatsAsync(CancellationToken cancellationToken = default)
        => observer.Enumerate(ViberOperation.GetChats, inner, static (chats, ct) => chats.GetChatsAsync(ct), cancellationToken);

    public IAsyncEnumerable<ChatMessage> GetMessagesAsync(string chatId, CancellationToken cancellationToken = default)
        => observer.Enumerate(ViberOperation.GetChatMessages, (inner, chatId), static (s, ct) => s.inner.GetMessagesAsync(s.chatId, ct), cancellationToken);

    public Task<SendResult> ReplyAsync(string chatId, string text, CancellationToken cancellationToken = default)
        => observer.RunAsync(ViberOperation.Reply, (inner, chatId, text), static (s, ct) => s.inner.ReplyAsync(s.chatId, s.text, ct), cancellationToken, ViberMessagingInstruments.RecipientsTag, 1);

    public object? GetService(Type serviceType, object? serviceKey = null) => services.GetService(serviceType, serviceKey);
}
