using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using ViberMessaging.Pacing;

namespace ViberMessaging.Redis;

/// <summary>
/// One provider account's gate shared through Redis: the strict sliding log, the safety margin, the bucket and the 429
/// pause live in Redis and are read and updated by one Lua script per request, on Redis's clock. An instance asks;
/// when told to wait it waits that long and asks again (it never reserves a future slot). Within the instance, one
/// request asks at a time, in FIFO order.
/// </summary>
/// <remarks>
/// Redis out of reach (an error, or no answer within <see cref="RedisPacingOptions.Timeout"/>): one Warning per outage,
/// then the instance paces alone at <c>limit / ExpectedInstances</c> (after one quiet window, so nothing granted
/// through Redis just before is doubled) or, with <see cref="RedisPacingOptions.FailClosed"/>, refuses. Every
/// <see cref="RedisPacingOptions.RetryInterval"/> it tries Redis again; once back, the permits it granted alone in the
/// last window are put in Redis's log, and for one more retry interval and window it also keeps to the local gate,
/// so instances still alone and instances back on Redis together stay within the limit.
/// </remarks>
internal sealed class RedisRateGate : RateLimiter
{
    private readonly PacingGateContext _account;
    private readonly RedisPacingOptions _options;
    private readonly Func<Task<IConnectionMultiplexer>> _connection;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly RedisKey[] _keys;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly RateLimiter _local;
    private readonly long _span;
    private readonly Queue<long> _localGrants = new();
    private readonly long[] _roundTrips = new long[32];
    private readonly object _roundTripsLock = new();
    private int _roundTripCount;
    private int _roundTripNext;

    private long _sequence;
    private long _successful;
    private long _failed;
    private long _lastGrant;

    // Guarded by _turn.
    private bool _outage;
    private long _outageStart;
    private long _nextTry;
    private long _localFrom;
    private long _cappedUntil;

    public RedisRateGate(PacingGateContext account, RedisPacingOptions options, Func<Task<IConnectionMultiplexer>> connection, ILogger logger)
    {
        _account = account;
        _options = options;
        _connection = connection;
        _logger = logger;
        _time = account.TimeProvider;
        var key = options.KeyPrefix + "{" + account.AccountKey + "}";
        _keys = [key + ":log", key + ":state"];
        _local = account.CreateLocalGate(Math.Max(1, account.Options.PermitLimit / options.ExpectedInstances));
        _span = Ticks(account.Options.Window + account.Options.SafetyMargin);
        _lastGrant = _time.GetTimestamp();
    }

