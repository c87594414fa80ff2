using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.Providers;
using ViberMessaging.Tracking;

namespace ViberMessaging.Tests.Tracking;

/// <summary>The tracker's polling on a fake clock against scripted status queries: when, how much, how often, and what it announces.</summary>
public sealed class DeliveryTrackerTests
{
    /// <summary>An account whose provider posts status callbacks (listed in <see cref="DeliveryTrackerOptions.CallbackProviders"/> where a test says so).</summary>
    private const string Pushing = "Pushing";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, TrackedAccount> _accounts = new(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public async Task PollDueAsync_BeforeFirstPollAfter_AsksNothing()
    {
        var query = Account("SmsClub", 500, (_, _) => DeliveryStatus.Delivered);
        using var sut = CreateSut();
        sut.Track(Sent("SmsClub", 3));

        _time.Advance(TimeSpan.FromSeconds(9));
        await sut.PollDueAsync(CancellationToken.None);

        Assert.Empty(query.Requests);
        Assert.Equal(DeliveryStatus.Pending, (await sut.GetAsync(new MessageId("SmsClub", "1")))?.Status);
    }

    [Fact]
    public async Task PollDueAsync_MoreIdsThanOneRequestCarries_BatchesToTheProvidersMaximum()
    {
        // Every provider at once, each with its own maximum (its capabilities): two full requests and a half one.
        var accounts = ProviderManifest.All.Select(p =>
        {
            var max = p.Capabilities((ViberProviderOptions)Activator.CreateInstance(p.OptionsType)!).MaxStatusIdsPerRequest;
            return (p.Name, Max: max, Query: Account(p.Name, max, (_, _) => DeliveryStatus.Sent));
        }).ToArray();
        Assert.Contains(accounts, a => a.Max > 1);
        Assert.Contains(accounts, a => a.Max == 1);
        using var sut = CreateSut();
        foreach (var (name, max, _) in accounts)
        {
            sut.Track(Sent(name, (2 * max) + ((max + 1) / 2)));
        }

        _time.Advance(TimeSpan.FromSeconds(10));
        await sut.PollDueAsync(CancellationToken.None);

        Assert.All(accounts, a => Assert.Equal([a.Max, a.Max, (a.Max + 1) / 2], a.Query.Requests.Select(r => r.Length)));
    }

    [Fact]
    public async Task PollDueAsync_FinalStatus_IsNeverAskedAgain()
    {
        var query = Account("SmsClub", 500, (_, asked) => asked >= 2 ? DeliveryStatus.Delivered : DeliveryStatus.Sent);
        using var sut = CreateSut();
        sut.Track(Sent("SmsClub", 2));

        for (var i = 0; i < 20; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            await sut.PollDueAsync(CancellationToken.None);
        }

        Assert.Equal(2, query.Requests.Count);
        Assert.Equal(2, query.TimesAsked(new MessageId("SmsClub", "1")));
        Assert.Equal(0, sut.PendingCount);
        Assert.Equal(DeliveryStatus.Delivered, (await sut.GetAsync(new MessageId("SmsClub", "2")))?.Status);
    }

    [Fact]
    public async Task PollDueAsync_MessageGrowsOld_PollsBackOffToMaxPollInterval()
    {
        var query = Account("Devino", 100, (_, _) => DeliveryStatus.Sent);
        using var sut = CreateSut();
        sut.Track(Sent("Devino", 1));
        var polledAt = new List<TimeSpan>();

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(3); elapsed += TimeSpan.FromSeconds(5))
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            var before = query.Requests.Count;
            await sut.PollDueAsync(CancellationToken.None);
            if (query.Requests.Count > before)
            {
                polledAt.Add(elapsed + TimeSpan.FromSeconds(5));
            }
        }

