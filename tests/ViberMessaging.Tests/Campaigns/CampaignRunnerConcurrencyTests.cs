using System.Globalization;
using ViberMessaging.Campaigns;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Campaigns;

/// <summary>
/// Several requests in flight (<see cref="CampaignDefinition.MaxConcurrentRequests"/>), in process: a sender that holds
/// every request until the test releases it and counts how many it holds, and the in-memory journal, so each step is
/// looked at exactly (no clock, no sleeps).
/// </summary>
public sealed class CampaignRunnerConcurrencyTests
{
    private readonly InMemoryCampaignJournal _journal = new();

    [Fact]
    public async Task RunAsync_ThreeInFlight_NeverMoreAndOnlyTheirRecipientsArePending()
    {
        var sender = new HeldSender { PendingNow = () => _journal.Pending("held") };
        var run = CreateSut().RunAsync(sender, Campaign("held", concurrency: 3), Recipients(24));   // 12 requests of 2

        // Release the oldest request each time three are held (or all twelve have gone), one release at a time.
        var releases = 0;
        while (await sender.WaitUntilAsync(s => !s.ReleasedStillHeld && (s.HeldCount == 3 || (s.Calls == 12 && s.HeldCount > 0)), run))
        {
            sender.ReleaseOldest();
            releases++;
        }

        var summary = await run;
        Assert.Equal((24L, 24L, 0L), (summary.Progress.Sent, summary.Progress.Accepted, summary.Progress.Unknown));
        Assert.Equal((12, 12, 3), (sender.Calls, releases, sender.MaxHeld));

        // As each request went, the pending recipients were exactly those of the requests held (it included).
        Assert.Equal(12, sender.EntryChecks.Count);
        Assert.All(sender.EntryChecks, c => Assert.True(c.PendingIsHeld, c.ToString()));
        Assert.Equal([1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], sender.EntryChecks.Select(c => c.Held));
        Assert.Empty(_journal.Pending("held"));
        Assert.Equal(0, _journal.OverlappingCalls);
    }

