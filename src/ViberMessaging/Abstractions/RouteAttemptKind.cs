namespace ViberMessaging;

/// <summary>What a router did with a recipient at one of its candidate providers (see <see cref="RouteAttempt"/>).</summary>
public enum RouteAttemptKind
{
    /// <summary>The provider cannot carry the message (its rules, checked before any request): nothing was sent there.</summary>
    Skipped = 0,

    /// <summary>
    /// The provider did not send it (<see cref="SendOutcome.NotSent"/>: connection refused, credentials or account
    /// refused, no money, an open circuit, …), so the next candidate was tried. Nothing was sent there.
    /// </summary>
    FailedOver,

    /// <summary>The recipient's result (accepted, rejected or failed) came from this provider.</summary>
    Final,
}
