namespace ViberMessaging.Providers;

/// <summary>
/// How a provider posts statuses (and replies) to a callback URL the SDK sets on its sends, and how to read what it
/// posts: what every account's <see cref="IViberCallbackReader"/> is made of, so nothing outside the provider's folder
/// and its manifest entry names the providers that post callbacks.
/// </summary>
internal sealed record ProviderCallbacks
{
    /// <summary>
    /// <see langword="false"/>: one URL per account, set on every send; the provider posts each status change (and each
    /// reply) and names its message, so the account's statuses are polled only as a fallback. <see langword="true"/>:
    /// one URL per request, carrying a correlation token, because the provider's answer does not name its request.
    /// </summary>
    public required bool PerRequest { get; init; }

    /// <summary>Reads one body (<see cref="IViberCallbackReader.Read"/>).</summary>
    public required CallbackParser Parse { get; init; }
}

/// <summary>Reads one callback body for an account: a reply, or status reports.</summary>
/// <param name="body">The body as posted.</param>
/// <param name="account">The account's registration name (the provider part of the message ids).</param>
/// <param name="options">The account's options.</param>
/// <param name="messageIds">For a per-request callback, the ids of the request it answers (none: only check the body).</param>
/// <returns>What the body carried.</returns>
internal delegate ViberCallback CallbackParser(ReadOnlySpan<byte> body, string account, ViberProviderOptions options, IReadOnlyList<MessageId> messageIds);
