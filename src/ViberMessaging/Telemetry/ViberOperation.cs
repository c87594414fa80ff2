namespace ViberMessaging.Telemetry;

/// <summary>
/// One kind of client call as telemetry names it: <c>vibermessaging.operation</c> (<c>get_statuses</c>) and its span
/// (<c>ViberMessaging.GetStatuses</c>). Instances are static, so a call allocates no names.
/// </summary>
internal sealed class ViberOperation
{
    public static readonly ViberOperation Send = new("send");
    public static readonly ViberOperation GetStatuses = new("get_statuses");
    public static readonly ViberOperation GetChats = new("get_chats");
    public static readonly ViberOperation GetChatMessages = new("get_chat_messages");
    public static readonly ViberOperation Reply = new("reply");
    public static readonly ViberOperation GetBalance = new("get_balance");

    /// <summary>Creates an operation.</summary>
    /// <param name="name">The <c>snake_case</c> name, the value of <c>vibermessaging.operation</c>.</param>
    public ViberOperation(string name)
    {
        Name = name;
        SpanName = "ViberMessaging." + string.Concat(name.Split('_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
    }

    /// <summary>The value of <c>vibermessaging.operation</c>, also the operation of failure logs.</summary>
    public string Name { get; }

    /// <summary>The span's name.</summary>
    public string SpanName { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
