using System.Collections.Concurrent;

namespace ViberMessaging.Tests.Tracking;

/// <summary>An <see cref="IStatusQuery"/> whose answers a test scripts by how often each id was asked; it records every request.</summary>
internal sealed class ScriptedStatusQuery(string provider, Func<MessageId, int, DeliveryStatus> status) : IStatusQuery
{
    private readonly ConcurrentDictionary<MessageId, int> _asked = new();
    private readonly ConcurrentQueue<MessageId[]> _requests = new();

    public string ProviderName => provider;

    public IReadOnlyList<MessageId[]> Requests => _requests.ToArray();

    public int TimesAsked(MessageId id) => _asked.TryGetValue(id, out var count) ? count : 0;

    public Task<IReadOnlyList<DeliveryReport>> GetStatusesAsync(IEnumerable<MessageId> messageIds, CancellationToken cancellationToken = default)
    {
        var ids = messageIds.ToArray();
        _requests.Enqueue(ids);
        IReadOnlyList<DeliveryReport> reports = ids.Select(id => new DeliveryReport(id, status(id, _asked.AddOrUpdate(id, 1, (_, n) => n + 1)))).ToArray();
        return Task.FromResult(reports);
    }
}
