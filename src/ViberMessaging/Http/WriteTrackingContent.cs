using System.Net;
using System.Net.Http.Headers;

namespace ViberMessaging.Http;

/// <summary>
/// A request body that reports its own writes to the current attempt's <see cref="WriteTracker"/> (the SDK's own bodies):
/// the resilience handler hands it each attempt's tracker instead of wrapping it in a <see cref="WriteTrackingContent"/>.
/// </summary>
internal interface ITrackedContent
{
    /// <summary>Reports the writes that begin from now on to <paramref name="tracker"/>: started before the first byte, written after the last.</summary>
    void TrackWith(WriteTracker tracker);
}

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
        CopyHeaders(inner.Headers, Headers);
    }

    /// <summary>
    /// Copies content headers but Content-Length (computed from the inner content). The usual set, a Content-Type
    /// alone, is copied as the parsed value itself: no formatting to text and parsing back on every attempt.
    /// </summary>
    internal static void CopyHeaders(HttpContentHeaders from, HttpContentHeaders to)
    {
        var headers = from.NonValidated;
        var hasType = headers.Contains("Content-Type");
        var others = headers.Count - (hasType ? 1 : 0) - (headers.Contains("Content-Length") ? 1 : 0);
        if (others == 0 && (!hasType || from.ContentType is not null))
        {
            to.ContentType = from.ContentType;
            return;
        }

        foreach (var header in from)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                to.TryAddWithoutValidation(header.Key, header.Value);
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
