namespace ViberMessaging.Internal;

/// <summary>
/// Checks a message against an account's rules exactly as its <see cref="IViberSender.SendAsync"/> would before any
/// request, without sending: a router asks every candidate before it sends through any of them, so a message no
/// candidate can carry fails before anything leaves.
/// </summary>
internal interface IViberMessageCheck
{
    /// <summary>Throws what <see cref="IViberSender.SendAsync"/> would throw for <paramref name="message"/> before sending.</summary>
    /// <param name="message">The message.</param>
    /// <exception cref="ViberValidationException">The account cannot carry the message.</exception>
    void Check(ViberMessage message);
}
