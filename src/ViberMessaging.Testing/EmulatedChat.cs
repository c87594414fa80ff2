namespace ViberMessaging.Testing;

/// <summary>A two-way conversation the emulator keeps.</summary>
public sealed class EmulatedChat
{
    private readonly List<EmulatedChatMessage> _messages = [];

    internal EmulatedChat(string provider, string id, string recipient, string? sender, DateTimeOffset createdAt)
    {
        Provider = provider;
        Id = id;
        Recipient = recipient;
        Sender = sender;
        CreatedAt = createdAt;
    }

    /// <summary>The provider.</summary>
    public string Provider { get; }

    /// <summary>The chat id.</summary>
    public string Id { get; }

    /// <summary>The recipient's digits.</summary>
    public string Recipient { get; }

    /// <summary>The sender name the chat runs under.</summary>
    public string? Sender { get; }

    /// <summary>When the chat was opened.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The chat's messages up to <paramref name="now"/> (scripted replies appear when their time comes), oldest first.</summary>
    /// <param name="now">The emulator's current time.</param>
    /// <returns>The messages.</returns>
    public IReadOnlyList<EmulatedChatMessage> MessagesAt(DateTimeOffset now)
    {
        lock (_messages)
        {
            return _messages.Where(m => m.At <= now).OrderBy(m => m.At).ToArray();
        }
    }

    internal void Add(EmulatedChatMessage message)
    {
        lock (_messages)
        {
            _messages.Add(message);
        }
    }
}

/// <summary>One message of an <see cref="EmulatedChat"/>.</summary>
/// <param name="Id">The emulator's id of the message.</param>
/// <param name="Incoming">Whether the recipient wrote it.</param>
/// <param name="Text">The text.</param>
/// <param name="At">When it was written.</param>
/// <param name="InReplyTo">The id of the outgoing message it answers, for incoming messages.</param>
public sealed record EmulatedChatMessage(string Id, bool Incoming, string Text, DateTimeOffset At, string? InReplyTo = null);
