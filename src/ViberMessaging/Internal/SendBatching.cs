using Microsoft.Extensions.Logging;
using ViberMessaging.Resilience;

namespace ViberMessaging.Internal;

/// <summary>The outcome of one request of a send: one result per recipient of the chunk, in order.</summary>
internal sealed record ChunkResult(IReadOnlyList<RecipientResult> Recipients, string? BatchId = null)
{
    /// <summary>The provider's parsed answer to the request (see <see cref="SendResult.RawRepresentation"/>).</summary>
    public object? Raw { get; init; }
}

/// <summary>
/// Splits a send into requests of the provider's size, runs them with bounded concurrency (pacing still applies to
/// each), and merges the outcomes in recipient order. Nothing is lost: a failed request's recipients are
/// <see cref="RecipientStatus.Failed"/> with its error; after an account-wide error (credentials, money, sender,
/// content, an open circuit) the requests not yet started are not sent and carry the same error. Spans, metrics and
/// failure logs are the decorators' (<see cref="Telemetry.OperationObserver"/>), so a send is observed once whatever
/// path reached it.
/// </summary>
internal static class SendBatching
{
    public static async Task<SendResult> SendAsync(
        string providerName,
        IReadOnlyList<PhoneNumber> recipients,
        int chunkSize,
        int maxConcurrency,
        Func<ReadOnlyMemory<PhoneNumber>, CancellationToken, Task<ChunkResult>> sendChunk,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var all = recipients as PhoneNumber[] ?? recipients.ToArray();
        var chunks = Math.Max(1, (all.Length + chunkSize - 1) / chunkSize);
        var results = new RecipientResult[all.Length];
        var outcomes = new ChunkResult?[chunks];

        if (chunks == 1)
        {
            // One request (most sends): no throttle, no task list, nothing to stop.
            if (cancellationToken.IsCancellationRequested)
            {
                FillRemaining(results, all, 0, Cancelled(providerName, mayHaveBeenSent: false));
            }
            else
            {
                await RunChunkAsync(providerName, all, results, outcomes, 0, 0, all, sendChunk, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await RunChunksAsync(providerName, all, results, outcomes, chunkSize, maxConcurrency, sendChunk, cancellationToken).ConfigureAwait(false);
        }

        var result = new SendResult(providerName, results, BatchIds(outcomes)) { RawRepresentation = Raw(outcomes) };
        Log.SendCompleted(logger, providerName, result.Recipients.Count, chunks, result.AcceptedCount, result.RejectedCount, result.FailedCount);
        if (result.FailedCount == results.Length)
        {
            ThrowIfCancelled(providerName, result, cancellationToken);
            var first = results[0].Error!;
            if (results.All(r => ReferenceEquals(r.Error, first)))
            {
                // The send failed as a whole (one request, or stopped after the first): say so with the error.
                throw first;
            }
        }

        return result;
    }

    /// <summary>Several requests, at most <paramref name="maxConcurrency"/> at once; after an account-wide error the rest are not sent.</summary>
    private static async Task RunChunksAsync(
        string providerName,
        PhoneNumber[] all,
        RecipientResult[] results,
        ChunkResult?[] outcomes,
        int chunkSize,
        int maxConcurrency,
        Func<ReadOnlyMemory<PhoneNumber>, CancellationToken, Task<ChunkResult>> sendChunk,
        CancellationToken cancellationToken)
    {
        ViberMessagingException? stop = null;
        using var throttle = new SemaphoreSlim(Math.Max(1, maxConcurrency));
        var running = new List<Task>(outcomes.Length);
        for (var chunk = 0; chunk < outcomes.Length; chunk++)
        {
            var offset = chunk * chunkSize;
            var slice = all.AsMemory(offset, Math.Min(chunkSize, all.Length - offset));
            try
            {
                await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                FillRemaining(results, all, offset, Cancelled(providerName, mayHaveBeenSent: false));
                break;
            }

            if (Volatile.Read(ref stop) is { } error)
            {
                throttle.Release();
                Fill(results, all, offset, slice.Length, error);
                continue;
            }

            running.Add(RunThrottledAsync(chunk, offset, slice));
        }

        await Task.WhenAll(running).ConfigureAwait(false);

        async Task RunThrottledAsync(int chunk, int offset, ReadOnlyMemory<PhoneNumber> slice)
        {
            try
            {
                if (await RunChunkAsync(providerName, all, results, outcomes, chunk, offset, slice, sendChunk, cancellationToken).ConfigureAwait(false) is { } error)
                {
                    Interlocked.CompareExchange(ref stop, error, null);
                }
            }
            finally
            {
                throttle.Release();
            }
        }
    }

    /// <summary>
    /// Sends one request and writes its outcome into <paramref name="results"/>; nothing is lost: a failure fills the
    /// chunk's recipients with the error. Returns the error when it would fail every other request the same way.
    /// </summary>
    private static async Task<ViberMessagingException?> RunChunkAsync(
        string providerName,
        PhoneNumber[] all,
        RecipientResult[] results,
        ChunkResult?[] outcomes,
        int chunk,
        int offset,
        ReadOnlyMemory<PhoneNumber> slice,
        Func<ReadOnlyMemory<PhoneNumber>, CancellationToken, Task<ChunkResult>> sendChunk,
        CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await sendChunk(slice, cancellationToken).ConfigureAwait(false);
            if (outcome.Recipients.Count != slice.Length)
            {
                throw new InvalidOperationException(
                    $"{providerName} returned {outcome.Recipients.Count} results for {slice.Length} recipients; every recipient must have exactly one.");
            }

            for (var i = 0; i < slice.Length; i++)
            {
                results[offset + i] = outcome.Recipients[i];
                if (outcome.Recipients[i].Error is { Recipients.Count: 0 } error)
                {
                    error.Recipients = [outcome.Recipients[i].Recipient];
                }
            }

            outcomes[chunk] = outcome;
            return null;
        }
        catch (ViberMessagingException error)
        {
            if (error.Recipients.Count == 0)
            {
                error.Recipients = slice.ToArray();
            }

            Fill(results, all, offset, slice.Length, error);
            return StopsTheSend(error.ErrorCode) ? error : null;
        }
        catch (SendCanceledException canceled)
        {
            var error = Cancelled(providerName, mayHaveBeenSent: true);
            error.Recipients = slice.ToArray();
            error.Account = canceled.Account;
            error.RequestWrittenAt = canceled.RequestWrittenAt;
            Fill(results, all, offset, slice.Length, error);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Fill(results, all, offset, slice.Length, Cancelled(providerName, mayHaveBeenSent: false));
            return null;
        }
    }

    /// <summary>
    /// A cancelled send whose every recipient failed: when a request had been written, the provider may have
    /// processed it, and the caller learns which recipients through <see cref="SendCanceledException"/>; when none
    /// had, a plain cancellation (nothing was sent).
    /// </summary>
    private static void ThrowIfCancelled(string providerName, SendResult result, CancellationToken cancellationToken)
    {
        if (!cancellationToken.IsCancellationRequested)
        {
            return;
        }

        var unknown = new List<PhoneNumber>();
        foreach (var recipient in result.Recipients)
        {
            if (recipient.Error is { Outcome: not SendOutcome.NotSent })
            {
                unknown.Add(recipient.Recipient);
            }
        }

        if (unknown.Count > 0)
        {
            throw new SendCanceledException(providerName, unknown, result, innerException: null, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>One request's answer as it is; several requests' answers in request order (null for one that failed).</summary>
    private static object? Raw(ChunkResult?[] outcomes)
    {
        if (outcomes.Length == 1)
        {
            return outcomes[0]?.Raw;
        }

        var raw = new object?[outcomes.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = outcomes[i]?.Raw;
        }

        return raw;
    }

    private static string[] BatchIds(ChunkResult?[] outcomes)
    {
        var count = 0;
        foreach (var outcome in outcomes)
        {
            count += outcome?.BatchId is null ? 0 : 1;
        }

        if (count == 0)
        {
            return [];
        }

        var result = new string[count];
        count = 0;
        foreach (var outcome in outcomes)
        {
            if (outcome?.BatchId is { } id)
            {
                result[count++] = id;
            }
        }

        return result;
    }

    /// <summary>Errors that would fail every other request of the send the same way.</summary>
    private static bool StopsTheSend(ViberErrorCode code) => code is ViberErrorCode.Unauthorized or ViberErrorCode.Forbidden
        or ViberErrorCode.InsufficientFunds or ViberErrorCode.AccountBlocked or ViberErrorCode.InvalidSender
        or ViberErrorCode.InvalidText or ViberErrorCode.InvalidImage or ViberErrorCode.InvalidRequest
        or ViberErrorCode.ValidationFailed or ViberErrorCode.CircuitOpen or ViberErrorCode.RateLimited;

    private static ViberMessagingException Cancelled(string providerName, bool mayHaveBeenSent) => new(
        ViberErrorCode.Cancelled,
        mayHaveBeenSent
            ? "The send was cancelled after this request was written; the provider may have processed it."
            : "The send was cancelled before this request was sent.")
    {
        ProviderName = providerName,
        Outcome = SendOutcomeRules.Decide(AttemptFacts.Failed(isSend: true, written: mayHaveBeenSent, AttemptFailure.Cancelled)).Outcome,
    };

    private static void Fill(RecipientResult[] results, PhoneNumber[] all, int offset, int count, ViberMessagingException error)
    {
        for (var i = offset; i < offset + count; i++)
        {
            results[i] = new RecipientResult { Recipient = all[i], Status = RecipientStatus.Failed, Error = error };
        }
    }

    private static void FillRemaining(RecipientResult[] results, PhoneNumber[] all, int offset, ViberMessagingException error)
        => Fill(results, all, offset, all.Length - offset, error);
}
