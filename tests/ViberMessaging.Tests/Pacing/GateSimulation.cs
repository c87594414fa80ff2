using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.Pacing;

namespace ViberMessaging.Tests.Pacing;

/// <summary>
/// Senders in a loop (permit → request → answer → next permit) against a simulated provider, on a manual clock moved in
/// 1 ms steps: what the pacing harness does over loopback, but deterministic, so a test can assert on rates. The
/// provider enforces a strict sliding window of admitted arrivals (or none), and refuses the first request arriving
/// at or after each injected instant.
/// </summary>
internal sealed class GateSimulation
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);
    private readonly ProviderRateGate _gate;
    private readonly FakeTimeProvider _time;
    private readonly Queue<long> _injected = new();
    private readonly List<long> _admittedAt = [];
    private long _elapsedMs;
    private Sender[]? _senders;

    public GateSimulation(ProviderRateGate gate, FakeTimeProvider time)
    {
        _gate = gate;
        _time = time;
    }

    /// <summary>The provider's limit per second at an instant (ms since the start), or <see langword="null"/> for none.</summary>
    public Func<long, int?> LimitAt { get; init; } = _ => null;

    public int Senders { get; init; } = 8;

    /// <summary>From a request's departure to its answer.</summary>
    public long RoundTripMs { get; init; } = 2;

    /// <summary>
    /// Up to this much more on some round trips (a seeded draw: one in four answers is late by up to this), as on a busy
    /// machine where answers are late but arrivals were not.
    /// </summary>
    public long LateAnswerMs { get; init; }

    private Random Draws { get; } = new(22);

    /// <summary>Every arrival: when (ms since the start) and whether it was admitted.</summary>
    public List<(long Ms, bool Admitted)> Arrivals { get; } = [];

    /// <summary>Refuses the first request arriving at or after each of these instants (ms since the start), whatever the window says.</summary>
    public void InjectRefusals(params long[] atMs)
    {
        foreach (var ms in atMs.Order())
        {
            _injected.Enqueue(ms);
        }
    }

    /// <summary>Runs on from where the last run stopped (the same senders, mid-flight).</summary>
    public void Run(TimeSpan length)
    {
        var senders = _senders ??= Enumerable.Range(0, Senders).Select(_ => new Sender()).ToArray();
        var end = _elapsedMs + (long)length.TotalMilliseconds;
        while (_elapsedMs < end)
        {
            foreach (var sender in senders)
            {
                if (sender.Waiting is null && sender.Lease is null)
                {
                    sender.Waiting = _gate.AcquireAsync().AsTask();
                }
            }

            _time.Advance(Step);
            _elapsedMs++;
            foreach (var sender in senders)
            {
                if (sender.Lease is { } lease && sender.AnswerAtMs <= _elapsedMs)
                {
                    if (sender.Admitted)
                    {
                        _gate.OnCompleted(lease);
                    }
                    else
                    {
                        _gate.OnRateLimited(lease, retryAfter: null);
                    }

                    lease.Dispose();
                    sender.Lease = null;
                }
            }

            foreach (var sender in senders)
            {
                if (sender.Waiting is { IsCompleted: true } waiting)
                {
                    sender.Waiting = null;
                    var lease = waiting.Result;
                    if (!lease.IsAcquired)
                    {
                        continue;
                    }

                    _gate.OnSent(lease);
                    sender.Lease = lease;
                    sender.Admitted = Admit(_elapsedMs);
                    sender.AnswerAtMs = _elapsedMs + RoundTripMs + (LateAnswerMs > 0 && Draws.Next(4) == 0 ? Draws.NextInt64(LateAnswerMs + 1) : 0);
                    Arrivals.Add((_elapsedMs, sender.Admitted));
                }
            }
        }
    }

    /// <summary>Refusals at or after <paramref name="fromMs"/>.</summary>
    public int RefusedFrom(long fromMs) => Arrivals.Count(a => a.Ms >= fromMs && !a.Admitted);

    public long LastRefusal => Arrivals.Where(a => !a.Admitted).Select(a => a.Ms).DefaultIfEmpty(-1).Max();

    /// <summary>
    /// The pacing harness's measure: the mean time from each admitted arrival in [from, to) to the
    /// <paramref name="permits"/>-th admitted arrival after it, as a share of the window (1.0 = the provider's limit).
    /// </summary>
    public double SustainedShare(int permits, long fromMs, long toMs)
    {
        var admitted = Arrivals.Where(a => a.Admitted && a.Ms >= fromMs && a.Ms < toMs).Select(a => a.Ms).ToArray();
        if (admitted.Length <= permits)
        {
            return 0;
        }

        double sum = 0;
        for (var i = 0; i + permits < admitted.Length; i++)
        {
            sum += admitted[i + permits] - admitted[i];
        }

        return 1000.0 / (sum / (admitted.Length - permits));
    }

    /// <summary>The first admitted arrival from which the next 10 s run at <paramref name="share"/> of the limit or more.</summary>
    public long? ReachedShare(long fromMs, int permits, double share)
    {
        foreach (var (ms, admitted) in Arrivals)
        {
            if (ms >= fromMs && admitted && ms + 10_000 <= _elapsedMs && SustainedShare(permits, ms, ms + 10_000) >= share)
            {
                return ms;
            }
        }

        return null;
    }

    private bool Admit(long nowMs)
    {
        if (_injected.TryPeek(out var at) && nowMs >= at)
        {
            _injected.Dequeue();
            return false;
        }

        if (LimitAt(nowMs) is { } limit)
        {
            var inWindow = 0;
            for (var i = _admittedAt.Count - 1; i >= 0 && _admittedAt[i] > nowMs - 1000; i--)
            {
                inWindow++;
            }

            if (inWindow >= limit)
            {
                return false;
            }
        }

        _admittedAt.Add(nowMs);
        return true;
    }

    private sealed class Sender
    {
        public Task<RateLimitLease>? Waiting { get; set; }

        public RateLimitLease? Lease { get; set; }

        public bool Admitted { get; set; }

        public long AnswerAtMs { get; set; }
    }
}
