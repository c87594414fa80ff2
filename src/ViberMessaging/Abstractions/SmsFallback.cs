namespace ViberMessaging;

/// <summary>An SMS sent when the Viber message is not delivered in time.</summary>
/// <param name="Text">The SMS text.</param>
public sealed record SmsFallback(string Text)
{
    /// <summary>The SMS sender name (alpha name), where the provider asks for one.</summary>
    /// <value><see langword="null"/> by default: the provider's default, or a validation error where the provider requires it.</value>
    public string? Sender { get; init; }

    /// <summary>How long the SMS is valid, or, where the provider works that way, how long to wait for Viber before sending it.</summary>
    /// <value><see langword="null"/> by default: the provider's default.</value>
    public TimeSpan? TimeToLive { get; init; }
}
