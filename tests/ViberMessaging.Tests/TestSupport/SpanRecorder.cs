using System.Collections.Concurrent;
using System.Diagnostics;
using ViberMessaging.Telemetry;

namespace ViberMessaging.Tests.TestSupport;

/// <summary>Records the SDK's finished spans in the order they ended, as an OpenTelemetry tracer subscribed to its source would.</summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ViberMessagingTelemetry.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The spans of one account (tests running beside each other use accounts of their own).</summary>
    public List<Activity> For(string provider)
        => _stopped.Where(a => (string?)a.GetTagItem(ViberMessagingInstruments.ProviderTag) == provider).ToList();

    public void Dispose() => _listener.Dispose();
}