        var gaps = polledAt.Zip(polledAt.Skip(1), (a, b) => b - a).ToArray();
        Assert.Equal(TimeSpan.FromSeconds(10), polledAt[0]);
        Assert.True(gaps.Zip(gaps.Skip(1)).All(p => p.Second >= p.First), string.Join(", ", gaps));
        Assert.Equal(TimeSpan.FromMinutes(15), gaps[^1]);
        Assert.InRange(polledAt.Count, 15, 40);
    }

    [Fact]
    public async Task PollDueAsync_PastMaxAge_StopsPolling()
    {
        var query = Account("SmsClub", 500, (_, _) => DeliveryStatus.Sent);
        using var sut = CreateSut(o => o.MaxAge = TimeSpan.FromHours(1));
        sut.Track(Sent("SmsClub", 1));

        for (var i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(15));
            await sut.PollDueAsync(CancellationToken.None);
        }

        Assert.Equal(0, sut.PendingCount);
        Assert.InRange(query.Requests.Count, 1, 4);
    }

    [Fact]
    public async Task ReportAsync_FinalCallbackBeforeTrack_IsKeptAndTheMessageIsNeverPolled()
    {
        var query = Account(Pushing, 1, (_, _) => DeliveryStatus.Sent);
        using var sut = CreateSut();
        var id = new MessageId(Pushing, "1");

        Assert.True(await sut.ReportAsync(new DeliveryReport(id, DeliveryStatus.Delivered)));
        sut.Track(Sent(Pushing, 1));
        _time.Advance(TimeSpan.FromMinutes(1));
        await sut.PollDueAsync(CancellationToken.None);

        Assert.Empty(query.Requests);
        Assert.Equal(DeliveryStatus.Delivered, (await sut.GetAsync(id))?.Status);
        Assert.Equal(0, sut.PendingCount);
    }

    [Fact]
    public async Task ReportAsync_RepeatAndLateSent_ChangeNothingAndAreNotAnnounced()
    {
        Account(Pushing, 1, (_, _) => DeliveryStatus.Sent);
        using var sut = CreateSut();
        var id = new MessageId(Pushing, "7");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watched = new List<DeliveryReport>();
        await using var changes = sut.WatchAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        var moving = changes.MoveNextAsync();   // a watcher sees the changes from its first MoveNextAsync on: start it now

        var first = await sut.ReportAsync(new DeliveryReport(id, DeliveryStatus.Delivered) { RawStatus = "1" });
        var repeat = await sut.ReportAsync(new DeliveryReport(id, DeliveryStatus.Delivered) { RawStatus = "1" });
        var late = await sut.ReportAsync(new DeliveryReport(id, DeliveryStatus.Sent) { RawStatus = "0" });
        var read = await sut.ReportAsync(new DeliveryReport(id, DeliveryStatus.Read) { RawStatus = "read" });
        while (await moving)
        {
            watched.Add(changes.Current);
            if (watched.Count == 2)
            {
                break;
            }

            moving = changes.MoveNextAsync();
        }

        Assert.Equal((true, false, false, true), (first, repeat, late, read));
        Assert.Equal([DeliveryStatus.Delivered, DeliveryStatus.Read], watched.Select(r => r.Status));
        Assert.Equal(DeliveryStatus.Read, (await sut.GetAsync(id))?.Status);
    }

    [Fact]
    public async Task WatchAsync_ChangesBeforeFirstMoveNext_AreDelivered()
    {
        using var sut = CreateSut();
        var id = new MessageId(Pushing, "8");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stream = sut.WatchAsync(cancel.Token);   // subscribed now, enumerated only after the changes

        await sut.ReportAsync(new DeliveryReport(id, DeliveryStatus.Sent) { RawStatus = "0" });
        await sut.ReportAsync(new DeliveryReport(id, DeliveryStatus.Delivered) { RawStatus = "1" });
        var watched = new List<DeliveryStatus>();
        await foreach (var report in stream)
        {
            watched.Add(report.Status);
            if (watched.Count == 2)
            {
                break;
            }
        }

        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Delivered], watched);
    }

    [Fact]
    public async Task WatchAsync_NeverEnumeratedThenCancelled_IsUnsubscribed()
    {
        using var sut = CreateSut();
        using var cancel = new CancellationTokenSource();
        var stream = sut.WatchAsync(cancel.Token);
        await cancel.CancelAsync();

        await sut.ReportAsync(new DeliveryReport(new MessageId(Pushing, "9"), DeliveryStatus.Sent));

        Assert.Equal(0, sut.WatcherCount);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var report in stream)
            {
                Assert.Fail("a cancelled subscription yielded " + report);
            }
        });
    }

    [Fact]
    public async Task PollDueAsync_CallbackAccount_IsPolledOnlyAfterCallbackSilence()
    {
        var query = Account(Pushing, 1, (_, _) => DeliveryStatus.Sent);
        using var sut = CreateSut(o => o.CallbackProviders.Add(Pushing));
        sut.Track(Sent(Pushing, 2));

        _time.Advance(TimeSpan.FromMinutes(29));
        await sut.PollDueAsync(CancellationToken.None);
        Assert.Empty(query.Requests);
        await sut.ReportAsync(new DeliveryReport(new MessageId(Pushing, "1"), DeliveryStatus.Sent));
        _time.Advance(TimeSpan.FromMinutes(2));
        await sut.PollDueAsync(CancellationToken.None);

        var only = Assert.Single(query.Requests);
        Assert.Equal([new MessageId(Pushing, "2")], only);
    }

    [Fact]
    public async Task ReportAsync_AccountNotInCallbackProviders_KeepsTheMessagesPollingSchedule()
    {
        // An account that answers a request once (SMS.by's bulk callback): that answer is no promise of more callbacks, so polling goes on.
        var query = Account("AnsweredOnce", 1, (_, _) => DeliveryStatus.Sent);
        using var sut = CreateSut(o => o.CallbackProviders.Add(Pushing));
        sut.Track(Sent("AnsweredOnce", 1));

        await sut.ReportAsync(new DeliveryReport(new MessageId("AnsweredOnce", "1"), DeliveryStatus.Pending) { RawStatus = "NEW" });
        _time.Advance(TimeSpan.FromSeconds(10));
        await sut.PollDueAsync(CancellationToken.None);

        Assert.Equal([new MessageId("AnsweredOnce", "1")], Assert.Single(query.Requests));
    }

    [Fact]
    public async Task PollDueAsync_SendsWaiting_TakesAtMostThePollingShareOfPermits()
    {
        // 10 permits per second, 20 %: 2 polls per second while sends wait, 100 requests' worth due.
        var query = Account("Devino", 100, (_, _) => DeliveryStatus.Sent, new WaitingGate(sendsWaiting: true), permitLimit: 10);
        using var sut = CreateSut();
        sut.Track(Sent("Devino", 10_000));
        _time.Advance(TimeSpan.FromSeconds(10));

        using var stop = new CancellationTokenSource();
        var pass = sut.PollDueAsync(stop.Token);
        for (var step = 0; step < 50; step++)
        {
            await Settle();
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        await Settle();
        var polls = query.Requests.Count;
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pass);

        // 5 s of sends waiting: the budget's 2 at once, then 2 per second.
        Assert.InRange(polls, 2, 2 + (2 * 5));
    }

    [Fact]
    public async Task PollDueAsync_NoSendWaiting_UsesIdleCapacity()
    {
        var query = Account("Devino", 100, (_, _) => DeliveryStatus.Sent, new WaitingGate(sendsWaiting: false), permitLimit: 10);
        using var sut = CreateSut();
        sut.Track(Sent("Devino", 10_000));

        _time.Advance(TimeSpan.FromSeconds(10));
        await sut.PollDueAsync(CancellationToken.None);

        Assert.Equal(100, query.Requests.Count);
    }

    [Fact]
    public async Task PollDueAsync_TenThousandMessagesAcrossProviders_AllReachFinalAndNoneIsAskedAfter()
    {
        // Each id turns final on its second to fourth poll, some failed, some delivered.
        static DeliveryStatus Script(MessageId id, int asked)
            => asked < 2 + (id.Value.Length % 3) ? DeliveryStatus.Sent : int.Parse(id.Value, CultureInfo.InvariantCulture) % 7 == 0 ? DeliveryStatus.Undeliverable : DeliveryStatus.Delivered;
        // Four accounts with the providers' request sizes (500, 100, 1, 1 ids), 10 000 messages in all.
        var accounts = new[] { ("Bulk", 500, 6_000), ("Medium", 100, 3_000), ("Single", 1, 600), ("SingleToo", 1, 400) };
        var queries = accounts.Select(a => Account(a.Item1, a.Item2, Script)).ToArray();
        using var sut = CreateSut();
        foreach (var (name, _, count) in accounts)
        {
            sut.Track(Sent(name, count));
        }


        for (var i = 0; i < 200 && sut.PendingCount > 0; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            await sut.PollDueAsync(CancellationToken.None);
        }

        Assert.Equal(0, sut.PendingCount);
        foreach (var query in queries)
        {
            var asked = query.Requests.SelectMany(r => r).GroupBy(id => id).ToArray();
            Assert.All(asked, g => Assert.Equal(2 + (g.Key.Value.Length % 3), g.Count()));
        }

        foreach (var (provider, _, count) in accounts)
        {
            for (var i = 1; i <= count; i++)
            {
                Assert.True((await sut.GetAsync(new MessageId(provider, i.ToString(CultureInfo.InvariantCulture)), CancellationToken.None))?.IsFinal);
            }
        }
    }

    [Fact]
    public async Task ReportAsync_Change_ReachesEveryHandlerInOrder()
    {
        Account("SmsClub", 500, (_, _) => DeliveryStatus.Sent);
        var heard = new List<DeliveryReport>();
        using var sut = CreateSut(handlers: [new CollectingHandler(heard), new ThrowingHandler()]);
        var id = new MessageId("SmsClub", "5");

        await sut.ReportAsync(new DeliveryReport(id, DeliveryStatus.Sent));
        await sut.ReportAsync(new DeliveryReport(id, DeliveryStatus.Delivered));
        await sut.ReportAsync(new DeliveryReport(new MessageId("SmsClub", "6"), DeliveryStatus.Rejected));
        await WaitForAsync(() => { lock (heard) { return heard.Count == 3; } });

        lock (heard)
        {
            Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Delivered, DeliveryStatus.Rejected], heard.Select(r => r.Status));
        }
    }

    private static SendResult Sent(string provider, int count)
        => new(provider, Enumerable.Range(1, count).Select(i => new RecipientResult
            {
                Recipient = PhoneNumber.Parse("38067" + i.ToString("D7", CultureInfo.InvariantCulture)),
                Status = RecipientStatus.Accepted,
                MessageId = new MessageId(provider, i.ToString(CultureInfo.InvariantCulture)),
            }).ToArray());

    /// <summary>Lets the continuations the last clock step released run (the polling budget completes waiters on the thread pool).</summary>
    private static async Task Settle()
    {
        for (var i = 0; i < 20; i++)
        {
            await Task.Yield();
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
#pragma warning disable RS0030 // Polls for an event the tracker's own loop raises (bounded by the 30 s timeout), not a fixed wait.
            await Task.Delay(5, timeout.Token);
#pragma warning restore RS0030
        }
    }

    private ScriptedStatusQuery Account(string provider, int maxIds, Func<MessageId, int, DeliveryStatus> script, RateLimiter? gate = null, int permitLimit = 9)
    {
        var query = new ScriptedStatusQuery(provider, script);
        _accounts[provider] = new TrackedAccount(provider, query, maxIds, gate, TrackedAccount.Budget(permitLimit, TimeSpan.FromSeconds(1), 0.2, _time));
        return query;
    }

    private DeliveryTracker CreateSut(Action<DeliveryTrackerOptions>? configure = null, IDeliveryReportHandler[]? handlers = null)
    {
        var options = new DeliveryTrackerOptions();
        configure?.Invoke(options);
        return new DeliveryTracker(new InMemoryDeliveryStore(), handlers ?? [], Options.Create(options), name => _accounts.GetValueOrDefault(name), _time, NullLogger.Instance);
    }

    private sealed class CollectingHandler(List<DeliveryReport> reports) : IDeliveryReportHandler
    {
        public ValueTask OnReportAsync(DeliveryReport report, CancellationToken cancellationToken)
        {
            lock (reports)
            {
                reports.Add(report);
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class ThrowingHandler : IDeliveryReportHandler
    {
        public ValueTask OnReportAsync(DeliveryReport report, CancellationToken cancellationToken) => throw new InvalidOperationException("a user's bug");
    }
}
