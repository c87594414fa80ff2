using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ViberMessaging.Tracking;

/// <summary>The tracker's change stream: each watcher's channel and the dispatch loop.</summary>
internal sealed partial class DeliveryTracker
{
    private async IAsyncEnumerable<DeliveryReport> ReadAsync(Channel<DeliveryReport> channel, CancellationTokenRegistration registration, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var report))
                {
                    yield return report;
                }
            }
        }
        finally
        {
            await registration.DisposeAsync().ConfigureAwait(false);
            Unwatch(channel);
        }
    }

    private void Unwatch(Channel<DeliveryReport> channel)
    {
        lock (_watchers)
        {
            _watchers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        await foreach (var report in _changes.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            lock (_watchers)
            {
                foreach (var watcher in _watchers)
                {
                    watcher.Writer.TryWrite(report);
                }
            }

            foreach (var handler in _handlers)
            {
                try
                {
                    await handler.OnReportAsync(report, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    DeliveryTrackerLog.HandlerFailed(_logger, exception, report.MessageId);
                }
            }
        }
    }
}
