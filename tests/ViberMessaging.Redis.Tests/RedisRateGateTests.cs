using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using ViberMessaging.Pacing;

namespace ViberMessaging.Redis.Tests;

/// <summary>
/// The shared gate driven directly, its instance clock fake: what each lease report does to the account's log in a
/// real redis-server.
/// </summary>
public sealed class RedisRateGateTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [RedisFact]
    public async Task OnCompleted_AnswerLaterThanTheFastestRoundTrip_MovesItsDepartureToWhenTheRequestCouldHaveArrived()
    {
        using var gate = Gate();
        await AnswerAtOnceAsync(gate, times: 8);   // the instance's fastest round trip: 0 on its clock
        var late = await AcquireAsync(gate);
        late.Lease.OnSent();
        await late.Lease.Reported;
        var sent = await ScoreAsync(late.Member);

        _time.Advance(TimeSpan.FromMilliseconds(300));   // held up somewhere: the answer took 300 ms
        var answered = await RedisNowAfterAsync(sent);
        late.Lease.OnCompleted();
        await late.Lease.Reported;

        // Whatever held the answer up may have held the request up too: its departure is now, less the fastest round trip
        // (answered > sent: the stamp moved).
        Assert.InRange(await ScoreAsync(late.Member), answered, answered + 1_000_000);
    }

    [RedisFact]
    public async Task OnCompleted_AnswerAsFastAsTheFastestRoundTrip_LeavesItsDepartureWhereItWasSent()
    {
        using var gate = Gate();
        await AnswerAtOnceAsync(gate, times: 8);
        var prompt = await AcquireAsync(gate);
        prompt.Lease.OnSent();
        await prompt.Lease.Reported;
        var sent = await ScoreAsync(prompt.Member);

        await RedisNowAfterAsync(sent);
        prompt.Lease.OnCompleted();
        await prompt.Lease.Reported;

        Assert.Equal(sent, await ScoreAsync(prompt.Member));
    }

    [RedisFact]
    public async Task OnCompleted_LateAnswerBeforeEightRoundTripsWereSeen_MovesItsDepartureToTheAnswer()
    {
        using var gate = Gate();
        await AnswerAtOnceAsync(gate, times: 6);
        var late = await AcquireAsync(gate);
        late.Lease.OnSent();
        await late.Lease.Reported;
        var sent = await ScoreAsync(late.Member);

        _time.Advance(TimeSpan.FromMilliseconds(300));
        var answered = await RedisNowAfterAsync(sent);
        late.Lease.OnCompleted();
        await late.Lease.Reported;

        // Seven samples are too few to trust as the fastest round trip: it counts as zero, so the departure moves to the
        // answer itself (an instance's first requests never open the window early).
        Assert.InRange(await ScoreAsync(late.Member), answered, answered + 1_000_000);
    }

    private RedisRateGate Gate()
    {
        // A limit far above what the tests take, so no permit ever waits.
        var options = new PacingOptions { PermitLimit = 100, Burst = 100 };
        var account = new PacingGateContext(
            ViberProviders.SmsClub,
            "account-" + Guid.NewGuid().ToString("N"),
            options,
            TimeSpan.FromMinutes(1),
            _time,
            limit => new FixedWindowRateLimiter(new() { PermitLimit = limit, Window = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
        return new RedisRateGate(account, new RedisPacingOptions(), () => Task.FromResult<IConnectionMultiplexer>(_connection), NullLogger.Instance);
    }

    private async Task AnswerAtOnceAsync(RedisRateGate gate, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var (lease, _) = await AcquireAsync(gate);
            lease.OnSent();
            await lease.Reported;
            lease.OnCompleted();
            await lease.Reported;
            lease.Dispose();
        }
    }

    /// <summary>A permit, and its member in the account's log (the one member the grant added).</summary>
    private async Task<(RedisLease Lease, string Member)> AcquireAsync(RedisRateGate gate)
    {
        var before = await MembersAsync();
        var lease = Assert.IsType<RedisLease>(await gate.AcquireAsync(1));
        var added = (await MembersAsync()).Except(before).ToArray();
        return (lease, Assert.Single(added));
    }

    private async Task<string[]> MembersAsync()
    {
        var logs = _connection.GetServer(_redis.Configuration).Keys(pattern: "*:log").ToArray();
        return logs.Length == 0 ? [] : (await _connection.GetDatabase().SortedSetRangeByRankAsync(Assert.Single(logs))).Select(m => m.ToString()).ToArray();
    }

    private async Task<long> ScoreAsync(string member)
    {
        var log = _connection.GetServer(_redis.Configuration).Keys(pattern: "*:log").Single();
        return (long)(await _connection.GetDatabase().SortedSetScoreAsync(log, member))!.Value;
    }

    /// <summary>Redis's clock (µs), read until it is past <paramref name="stamp"/>: a round trip, no fixed sleep.</summary>
    private async Task<long> RedisNowAfterAsync(long stamp)
    {
        while (true)
        {
            var time = (RedisResult[])(await _connection.GetDatabase().ExecuteAsync("TIME"))!;
            var now = (long)time[0] * 1_000_000 + (long)time[1];
            if (now > stamp)
            {
                return now;
            }
        }
    }
}
