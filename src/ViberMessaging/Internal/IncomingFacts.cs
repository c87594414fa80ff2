namespace ViberMessaging.Internal;

/// <summary>
/// What a provider knows about who wrote a message it reports. Each provider fills what it has: SMS Club a chat
/// message's <c>type</c>, a provider that pushes replies a callback's <c>message_token</c> and <c>message</c> object, SMS.by the
/// source (its new-incoming-messages call returns only the recipients' replies).
/// </summary>
internal readonly record struct IncomingFacts
{
    /// <summary>The provider's direction word (<c>incoming</c>, <c>outcoming</c>, …), if it sends one.</summary>
    public string? DirectionWord { get; init; }

    /// <summary>The provider's id of a reply (a reply callback's <c>message_token</c>), if present.</summary>
    public string? ReplyToken { get; init; }

    /// <summary>Whether the body carries a reply's message object (a reply callback's <c>message</c> object).</summary>
    public bool HasReplyBody { get; init; }

    /// <summary>Whether the call or callback that produced it returns only the recipients' messages.</summary>
    public bool FromRepliesOnlySource { get; init; }
}
