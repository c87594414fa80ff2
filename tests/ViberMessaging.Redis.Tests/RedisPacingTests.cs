using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;
using ViberMessaging.Testing;
using Xunit.Abstractions;

namespace ViberMessaging.Redis.Tests;

/// <summary>
/// Several app instances (separate service providers, connections and gates) on one SMS Club account, paced through a
/// real redis-server, against the emulator's strict window of 9 requests per 1000 ms.
/// </summary>
public sealed class RedisPacingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Account = ViberProviders.SmsClub;

    private RedisServer _redis = null!;
    private ViberEmulator _emulator = null!;
    private readonly List<ServiceProvider> _instances = [];

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _emulator = await ViberEmulator.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await _emulator.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [RedisFact]
    public async Task SendAsync_ThreeInstancesOfEightSendersOnOneAccount_NoRateLimitAndNeverMoreThanTheLimitPerWindow()
    {
        var senders = Enumerable.Range(0, 3).Select(_ => Instance(o => o.ExpectedInstances = 3).GetRequiredKeyedService<IViberSender>(Account)).ToArray();

        await SendFromEightSendersEachAsync(senders, perSender: 2);

        Assert.Equal(3 * 8 * 2, _emulator.RequestsTo(Account).Count);
        Assert.Equal(0, _emulator.RateLimitedCount(Account));
        Assert.InRange(_emulator.PeakRequestsInWindow(Account), 1, 9);
    }

    [RedisFact]
    public async Task SendAsync_InstanceClocksSkewedByHalfASecond_StillNoRateLimitAndNeverMoreThanTheLimitPerWindow()
    {
        // Each instance's TimeProvider is off by -500, 0 and +500 ms: the shared log is timed by Redis's clock alone.
        var senders = new[] { -500, 0, 500 }
            .Select(ms => Instance(o => o.ExpectedInstances = 3, time: new SkewedTimeProvider(TimeSpan.FromMilliseconds(ms))).GetRequiredKeyedService<IViberSender>(Account))
            .ToArray();

        await SendFromEightSendersEachAsync(senders, perSender: 2);

        Assert.Equal(3 * 8 * 2, _emulator.RequestsTo(Account).Count);
        Assert.Equal(0, _emulator.RateLimitedCount(Account));
        Assert.InRange(_emulator.PeakRequestsInWindow(Account), 1, 9);
    }

    [RedisFact]
    public async Task SendAsync_RateLimitedOnOneInstance_PausesTheOthers()
    {
        var first = Instance().GetRequiredKeyedService<IViberSender>(Account);
        var second = Instance().GetRequiredKeyedService<IViberSender>(Account);
        await first.SendAsync(Message());
        _emulator.InjectFault(Account, EmulatorFault.RateLimited(TimeSpan.FromHours(1)));

        var refused = await Assert.ThrowsAsync<ViberMessagingException>(() => first.SendAsync(Message()));
        await EventuallyPausedAsync();
        var before = _emulator.RequestsTo(Account).Count;
        var paused = await Assert.ThrowsAsync<ViberMessagingException>(() => second.SendAsync(Message()));

        Assert.Equal(ViberErrorCode.RateLimited, refused.ErrorCode);
        Assert.Equal(ViberErrorCode.RateLimited, paused.ErrorCode);
        Assert.Equal(SendOutcome.NotSent, paused.Outcome);
        Assert.InRange(paused.RetryAfter!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.Equal(before, _emulator.RequestsTo(Account).Count);
    }

    [RedisFact]
    public async Task SendAsync_CancelledWhileWaitingForASharedPermit_ThrowsAndSendsNothingLater()
    {
        var first = Instance().GetRequiredKeyedService<IViberSender>(Account);
        var second = Instance().GetRequiredKeyedService<IViberSender>(Account);
        await first.SendAsync(Message());
        _emulator.InjectFault(Account, EmulatorFault.RateLimited(TimeSpan.FromSeconds(20)));
        using var stopFirst = new CancellationTokenSource();
        var firstRetrying = first.SendAsync(Message(), stopFirst.Token);
        await EventuallyPausedAsync();
        var before = _emulator.RequestsTo(Account).Count;
        using var cancel = new CancellationTokenSource();

        var waiting = second.SendAsync(Message(), cancel.Token);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        var thrown = await Record.ExceptionAsync(() => waiting);
        var elapsed = clock.Elapsed;
        await stopFirst.CancelAsync();
        await Record.ExceptionAsync(() => firstRetrying);

        output.WriteLine($"cancelled after {elapsed.TotalMilliseconds:F0} ms: {thrown?.GetType().Name}");
        Assert.True(thrown is OperationCanceledException or ViberMessagingException { ErrorCode: ViberErrorCode.Cancelled }, thrown?.ToString());
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"cancellation took {elapsed}");
        Assert.Equal(before, _emulator.RequestsTo(Account).Count);
    }

    [RedisFact]
    public async Task SendAsync_RedisStoppedMidRunAndRestarted_FallsBackWithOneWarningAndReturns()
    {
        using var outages = new MetricCollector<long>(null, ViberMessagingTelemetry.MeterName, "vibermessaging.pacing.redis.outages");
        using var fallbacks = new MetricCollector<long>(null, ViberMessagingTelemetry.MeterName, "vibermessaging.pacing.redis.fallback_permits");
        var logs = new FakeLogCollector();
        var senders = Enumerable.Range(0, 2)
            .Select(_ => Instance(o => o.RetryInterval = TimeSpan.FromMilliseconds(200), logs).GetRequiredKeyedService<IViberSender>(Account))
            .ToArray();
        async Task RoundAsync(int perSender) => await Task.WhenAll(senders.SelectMany(s => Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var i = 0; i < perSender; i++)
            {
                await s.SendAsync(Message());
            }
        })));

        await RoundAsync(1);
        await _redis.StopAsync();
        await RoundAsync(2);
        var warnings = logs.GetSnapshot().Count(r => r.Level == LogLevel.Warning && r.Message.Contains("Redis pacing", StringComparison.Ordinal));
        await _redis.StartAgainAsync();
        // Rounds until both instances said they are back (each tries Redis again after RetryInterval; a loaded machine
        // can take more than one round to reconnect).
        var roundsAfter = 0;
        while (roundsAfter < 20 && logs.GetSnapshot().Count(r => r.Message.Contains("is back after", StringComparison.Ordinal)) < 2)
        {
            await RoundAsync(1);
            roundsAfter++;
        }

        var records = logs.GetSnapshot();
        var sends = 2 * 4 * (1 + 2 + roundsAfter);
        output.WriteLine($"rounds after the restart {roundsAfter}, requests {_emulator.RequestsTo(Account).Count}, 429s {_emulator.RateLimitedCount(Account)}, peak {_emulator.PeakRequestsInWindow(Account)}, "
            + $"outages {outages.GetMeasurementSnapshot().Sum(m => m.Value)}, fallback permits {fallbacks.GetMeasurementSnapshot().Sum(m => m.Value)}");
        // No duplicate send and nothing lost: every send accepted once; a 429 (transitions under a loaded machine can
        // cost one) costs exactly one retried attempt. No burst: never more than the limit admitted in any window.
        Assert.Equal(sends, _emulator.AcceptedMessages(Account).Count);
        Assert.Equal(0, _emulator.DuplicateCount(Account));
        Assert.Equal(sends + _emulator.RateLimitedCount(Account), _emulator.RequestsTo(Account).Count);
        Assert.InRange(_emulator.PeakRequestsInWindow(Account), 1, 9);
        Assert.Equal(2, warnings);
        Assert.Equal(2, records.Count(r => r.Level == LogLevel.Warning && r.Message.Contains("Redis pacing", StringComparison.Ordinal)));
        Assert.Equal(2, outages.GetMeasurementSnapshot().Sum(m => m.Value));
        // A permit per attempt: the outage round's sends at least, at most the later rounds' too, and any 429's retry.
        Assert.InRange(fallbacks.GetMeasurementSnapshot().Sum(m => m.Value), 2 * 4 * 2, 2 * 4 * (2 + roundsAfter) + _emulator.RateLimitedCount(Account));
        Assert.Equal(2, records.Count(r => r.Message.Contains("is back after", StringComparison.Ordinal)));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        Assert.NotEmpty(redis.GetServer(_redis.Configuration).Keys(pattern: "vibermessaging:pacing:*:log"));
    }

    [RedisFact]
    public async Task SendAsync_RedisOutOfReachAndFailClosed_FailsNotSentWithoutARequest()
    {
        var sender = Instance(o => o.FailClosed = true).GetRequiredKeyedService<IViberSender>(Account);
        await _redis.StopAsync();

        var thrown = await Assert.ThrowsAsync<ViberMessagingException>(() => sender.SendAsync(Message()));

        Assert.Equal(ViberErrorCode.RateLimited, thrown.ErrorCode);
        Assert.Equal(SendOutcome.NotSent, thrown.Outcome);
        Assert.Contains("FailClosed", thrown.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.RequestsTo(Account));
    }

    [RedisFact]
    public async Task SendAsync_RedisPacingForOneNamedAccount_PacesThatAccountThroughRedisAndLeavesTheOtherInProcess()
    {
        var services = new ServiceCollection();
        services.AddViberMessaging()
            .AddSmsClub("Campaigns")
            .AddSmsClub("Alerts")
            .UseEmulator(_emulator)
            .UseRedisPacing("Campaigns", o => o.Configuration = _redis.Configuration);
        await using var provider = services.BuildServiceProvider();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        var server = redis.GetServer(_redis.Configuration);

        await provider.GetRequiredKeyedService<IViberSender>("Alerts").SendAsync(Message());
        var afterAlerts = server.Keys(pattern: "vibermessaging:pacing:*:log").Count();
        await provider.GetRequiredKeyedService<IViberSender>("Campaigns").SendAsync(Message());

        Assert.Equal(0, afterAlerts);
        Assert.Single(server.Keys(pattern: "vibermessaging:pacing:*:log"));
        Assert.Equal(2, _emulator.AcceptedMessages(Account).Count);
    }

    [Fact]
    public void UseRedisPacing_NamedAccountWithInvalidOptions_FailsNamingTheAccountAndTheRule()
    {
        var services = new ServiceCollection();
        services.AddViberMessaging()
            .AddSmsClub("Campaigns", o => o.Token = "token")
            .UseRedisPacing("Campaigns", o =>
            {
                o.Configuration = "127.0.0.1:1";
                o.ExpectedInstances = 0;
            });
        using var provider = services.BuildServiceProvider();

        var thrown = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<RedisPacingOptions>>().Get("Campaigns"));

        Assert.Contains("ViberMessaging:Redis (account Campaigns): ExpectedInstances must be between 1 and 1000 (was 0).", thrown.Failures);
    }

    private static int _messages;

    // Each message unique, so the emulator's DuplicateCount tells a double send.
    private static ViberMessage Message() => new() { Sender = "MyShop", Recipients = [PhoneNumber.Parse("+380501234567")], Text = "Hello " + Interlocked.Increment(ref _messages) };

    private async Task SendFromEightSendersEachAsync(IViberSender[] senders, int perSender)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(senders.SelectMany(sender => Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = 0; i < perSender; i++)
            {
                await sender.SendAsync(Message());
            }
        })));

        var sent = _emulator.RequestsTo(Account).Count;
        output.WriteLine($"{senders.Length} instances x 8 senders: {sent} requests in {clock.Elapsed.TotalSeconds:F2} s = {sent / clock.Elapsed.TotalSeconds:F2}/s (limit 9/s); "
            + $"429s {_emulator.RateLimitedCount(Account)}; peak in any 1000 ms {_emulator.PeakRequestsInWindow(Account)}");
    }

    private ServiceProvider Instance(Action<RedisPacingOptions>? configure = null, FakeLogCollector? logs = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddLogging(b =>
        {
            if (logs is not null)
            {
                b.AddProvider(new FakeLoggerProvider(logs));
            }
        });
        services.AddViberMessaging()
            .AddSmsClub()
            .UseEmulator(_emulator)
            .UseRedisPacing(o =>
            {
                o.Configuration = _redis.Configuration;
                configure?.Invoke(o);
            });
        var provider = services.BuildServiceProvider();
        _instances.Add(provider);
        return provider;
    }

    private async Task EventuallyPausedAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        var server = redis.GetServer(_redis.Configuration);
        for (var i = 0; i < 100; i++)
        {
            foreach (var key in server.Keys(pattern: "vibermessaging:pacing:*:state"))
            {
                if (await redis.GetDatabase().HashExistsAsync(key, "pause"))
                {
                    return;
                }
            }

            await Task.Delay(20);
        }

        Assert.Fail("The 429 never reached Redis.");
    }
}

/// <summary>The system clock, off by a fixed amount: an instance on a machine whose clock is wrong.</summary>
internal sealed class SkewedTimeProvider(TimeSpan offset) : TimeProvider
{
    private readonly long _offsetTimestamp = (long)(offset.TotalSeconds * System.TimestampFrequency);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;

    public override long GetTimestamp() => System.GetTimestamp() + _offsetTimestamp;
}
