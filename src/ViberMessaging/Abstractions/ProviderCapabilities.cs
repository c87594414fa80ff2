namespace ViberMessaging;

/// <summary>
/// What a provider supports and its documented limits. Each provider's validator checks a <see cref="ViberMessage"/>
/// against these before any request; callers can read them to shape messages or choose a provider.
/// </summary>
public sealed class ProviderCapabilities
{
    /// <summary>Whether messages may carry an image.</summary>
    public bool SupportsImage { get; init; }

    /// <summary>Whether a message may be an image with no text.</summary>
    public bool SupportsImageOnly { get; init; }

    /// <summary>Whether messages may carry a button.</summary>
    public bool SupportsButton { get; init; }

    /// <summary>
    /// Whether a button is sent only together with an image: a message with <see cref="ViberMessage.Button"/> must then
    /// have <see cref="ViberMessage.ImageUrl"/> too (the provider's document pairs them, for example "must be used
    /// together or not at all", or its only message type with a button is text, image and button).
    /// </summary>
    public bool ButtonRequiresImage { get; init; }

    /// <summary>Whether an SMS fallback can be attached.</summary>
    public bool SupportsSmsFallback { get; init; }

    /// <summary>Whether two-way chats can be opened (and replied in).</summary>
    public bool SupportsTwoWay { get; init; }

    /// <summary>Whether a send time (or window) can be set.</summary>
    public bool SupportsScheduling { get; init; }

    /// <summary>Whether a per-message status callback URL can be set.</summary>
    public bool SupportsCallbackUrl { get; init; }

    /// <summary>Whether <see cref="ViberMessage.Priority"/> is sent to the provider.</summary>
    public bool SupportsPriority { get; init; }

    /// <summary>The most recipients one HTTP request carries; longer lists are split into several paced requests.</summary>
    public int MaxRecipientsPerRequest { get; init; } = 1;

    /// <summary>The most ids one status request carries; longer lists are split.</summary>
    public int MaxStatusIdsPerRequest { get; init; } = 1;

    /// <summary>The longest Viber text, in characters.</summary>
    public int MaxTextLength { get; init; } = 1000;

    /// <summary>The longest sender name, in characters.</summary>
    public int MaxSenderLength { get; init; } = 11;

    /// <summary>The longest button caption, in characters.</summary>
    public int MaxButtonCaptionLength { get; init; } = 30;

    /// <summary>The shortest time to live the provider accepts, or <see langword="null"/> when it has no such setting.</summary>
    public TimeSpan? MinTimeToLive { get; init; }

    /// <summary>The longest time to live the provider accepts.</summary>
    public TimeSpan? MaxTimeToLive { get; init; }

    /// <summary>Returns the capabilities as text.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString()
        => $"image={SupportsImage}, button={SupportsButton}, buttonRequiresImage={ButtonRequiresImage}, sms={SupportsSmsFallback}, twoWay={SupportsTwoWay}, schedule={SupportsScheduling}, "
            + $"recipients/request={MaxRecipientsPerRequest}, ids/status={MaxStatusIdsPerRequest}, text≤{MaxTextLength}, ttl={MinTimeToLive}..{MaxTimeToLive}";
}
