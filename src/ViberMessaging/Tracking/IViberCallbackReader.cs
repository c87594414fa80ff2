namespace ViberMessaging;

/// <summary>
/// Reads what an account's provider posts to the callback URL the SDK sets on its sends (see
/// <see cref="IViberCallbackAddress"/>). Registered as a keyed service under the account's name for every account whose
/// provider posts callbacks, and for no other, so a callback endpoint handles every provider alike:
/// <c>ViberMessaging.AspNetCore</c>'s <c>MapViberCallbacks</c> uses it, and an application hosting its own endpoint can.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public interface IViberCallbackReader
{
    /// <summary>
    /// <see langword="true"/> when each request has its own URL, carrying the correlation token given to
    /// <see cref="IViberCallbackAddress.GetCallbackUrl"/>, because the provider's answer does not name its request: it is
    /// read with the request's message ids (<see cref="IViberCallbackAddress.CorrelateAsync"/> gives them).
    /// <see langword="false"/> when the account has one URL for every send and each callback names its message (or is a
    /// reply); the provider then posts every status change, so the tracker polls the account only as a fallback.
    /// </summary>
    bool PerRequest { get; }

    /// <summary>Reads one callback body.</summary>
    /// <param name="body">The body as posted.</param>
    /// <param name="messageIds">
    /// When <see cref="PerRequest"/>, the ids of the request the callback answers (none: the body is only checked);
    /// otherwise ignored.
    /// </param>
    /// <returns>What the callback carried.</returns>
    /// <exception cref="ViberMessagingException">
    /// The body cannot be read (<see cref="ViberErrorCode.MalformedResponse"/>).
    /// </exception>
    ViberCallback Read(ReadOnlySpan<byte> body, IReadOnlyList<MessageId> messageIds);
}