    /// <inheritdoc/>
    public override TimeSpan? IdleDuration => _turn.CurrentCount == 0 ? null : _time.GetElapsedTime(Interlocked.Read(ref _lastGrant));

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentQueuedCount = 0,
        CurrentAvailablePermits = 0,
        TotalSuccessfulLeases = Interlocked.Read(ref _successful),
        TotalFailedLeases = Interlocked.Read(ref _failed),
    };

    /// <summary>Reports a 429 to Redis, pausing every instance of the account (in the background: the caller never waits on Redis).</summary>
    internal Task OnRateLimited(TimeSpan? retryAfter)
    {
        var pause = retryAfter is { } wait && wait > TimeSpan.Zero ? wait : _account.Options.RateLimitedPause ?? _account.Options.Window;
        RedisPacingLog.RateLimited(_logger, _account.ProviderName, pause.TotalMilliseconds);
        return RunAsync(RedisPacingScripts.Pause, [(long)Math.Ceiling(pause.TotalMicroseconds)], CancellationToken.None);
    }

    /// <summary>Moves the request's departure in Redis's log to now (in the background: callers never wait on the task).</summary>
    internal Task OnSent(string member) => RunAsync(RedisPacingScripts.Sent, [member], CancellationToken.None);

    /// <summary>This instance's clock, for leases timing their own round trips.</summary>
    internal long Timestamp() => _time.GetTimestamp();

    /// <summary>
    /// The request's answer came: when it took longer than this instance's fastest recent round trip (zero until 8 were
    /// seen), its departure in Redis's log moves to "now less that round trip" (in the background: callers never wait on the
    /// task), as the in-process gate does.
    /// </summary>
    internal Task OnCompleted(string member, long departed)
    {
        var roundTrip = _time.GetTimestamp() - departed;
        long fastest;
        lock (_roundTripsLock)
        {
            _roundTrips[_roundTripNext] = roundTrip;
            _roundTripNext = (_roundTripNext + 1) % _roundTrips.Length;
            _roundTripCount = Math.Min(_roundTripCount + 1, _roundTrips.Length);
            // Until 8 round trips were seen the fastest may itself have been slow: count it as zero (the answer's own time),
            // which costs an instance's first requests a little throughput and never lets one open the window early.
            fastest = _roundTripCount < 8 ? 0 : long.MaxValue;
            foreach (var sample in _roundTrips.AsSpan(0, _roundTripCount < 8 ? 0 : _roundTripCount))
            {
                fastest = Math.Min(fastest, sample);
            }
        }

        return roundTrip - fastest > Ticks(TimeSpan.FromMilliseconds(1))
            ? RunAsync(RedisPacingScripts.Late, [member, (long)_time.GetElapsedTime(0, fastest).TotalMicroseconds], CancellationToken.None)
            : Task.CompletedTask;
    }

    /// <inheritdoc/>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ValidatePermitCount(permitCount);

        // Only a caller that can wait may ask Redis (a round trip); the synchronous path takes what the local gate has.
        var lease = _local.AttemptAcquire(permitCount);
        Count(lease.IsAcquired);
        return lease;
    }

    /// <inheritdoc/>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ValidatePermitCount(permitCount);
        if (permitCount == 0)
        {
            return await _local.AcquireAsync(0, cancellationToken).ConfigureAwait(false);
        }

        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var lease = await AcquireInTurnAsync(cancellationToken).ConfigureAwait(false);
            Count(lease.IsAcquired);
            return lease;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _local.Dispose();
            _turn.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void ValidatePermitCount(int permitCount)
    {
        if (permitCount is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "Each request takes exactly one permit.");
        }
    }

    private async ValueTask<RateLimitLease> AcquireInTurnAsync(CancellationToken cancellationToken)
    {
        RateLimitLease? capped = null;
        try
        {
            while (true)
            {
                var now = _time.GetTimestamp();
                if (_outage && now < _nextTry)
                {
                    return await AloneAsync(cancellationToken).ConfigureAwait(false);
                }

                if (capped is null && now < _cappedUntil)
                {
                    // Just back from an outage: others may still pace alone; keep to this instance's share a little longer.
                    capped = await _local.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                    if (!capped.IsAcquired)
                    {
                        return capped;
                    }

                    continue;
                }

                var member = _instance + ":" + Interlocked.Increment(ref _sequence);
                var answer = await RunAsync(RedisPacingScripts.Acquire, AcquireArguments(member, now), cancellationToken).ConfigureAwait(false);
                if (answer is null)
                {
                    BeginOutage(now);
                    if (_options.FailClosed)
                    {
                        return ThrowFailClosed();
                    }

                    return await AloneAsync(cancellationToken).ConfigureAwait(false);
                }

                EndOutage(now);
                var values = (long[])answer!;
                if (values[0] == 1)
                {
                    Interlocked.Exchange(ref _lastGrant, now);
                    return new RedisLease(this, member, capped);
                }

                var wait = TimeSpan.FromMicroseconds(values[1]);
                if (values[2] == 1 && wait > _account.MaxPause)
                {
                    return new RedisRefusedLease(wait);
                }

                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            capped?.Dispose();
            throw;
        }
    }

    private RedisValue[] AcquireArguments(string member, long now)
    {
        var pacing = _account.Options;
        var arguments = new List<RedisValue>
        {
            pacing.PermitLimit,
            (long)Math.Ceiling(pacing.Window.TotalMicroseconds),
            (long)Math.Ceiling(pacing.SafetyMargin.TotalMicroseconds),
            Math.Min(pacing.Burst ?? pacing.PermitLimit, pacing.PermitLimit),
            member,
        };

        // Permits granted alone during an outage go back into the shared log, by age (Redis's clock is not ours).
        while (_localGrants.TryDequeue(out var granted))
        {
            if (now - granted < _span)
            {
                arguments.Add((long)_time.GetElapsedTime(granted, now).TotalMicroseconds);
            }
        }

        return [.. arguments];
    }

    private async ValueTask<RateLimitLease> AloneAsync(CancellationToken cancellationToken)
    {
        if (_options.FailClosed)
        {
            return ThrowFailClosed();
        }

        // Permits granted through Redis just before it went away are not in the local gate: wait one window for them.
        if (_time.GetTimestamp() < _localFrom)
        {
            await Task.Delay(_time.GetElapsedTime(_time.GetTimestamp(), _localFrom), _time, cancellationToken).ConfigureAwait(false);
        }

        var lease = await _local.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired)
        {
            var now = _time.GetTimestamp();
            _localGrants.Enqueue(now);
            while (_localGrants.Count > _account.Options.PermitLimit)
            {
                _localGrants.Dequeue();
            }

            Interlocked.Exchange(ref _lastGrant, now);
            RedisPacingInstruments.RecordFallback(_account.ProviderName);
        }

        return lease;
    }

    private void BeginOutage(long now)
    {
        _nextTry = now + Ticks(_options.RetryInterval);
        if (!_outage)
        {
            _outage = true;
            _outageStart = now;
            _localFrom = now + _span;
            RedisPacingInstruments.RecordOutage(_account.ProviderName);
            RedisPacingLog.Unavailable(_logger, _account.ProviderName, _options.FailClosed ? "failing requests (FailClosed)" : $"pacing alone at {Math.Max(1, _account.Options.PermitLimit / _options.ExpectedInstances)} per window");
        }
    }

    private void EndOutage(long now)
    {
        if (_outage)
        {
            _outage = false;
            _cappedUntil = now + Ticks(_options.RetryInterval) + _span;
            RedisPacingLog.Recovered(_logger, _account.ProviderName, _time.GetElapsedTime(_outageStart, now).TotalSeconds);
        }
    }

    private RateLimitLease ThrowFailClosed()
        => throw new ViberMessagingException(
            ViberErrorCode.RateLimited,
            "Redis, which paces this account across instances, is out of reach and RedisPacingOptions.FailClosed is set: the request was not sent. Try again after RetryAfter.")
        {
            ProviderName = _account.ProviderName,
            RetryAfter = _options.RetryInterval,
            Outcome = SendOutcome.NotSent,
        };

    /// <summary>Runs a script within the timeout; <see langword="null"/> when Redis failed or did not answer in time.</summary>
    private async Task<RedisResult?> RunAsync(string script, RedisValue[] arguments, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var connection = await _connection().WaitAsync(_options.Timeout, cancellationToken).ConfigureAwait(false);
            var result = await connection.GetDatabase().ScriptEvaluateAsync(script, _keys, arguments)
                .WaitAsync(_options.Timeout, cancellationToken).ConfigureAwait(false);
            RedisPacingInstruments.RecordRoundTrip(_account.ProviderName, Stopwatch.GetElapsedTime(start));
            return result;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            RedisPacingLog.CallFailed(_logger, _account.ProviderName, e.GetType().Name, e.Message);
            return null;
        }
    }

    private void Count(bool acquired)
    {
        if (acquired)
        {
            Interlocked.Increment(ref _successful);
        }
        else
        {
            Interlocked.Increment(ref _failed);
        }
    }

    private long Ticks(TimeSpan span) => (long)Math.Ceiling(span.Ticks * (double)_time.TimestampFrequency / TimeSpan.TicksPerSecond);
}
