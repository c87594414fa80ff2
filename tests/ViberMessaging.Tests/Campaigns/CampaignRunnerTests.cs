using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Campaigns;
using ViberMessaging.Testing;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Campaigns;

/// <summary>
/// Campaigns against the emulator: the emulator's ledger (every message it accepted, and the duplicates) proves that a
/// stopped, crashed or failed run resumes without sending anybody twice.
/// </summary>
public sealed class CampaignRunnerTests
{
    private readonly InMemoryCampaignJournal _journal = new();

    [Fact]
    public async Task RunAsync_TemplateWithVariables_SendsEachRecipientItsOwnTextOnce()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var summary = await sut.RunAsync(Sender(harness), Campaign("welcome"), Recipients(3));

        Assert.Equal((3L, 3L, 0L, 0L), (summary.Progress.Sent, summary.Progress.Accepted, summary.Progress.Unknown, summary.Progress.AlreadyDone));
        Assert.False(summary.Cancelled);
        var accepted = harness.Emulator.AcceptedMessages(ViberProviders.SmsClub);
        Assert.Equal(
            ["380500000000:Hello, Client 0!", "380500000001:Hello, Client 1!", "380500000002:Hello, Client 2!"],
            accepted.Select(m => $"{PhoneNumber.Parse(m.Recipient).Digits}:{m.Text}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ChunkOfPersonalisedTexts_JournalsEachRequestPendingJustBeforeItGoes()
    {
        await using var harness = await StartAsync();
        var journal = harness.Services.GetRequiredService<ICampaignJournal>();
        var pendingAtEachSend = new List<string>();
        var sender = new ObservingSender(Sender(harness), async message =>
        {
            var states = await ReadAsync(journal, "personal");
            pendingAtEachSend.Add(string.Join(",", states.Where(s => s.Value == CampaignRecipientState.Pending).Select(s => s.Key).Order(StringComparer.Ordinal)) + "→" + string.Join(",", message.Recipients.Select(r => r.Digits)));
        });

        // One chunk of five, five texts: five requests, one at a time. A crash during any of them must leave only its
        // recipient Unknown. (With several in flight: CampaignRunnerConcurrencyTests.)
        var summary = await CreateSut(harness).RunAsync(sender, Campaign("personal", chunkSize: 5, concurrency: 1), Recipients(5));

        Assert.Equal(5L, summary.Progress.Accepted);
        Assert.Equal(
            Enumerable.Range(0, 5).Select(i => $"3805{i:D8}→3805{i:D8}"),
            pendingAtEachSend);
    }

    [Fact]
    public async Task RunAsync_StoppedMidRunThenResumed_SendsEveryRecipientExactlyOnce()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        using var stop = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Sent >= 20)
            {
                stop.Cancel();
            }
        });

        var first = await sut.RunAsync(Sender(harness), Campaign("spring", chunkSize: 10), Recipients(50), progress, stop.Token);
        var second = await sut.RunAsync(Sender(harness), Campaign("spring", chunkSize: 10), Recipients(50));

        // Cancelled once 20 were sent: no request started after that; the (at most 3) others in flight finished, or were
        // cut by the token (NotSent if still waiting for the pacer, Unknown if they may have reached the provider).
        Assert.True(first.Cancelled);
        Assert.InRange(first.Progress.Sent, 20L, 20L + CampaignDefinition.DefaultMaxConcurrentRequests - 1);
        Assert.Equal(first.Progress.Sent, first.Progress.Accepted + first.Progress.Unknown + first.Progress.NotSent.Values.Sum());
        Assert.Equal(first.Progress.Accepted + first.Progress.Unknown, second.Progress.AlreadyDone);
        Assert.Equal(50L - second.Progress.AlreadyDone, second.Progress.Accepted);
        var journal = _journal.Snapshot("spring").Values;
        Assert.Equal(50, journal.Count);
        Assert.All(journal, e => Assert.True(e.State is CampaignRecipientState.Accepted or CampaignRecipientState.Unknown, e.ToString()));
        var ledger = harness.Emulator.AcceptedMessages(ViberProviders.SmsClub).Select(m => PhoneNumber.Parse(m.Recipient).Digits).ToList();
        Assert.Equal(ledger.Count, ledger.Distinct().Count());
        Assert.Equal(0, harness.Emulator.DuplicateCount(ViberProviders.SmsClub));
        Assert.All(journal.Where(e => e.State == CampaignRecipientState.Accepted), e => Assert.Contains(e.Phone.Digits, ledger));
        Assert.Equal(0, _journal.OverlappingCalls);
    }

    [Fact]
    public async Task RunAsync_JournalLeftByACrashWithAChunkInFlight_ReportsItUnknownAndNeverSendsIt()
    {
        await using var harness = await StartAsync();
        var journal = harness.Services.GetRequiredService<ICampaignJournal>();
        var phones = Recipients(10).ToBlockingEnumerable().Select(r => r.Phone).ToArray();
        // What a process killed during its second request leaves: chunk 1 pending then accepted, chunk 2 pending only.
        await journal.RecordPendingAsync("crash", phones[..2]);
        await journal.RecordOutcomesAsync("crash", phones[..2].Select(p => new CampaignJournalEntry(p, CampaignRecipientState.Accepted, new MessageId(ViberProviders.SmsClub, "1"))).ToArray());
        await journal.RecordPendingAsync("crash", phones[2..5]);
        var sut = CreateSut(harness);

        var summary = await sut.RunAsync(Sender(harness), Campaign("crash"), Recipients(10));

        Assert.Equal((3L, 5L, 5L), (summary.Progress.Unknown, summary.Progress.AlreadyDone, summary.Progress.Sent));
        Assert.Equal(
            phones[5..].Select(p => p.Digits),
            harness.Emulator.AcceptedMessages(ViberProviders.SmsClub).Select(m => PhoneNumber.Parse(m.Recipient).Digits).Order(StringComparer.Ordinal));
        var states = await ReadAsync(journal, "crash");
        Assert.All(phones[2..5], p => Assert.Equal(CampaignRecipientState.Unknown, states[p.Digits]));
        Assert.All(phones[5..], p => Assert.Equal(CampaignRecipientState.Accepted, states[p.Digits]));
    }

    [Fact]
    public async Task RunAsync_ResetAfterTheProviderAccepted_RecordsUnknownAndAResumeDoesNotResend()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        harness.Emulator.InjectFault(ViberProviders.SmsClub, EmulatorFault.ResetAfterAccept());

        var first = await sut.RunAsync(Sender(harness), Campaign("reset"), Recipients(3));
        var second = await sut.RunAsync(Sender(harness), Campaign("reset"), Recipients(3));

        // Each recipient has its own text, so its own request: the first was reset after the provider accepted it.
        Assert.Equal((1L, 2L), (first.Progress.Unknown, first.Progress.Accepted));
        Assert.Equal((0L, 3L), (second.Progress.Sent, second.Progress.AlreadyDone));
        Assert.Equal(3, harness.Emulator.AcceptedMessages(ViberProviders.SmsClub).Count);
        Assert.Equal(0, harness.Emulator.DuplicateCount(ViberProviders.SmsClub));
    }

    [Fact]
    public async Task RunAsync_ResendUnknownOff_NeverResendsAndOn_ResendsExactlyTheUnknownOnce()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        harness.Emulator.InjectFault(ViberProviders.SmsClub, EmulatorFault.ResetAfterAccept());
        var first = await sut.RunAsync(Sender(harness), Campaign("resend", concurrency: 1), Recipients(3));
        var unknown = Assert.Single(_journal.Snapshot("resend").Values, e => e.State == CampaignRecipientState.Unknown).Phone.Digits;

        var off = await sut.RunAsync(Sender(harness), Campaign("resend"), Recipients(3));
        var ledgerAfterOff = harness.Emulator.AcceptedMessages(ViberProviders.SmsClub).Count;
        var on = await sut.RunAsync(Sender(harness), Campaign("resend", resendUnknown: true), Recipients(3));
        var again = await sut.RunAsync(Sender(harness), Campaign("resend", resendUnknown: true), Recipients(3));

        Assert.Equal((1L, 2L), (first.Progress.Unknown, first.Progress.Accepted));
        Assert.Equal((0L, 0L, 3L), (off.Progress.Sent, off.Progress.Resent, off.Progress.AlreadyDone));
        Assert.Equal(3, ledgerAfterOff);
        Assert.Equal((1L, 1L, 1L, 2L), (on.Progress.Sent, on.Progress.Resent, on.Progress.Accepted, on.Progress.AlreadyDone));
        Assert.Contains("1 unknown re-sent", on.ToString(), StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 3L), (again.Progress.Sent, again.Progress.Resent, again.Progress.AlreadyDone));

        // The ledger: the user's choice cost exactly one duplicate, of exactly the Unknown recipient.
        var ledger = harness.Emulator.AcceptedMessages(ViberProviders.SmsClub).Select(m => PhoneNumber.Parse(m.Recipient).Digits).ToList();
        Assert.Equal(4, ledger.Count);
        Assert.Equal([unknown], ledger.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(CampaignRecipientState.Accepted, _journal.Snapshot("resend")[unknown].State);
    }

    [Fact]
    public async Task RunAsync_ResendUnknownAfterACrash_ResendsTheRecipientsThatWereInFlight()
    {
        await using var harness = await StartAsync();
        var phones = Recipients(4).ToBlockingEnumerable().Select(r => r.Phone).ToArray();
        await _journal.RecordPendingAsync("inflight", phones[..2]);

        var summary = await CreateSut(harness).RunAsync(Sender(harness), Campaign("inflight", resendUnknown: true), Recipients(4));

        // Recovered as Unknown (counted), then sent again on the user's word, with the two never sent.
        Assert.Equal((2L, 2L, 4L, 4L), (summary.Progress.Unknown, summary.Progress.Resent, summary.Progress.Sent, summary.Progress.Accepted));
        Assert.All(_journal.Snapshot("inflight").Values, e => Assert.Equal(CampaignRecipientState.Accepted, e.State));
    }

    [Fact]
    public async Task RunAsync_NotSentOnTheFirstRun_IsSentOnResume()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var first = await sut.RunAsync(Sender(harness), new CampaignDefinition { Id = "retry", Template = Template(SmsClubEmulatorSettings.NoMoneySender) }, Recipients(2));
        var second = await sut.RunAsync(Sender(harness), Campaign("retry"), Recipients(2));

        Assert.Equal(2L, first.Progress.NotSent[ViberErrorCode.InsufficientFunds]);
        Assert.Equal(2L, second.Progress.Accepted);
        Assert.Equal(2, harness.Emulator.AcceptedMessages(ViberProviders.SmsClub).Count);
    }

    [Fact]
    public async Task RunAsync_RecipientWithoutAVariableTheTextUses_IsNotSentAndTheOthersAre()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);

        var summary = await sut.RunAsync(Sender(harness), Campaign("vars"), Items(
            new CampaignRecipient(PhoneNumber.Parse("+380500000001"), new Dictionary<string, string> { ["name"] = "Ann" }),
            new CampaignRecipient(PhoneNumber.Parse("+380500000002"))));

        Assert.Equal(1L, summary.Progress.Accepted);
        Assert.Equal(1L, summary.Progress.NotSent[ViberErrorCode.ValidationFailed]);
        Assert.Equal("Hello, Ann!", Assert.Single(harness.Emulator.AcceptedMessages(ViberProviders.SmsClub)).Text);
    }

    [Fact]
    public async Task RunAsync_TemplateBreaksTheProvidersRules_ThrowsNamingTheFieldAndTheFixedTemplateResumes()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        var invalid = new CampaignDefinition { Id = "invalid", ChunkSize = 2, Template = new ViberMessage { Sender = "MyShop", Text = new string('x', 1001) } };

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.RunAsync(Sender(harness), invalid, Recipients(6)));
        var requestsOfTheInvalidRun = harness.Emulator.RequestsTo(ViberProviders.SmsClub).Count;
        var fixedRun = await sut.RunAsync(Sender(harness), Campaign("invalid", chunkSize: 2), Recipients(6));

        Assert.Contains(error.Errors, e => e.Field == "Text");
        Assert.Equal(0, requestsOfTheInvalidRun);
        Assert.Equal((6L, 0L, 0L), (fixedRun.Progress.Accepted, fixedRun.Progress.Unknown, fixedRun.Progress.AlreadyDone));
        Assert.Equal(6, harness.Emulator.AcceptedMessages(ViberProviders.SmsClub).Count);
    }

    [Fact]
    public async Task ExportAsync_AfterTheRun_WritesOneRowPerRecipientWithItsFinalStatus()
    {
        var clock = TestClock.Create();
        await using var harness = await EmulatorHarness.StartAsync(
            b => b.AddSmsClub().AddCampaignRunner(), o => o.TimeProvider = clock, s => s.AddSingleton<ICampaignJournal>(_journal));
        var sut = CreateSut(harness);
        await sut.RunAsync(Sender(harness), Campaign("report"), Items(
            new CampaignRecipient(PhoneNumber.Parse("+380500000001"), new Dictionary<string, string> { ["name"] = "Ann" }),
            new CampaignRecipient(PhoneNumber.Parse("+380500000002"))));
        clock.Advance(TimeSpan.FromSeconds(1));
        using var csv = new StringWriter();

        var export = await sut.ExportAsync("report", csv, harness.StatusQuery(ViberProviders.SmsClub));

        var id = Assert.Single(harness.Emulator.AcceptedMessages(ViberProviders.SmsClub));
        var lines = csv.ToString().Split("\r\n");
        Assert.Equal(4, lines.Length);
        Assert.Equal("phone,state,message_id,delivery_status,status_at,detail", lines[0]);
        var rows = lines[1..3].Order(StringComparer.Ordinal).ToArray();
        Assert.Matches($@"^\+380500000001,Accepted,SmsClub:{id.Id},Read,[^,]*,$", rows[0]);
        Assert.Equal("+380500000002,NotSent,,,,ValidationFailed: no variable 'name'", rows[1]);
        Assert.Equal(string.Empty, lines[3]);
        Assert.Equal((2L, 1L, 1L, 1L, 0L), (export.Recipients, export.States[CampaignRecipientState.Accepted], export.States[CampaignRecipientState.NotSent], export.Statuses[DeliveryStatus.Read], export.StatusUnavailable));
    }

    [Fact]
    public async Task ExportAsync_NoStatusQueryNorTracker_CountsAcceptedAsStatusUnavailable()
    {
        await using var harness = await StartAsync();
        var sut = CreateSut(harness);
        await sut.RunAsync(Sender(harness), Campaign("nostatus"), Recipients(2));
        using var csv = new StringWriter();

        var export = await sut.ExportAsync("nostatus", csv);

        Assert.Equal((2L, 2L), (export.Recipients, export.StatusUnavailable));
        Assert.Empty(export.Statuses);
        Assert.Equal(3, csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(1)", "'=HYPERLINK(1)")]
    [InlineData("-12", "-12")]
    [InlineData("+380500000001", "+380500000001")]
    public void Field_Value_IsQuotedOnlyWhereCsvNeedsIt(string? value, string expected)
        => Assert.Equal(expected, CampaignCsv.Field(value));

    private Task<EmulatorHarness> StartAsync()
        => EmulatorHarness.StartAsync(b => b.AddSmsClub().AddCampaignRunner(), configureServices: s => s.AddSingleton<ICampaignJournal>(_journal));

    private static ICampaignRunner CreateSut(EmulatorHarness harness) => harness.Services.GetRequiredService<ICampaignRunner>();

    private static IViberSender Sender(EmulatorHarness harness) => harness.Sender(ViberProviders.SmsClub);

    private static ViberMessage Template(string sender = "MyShop") => new() { Sender = sender, Text = "Hello, {name}!" };

    private static CampaignDefinition Campaign(string id, int? chunkSize = null, int concurrency = CampaignDefinition.DefaultMaxConcurrentRequests, bool resendUnknown = false)
        => new() { Id = id, Template = Template(), ChunkSize = chunkSize, MaxConcurrentRequests = concurrency, ResendUnknown = resendUnknown };

    private static async IAsyncEnumerable<CampaignRecipient> Recipients(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return new CampaignRecipient(
                PhoneNumber.Parse("+3805" + i.ToString("D8", CultureInfo.InvariantCulture)),
                new Dictionary<string, string> { ["name"] = "Client " + i.ToString(CultureInfo.InvariantCulture) });
        }
    }

    private static async IAsyncEnumerable<CampaignRecipient> Items(params CampaignRecipient[] items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    private static async Task<Dictionary<string, CampaignRecipientState>> ReadAsync(ICampaignJournal journal, string id)
    {
        var states = new Dictionary<string, CampaignRecipientState>();
        await foreach (var entry in journal.ReadAsync(id))
        {
            states[entry.Phone.Digits] = entry.State;
        }

        return states;
    }

    /// <summary>A sender that lets the test look at the world just before each request goes.</summary>
    private sealed class ObservingSender(IViberSender inner, Func<ViberMessage, Task> beforeSend) : IViberSender
    {
        public string ProviderName => inner.ProviderName;

        public ProviderCapabilities Capabilities => inner.Capabilities;

        public async Task<SendResult> SendAsync(ViberMessage message, CancellationToken cancellationToken = default)
        {
            await beforeSend(message);
            return await inner.SendAsync(message, cancellationToken);
        }
    }

    /// <summary>Reports on the runner's own thread, so a test can cancel at an exact point.</summary>
    private sealed class SynchronousProgress(Action<CampaignProgress> report) : IProgress<CampaignProgress>
    {
        public void Report(CampaignProgress value) => report(value);
    }
}
