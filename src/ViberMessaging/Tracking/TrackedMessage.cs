namespace ViberMessaging.Tracking;

/// <summary>A message the tracker follows: when it was tracked and when it is due for a poll. Guarded by the tracker's lock.</summary>
internal sealed class TrackedMessage(MessageId id, DateTimeOffset trackedAt, DateTimeOffset nextPollAt)
{
    public MessageId Id { get; } = id;

    public DateTimeOffset TrackedAt { get; } = trackedAt;

    public DateTimeOffset NextPollAt { get; set; } = nextPollAt;

    /// <summary>Whether a poll of this message is in flight (it is not handed to a second one).</summary>
    public bool Polling { get; set; }
}
