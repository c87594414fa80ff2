using Microsoft.Extensions.Logging.Abstractions;
using ViberMessaging.Internal;

namespace ViberMessaging.Tests.Internal;

public sealed class SendBatchingTests
{
    private static readonly PhoneNumber[] Recipients = Enumerable.Range(0, 7).Select(i => PhoneNumber.Parse($"+38098936110{i}")).ToArray();

    [Fact]
    public async Task SendAsync_SplitsIntoChunksAndMergesInRecipientOrder()
    {
        var chunks = new List<int>();
        var result = await SendAsync(Recipients, 3, (chunk, _) =>
        {
            lock (chunks)
            {
                chunks.Add(chunk.Length);
            }

            return Task.FromResult(Accept(chunk));
        });

        Assert.Equal([1, 3, 3], chunks.Order());
        Assert.Equal(Recipients, result.Recipients.Select(r => r.Recipient));
        Assert.Equal(Recipients.Select(r => r.Digits), result.Recipients.Select(r => r.MessageId!.Value.Value));
        Assert.Equal(7, result.AcceptedCount);
        Assert.True(result.IsFullyAccepted);
    }

    [Fact]
    public async Task SendAsync_OneRequest_RawRepresentationIsItsAnswer()
    {
        var answer = new object();

        var result = await SendAsync(Recipients, 10, (chunk, _) => Task.FromResult(Accept(chunk) with { Raw = answer }));

        Assert.Same(answer, result.RawRepresentation);
    }

    [Fact]
    public async Task SendAsync_SeveralRequests_RawRepresentationListsEachAnswerInRequestOrderWithNullForAFailedOne()
    {
        var failed = new ViberMessagingException(ViberErrorCode.OutcomeUnknown, "reset") { Outcome = SendOutcome.Unknown };

        var result = await SendAsync(Recipients, 3, (chunk, _) => chunk.Span[0] == Recipients[3]
            ? throw failed
            : Task.FromResult(Accept(chunk) with { Raw = "answer " + chunk.Span[0].Digits }));

        var raw = Assert.IsAssignableFrom<IReadOnlyList<object?>>(result.RawRepresentation);
        Assert.Equal(["answer " + Recipients[0].Digits, null, "answer " + Recipients[6].Digits], raw);
    }

    [Fact]
    public async Task SendAsync_OneChunkFailsWithAnUnknownOutcome_OthersStillGoAndNothingIsLost()
    {
        var unknown = new ViberMessagingException(ViberErrorCode.OutcomeUnknown, "reset") { Outcome = SendOutcome.Unknown };
        var result = await SendAsync(Recipients, 3, (chunk, _) =>
            chunk.Span[0] == Recipients[3] ? throw unknown : Task.FromResult(Accept(chunk)), concurrency: 1);

        Assert.Equal(7, result.Recipients.Count);
        Assert.Equal(4, result.AcceptedCount);
        Assert.Equal(3, result.FailedCount);
        Assert.All(result.Recipients.Skip(3).Take(3), r => Assert.Same(unknown, r.Error));
    }

    [Fact]
    public async Task SendAsync_AccountWideErrorInTheFirstChunk_StopsTheRestAndThrowsIt()
    {
        var calls = 0;
        var noMoney = new ViberMessagingException(ViberErrorCode.InsufficientFunds, "no money");

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => SendAsync(Recipients, 3, (chunk, _) =>
        {
            Interlocked.Increment(ref calls);
            throw noMoney;
        }, concurrency: 1));

        Assert.Same(noMoney, error);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task SendAsync_AccountWideErrorAfterAnAcceptedChunk_ReturnsPartialResult()
    {
        var calls = 0;
        var result = await SendAsync(Recipients, 3, (chunk, _) =>
            Interlocked.Increment(ref calls) == 1
                ? Task.FromResult(Accept(chunk))
                : throw new ViberMessagingException(ViberErrorCode.InsufficientFunds, "no money"), concurrency: 1);

        Assert.Equal(2, calls);
        Assert.Equal(3, result.AcceptedCount);
        Assert.Equal(4, result.FailedCount);
        Assert.All(result.Recipients.Skip(3), r => Assert.Equal(ViberErrorCode.InsufficientFunds, r.Error!.ErrorCode));
    }

    [Fact]
    public async Task SendAsync_SingleChunkFails_ThrowsItsError()
    {
        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => SendAsync(Recipients.Take(2).ToArray(), 3, (_, _) =>
            throw new ViberMessagingException(ViberErrorCode.OutcomeUnknown, "reset") { Outcome = SendOutcome.Unknown }));

