using System.Diagnostics;

namespace ViberMessaging.Telemetry;

/// <summary>
/// One client operation's span and duration: started before the work, ended exactly once with
/// <see cref="Succeeded"/> or <see cref="Failed"/>, which record <c>vibermessaging.client.operation.duration</c>
/// (with <c>error.type</c> on failure) and close the span (<see cref="ActivityStatusCode.Error"/> on failure). Nothing is
/// timed or recorded when no listener has enabled the instrument.
/// </summary>
internal readonly struct OperationTelemetry
{
    private readonly string _provider;
    private readonly string _operation;
    private readonly long _started;

    private OperationTelemetry(string provider, string operation, Activity? activity)
    {
        _provider = provider;
        _operation = operation;
        // The clock is read only for a measurement someone listens to (most apps record no metrics).
        _started = ViberMessagingInstruments.OperationDuration.Enabled ? Stopwatch.GetTimestamp() : 0;
        Activity = activity;
    }

    /// <summary>The span, when someone listens.</summary>
    public Activity? Activity { get; }

    public static OperationTelemetry Start(string provider, ViberOperation operation)
    {
        var activity = ViberMessagingInstruments.ActivitySource.StartActivity(operation.SpanName, ActivityKind.Client);
        activity?.SetTag(ViberMessagingInstruments.ProviderTag, provider);
        activity?.SetTag(ViberMessagingInstruments.OperationTag, operation.Name);
        return new OperationTelemetry(provider, operation.Name, activity);
    }

    public void Succeeded() => End(errorType: null, description: null);

    /// <summary>Ends a failed call; only our own (redacted) messages become the span's description.</summary>
    public void Failed(Exception error) => End(ViberMessagingInstruments.ErrorType(error), (error as ViberMessagingException)?.Message);

    private void End(string? errorType, string? description)
    {
        if (errorType is not null)
        {
            Activity?.SetTag(ViberMessagingInstruments.ErrorTypeTag, errorType);
            Activity?.SetStatus(ActivityStatusCode.Error, description);
        }

        if (_started != 0 && ViberMessagingInstruments.OperationDuration.Enabled)
        {
            var tags = new TagList
            {
                { ViberMessagingInstruments.ProviderTag, _provider },
                { ViberMessagingInstruments.OperationTag, _operation },
            };
            if (errorType is not null)
            {
                tags.Add(ViberMessagingInstruments.ErrorTypeTag, errorType);
            }

            ViberMessagingInstruments.OperationDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }

        Activity?.Dispose();
    }
}
