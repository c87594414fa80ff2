namespace ViberMessaging;

/// <summary>Who wrote a chat message.</summary>
public enum ChatMessageDirection
{
    /// <summary>The recipient wrote it to you.</summary>
    Incoming = 0,

    /// <summary>You sent it.</summary>
    Outgoing,
}
