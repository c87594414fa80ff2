using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Sqlite.Tracking;

namespace ViberMessaging.Sqlite.Tests.Tracking;

/// <summary>The SQLite delivery store: the in-memory store's merge (first, repeat, stale, newer), atomic per message, and kept in the file across a restart.</summary>
public sealed class SqliteDeliveryStoreTests : IDisposable
{
    private static readonly MessageId Id = new("Shop", "9007199254740993");
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"vibermessaging-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task MergeAsync_FirstReport_IsStoredAndChanged()
    {
        using var sut = CreateSut();

        var update = await sut.MergeAsync(new DeliveryReport(Id, DeliveryStatus.Sent) { RawStatus = "0" });

        Assert.True(update.Changed);
        Assert.Equal((DeliveryStatus.Sent, "0"), (update.Report.Status, update.Report.RawStatus));
        Assert.Equal((DeliveryStatus.Sent, "0"), ((await sut.GetAsync(Id))?.Status, (await sut.GetAsync(Id))?.RawStatus));
    }

    [Fact]
    public async Task MergeAsync_RepeatAndLateSent_ChangeNothing()
    {
        using var sut = CreateSut();
        await sut.MergeAsync(new DeliveryReport(Id, DeliveryStatus.Delivered) { RawStatus = "1" });

        var repeat = await sut.MergeAsync(new DeliveryReport(Id, DeliveryStatus.Delivered) { RawStatus = "1", StatusAt = DateTimeOffset.UnixEpoch });
        var late = await sut.MergeAsync(new DeliveryReport(Id, DeliveryStatus.Sent) { RawStatus = "0" });
        var read = await sut.MergeAsync(new DeliveryReport(Id, DeliveryStatus.Read) { RawStatus = "read" });

        Assert.Equal((false, false, true), (repeat.Changed, late.Changed, read.Changed));
        Assert.Equal(DeliveryStatus.Delivered, late.Report.Status);
        Assert.Equal(DeliveryStatus.Read, (await sut.GetAsync(Id))?.Status);
    }

    [Fact]
    public async Task GetAsync_AfterReopeningTheFile_ReturnsEveryField()
    {
        var report = new DeliveryReport(Id, DeliveryStatus.Undeliverable)
        {
            SmsStatus = DeliveryStatus.Delivered,
            FailureReason = DeliveryFailureReason.NotViberUser,
            StatusAt = new DateTimeOffset(2026, 1, 15, 10, 0, 0, 123, TimeSpan.FromHours(2)),
            Recipient = PhoneNumber.Parse("+380501234567"),
            RawStatus = "4",
            RawSmsStatus = "2",
            ProviderErrorCode = "17",
            SmsPartIds = ["3098", "3099"],
        };
        using (var first = CreateSut())
        {
            await first.MergeAsync(report);
        }

        using var sut = CreateSut();
        var stored = await sut.GetAsync(Id);

        Assert.NotNull(stored);
        Assert.Equal(
            (report.MessageId, report.ViberStatus, report.SmsStatus, report.FailureReason, report.StatusAt, report.Recipient, report.RawStatus, report.RawSmsStatus, report.ProviderErrorCode),
            (stored.MessageId, stored.ViberStatus, stored.SmsStatus, stored.FailureReason, stored.StatusAt, stored.Recipient, stored.RawStatus, stored.RawSmsStatus, stored.ProviderErrorCode));
        Assert.Equal(report.SmsPartIds, stored.SmsPartIds);
        Assert.False((await sut.MergeAsync(report)).Changed);   // the merge after a restart still deduplicates
        Assert.Null(await sut.GetAsync(new MessageId("Shop", "1")));
    }

    [Fact]
    public async Task MergeAsync_ConcurrentReportsAboutOneMessage_EndAtTheHighestStatus()
    {
        using var sut = CreateSut();
        DeliveryStatus[] order = [DeliveryStatus.Sent, DeliveryStatus.Delivered, DeliveryStatus.Pending, DeliveryStatus.Read];

        var updates = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
            await sut.MergeAsync(new DeliveryReport(Id, order[i % order.Length]) { RawStatus = order[i % order.Length].ToString() }))));

        Assert.Equal(DeliveryStatus.Read, (await sut.GetAsync(Id))?.Status);
        Assert.InRange(updates.Count(u => u.Changed), 1, order.Length);
    }

    [Fact]
    public async Task UseSqliteDeliveryStore_TrackerReports_SurviveANewServiceProvider()
    {
        var report = new DeliveryReport(Id, DeliveryStatus.Delivered) { RawStatus = "1" };
        await using (var provider = Services())
        {
            Assert.IsType<SqliteDeliveryStore>(provider.GetRequiredService<IDeliveryStore>());
            Assert.True(await provider.GetRequiredService<IDeliveryTracker>().ReportAsync(report));
        }

        await using var restarted = Services();
        var tracker = restarted.GetRequiredService<IDeliveryTracker>();

        Assert.Equal(DeliveryStatus.Delivered, (await tracker.GetAsync(Id))?.Status);
        Assert.False(await tracker.ReportAsync(report));
    }

    [Fact]
    public void UseSqliteDeliveryStore_EmptyPath_ThrowsNamingIt()
    {
        var exception = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddViberMessaging().UseSqliteDeliveryStore(" "));

        Assert.Equal("path", exception.ParamName);
    }

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private SqliteDeliveryStore CreateSut() => new(_path);

    private ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddViberMessaging().UseSqliteDeliveryStore(_path).AddDeliveryTracking();
        return services.BuildServiceProvider();
    }
}
