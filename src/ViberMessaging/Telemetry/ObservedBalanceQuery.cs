namespace ViberMessaging.Telemetry;

/// <summary>An account's <see cref="IBalanceQuery"/> with every query traced, measured and, when it fails, logged.</summary>
internal sealed class ObservedBalanceQuery(IBalanceQuery inner, OperationObserver observer, ObservedServices services) : IBalanceQuery
{
    public string ProviderName => inner.ProviderName;

    public Task<AccountBalance> GetBalanceAsync(CancellationToken cancellationToken = default)
        => observer.RunAsync(ViberOperation.GetBalance, inner, static (balance, ct) => balance.GetBalanceAsync(ct), cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) => services.GetService(serviceType, serviceKey);
}
