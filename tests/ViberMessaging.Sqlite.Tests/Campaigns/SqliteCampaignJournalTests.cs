using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Campaigns;
using ViberMessaging.Sqlite.Campaigns;
using ViberMessaging.Testing;

namespace ViberMessaging.Sqlite.Tests.Campaigns;

public sealed class SqliteCampaignJournalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vm-sqlite-journal-").FullName;

    private string DatabasePath => Path.Combine(_directory, "nested", "campaigns.db");

    [Fact]
    public async Task FindAsync_AfterPendingThenOutcome_ReturnsOnlyTheLatestRecordOfKnownRecipients()
    {
        using var sut = CreateSut();
        var phones = Phones(3);
        await sut.RecordPendingAsync("spring", phones[..2]);
        await sut.RecordOutcomesAsync("spring", [new CampaignJournalEntry(phones[0], CampaignRecipientState.Accepted, new MessageId(ViberProviders.SmsClub, "77")), new CampaignJournalEntry(phones[1], CampaignRecipientState.Rejected, detail: "InvalidNumber")]);

        var found = await sut.FindAsync("spring", phones);

        Assert.Equal(
            [$"{phones[0].Digits} Accepted SmsClub:77 ", $"{phones[1].Digits} Rejected  InvalidNumber"],
            found.Select(e => $"{e.Phone.Digits} {e.State} {e.MessageId} {e.Detail}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FindAsync_OtherCampaignSameRecipient_IsNotFound()
    {
        using var sut = CreateSut();
        var phones = Phones(1);
        await sut.RecordPendingAsync("a", phones);

        Assert.Empty(await sut.FindAsync("b", phones));
    }

    [Fact]
    public async Task RecoverInFlightAsync_PendingLeftByAnEarlierProcess_MarksThemUnknownDurablyAndCountsThem()
    {
        var phones = Phones(5);
        using (var crashed = CreateSut())
        {
            await crashed.RecordPendingAsync("c", phones[..2]);
            await crashed.RecordOutcomesAsync("c", phones[..2].Select(p => new CampaignJournalEntry(p, CampaignRecipientState.Accepted)).ToArray());
            await crashed.RecordPendingAsync("c", phones[2..]);
        }

        using var sut = CreateSut();
        var inFlight = await sut.RecoverInFlightAsync("c");
        var again = await sut.RecoverInFlightAsync("c");

        Assert.Equal((3L, 0L), (inFlight, again));
        using var reopened = CreateSut();
        var states = await reopened.ReadAsync("c").ToListAsync();
        Assert.Equal(
            ["Accepted", "Accepted", "Unknown InFlightWhenStopped", "Unknown InFlightWhenStopped", "Unknown InFlightWhenStopped"],
            states.Select(e => $"{e.State} {e.Detail}".TrimEnd()));
        Assert.Equal(phones.Select(p => p.Digits), states.Select(e => e.Phone.Digits));
    }

    [Fact]
    public async Task ReadAsync_NoDatabaseYet_IsEmptyAndCreatesNoFile()
    {
        using var sut = CreateSut();

        Assert.Empty(await sut.ReadAsync("none").ToListAsync());
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task RecordPendingAsync_Committed_IsInWriteAheadLogModeWithOneRowPerRecipient()
    {
        using var sut = CreateSut();
        var phones = Phones(4);
        await sut.RecordPendingAsync("w", phones);
        await sut.RecordPendingAsync("w", phones);

        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; ";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT count(*) FROM campaign_recipient WHERE campaign = 'w' AND state = 0";
        Assert.Equal(4L, command.ExecuteScalar());
    }

    [Fact]
    public void UseSqliteCampaignJournal_EmptyPath_ThrowsNamingPath()
    {
        var builder = new ServiceCollection().AddViberMessaging();

        var error = Assert.Throws<ArgumentException>(() => builder.UseSqliteCampaignJournal(" "));

        Assert.Equal("path", error.ParamName);
    }

    [Fact]
    public async Task UseSqliteCampaignJournal_OneCall_RegistersTheRunnerThatResumesFromTheFile()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddViberMessaging().AddSmsClub().UseSqliteCampaignJournal(DatabasePath).UseEmulator(emulator);
        await using var provider = services.BuildServiceProvider();
        var sut = provider.GetRequiredService<ICampaignRunner>();
        var sender = provider.GetRequiredKeyedService<IViberSender>(ViberProviders.SmsClub);
        // One request at a time, so the stop lands exactly after 20 (several in flight: CampaignRunnerConcurrencyTests).
        var campaign = new CampaignDefinition { Id = "spring", ChunkSize = 10, MaxConcurrentRequests = 1, Template = new ViberMessage { Sender = "MyShop", Text = "Hi {name}" } };
        using var stop = new CancellationTokenSource();

        var first = await sut.RunAsync(sender, campaign, Recipients(45), new StopAfter(20, stop), stop.Token);
        var second = await sut.RunAsync(sender, campaign, Recipients(45));

        Assert.IsType<SqliteCampaignJournal>(provider.GetRequiredService<ICampaignJournal>());
        Assert.True(File.Exists(DatabasePath));
        Assert.True(first.Cancelled);
        Assert.Equal((20L, 25L, 20L), (first.Progress.Accepted, second.Progress.Accepted, second.Progress.AlreadyDone));
        var accepted = emulator.AcceptedMessages(ViberProviders.SmsClub);
        Assert.Equal(45, accepted.Count);
        Assert.Equal(45, accepted.Select(m => PhoneNumber.Parse(m.Recipient).Digits).Distinct().Count());
        Assert.Equal(0, emulator.DuplicateCount(ViberProviders.SmsClub));
    }

    [Fact]
    public async Task RunAsync_DuplicatesInTheInput_SendsEachRecipientOnce()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddViberMessaging().AddSmsClub().UseSqliteCampaignJournal(DatabasePath).UseEmulator(emulator);
        await using var provider = services.BuildServiceProvider();
        var sut = provider.GetRequiredService<ICampaignRunner>();
        var campaign = new CampaignDefinition { Id = "dupes", ChunkSize = 4, Template = new ViberMessage { Sender = "MyShop", Text = "Hi" } };

        // 0..9 then 0..9 again: the second half is found in the window or in the journal.
        var summary = await sut.RunAsync(provider.GetRequiredKeyedService<IViberSender>(ViberProviders.SmsClub), campaign, Recipients(10).Concat(Recipients(10)));

        Assert.Equal((10L, 10L), (summary.Progress.Accepted, summary.Progress.AlreadyDone));
        Assert.Equal(10, emulator.AcceptedMessages(ViberProviders.SmsClub).Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private SqliteCampaignJournal CreateSut() => new(DatabasePath);

    private static PhoneNumber[] Phones(int count)
        => Enumerable.Range(0, count).Select(i => PhoneNumber.Parse("+38050" + (1_000_000 + i).ToString(CultureInfo.InvariantCulture))).ToArray();

    private static async IAsyncEnumerable<CampaignRecipient> Recipients(int count)
    {
        foreach (var phone in Phones(count))
        {
            await Task.Yield();
            yield return new CampaignRecipient(phone, new Dictionary<string, string> { ["name"] = "x" });
        }
    }

    /// <summary>Cancels on the runner's own thread once <paramref name="sent"/> recipients are sent.</summary>
    private sealed class StopAfter(long sent, CancellationTokenSource stop) : IProgress<CampaignProgress>
    {
        public void Report(CampaignProgress value)
        {
            if (value.Sent >= sent)
            {
                stop.Cancel();
            }
        }
    }
}
