namespace ViberMessaging;

/// <summary>One provider a router considered for a recipient, and why it went on or stopped there.</summary>
/// <remarks>
/// <see cref="RecipientResult.Route"/> lists them in the order tried; the last is <see cref="RouteAttemptKind.Final"/>
/// unless the router never reached a provider (cancelled first).
/// </remarks>
public sealed class RouteAttempt
{
    /// <summary>The registered name of the provider (for example <c>SmsClub</c>).</summary>
    public required string ProviderName { get; init; }

    /// <summary>Skipped, failed over, or where the recipient ended.</summary>
    public required RouteAttemptKind Kind { get; init; }

    /// <summary>
    /// Why the router left the provider: the <see cref="ViberValidationException"/> of a
    /// <see cref="RouteAttemptKind.Skipped"/> provider, the <see cref="SendOutcome.NotSent"/> error of a
    /// <see cref="RouteAttemptKind.FailedOver"/> one; <see langword="null"/> for <see cref="RouteAttemptKind.Final"/>
    /// (the recipient's own <see cref="RecipientResult.Error"/> says how it ended).
    /// </summary>
    public ViberMessagingException? Error { get; init; }

    /// <summary>Returns the provider, what happened and why.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => Error is null ? $"{ProviderName}: {Kind}" : $"{ProviderName}: {Kind} ({Error.ErrorCode})";
}
