using ViberMessaging.Telemetry;

namespace ViberMessaging.SmsClub;

/// <summary>An SMS Club account's <see cref="ISmsClubAccount"/> with every call traced, measured and, when it fails, logged.</summary>
internal sealed class SmsClubObservedAccount(ISmsClubAccount inner, OperationObserver observer, ObservedServices services) : ISmsClubAccount
{
    private static readonly ViberOperation GetSenderNames = new("get_sender_names");

    public string ProviderName => inner.ProviderName;

    public Task<IReadOnlyList<string>> GetSenderNamesAsync(CancellationToken cancellationToken = default)
        => observer.RunAsync(GetSenderNames, inner, static (account, ct) => account.GetSenderNamesAsync(ct), cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) => services.GetService(serviceType, serviceKey);
}
