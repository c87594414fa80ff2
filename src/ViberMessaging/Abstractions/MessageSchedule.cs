namespace ViberMessaging;

/// <summary>When the provider may send a message.</summary>
/// <param name="SendAt">The earliest time to send.</param>
public sealed record MessageSchedule(DateTimeOffset SendAt)
{
    /// <summary>The latest time to start sending, where the provider supports a window.</summary>
    /// <value><see langword="null"/> by default; some providers require it (SMS Club needs both ends).</value>
    public DateTimeOffset? SendUntil { get; init; }
}
