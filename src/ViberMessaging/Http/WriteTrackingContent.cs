using System.Net;

namespace ViberMessaging.Http;

/// <summary>
/// Wraps one attempt's request body and records when the transport starts writing it (a body that was never
/// written proves the provider never saw the request, which makes the attempt safe to retry) and when it finished
/// (the moment the request departed, which the pacing gate stamps).
/// </summary>
internal sealed class WriteTrackingContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly WriteTracker _tracker;

    public WriteTrackingContent(HttpContent inner, WriteTracker tracker)
    {
        _inner = inner;
        _tracker = tracker;
        foreach (var header in inner.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _tracker.MarkStarted();
        await _inner.CopyToAsync(stream, context, cancellationToken).ConfigureAwait(false);
        _tracker.MarkWritten();
    }

    protected override bool TryComputeLength(out long length)
    {
        var innerLength = _inner.Headers.ContentLength;
        length = innerLength ?? 0;
        return innerLength is not null;
    }

    // The inner content belongs to the request and outlives this attempt's wrapper: it is not disposed here.
    protected override void Dispose(bool disposing) => base.Dispose(disposing);
}
