using System.Globalization;

namespace ViberMessaging.Internal;

/// <summary>
/// Splits a status query into requests of the provider's size (duplicates asked once), runs them with bounded
/// concurrency, and returns one report per id asked, in order: an id the provider did not mention is
/// <see cref="DeliveryStatus.Unknown"/> with an error, and a failed request's ids carry its error.
/// </summary>
internal static class StatusBatching
{
    public static async Task<IReadOnlyList<DeliveryReport>> QueryAsync(
        string providerName,
        IEnumerable<MessageId> messageIds,
        int chunkSize,
        int maxConcurrency,
        Func<ReadOnlyMemory<MessageId>, CancellationToken, Task<IReadOnlyList<DeliveryReport>>> queryChunk,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var asked = messageIds as MessageId[] ?? messageIds.ToArray();
        var errors = new ValidationErrors();
        for (var i = 0; i < asked.Length && errors.Count < 20; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"messageIds[{i}]");
            if (asked[i].IsEmpty)
            {
                errors.Add(field, "Required", $"{field} is empty.");
            }
            else if (!string.Equals(asked[i].Provider, providerName, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(field, "Provider", $"{field} ({asked[i]}) belongs to provider '{asked[i].Provider}', not '{providerName}'.");
            }
        }

        errors.ThrowIfAny();
        if (asked.Length == 0)
        {
            return [];
        }

        return await QueryCoreAsync(providerName, asked, chunkSize, maxConcurrency, queryChunk, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<DeliveryReport>> QueryCoreAsync(
        string providerName,
        MessageId[] asked,
        int chunkSize,
        int maxConcurrency,
        Func<ReadOnlyMemory<MessageId>, CancellationToken, Task<IReadOnlyList<DeliveryReport>>> queryChunk,
        CancellationToken cancellationToken)
    {
        var distinct = asked.Distinct().ToArray();
        var found = new Dictionary<MessageId, DeliveryReport>(distinct.Length);
        var failures = new List<ViberMessagingException>();
        var chunks = (distinct.Length + chunkSize - 1) / chunkSize;
        using (var throttle = new SemaphoreSlim(Math.Max(1, maxConcurrency)))
        {
            var running = new List<Task>(chunks);
            for (var offset = 0; offset < distinct.Length; offset += chunkSize)
            {
                await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
                var slice = distinct.AsMemory(offset, Math.Min(chunkSize, distinct.Length - offset));
                running.Add(RunChunkAsync(slice, queryChunk, found, failures, throttle, cancellationToken));
            }

            await Task.WhenAll(running).ConfigureAwait(false);
        }

        if (failures.Count == chunks && failures.All(f => f.ErrorCode == failures[0].ErrorCode))
        {
            throw failures[0];
        }

        var answer = new DeliveryReport[asked.Length];
        for (var i = 0; i < asked.Length; i++)
        {
            answer[i] = found.TryGetValue(asked[i], out var report) ? report : NotReported(providerName, asked[i]);
        }

        return answer;
    }

    /// <summary>One request: its reports merged into <paramref name="found"/>, or its error on each of its ids; then its throttle slot is freed.</summary>
    private static async Task RunChunkAsync(
        ReadOnlyMemory<MessageId> slice,
        Func<ReadOnlyMemory<MessageId>, CancellationToken, Task<IReadOnlyList<DeliveryReport>>> queryChunk,
        Dictionary<MessageId, DeliveryReport> found,
        List<ViberMessagingException> failures,
        SemaphoreSlim throttle,
        CancellationToken cancellationToken)
    {
        try
        {
            var reports = await queryChunk(slice, cancellationToken).ConfigureAwait(false);
            lock (found)
            {
                foreach (var report in reports)
                {
                    found[report.MessageId] = found.TryGetValue(report.MessageId, out var earlier) ? earlier.Merge(report) : report;
                }
            }
        }
        catch (ViberMessagingException error)
        {
            lock (found)
            {
                failures.Add(error);
                foreach (var id in slice.Span)
                {
                    found[id] = DeliveryReport.Unavailable(id, error);
                }
            }
        }
        finally
        {
            throttle.Release();
        }
    }

    private static DeliveryReport NotReported(string providerName, MessageId id)
        => DeliveryReport.Unavailable(id, new ViberMessagingException(ViberErrorCode.NotFound, $"The provider did not report a status for {id}.")
        {
            ProviderName = providerName,
        });
}
