using System.Collections.Concurrent;

namespace ViberMessaging.Tracking;

/// <summary>The default <see cref="IDeliveryStore"/>: the latest merged report of each message, in memory.</summary>
internal sealed class InMemoryDeliveryStore : IDeliveryStore
{
    private readonly ConcurrentDictionary<MessageId, DeliveryReport> _reports = new();

    public ValueTask<DeliveryStoreUpdate> MergeAsync(DeliveryReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            if (!_reports.TryGetValue(report.MessageId, out var stored))
            {
                if (_reports.TryAdd(report.MessageId, report))
                {
                    return ValueTask.FromResult(new DeliveryStoreUpdate(report, changed: true));
                }

                continue;
            }

            var merged = stored.Merge(report);
            if (stored.IsRepeatOf(merged))
            {
                return ValueTask.FromResult(new DeliveryStoreUpdate(stored, changed: false));
            }

            if (_reports.TryUpdate(report.MessageId, merged, stored))
            {
                return ValueTask.FromResult(new DeliveryStoreUpdate(merged, changed: true));
            }
        }
    }

    public ValueTask<DeliveryReport?> GetAsync(MessageId messageId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_reports.TryGetValue(messageId, out var report) ? report : null);
    }
}
