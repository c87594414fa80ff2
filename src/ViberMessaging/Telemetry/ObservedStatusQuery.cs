namespace ViberMessaging.Telemetry;

/// <summary>An account's <see cref="IStatusQuery"/> with every query traced, measured and, when it fails, logged.</summary>
internal sealed class ObservedStatusQuery(IStatusQuery inner, OperationObserver observer, ObservedServices services) : IStatusQuery
{
    public string ProviderName => inner.ProviderName;

    public Task<IReadOnlyList<DeliveryReport>> GetStatusesAsync(IEnumerable<MessageId> messageIds, CancellationToken cancellationToken = default)
    {
        // Enumerated once here, so the span can carry the count; the client receives the same array.
        var ids = messageIds as MessageId[] ?? messageIds?.ToArray();
        return observer.RunAsync(ViberOperation.GetStatuses, (inner, ids), static (s, ct) => s.inner.GetStatusesAsync(s.ids!, ct), cancellationToken, ViberMessagingInstruments.IdsTag, ids?.Length ?? 0);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => services.GetService(serviceType, serviceKey);
}
