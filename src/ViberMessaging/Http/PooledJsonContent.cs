using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ViberMessaging.Http;

/// <summary>
/// A JSON request body serialised once, with a source-generated contract, into a pooled buffer, and sent with an
/// exact Content-Length (no chunked encoding, which some provider front-ends mishandle). Retries resend the same
/// bytes. The buffer returns to the pool when the request is disposed. It reports its writes to the current attempt's
/// <see cref="WriteTracker"/> itself (<see cref="ITrackedContent"/>), so attempts need no wrapper around it.
/// </summary>
internal sealed class PooledJsonContent<T> : HttpContent, ITrackedContent
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly T _value;
    private readonly JsonTypeInfo<T> _typeInfo;
    private PooledBufferWriter? _buffer;
    private WriteTracker? _tracker;

    public PooledJsonContent(T value, JsonTypeInfo<T> typeInfo)
    {
        _value = value;
        _typeInfo = typeInfo;
        Headers.ContentType = JsonMediaType;
    }

    /// <summary>The serialised body (for tests and logging at Trace, never with secrets).</summary>
    public ReadOnlyMemory<byte> Body => EnsureSerialized().WrittenMemory;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc/>
    public void TrackWith(WriteTracker tracker) => Volatile.Write(ref _tracker, tracker);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // The attempt that writes is the one whose tracker was current when writing began (as with WriteTrackingContent).
        var tracker = Volatile.Read(ref _tracker);
        if (tracker is null)
        {
            return stream.WriteAsync(EnsureSerialized().WrittenMemory, cancellationToken).AsTask();
        }

        var body = EnsureSerialized().WrittenMemory;
        tracker.MarkStarted();
        var write = stream.WriteAsync(body, cancellationToken);
        if (write.IsCompletedSuccessfully)
        {
            tracker.MarkWritten();
            return Task.CompletedTask;
        }

        return WrittenAsync(write, tracker);
    }

    private static async Task WrittenAsync(ValueTask write, WriteTracker tracker)
    {
        await write.ConfigureAwait(false);
        tracker.MarkWritten();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = EnsureSerialized().WrittenCount;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Interlocked.Exchange(ref _buffer, null)?.Dispose();
        }

        base.Dispose(disposing);
    }

    private PooledBufferWriter EnsureSerialized()
    {
        if (_buffer is { } existing)
        {
            return existing;
        }

        var buffer = new PooledBufferWriter();
        var writer = JsonWriterCache.Rent(buffer);
        try
        {
            JsonSerializer.Serialize(writer, _value, _typeInfo);
            writer.Flush();
        }
        finally
        {
            JsonWriterCache.Return(writer);
        }

        return Interlocked.CompareExchange(ref _buffer, buffer, null) ?? buffer;
    }
}

/// <summary>One <see cref="Utf8JsonWriter"/> per thread, reset onto each body's buffer: serialising is synchronous, so it is never shared.</summary>
internal static class JsonWriterCache
{
    // Cyrillic and other text travels as UTF-8, not \uXXXX escapes: smaller bodies, readable in provider logs.
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static Utf8JsonWriter? _cached;

    public static Utf8JsonWriter Rent(IBufferWriter<byte> output)
    {
        var writer = _cached;
        _cached = null;
        if (writer is null)
        {
            return new Utf8JsonWriter(output, WriterOptions);
        }

        writer.Reset(output);
        return writer;
    }

    public static void Return(Utf8JsonWriter writer) => _cached = writer;
}

/// <summary>An <see cref="IBufferWriter{T}"/> over <see cref="ArrayPool{T}.Shared"/>.</summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] _array;
    private int _written;

    public PooledBufferWriter(int initialCapacity = 1024) => _array = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public int WrittenCount => _written;

    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _written);

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _written);

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_written);
    }

    public void Dispose()
    {
        var array = _array;
        _array = [];
        _written = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _array.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
        _array.AsSpan(0, _written).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
    }
}
