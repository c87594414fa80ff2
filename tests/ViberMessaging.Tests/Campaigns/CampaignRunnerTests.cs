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
public sealed class CampaignRunnerTests : IDisposable
{
    private readonly string _journalDirectory = Path.Combine(Path.GetTempPath(), "vm-campaigns-" + Guid.NewGuid().ToString("N"));

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

        // One chunk of five, five texts: five requests. A crash during any of them must leave only its recipient Unknown.
        var summary = await CreateSut(harness).RunAsync(sender, Campaign("personal", chunkSize: 5), Recipients(5));

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

        Assert.True(first.Cancelled);
        Assert.Equal((20L, 20L), (first.Progress.Sent, first.Progress.Accepted));
        Assert.Equal((30L, 30L, 20L, 0L), (second.Progress.Sent, second.Progress.Accepted, second.Progress.AlreadyDone, second.Progress.Unknown));
        var accepted = harness.Emulator.AcceptedMessages(ViberProviders.SmsClub);
        Assert.Equal(50, accepted.Count);
        Assert.Equal(50, accepted.Select(m => PhoneNumber.Parse(m.Recipient).Digits).Distinct().Count());
        Assert.Equal(0, harness.Emulator.DuplicateCount(ViberProviders.SmsClub));
    }

    [Fact]
    public async Task RunAsync_JournalCutByACrashWithAChunkInFlight_ReportsItUnknownAndNeverSendsIt()
    {
        await using var harness = await StartAsync();
        var journal = harness.Services.GetRequiredService<ICampaignJournal>();
        var phones = Recipients(10).ToBlockingEnumerable().Select(r => r.Phone).ToArray();
        // What a process killed during its second request leaves: chunk 1 pending then accepted, chunk 2 pending only,
        // and the first half of chunk 3's pending line (the crash cut the write; nothing of chunk 3 was sent).
        await journal.RecordPendingAsync("crash", phones[..2]);
        await journal.RecordOutcomesAsync("crash", phones[..2].Select(p => new CampaignJournalEntry(p, CampaignRecipientState.Accepted, new MessageId(ViberProviders.SmsClub, "1"))).ToArray());
        await journal.RecordPendingAsync("crash", phones[2..5]);
        await File.AppendAllTextAsync(Path.Combine(_journalDirectory, "crash.journal"), "0\t3805000");
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
            b => b.AddSmsClub().AddCampaignRunner(o => o.JournalDirectory = _journalDirectory), o => o.TimeProvider = clock);
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

    public void Dispose()
    {
        if (Directory.Exists(_journalDirectory))
        {
            Directory.Delete(_journalDirectory, recursive: true);
        }
    }

    private Task<EmulatorHarness> StartAsync()
        => EmulatorHarness.StartAsync(b => b.AddSmsClub().AddCampaignRunner(o => o.JournalDirectory = _journalDirectory));

    private static ICampaignRunner CreateSut(EmulatorHarness harness) => harness.Services.GetRequiredService<ICampaignRunner>();

    private static IViberSender Sender(EmulatorHarness harness) => harness.Sender(ViberProviders.SmsClub);

    private static ViberMessage Template(string sender = "MyShop") => new() { Sender = sender, Text = "Hello, {name}!" };

    private static CampaignDefinition Campaign(string id, int? chunkSize = null) => new() { Id = id, Template = Template(), ChunkSize = chunkSize };

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
