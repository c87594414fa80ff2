using System.Buffers;
using System.Net;
using System.Text.Json;
using ViberMessaging.Resilience;

namespace ViberMessaging.Http;

/// <summary>
/// One attempt, counted from its pacing permit: the per-attempt timeout covers sending and reading the whole body,
/// and the body is read here, bounded, into a pooled buffer. A failure while reading is therefore a failure of the
/// attempt (retried for reads, an unknown outcome for sends), and an oversized body is cut off without reading on.
/// </summary>
internal sealed class AttemptHandler(ProviderPipelines pipelines, int maxResponseBytes) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => pipelines.Attempt.ExecuteAsync(
            static (state, token) => state.handler.SendAndBufferAsync(state.request, token),
            (handler: this, request),
            cancellationToken).AsTask();

    private async ValueTask<HttpResponseMessage> SendAndBufferAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            response.Content = await BufferedContent.ReadAsync(response, request, pipelines.ProviderName, maxResponseBytes, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}

/// <summary>A response body read into a pooled buffer, at most a configured size.</summary>
internal sealed class BufferedContent : HttpContent
{
    private byte[] _buffer;
    private readonly int _length;

    private BufferedContent(byte[] buffer, int length, HttpContent original)
    {
        _buffer = buffer;
        _length = length;

        // As received, unparsed: the transport stores response headers as text, and they stay text here. Content-Length
        // is this body's own (TryComputeLength), not copied: the same number once the whole body was read.
        foreach (var header in original.Headers.NonValidated)
        {
            if (header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                Headers.TryAddWithoutValidation(header.Key, value);
            }
        }
    }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, _length);

    /// <summary>
    /// Whether the body is one complete JSON value, read as leniently as the providers' parsers read it (comments,
    /// trailing commas, any depth). Every provider answers in JSON, so a body that is not — empty, cut short, a
    /// proxy's HTML page — was damaged on its way.
    /// </summary>
    public bool IsCompleteJson()
    {
        var reader = new Utf8JsonReader(Memory.Span, new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = int.MaxValue,
        });
        try
        {
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0 && reader.CurrentDepth == 0 && reader.TokenType is not JsonTokenType.None;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static async ValueTask<BufferedContent> ReadAsync(
        HttpResponseMessage response, HttpRequestMessage request, string providerName, int maxBytes, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw TooLarge(response, request, providerName, maxBytes);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(original.Headers.ContentLength ?? 4096, 256), maxBytes + 1L));
        var length = 0;
        try
        {
            var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length > maxBytes)
                        {
                            throw TooLarge(response, request, providerName, maxBytes);
                        }

                        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBytes + 1L));
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }

                    // The pool may hand out a larger array than asked for: never read more than one byte past the limit.
                    var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, maxBytes + 1) - length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (length > maxBytes)
                    {
                        throw TooLarge(response, request, providerName, maxBytes);
                    }
                }
            }

            original.Dispose();
            return new BufferedContent(buffer, length, original);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => stream.WriteAsync(Memory).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, []) is { Length: > 0 } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    private static ViberMessagingException TooLarge(HttpResponseMessage response, HttpRequestMessage request, string providerName, int maxBytes)
    {
        var decision = SendOutcomeRules.Decide(AttemptFacts.Answered(!request.IsIdempotent(), response.StatusCode, AnswerState.TooLarge));
        return new ViberMessagingException(
            decision.Code!.Value,
            $"The provider's answer is larger than the {maxBytes} bytes allowed (MaxResponseBytes); it was not read."
                + (decision.Code == ViberErrorCode.OutcomeUnknown ? " The provider accepted the request: check the status before sending again." : string.Empty))
        {
            ProviderName = providerName,
            StatusCode = response.StatusCode,
            Outcome = decision.Outcome,
        };
    }
}
