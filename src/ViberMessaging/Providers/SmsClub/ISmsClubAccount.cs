namespace ViberMessaging.SmsClub;

/// <summary>
/// What an SMS Club account offers beyond sending: the Viber sender names (alpha names) registered on it.
/// Resolve it keyed by the registration name (<see cref="ViberProviders.SmsClub"/> by default), unkeyed for the
/// first SMS Club registration, or from any of the account's services with <c>sender.GetService&lt;ISmsClubAccount&gt;()</c>.
/// </summary>
/// <remarks>Thread-safe. The query only reads, so it is retried through transient faults.</remarks>
public interface ISmsClubAccount : IViberProviderService
{
    /// <summary>Lists the Viber sender names registered on the account (<c>GET /vibers/originator</c>): the values <see cref="ViberMessage.Sender"/> may take.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The sender names, in the provider's order.</returns>
    /// <exception cref="ViberMessagingException">The provider could not be queried (credentials, outage, an unreadable answer).</exception>
    Task<IReadOnlyList<string>> GetSenderNamesAsync(CancellationToken cancellationToken = default);
}
