using System.Runtime.ExceptionServices;

namespace ViberMessaging.Campaigns;

/// <summary>The requests of one run: at most <see cref="CampaignDefinition.MaxConcurrentRequests"/> in flight, each journaled pending just before it goes and its outcome just after.</summary>
internal sealed partial class CampaignRunner
{
    /// <summary>
    /// One run's requests in flight. Everything but the requests themselves happens on the run's own flow (the caller
    /// of <see cref="SendChunkAsync"/> and <see cref="DrainAsync"/>): counts, progress reports and the input window are
    /// touched there only, so they are never torn. Journal calls of the run never overlap (one gate), so an
    /// <see cref="ICampaignJournal"/> need not be thread-safe within a run.
    /// </summary>
    private sealed class Requests(CampaignRunner owner, ICampaignJournal journal, IViberSender sender, Run run, IProgress<CampaignProgress>? progress, CancellationToken cancellationToken) : IDisposable
    {
        private readonly List<(Task<RequestResult> Task, PhoneNumber[] Phones)> _inFlight = new(run.Campaign.MaxConcurrentRequests);
        private readonly SemaphoreSlim _journalGate = new(1, 1);
        private ExceptionDispatchInfo? _failure;
        private ViberValidationException? _invalidTemplate;

        /// <summary>The numbers read and not yet journaled with an outcome: a duplicate in the input is skipped, not sent twice.</summary>
        public HashSet<string> Window { get; } = new(StringComparer.Ordinal);

        /// <summary>The numbers of the window an earlier run left Unknown and this run sends again (<see cref="CampaignDefinition.ResendUnknown"/>).</summary>
        public HashSet<string> Resend { get; } = new(StringComparer.Ordinal);

        /// <summary>Whether no further request may start: cancelled, the template is invalid, or a request failed.</summary>
        public bool Stopped { get; private set; }

        /// <summary>Whether the run stopped because it was cancelled.</summary>
        public bool Cancelled { get; private set; }

        private string CampaignId => run.Campaign.Id;

        /// <summary>Reads what the journal knows of these recipients (never while a request's outcome is being written).</summary>
        public async Task<IReadOnlyList<CampaignJournalEntry>> FindAsync(List<PhoneNumber> phones)
        {
            await _journalGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await journal.FindAsync(CampaignId, phones, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _journalGate.Release();
            }
        }

        /// <summary>
        /// Starts one request per rendered text of <paramref name="chunk"/>, each once a slot is free; returns
        /// <see langword="false"/> when the run must stop. The parts not started then were never journaled: a resume
        /// sends them.
        /// </summary>
        public async Task<bool> SendChunkAsync(List<CampaignRecipient> chunk)
        {
            if (!await TakeSlotAsync().ConfigureAwait(false))
            {
                return false;
            }

            var missingVariables = new List<CampaignJournalEntry>();
            var parts = Render(run.Campaign.Template, chunk, missingVariables);
            if (missingVariables.Count > 0)
            {
                await WriteAsync(null, missingVariables).ConfigureAwait(false);
                foreach (var entry in missingVariables)
                {
                    Window.Remove(entry.Phone.Digits);
                    Resend.Remove(entry.Phone.Digits);
                }

                run.Count(missingVariables);
                progress?.Report(run.Snapshot());
            }

            foreach (var part in parts)
            {
                if (!await TakeSlotAsync().ConfigureAwait(false))
                {
                    return false;
                }

                // Durable before this request is sent, and never cut half-way by the caller's token: a recipient
                // journaled as pending and then not sent would only be reported Unknown, never lost or sent twice.
                await WriteAsync(part.Phones, null).ConfigureAwait(false);
                foreach (var phone in part.Phones)
                {
                    if (Resend.Remove(phone.Digits))
                    {
                        run.Resent++;
                    }
                }

                _inFlight.Add((RequestAsync(part.Text, part.Phones), part.Phones));
            }

            return !Stopped;
        }

        /// <summary>Waits for every request in flight and takes in its outcome. Never throws: a failure is kept for <see cref="ThrowIfFailed"/>.</summary>
        public async Task DrainAsync()
        {
            while (_inFlight.Count > 0)
            {
                await HarvestAsync(waitForOne: true).ConfigureAwait(false);
            }
        }

        /// <summary>Throws what stopped the run, if it was not a cancellation: a request that failed, or the invalid template (once).</summary>
        public void ThrowIfFailed()
        {
            _failure?.Throw();
            if (_invalidTemplate is not null)
            {
                ExceptionDispatchInfo.Throw(_invalidTemplate);
            }
        }

        public void Dispose() => _journalGate.Dispose();

        /// <summary>Waits until fewer than the maximum requests are in flight; <see langword="false"/> when no request may start.</summary>
        private async Task<bool> TakeSlotAsync()
        {
            await HarvestAsync(waitForOne: false).ConfigureAwait(false);
            while (!Stopped && _inFlight.Count >= run.Campaign.MaxConcurrentRequests)
            {
                await HarvestAsync(waitForOne: true).ConfigureAwait(false);
            }

            if (!Stopped && cancellationToken.IsCancellationRequested)
            {
                (Stopped, Cancelled) = (true, true);
            }

            return !Stopped;
        }

        /// <summary>Takes in the outcome of every request that has finished (waiting for one first if asked): counts, window, progress.</summary>
        private async Task HarvestAsync(bool waitForOne)
        {
            if (waitForOne && _inFlight.Count > 0)
            {
                await Task.WhenAny(_inFlight.Select(r => r.Task)).ConfigureAwait(false);
            }

            for (var i = 0; i < _inFlight.Count;)
            {
                var (task, phones) = _inFlight[i];
                if (!task.IsCompleted)
                {
                    i++;
                    continue;
                }

                _inFlight.RemoveAt(i);
                foreach (var phone in phones)
                {
                    Window.Remove(phone.Digits);
                }

                RequestResult result;
                try
                {
                    result = await task.ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    // The sender or the journal failed outside the SDK's classification: its recipients stay pending
                    // in the journal (Unknown on resume), the run stops and rethrows once the others are journaled.
                    _failure ??= ExceptionDispatchInfo.Capture(e);
                    Stopped = true;
                    continue;
                }

                run.Count(result.Outcomes);
                if (result.Stop)
                {
                    Stopped = true;
                    Cancelled |= result.InvalidTemplate is null;
                    _invalidTemplate ??= result.InvalidTemplate;
                }

                progress?.Report(run.Snapshot());
            }
        }

        /// <summary>One request: sent, then its outcomes journaled before its slot is freed.</summary>
        private async Task<RequestResult> RequestAsync(string? text, PhoneNumber[] phones)
        {
            var result = await owner.SendPartAsync(sender, run, text, phones, cancellationToken).ConfigureAwait(false);
            await WriteAsync(null, result.Outcomes).ConfigureAwait(false);
            return result;
        }

        /// <summary>Records pending recipients or outcomes, one journal call at a time, never cut by the caller's token.</summary>
        private async Task WriteAsync(PhoneNumber[]? pending, List<CampaignJournalEntry>? outcomes)
        {
            await _journalGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                if (pending is not null)
                {
                    await journal.RecordPendingAsync(CampaignId, pending, CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    await journal.RecordOutcomesAsync(CampaignId, outcomes!, CancellationToken.None).ConfigureAwait(false);
                }
            }
            finally
            {
                _journalGate.Release();
            }
        }
    }
}
