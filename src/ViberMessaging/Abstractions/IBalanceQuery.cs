namespace ViberMessaging;

/// <summary>Reads the money left on a provider account, where the provider reports it.</summary>
/// <remarks>Implementations are thread-safe; the query is retried through transient faults.</remarks>
public interface IBalanceQuery : IViberProviderService
{
    /// <summary>Reads the account's balance.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The balance.</returns>
    /// <exception cref="ViberMessagingException">The provider could not be queried.</exception>
    Task<AccountBalance> GetBalanceAsync(CancellationToken cancellationToken = default);
}
