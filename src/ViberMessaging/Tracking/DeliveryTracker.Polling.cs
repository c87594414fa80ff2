namespace ViberMessaging.Tracking;

/// <summary>The tracker's polling: batches per account, within the rate budget, rescheduled by age.</summary>
internal sealed partial class DeliveryTracker
{
    private async Task PollAccountAsync(string provider, List<TrackedMessage> messages, CancellationToken cancellationToken)
    {
        var account = Account(provider);
        if (account is null)
        {
            lock (_lock)
            {
                messages.ForEach(m => _pending.Remove(m.Id));
            }

            DeliveryTrackerLog.UnknownAccount(_logger, provider, messages.Count);
            return;
        }

        messages.Sort(static (a, b) => a.NextPollAt.CompareTo(b.NextPollAt));
        try
        {
            foreach (var batch in messages.Chunk(account.MaxIdsPerRequest))
            {
                await PollBatchAsync(account, batch, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // A pass cut short (stopping, a failing store) leaves its unpolled messages due for the next pass.
            lock (_lock)
            {
                messages.ForEach(m => m.Polling = false);
            }
        }
    }

    private async Task PollBatchAsync(TrackedAccount account, TrackedMessage[] batch, CancellationToken cancellationToken)
    {
        var ask = await NotYetFinalAsync(batch, cancellationToken).ConfigureAwait(false);
        if (ask.Count == 0)
        {
            return;
        }

        IReadOnlyList<DeliveryReport> reports;
        try
        {
            await WaitForPollingTurnAsync(account, cancellationToken).ConfigureAwait(false);
            reports = await account.Query.GetStatusesAsync(ask.Select(m => m.Id), cancellationToken).ConfigureAwait(false);
        }
        catch (ViberValidationException exception)
        {
            // An id this account cannot read never will be: polling it again would only fail again.
            DeliveryTrackerLog.Unreadable(_logger, account.Name, ask.Count, exception.Message);
            Reschedule(ask, ask.Select(m => m.Id).ToHashSet());
            return;
        }
        catch (ViberMessagingException exception)
        {
            DeliveryTrackerLog.PollFailed(_logger, account.Name, ask.Count, exception.ErrorCode);
            Reschedule(ask, final: null);
            return;
        }

        var byId = reports.Where(r => r.Error is null).GroupBy(r => r.MessageId).ToDictionary(g => g.Key, g => g.Aggregate((a, b) => a.Merge(b)));
        var final = new HashSet<MessageId>();
        foreach (var message in ask)
        {
            if (byId.TryGetValue(message.Id, out var report))
            {
                var update = await _store.MergeAsync(report, cancellationToken).ConfigureAwait(false);
                if (update.Changed)
                {
                    _changes.Writer.TryWrite(update.Report);
                }

                if (update.Report.IsFinal)
                {
                    final.Add(message.Id);
                }
            }
        }

        Reschedule(ask, final);
    }

    /// <summary>The messages of a batch the store does not already know as final (a callback may have settled them).</summary>
    private async Task<List<TrackedMessage>> NotYetFinalAsync(TrackedMessage[] batch, CancellationToken cancellationToken)
    {
        var ask = new List<TrackedMessage>(batch.Length);
        var settled = new HashSet<MessageId>();
        foreach (var message in batch)
        {
            if (await _store.GetAsync(message.Id, cancellationToken).ConfigureAwait(false) is { IsFinal: true })
            {
                settled.Add(message.Id);
            }
            else
            {
                ask.Add(message);
            }
        }

        if (settled.Count > 0)
        {
            Reschedule(batch.Where(m => settled.Contains(m.Id)), settled);
        }

        return ask;
    }

    /// <summary>
    /// While sends wait for the account's permits, a poll first takes a permit of the polling budget (at most the
    /// configured share of the account's rate); when nothing waits, it goes straight to the gate and uses idle capacity.
    /// Polls of one account go one request at a time, so at most one poll is ever ahead of a send in the gate's queue.
    /// </summary>
    private static async ValueTask WaitForPollingTurnAsync(TrackedAccount account, CancellationToken cancellationToken)
    {
        if (account.Gate is null || account.Gate.GetStatistics() is { CurrentQueuedCount: 0 })
        {
            return;
        }

        using var lease = await account.PollingBudget.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops the final messages and schedules the others: a quarter of their age from now, within the configured bounds.</summary>
    private void Reschedule(IEnumerable<TrackedMessage> messages, IReadOnlySet<MessageId>? final)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            foreach (var message in messages)
            {
                message.Polling = false;
                if (final is not null && final.Contains(message.Id))
                {
                    _pending.Remove(message.Id);
                    continue;
                }

                var interval = TimeSpan.FromTicks((now - message.TrackedAt).Ticks / 4);
                interval = interval < _options.FirstPollAfter ? _options.FirstPollAfter : interval > _options.MaxPollInterval ? _options.MaxPollInterval : interval;
                if (message.NextPollAt < now + interval)
                {
                    message.NextPollAt = now + interval;
                }
            }
        }
    }

    private TrackedAccount? Account(string provider)
    {
        lock (_accounts)
        {
            if (!_accounts.TryGetValue(provider, out var account))
            {
                account = _resolve(provider);
                _accounts[provider] = account;
            }

            return account;
        }
    }
}
