using System.Runtime.CompilerServices;
using ViberMessaging.Campaigns;

namespace ViberMessaging.Tests.TestSupport;

/// <summary>
/// A campaign journal in memory, for runner tests (the durable one is ViberMessaging.Sqlite's): the latest record per
/// (campaign, recipient), under a lock, and a count of calls that overlapped (the runner promises none within a run).
/// </summary>
public sealed class InMemoryCampaignJournal : ICampaignJournal
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Dictionary<string, CampaignJournalEntry>> _campaigns = new(StringComparer.Ordinal);
    private int _inCall;

    /// <summary>How many calls started while another was running.</summary>
    public int OverlappingCalls { get; private set; }

    /// <summary>The latest record of every recipient of a campaign, by digits.</summary>
    public Dictionary<string, CampaignJournalEntry> Snapshot(string campaignId)
    {
        lock (_lock)
        {
            return _campaigns.TryGetValue(campaignId, out var entries) ? new(entries, StringComparer.Ordinal) : [];
        }
    }

    /// <summary>The digits of the recipients of a campaign that are pending, in order.</summary>
    public string[] Pending(string campaignId)
        => [.. Snapshot(campaignId).Values.Where(e => e.State == CampaignRecipientState.Pending).Select(e => e.Phone.Digits).Order(StringComparer.Ordinal)];

    public async Task<long> RecoverInFlightAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        using var call = await EnterAsync();
        lock (_lock)
        {
            var entries = Of(campaignId);
            var pending = entries.Values.Where(e => e.State == CampaignRecipientState.Pending).ToList();
            foreach (var entry in pending)
            {
                entries[entry.Phone.Digits] = new CampaignJournalEntry(entry.Phone, CampaignRecipientState.Unknown, detail: "InFlightWhenStopped");
            }

            return pending.Count;
        }
    }

    public async Task<IReadOnlyList<CampaignJournalEntry>> FindAsync(string campaignId, IReadOnlyList<PhoneNumber> recipients, CancellationToken cancellationToken = default)
    {
        using var call = await EnterAsync();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var entries = Of(campaignId);
            return [.. recipients.Select(r => entries.GetValueOrDefault(r.Digits)).OfType<CampaignJournalEntry>()];
        }
    }

    public async IAsyncEnumerable<CampaignJournalEntry> ReadAsync(string campaignId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var entry in Snapshot(campaignId).Values.OrderBy(e => e.Phone.Digits, StringComparer.Ordinal))
        {
            yield return entry;
        }
    }

    public Task RecordPendingAsync(string campaignId, IReadOnlyList<PhoneNumber> recipients, CancellationToken cancellationToken = default)
        => WriteAsync(campaignId, [.. recipients.Select(p => new CampaignJournalEntry(p, CampaignRecipientState.Pending))]);

    public Task RecordOutcomesAsync(string campaignId, IReadOnlyList<CampaignJournalEntry> outcomes, CancellationToken cancellationToken = default)
        => WriteAsync(campaignId, outcomes);

    private async Task WriteAsync(string campaignId, IReadOnlyList<CampaignJournalEntry> entries)
    {
        using var call = await EnterAsync();
        lock (_lock)
        {
            var campaign = Of(campaignId);
            foreach (var entry in entries)
            {
                campaign[entry.Phone.Digits] = entry;
            }
        }
    }

    /// <summary>Marks a call as running (counting overlaps), after a yield so that overlapping calls would really overlap.</summary>
    private async Task<Call> EnterAsync()
    {
        if (Interlocked.Increment(ref _inCall) > 1)
        {
            lock (_lock)
            {
                OverlappingCalls++;
            }
        }

        await Task.Yield();
        return new Call(this);
    }

    private Dictionary<string, CampaignJournalEntry> Of(string campaignId)
    {
        if (!_campaigns.TryGetValue(campaignId, out var entries))
        {
            entries = new Dictionary<string, CampaignJournalEntry>(StringComparer.Ordinal);
            _campaigns[campaignId] = entries;
        }

        return entries;
    }

    private sealed class Call(InMemoryCampaignJournal journal) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref journal._inCall);
    }
}
