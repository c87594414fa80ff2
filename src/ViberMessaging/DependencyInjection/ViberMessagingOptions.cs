namespace ViberMessaging;

/// <summary>Settings that span providers.</summary>
public sealed class ViberMessagingOptions
{
    /// <summary>The configuration section <c>AddViberMessaging(configuration)</c> reads by default.</summary>
    public const string DefaultSectionName = "ViberMessaging";

    /// <summary>
    /// The registration name resolved for an unkeyed <see cref="IViberSender"/>, <see cref="IStatusQuery"/> and
    /// <see cref="IViberChats"/>: a provider account, or a router (<c>AddRouter</c>) for the sender and the status
    /// query (chats then come from the first provider that supports them).
    /// </summary>
    /// <value><see langword="null"/>: the first provider registered (for chats, the first that supports them).</value>
    public string? DefaultProvider { get; set; }
}
