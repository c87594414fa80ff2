using System.Collections.Concurrent;

namespace ViberMessaging.AspNetCore;

/// <summary>
/// The correlation tokens of requests with per-request callbacks (<see cref="IViberCallbackReader.PerRequest"/>): issued
/// when the SDK sets the request's callback URL, tied to the request's message ids once the provider answered the send.
/// A callback that arrives before that (the provider may post before <c>SendAsync</c> returns) is kept and handed back
/// with the ids, so it is never lost.
/// </summary>
/// <remarks>
/// In memory: after a restart a callback for an older token is answered 404 and the tracker's polling covers its
/// messages. A token never tied to ids (the send failed) is forgotten after <see cref="PendingLifetime"/>; a tied one
/// after <see cref="CorrelatedLifetime"/>.
/// </remarks>
internal sealed class CallbackCorrelations(TimeProvider time)
{
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan CorrelatedLifetime = TimeSpan.FromDays(2);
    public const int MaxEarlyBodies = 16;
    public const int MaxTokens = 200_000;

    private readonly ConcurrentDictionary<(string Account, string Token), Entry> _entries = new();
    private int _issued;

    public int Count => _entries.Count;

    /// <summary>Expects callbacks for <paramref name="token"/>; false when too many are outstanding (the request then goes without a callback URL).</summary>
    public bool Issue(string account, string token)
    {
        if (Interlocked.Increment(ref _issued) % 1024 == 0 || _entries.Count >= MaxTokens)
        {
            Sweep();
        }

        return _entries.Count < MaxTokens && _entries.TryAdd((account, token), new Entry(time.GetUtcNow()));
    }

    /// <summary>Whether callbacks are expected for <paramref name="token"/> (a request the SDK sent with it).</summary>
    public bool IsIssued(string account, string token) => _entries.ContainsKey((account, token));

    /// <summary>
    /// A callback for a token: <see langword="false"/> when the token is unknown (404). Otherwise the message ids to
    /// read it with, or <see langword="null"/> when the send has not returned yet and the body was kept for then
    /// (or dropped, past <see cref="MaxEarlyBodies"/> early bodies: such a provider answers a request once).
    /// </summary>
    public bool TryAccept(string account, string token, byte[] body, out IReadOnlyList<MessageId>? ids)
    {
        ids = null;
        if (!_entries.TryGetValue((account, token), out var entry))
        {
            return false;
        }

        lock (entry)
        {
            if (entry.Ids is not null)
            {
                ids = entry.Ids;
            }
            else if (entry.Early.Count < MaxEarlyBodies)
            {
                entry.Early.Add(body);
            }
        }

        return true;
    }

    /// <summary>Ties the token to the request's ids; returns the bodies that came first, to merge now.</summary>
    public IReadOnlyList<byte[]> Correlate(string account, string token, IReadOnlyList<MessageId> ids)
    {
        if (!_entries.TryGetValue((account, token), out var entry))
        {
            return [];
        }

        lock (entry)
        {
            entry.Ids = ids;
            entry.At = time.GetUtcNow();
            var early = entry.Early.ToArray();
            entry.Early.Clear();
            return early;
        }
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _entries)
        {
            lock (entry)
            {
                if (now - entry.At > (entry.Ids is null ? PendingLifetime : CorrelatedLifetime))
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class Entry(DateTimeOffset at)
    {
        public DateTimeOffset At { get; set; } = at;

        public IReadOnlyList<MessageId>? Ids { get; set; }

        public List<byte[]> Early { get; } = [];
    }
}
