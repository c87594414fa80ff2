using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using ViberMessaging.Internal;

namespace ViberMessaging.Telemetry;

/// <summary>
/// Observes every call of one provider account the same way, whichever interface it came through: one span and one
/// <c>vibermessaging.client.operation.duration</c> measurement per call, the recipients of a send or reply counted by
/// outcome, and a warning for a call that failed. The decorators (<see cref="ObservedViberSender"/>, …) run each call
/// through it; the provider clients below them record nothing of their own, so nothing is counted twice.
/// </summary>
internal sealed class OperationObserver(string provider, ILogger logger)
{
    public string Provider => provider;

    /// <summary>Runs one call inside its span and measurement.</summary>
    /// <param name="operation">What the call is.</param>
    /// <param name="state">What <paramref name="call"/> needs (a tuple, so no closure is allocated).</param>
    /// <param name="call">The provider's call.</param>
    /// <param name="cancellationToken">Passed to <paramref name="call"/>.</param>
    /// <param name="countTag">A count to tag the span with before the call (recipients, ids), or <see langword="null"/>.</param>
    /// <param name="count">The count; for a send that fails as a whole, the recipients counted as failed.</param>
    public async Task<TResult> RunAsync<TState, TResult>(
        ViberOperation operation,
        TState state,
        Func<TState, CancellationToken, Task<TResult>> call,
        CancellationToken cancellationToken,
        string? countTag = null,
        int count = 0)
    {
        // Started inside this async method, so the span is Activity.Current for the call and never leaks to the caller.
        var telemetry = OperationTelemetry.Start(provider, operation);
        if (countTag is not null)
        {
            telemetry.Activity?.SetTag(countTag, count);
        }

        try
        {
            var result = await call(state, cancellationToken).ConfigureAwait(false);
            if (result is SendResult sent)
            {
                RecordRecipients(telemetry.Activity, sent.AcceptedCount, sent.RejectedCount, sent.FailedCount);
            }

            telemetry.Succeeded();
            return result;
        }
        catch (Exception error)
        {
            if (typeof(TResult) == typeof(SendResult) && countTag == ViberMessagingInstruments.RecipientsTag && error is not ViberValidationException)
            {
                RecordRecipients(telemetry.Activity, 0, 0, count);
            }

            Failed(operation, telemetry, error);
            throw;
        }
    }

    /// <summary>
    /// Observes a paged listing: its one span and measurement run from the first item asked for to the last (or to
    /// the caller's stop); an argument the provider refuses at once fails at once, observed too.
    /// </summary>
    public IAsyncEnumerable<TItem> Enumerate<TState, TItem>(
        ViberOperation operation,
        TState state,
        Func<TState, CancellationToken, IAsyncEnumerable<TItem>> list,
        CancellationToken cancellationToken)
    {
        IAsyncEnumerable<TItem> source;
        try
        {
            source = list(state, cancellationToken);
        }
        catch (Exception error)
        {
            Failed(operation, OperationTelemetry.Start(provider, operation), error);
            throw;
        }

        return EnumerateAsync(operation, source, CancellationToken.None);
    }

    private async IAsyncEnumerable<TItem> EnumerateAsync<TItem>(ViberOperation operation, IAsyncEnumerable<TItem> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var telemetry = OperationTelemetry.Start(provider, operation);
        var ended = false;
        var items = source.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    // Each page's HTTP span is a child of the listing's, though the caller resumed the enumeration.
                    if (telemetry.Activity is { } span)
                    {
                        Activity.Current = span;
                    }

                    more = await items.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception error)
                {
                    ended = true;
                    Failed(operation, telemetry, error);
                    throw;
                }

                if (!more)
                {
                    break;
                }

                yield return items.Current;
            }
        }
        finally
        {
            if (!ended)
            {
                telemetry.Succeeded();
            }

            await items.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void RecordRecipients(Activity? activity, int accepted, int rejected, int failed)
    {
        ViberMessagingInstruments.RecordRecipients(provider, "accepted", accepted);
        ViberMessagingInstruments.RecordRecipients(provider, "rejected", rejected);
        ViberMessagingInstruments.RecordRecipients(provider, "failed", failed);
        activity?.SetTag(ViberMessagingInstruments.AcceptedTag, accepted);
        activity?.SetTag(ViberMessagingInstruments.RejectedTag, rejected);
        activity?.SetTag(ViberMessagingInstruments.FailedTag, failed);
    }

    private void Failed(ViberOperation operation, OperationTelemetry telemetry, Exception error)
    {
        if (error is ViberMessagingException failure && IsWorthAWarning(failure))
        {
            Log.OperationFailed(logger, provider, operation.Name, failure.ErrorCode, failure.Outcome, failure.StatusCode, failure.ProviderErrorCode);
        }

        telemetry.Failed(error);
    }

    /// <summary>
    /// Not the caller's own input (the exception tells the caller everything), not a cancellation, and not a request
    /// refused by the account's own pause without an answer from the provider: the pause was logged once when it
    /// began, and every call it refuses would otherwise log a warning of its own.
    /// </summary>
    private static bool IsWorthAWarning(ViberMessagingException error)
        => error is not ViberValidationException
            && error.ErrorCode != ViberErrorCode.Cancelled
            && !(error.ErrorCode == ViberErrorCode.RateLimited && error.StatusCode is null);
}
