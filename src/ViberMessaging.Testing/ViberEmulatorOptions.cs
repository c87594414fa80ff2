namespace ViberMessaging.Testing;

/// <summary>How a <see cref="ViberEmulator"/> runs: where it listens, its clock, credentials, rate limits and how fast messages progress.</summary>
public sealed class ViberEmulatorOptions
{
    /// <summary>The port on 127.0.0.1.</summary>
    /// <value>0: a free port chosen by the system.</value>
    public int Port { get; set; }

    /// <summary>The clock that drives message statuses and the rate windows.</summary>
    /// <value><see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The credentials each emulated provider accepts.</summary>
    public EmulatorCredentials Credentials { get; set; } = new();

    /// <summary>How accepted messages move through their statuses over time.</summary>
    public EmulatorTimeline Timeline { get; set; } = new();

    /// <summary>
    /// A strict sliding window per provider account: at most <see cref="EmulatorRateLimit.Permits"/> requests in any
    /// <see cref="EmulatorRateLimit.Window"/>, else a 429 in the provider's format. Keys are provider names
    /// (<see cref="ViberProviders"/>); a provider without an entry is not limited.
    /// </summary>
    /// <value>SMS Club: 9 per second (its documented limit).</value>
    public IDictionary<string, EmulatorRateLimit> RateLimits { get; } = new Dictionary<string, EmulatorRateLimit>(StringComparer.OrdinalIgnoreCase)
    {
        [ViberProviders.SmsClub] = new EmulatorRateLimit(9, TimeSpan.FromSeconds(1)),
    };

    /// <summary>Whether two-way chats get a scripted reply from the recipient.</summary>
    /// <value><see langword="true"/>.</value>
    public bool AutoReply { get; set; } = true;

    /// <summary>The scripted reply's text.</summary>
    /// <value><c>Thanks, got it!</c>.</value>
    public string AutoReplyText { get; set; } = "Thanks, got it!";
}

/// <summary>A strict sliding window: at most <paramref name="Permits"/> requests in any <paramref name="Window"/>.</summary>
/// <param name="Permits">Requests allowed per window.</param>
/// <param name="Window">The window.</param>
public sealed record EmulatorRateLimit(int Permits, TimeSpan Window);

/// <summary>The credentials the emulator accepts. The DI hook configures the SDK with the same ones.</summary>
public sealed class EmulatorCredentials
{
    /// <summary>SMS Club's Bearer token.</summary>
    /// <value><c>emulator-smsclub-token</c>.</value>
    public string SmsClubToken { get; set; } = "emulator-smsclub-token";

    /// <summary>SMS Club's login for HTTP Basic.</summary>
    /// <value><c>emulator-smsclub</c>.</value>
    public string SmsClubLogin { get; set; } = "emulator-smsclub";

    /// <summary>SMS Club's password for HTTP Basic.</summary>
    /// <value><c>emulator-smsclub-password</c>.</value>
    public string SmsClubPassword { get; set; } = "emulator-smsclub-password";

    /// <summary>Devino's login.</summary>
    /// <value><c>emulator-devino</c>.</value>
    public string DevinoLogin { get; set; } = "emulator-devino";

    /// <summary>Devino's password.</summary>
    /// <value><c>emulator-devino-password</c>.</value>
    public string DevinoPassword { get; set; } = "emulator-devino-password";

    /// <summary>DecisionTelecom's user hash key.</summary>
    /// <value><c>emulator-decisiontelecom-key</c>.</value>
    public string DecisionTelecomApiKey { get; set; } = "emulator-decisiontelecom-key";

    /// <summary>SMS.by's API token.</summary>
    /// <value><c>emulator-smsby-token</c>.</value>
    public string SmsByToken { get; set; } = "emulator-smsby-token";
}

/// <summary>How long after acceptance a message reaches each status (unless its recipient is scripted otherwise).</summary>
public sealed class EmulatorTimeline
{
    /// <summary>Pending → Sent.</summary>
    /// <value>100 ms.</value>
    public TimeSpan SentAfter { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Sent → Delivered.</summary>
    /// <value>300 ms.</value>
    public TimeSpan DeliveredAfter { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Delivered → Read (for recipients who read).</summary>
    /// <value>600 ms.</value>
    public TimeSpan ReadAfter { get; set; } = TimeSpan.FromMilliseconds(600);

    /// <summary>When an undeliverable Viber message fails or expires (and an SMS fallback starts).</summary>
    /// <value>400 ms.</value>
    public TimeSpan FailedAfter { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>When an SMS fallback is delivered, after the Viber message failed.</summary>
    /// <value>300 ms.</value>
    public TimeSpan SmsDeliveredAfter { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>When a scripted reply arrives in a two-way chat.</summary>
    /// <value>500 ms.</value>
    public TimeSpan ReplyAfter { get; set; } = TimeSpan.FromMilliseconds(500);
}
