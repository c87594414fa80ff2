namespace ViberMessaging;

/// <summary>How <see cref="IDeliveryTracker"/> polls: when, how long, and how much of each account's rate it may use.</summary>
public sealed class DeliveryTrackerOptions
{
    /// <summary>How long after <see cref="IDeliveryTracker.Track"/> a message is polled first.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan FirstPollAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest gap between two polls of a message. Between polls the tracker waits a quarter of the message's age,
    /// at least <see cref="FirstPollAfter"/> and at most this, so young messages are polled often and old ones rarely.
    /// </summary>
    /// <value>15 minutes.</value>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a message is followed before the tracker gives up on a final status (some providers keep statuses for 5 days only: see their pages in the docs).</summary>
    /// <value>5 days.</value>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(5);

    /// <summary>
    /// The share of an account's pacing permits status polling may take while sends are waiting for permits, from 0.01
    /// to 1. When no send waits, polling may use the idle capacity.
    /// </summary>
    /// <value>0.2 (20 %).</value>
    public double PollingShare { get; set; } = 0.2;

    /// <summary>
    /// The accounts whose statuses arrive by callback (filled by <c>ViberMessaging.AspNetCore</c>'s
    /// <c>AddViberCallbacks</c>): their messages are polled only after <see cref="CallbackSilence"/> without a callback,
    /// in case one was lost.
    /// </summary>
    /// <value>Empty: every account is polled.</value>
    public ISet<string> CallbackProviders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a message of a <see cref="CallbackProviders"/> account may go without a callback before it is polled.</summary>
    /// <value>30 minutes.</value>
    public TimeSpan CallbackSilence { get; set; } = TimeSpan.FromMinutes(30);
}