        Assert.Equal(ViberErrorCode.OutcomeUnknown, error.ErrorCode);
    }

    [Fact]
    public async Task SendAsync_CancelledAfterAnAcceptedChunk_ReturnsWhatWasSentAndMarksTheRestCancelled()
    {
        using var cancel = new CancellationTokenSource();
        var result = await SendAsync(Recipients, 3, async (chunk, token) =>
        {
            if (chunk.Span[0] == Recipients[0])
            {
                await cancel.CancelAsync();
                return Accept(chunk);
            }

            token.ThrowIfCancellationRequested();
            return Accept(chunk);
        }, concurrency: 1, cancel.Token);

        Assert.Equal(3, result.AcceptedCount);
        Assert.All(result.Recipients.Skip(3), r =>
        {
            Assert.Equal(ViberErrorCode.Cancelled, r.Error!.ErrorCode);
            Assert.Equal(SendOutcome.NotSent, r.Error.Outcome);
        });
    }

    [Fact]
    public async Task SendAsync_CancelledWhileTheOnlyRequestWasInFlight_ThrowsSendCanceledWithItsRecipients()
    {
        using var cancel = new CancellationTokenSource();
        var two = Recipients.Take(2).ToArray();

        var error = await Assert.ThrowsAsync<SendCanceledException>(() => SendAsync(two, 3, async (_, token) =>
        {
            await cancel.CancelAsync();
            throw new SendCanceledException("Test", [], null, new TaskCanceledException(), token);
        }, concurrency: 1, cancel.Token));

        Assert.Equal(two, error.Recipients);
        Assert.Equal(SendOutcome.Unknown, error.Outcome);
        Assert.All(error.Result!.Recipients, r => Assert.Equal((ViberErrorCode.Cancelled, SendOutcome.Unknown), (r.Error!.ErrorCode, r.Error.Outcome)));
    }

    [Fact]
    public async Task SendAsync_CancelledBeforeTheOnlyRequestWasWritten_ThrowsAPlainCancellation()
    {
        using var cancel = new CancellationTokenSource();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SendAsync(Recipients.Take(2).ToArray(), 3, async (_, token) =>
        {
            await cancel.CancelAsync();
            token.ThrowIfCancellationRequested();
            return new ChunkResult([]);
        }, concurrency: 1, cancel.Token));

        Assert.IsNotType<SendCanceledException>(error);
    }

    [Fact]
    public void SendAsync_OneRequest_RunsWithoutTheConcurrencyMachinery()
    {
        // Most sends are one request: no throttle, task list, closures or LINQ for it (872 bytes with them, 536
        // without, on .NET 10). Everything below completes synchronously on this thread, so the thread's
        // allocation counter sees all of it.
        var one = Recipients.Take(1).ToArray();
        var answer = Task.FromResult(Accept(one));
        Func<ReadOnlyMemory<PhoneNumber>, CancellationToken, Task<ChunkResult>> send = (_, _) => answer;
        Assert.True(SendAsync(one, 500, send).IsCompletedSuccessfully);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = SendAsync(one, 500, send);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(1, result.Result.AcceptedCount);
        Assert.True(allocated <= 650, $"{allocated} bytes allocated for a one-request send");
    }

    [Fact]
    public async Task SendAsync_ChunkReturnsTheWrongNumberOfResults_FailsLoudly()
        => await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(Recipients, 3, (chunk, _) => Task.FromResult(new ChunkResult([]))));

    [Fact]
    public async Task SendAsync_BoundedConcurrency_NeverExceedsTheBound()
    {
        var inFlight = 0;
        var peak = 0;
        var many = Enumerable.Range(0, 40).Select(i => PhoneNumber.Parse($"+3809893611{i:00}")).ToArray();
        await SendAsync(many, 1, async (chunk, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            await Task.Yield();
#pragma warning disable RS0030 // Holds the chunk in flight so others overlap; the test asserts only the upper bound of the overlap.
            await Task.Delay(1);
#pragma warning restore RS0030
            Interlocked.Decrement(ref inFlight);
            return Accept(chunk);
        }, concurrency: 3);

        Assert.InRange(peak, 1, 3);
    }

    private static Task<SendResult> SendAsync(
        PhoneNumber[] recipients,
        int chunkSize,
        Func<ReadOnlyMemory<PhoneNumber>, CancellationToken, Task<ChunkResult>> send,
        int concurrency = 4,
        CancellationToken cancellationToken = default)
        => SendBatching.SendAsync("Test", recipients, chunkSize, concurrency, send, NullLogger.Instance, cancellationToken);

    private static ChunkResult Accept(ReadOnlyMemory<PhoneNumber> chunk)
        => new(chunk.ToArray().Select(r => new RecipientResult { Recipient = r, Status = RecipientStatus.Accepted, MessageId = new MessageId("Test", r.Digits) }).ToArray());

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
