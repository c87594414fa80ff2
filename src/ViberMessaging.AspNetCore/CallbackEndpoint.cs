using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ViberMessaging.AspNetCore;

/// <summary>
/// One callback request: find the account and check the secret (404), the content type (415) and the size (413),
/// read the body, parse it with the provider's parser (400 when malformed), hand it off (the tracker's merge, the
/// reply queue) and answer 200 with an empty body. No exception escapes for anything the gateway sends.
/// </summary>
internal sealed class CallbackEndpoint(
    IServiceProvider services,
    ViberCallbackPaths paths,
    IOptions<ViberCallbackOptions> options,
    IDeliveryTracker tracker,
    ReplyDispatcher replies,
    CallbackCorrelations correlations,
    ILogger<CallbackEndpoint> logger)
{
    public const string UnknownAccount = "(unknown)";

    public async Task HandleAsync(HttpContext context)
    {
        var account = context.Request.RouteValues["account"] as string ?? string.Empty;
        var secret = context.Request.RouteValues["secret"] as string ?? string.Empty;
        var token = context.Request.RouteValues["token"] as string;
        var reader = account.Length == 0 ? null : Reader(account);
        var known = (reader, token) switch
        {
            ({ PerRequest: false }, null) => true,
            ({ PerRequest: true }, { Length: > 0 }) => correlations.IsIssued(account, token),
            _ => false,
        };
        if (!known || reader is null || !paths.IsValid(account, secret))
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        if (!IsJson(context.Request.ContentType))
        {
            Refuse(context, account, StatusCodes.Status415UnsupportedMediaType, CallbackOutcome.UnsupportedMediaType, "content type is not application/json");
            return;
        }

        var limit = options.Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            Refuse(context, account, StatusCodes.Status413PayloadTooLarge, CallbackOutcome.TooLarge, "body over MaxBodyBytes");
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        var body = await ReadAsync(context.Request, limit, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            Refuse(context, account, StatusCodes.Status413PayloadTooLarge, CallbackOutcome.TooLarge, "body over MaxBodyBytes");
            return;
        }

        string outcome;
        try
        {
            outcome = reader.PerRequest
                ? await HandOffCorrelatedAsync(reader, account, token!, body, context.RequestAborted).ConfigureAwait(false)
                : await HandOffAsync(reader, account, body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ViberMessagingException exception) when (exception.ErrorCode == ViberErrorCode.MalformedResponse)
        {
            CallbackLog.Malformed(logger, account, exception.Message);
            CallbackInstruments.Record(account, CallbackOutcome.Malformed);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (outcome == CallbackOutcome.NotFound)
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        CallbackInstruments.Record(account, outcome);
        context.Response.StatusCode = outcome == "queue_full" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
    }

    /// <summary>Anything that is not a known account's secret path: 404, counted, nothing read.</summary>
    public Task NotFoundAsync(HttpContext context)
    {
        CallbackLog.NotFound(logger);
        CallbackInstruments.Record(UnknownAccount, CallbackOutcome.NotFound);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>A callback that names its message: a reply to the reply queue, or statuses to the tracker.</summary>
    private async Task<string> HandOffAsync(IViberCallbackReader reader, string account, byte[] body, CancellationToken cancellationToken)
    {
        var callback = reader.Read(body, []);
        if (callback.Reply is { } reply)
        {
            if (!replies.TryQueue(reply))
            {
                CallbackLog.ReplyQueueFull(logger, account);
                return "queue_full";
            }

            return CallbackOutcome.Reply;
        }

        return await ReportAsync(callback.Reports, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A per-request callback (the answer to one request, not naming it): checked first (400 when malformed), then merged
    /// with the ids the request returned, or kept until the send returns them (a callback faster than <c>SendAsync</c>).
    /// </summary>
    private async Task<string> HandOffCorrelatedAsync(IViberCallbackReader reader, string account, string token, byte[] body, CancellationToken cancellationToken)
    {
        reader.Read(body, []);
        if (!correlations.TryAccept(account, token, body, out var ids))
        {
            return CallbackOutcome.NotFound;
        }

        return ids is null ? CallbackOutcome.Early : await ReportAsync(reader.Read(body, ids).Reports, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> ReportAsync(IReadOnlyList<DeliveryReport> reports, CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var report in reports)
        {
            changed |= await tracker.ReportAsync(report, cancellationToken).ConfigureAwait(false);
        }

        return changed ? CallbackOutcome.Accepted : CallbackOutcome.Duplicate;
    }

    private IViberCallbackReader? Reader(string account)
    {
        try
        {
            return services.GetKeyedService<IViberCallbackReader>(account);
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
    private void Refuse(HttpContext context, string account, int status, string outcome, string reason)
    {
        CallbackLog.Refused(logger, account, status, reason);
        CallbackInstruments.Record(account, outcome);
        context.Response.StatusCode = status;
    }

    private static bool IsJson(string? contentType)
        => contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || (contentType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && contentType.Split(';')[0].EndsWith("+json", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The body, or <see langword="null"/> when it is longer than <paramref name="limit"/> (read no further than one byte past it).</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 16 * 1024));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read;
                try
                {
                    read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), cancellationToken).ConfigureAwait(false);
                }
                catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    return null;
                }

                if (read == 0)
                {
                    return length > limit ? null : buffer.AsSpan(0, length).ToArray();
                }

                length += read;
                if (length > limit)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
