namespace ViberMessaging;

/// <summary>How urgently the provider should deliver a message, where it has priorities.</summary>
public enum MessagePriority
{
    /// <summary>Low priority, usual for promotional messages.</summary>
    Low = 0,

    /// <summary>Normal priority.</summary>
    Normal,

    /// <summary>High priority, usual for transactional messages.</summary>
    High,

    /// <summary>The highest priority the provider offers.</summary>
    Realtime,
}