    [Fact]
    public async Task RunAsync_CancelledWithThreeInFlight_StartsNoOtherRequestJournalsTheThreeAndResumeSendsTheRest()
    {
        var sender = new HeldSender();
        using var stop = new CancellationTokenSource();
        var run = CreateSut().RunAsync(sender, Campaign("stop", concurrency: 3), Recipients(40), cancellationToken: stop.Token);
        Assert.True(await sender.WaitUntilAsync(s => s.HeldCount == 3, run));

        var inFlight = sender.Held.SelectMany(c => c.Digits).Order(StringComparer.Ordinal).ToArray();
        await stop.CancelAsync();
        sender.ReleaseAll();
        var first = await run;

        // The three requests in flight finished and were journaled; nothing else was sent or journaled.
        Assert.True(first.Cancelled);
        Assert.Equal(3, sender.Calls);
        Assert.Equal((6L, 6L), (first.Progress.Sent, first.Progress.Accepted));
        Assert.Equal(inFlight, _journal.Snapshot("stop").Keys.Order(StringComparer.Ordinal));
        Assert.All(_journal.Snapshot("stop").Values, e => Assert.Equal(CampaignRecipientState.Accepted, e.State));

        var resumed = new HeldSender { Hold = false };
        var second = await CreateSut().RunAsync(resumed, Campaign("stop", concurrency: 3), Recipients(40));

        Assert.Equal((34L, 6L, 0L), (second.Progress.Accepted, second.Progress.AlreadyDone, second.Progress.Unknown));
        var everySend = sender.Sent.Concat(resumed.Sent).ToList();
        Assert.Equal(40, everySend.Count);
        Assert.Equal(40, everySend.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(40, _journal.Snapshot("stop").Values.Count(e => e.State == CampaignRecipientState.Accepted));
    }

    [Fact]
    public async Task RunAsync_CancelledAndTheRequestsInFlightCut_RecordsThemUnknownAndResumeNeverResendsThem()
    {
        var sender = new HeldSender { CutOnCancel = true };
        using var stop = new CancellationTokenSource();
        var run = CreateSut().RunAsync(sender, Campaign("cut", concurrency: 2), Recipients(10), cancellationToken: stop.Token);
        Assert.True(await sender.WaitUntilAsync(s => s.HeldCount == 2, run));

        var inFlight = sender.Held.SelectMany(c => c.Digits).Order(StringComparer.Ordinal).ToArray();
        await stop.CancelAsync();
        var first = await run;
        var second = await CreateSut().RunAsync(new HeldSender { Hold = false }, Campaign("cut", concurrency: 2), Recipients(10));

        Assert.True(first.Cancelled);
        Assert.Equal((4L, 0L), (first.Progress.Unknown, first.Progress.Accepted));
        Assert.Equal(inFlight, _journal.Snapshot("cut").Values.Where(e => e.State == CampaignRecipientState.Unknown).Select(e => e.Phone.Digits).Order(StringComparer.Ordinal));
        Assert.Equal((6L, 4L), (second.Progress.Accepted, second.Progress.AlreadyDone));
    }

    [Fact]
    public async Task RunAsync_ProgressReports_AreNeverTornAndEndAtTheSummary()
    {
        var reports = new List<CampaignProgress>();
        var progress = new SynchronousProgress(reports.Add);

        var summary = await CreateSut().RunAsync(new HeldSender { Hold = false }, Campaign("progress", concurrency: 4), Recipients(50), progress);

        // One report per request, on the run's own flow: counts only grow, and each adds up.
        Assert.Equal(25, reports.Count);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => 2L * i), reports.Select(r => r.Sent));
        Assert.All(reports, r => Assert.Equal(r.Sent, r.Accepted));
        Assert.Equal(50L, summary.Progress.Sent);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(CampaignDefinition.MaxConcurrentRequestsLimit + 1)]
    public async Task RunAsync_MaxConcurrentRequestsOutOfRange_ThrowsNamingItBeforeAnySend(int concurrency)
    {
        var sender = new HeldSender { Hold = false };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CreateSut().RunAsync(sender, Campaign("range", concurrency: concurrency), Recipients(2)));

        Assert.Contains("CampaignDefinition.MaxConcurrentRequests must be from 1 to 32", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, sender.Calls);
    }

    private CampaignRunner CreateSut() => new(_journal, TestClock.Create());

    private static CampaignDefinition Campaign(string id, int concurrency)
        => new() { Id = id, ChunkSize = 2, MaxConcurrentRequests = concurrency, Template = new ViberMessage { Sender = "MyShop", Text = "Spring sale" } };

    private static async IAsyncEnumerable<CampaignRecipient> Recipients(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return new CampaignRecipient(PhoneNumber.Parse("+3806" + i.ToString("D8", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// Accepts every recipient, but (when <see cref="Hold"/>) only once the test releases the request; counts the
    /// requests it holds at once and, as each request enters, compares the journal's pending recipients with those of
    /// the requests held. With <see cref="CutOnCancel"/>, a held request whose token fires ends as the SDK's senders
    /// end a request cut after it may have been processed (<see cref="SendCanceledException"/>).
    /// </summary>
    private sealed class HeldSender : IViberSender
    {
        private readonly object _lock = new();
        private readonly List<Call> _held = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Hold { get; init; } = true;

        public bool CutOnCancel { get; init; }

        /// <summary>Reads the journal's pending recipients, as each request enters.</summary>
        public Func<string[]>? PendingNow { get; init; }

        public string ProviderName => "Held";

        public ProviderCapabilities Capabilities { get; } = new() { MaxRecipientsPerRequest = 2 };

        public int Calls { get; private set; }

        public int MaxHeld { get; private set; }

        public int HeldCount => _held.Count;

        public bool ReleasedStillHeld => _held.Exists(c => c.Released.Task.IsCompleted);

        public List<string> Sent { get; } = [];

        public List<EntryCheck> EntryChecks { get; } = [];

        public List<Call> Held
        {
            get
            {
                lock (_lock)
                {
                    return [.. _held];
                }
            }
        }

        public async Task<SendResult> SendAsync(ViberMessage message, CancellationToken cancellationToken = default)
        {
            var call = new Call([.. message.Recipients.Select(r => r.Digits)]);
            lock (_lock)
            {
                Calls++;
                Sent.AddRange(call.Digits);
                if (Hold)
                {
                    _held.Add(call);
                    MaxHeld = Math.Max(MaxHeld, _held.Count);
                    if (PendingNow is not null)
                    {
                        var held = _held.SelectMany(c => c.Digits).Order(StringComparer.Ordinal).ToArray();
                        var pending = PendingNow();
                        EntryChecks.Add(new EntryCheck(_held.Count, held.SequenceEqual(pending), string.Join(",", held), string.Join(",", pending)));
                    }

                    Changed();
                }
            }

            if (Hold)
            {
                try
                {
                    await (CutOnCancel ? call.Released.Task.WaitAsync(cancellationToken) : call.Released.Task);
                }
                catch (OperationCanceledException e)
                {
                    Remove(call);
                    throw new SendCanceledException(ProviderName, message.Recipients, null, e, cancellationToken);
                }

                Remove(call);
            }

            return new SendResult(ProviderName, [.. message.Recipients.Select(r => new RecipientResult
            {
                Recipient = r,
                Status = RecipientStatus.Accepted,
                MessageId = new MessageId(ProviderName, r.Digits),
            })]);
        }

        /// <summary>Waits until <paramref name="condition"/> holds (<see langword="true"/>) or the run ends (<see langword="false"/>).</summary>
        public async Task<bool> WaitUntilAsync(Func<HeldSender, bool> condition, Task run)
        {
            while (true)
            {
                Task changed;
                lock (_lock)
                {
                    if (condition(this))
                    {
                        return true;
                    }

                    changed = _changed.Task;
                }

                // A safety net, not a timing assert: a runner that breaks the rule under test must fail the test, not hang it.
                if (await Task.WhenAny(changed, run).WaitAsync(TimeSpan.FromSeconds(30)) == run)
                {
                    return false;
                }
            }
        }

        public void ReleaseOldest() => Held[0].Released.TrySetResult();

        public void ReleaseAll() => Held.ForEach(c => c.Released.TrySetResult());

        private void Remove(Call call)
        {
            lock (_lock)
            {
                _held.Remove(call);
                Changed();
            }
        }

        private void Changed()
        {
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>What the journal held pending as a request entered, against the requests held.</summary>
    private sealed record EntryCheck(int Held, bool PendingIsHeld, string HeldDigits, string PendingDigits);

    /// <summary>One held request.</summary>
    private sealed class Call(string[] digits)
    {
        public string[] Digits { get; } = digits;

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class SynchronousProgress(Action<CampaignProgress> report) : IProgress<CampaignProgress>
    {
        public void Report(CampaignProgress value) => report(value);
    }
}
