using ViberMessaging.Internal;

namespace ViberMessaging.Tests.Internal;

public sealed class StatusBatchingTests
{
    private static MessageId Id(int i) => new("Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task QueryAsync_ReturnsOneReportPerIdAskedInOrderAskingDuplicatesOnce()
    {
        var asked = new List<MessageId>();
        var ids = new[] { Id(3), Id(1), Id(3), Id(2) };

        var reports = await StatusBatching.QueryAsync("Test", ids, 2, 2, (chunk, _) =>
        {
            lock (asked)
            {
                asked.AddRange(chunk.ToArray());
            }

            return Task.FromResult<IReadOnlyList<DeliveryReport>>(chunk.ToArray().Select(id => new DeliveryReport(id, DeliveryStatus.Sent)).ToArray());
        }, default);

        Assert.Equal(ids, reports.Select(r => r.MessageId));
        Assert.Equal(3, asked.Count);
    }

    [Fact]
    public async Task QueryAsync_ProviderLeavesAnIdOut_ItComesBackUnknownWithAnError()
    {
        var reports = await StatusBatching.QueryAsync("Test", [Id(1), Id(2)], 10, 1, (chunk, _) =>
            Task.FromResult<IReadOnlyList<DeliveryReport>>([new DeliveryReport(Id(1), DeliveryStatus.Delivered)]), default);

        Assert.Equal(DeliveryStatus.Delivered, reports[0].Status);
        Assert.Equal(DeliveryStatus.Unknown, reports[1].Status);
        Assert.Equal(ViberErrorCode.NotFound, reports[1].Error!.ErrorCode);
    }

    [Fact]
    public async Task QueryAsync_OneChunkFails_ItsIdsCarryTheErrorOthersAnswer()
    {
        var down = new ViberMessagingException(ViberErrorCode.ProviderUnavailable, "down");
        var reports = await StatusBatching.QueryAsync("Test", [Id(1), Id(2), Id(3)], 2, 1, (chunk, _) =>
            chunk.Span[0] == Id(1)
                ? Task.FromResult<IReadOnlyList<DeliveryReport>>(chunk.ToArray().Select(id => new DeliveryReport(id, DeliveryStatus.Read)).ToArray())
                : throw down, default);

        Assert.Equal([DeliveryStatus.Read, DeliveryStatus.Read, DeliveryStatus.Unknown], reports.Select(r => r.Status));
        Assert.Same(down, reports[2].Error);
    }

    [Fact]
    public async Task QueryAsync_EveryChunkFailsTheSameWay_Throws()
    {
        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => StatusBatching.QueryAsync("Test", [Id(1), Id(2), Id(3)], 2, 1, (_, _) =>
            throw new ViberMessagingException(ViberErrorCode.Unauthorized, "bad token"), default));

        Assert.Equal(ViberErrorCode.Unauthorized, error.ErrorCode);
    }

    [Fact]
    public async Task QueryAsync_IdsOfAnotherProviderOrEmpty_RejectedBeforeAnyRequest()
    {
        var called = false;
        var error = await Assert.ThrowsAsync<ViberValidationException>(() => StatusBatching.QueryAsync("Test", [Id(1), new MessageId("Devino", "5"), default], 2, 1, (_, _) =>
        {
            called = true;
            return Task.FromResult<IReadOnlyList<DeliveryReport>>([]);
        }, default));

        Assert.False(called);
        Assert.Equal(["messageIds[1]", "messageIds[2]"], error.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task QueryAsync_NoIds_ReturnsEmptyWithoutARequest()
        => Assert.Empty(await StatusBatching.QueryAsync("Test", [], 2, 1, (_, _) => throw new InvalidOperationException(), default));
}
