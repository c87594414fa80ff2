namespace ViberMessaging;

/// <summary>One message in a two-way conversation.</summary>
public sealed class ChatMessage
{
    /// <summary>Whether the recipient sent it to you, or you sent it.</summary>
    public required ChatMessageDirection Direction { get; init; }

    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>The chat, where the provider has chats.</summary>
    public string? ChatId { get; init; }

    /// <summary>The provider's id of this message, where it has one.</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>The other party's number (the recipient of your messages, the author of incoming ones), where reported.</summary>
    public PhoneNumber? Phone { get; init; }

    /// <summary>When the message was sent or received, in the provider's time zone.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The message of yours this one answers, where the provider links them.</summary>
    public MessageId? InReplyTo { get; init; }

    /// <summary>Returns the direction and the text.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{(Direction == ChatMessageDirection.Incoming ? "<-" : "->")} {Text}";
}
