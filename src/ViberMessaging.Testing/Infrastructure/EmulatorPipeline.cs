using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ViberMessaging.Testing.Infrastructure;

/// <summary>
/// What every endpoint of every provider goes through, in order: find the provider by the path's first segment
/// (unknown: 404, not recorded), take the request's injected fault, read and record the request, cut a reset before
/// it is read, apply the strict rate window (429 in the provider's shape), strike a fault before the request is
/// processed, run the endpoint with its answer captured, and then either send the answer or strike a fault after it
/// was processed. The record holds what was answered.
/// </summary>
internal sealed class EmulatorPipeline(EmulatorState state, IReadOnlyList<EmulatorModule> modules)
{
    /// <summary>Where the buffered request body waits for the endpoint.</summary>
    public const string BodyKey = "ViberEmulator.Body";

    private static readonly byte[] Garbage = "<html><body>502 Bad Gateway</body></html>{\"successfulRequest\":"u8.ToArray();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        var segment = path.TrimStart('/').Split('/', 2)[0];
        var module = modules.FirstOrDefault(p => string.Equals(p.PathPrefix, segment, StringComparison.OrdinalIgnoreCase));
        if (module is null)
        {
            await EmulatorJson.WriteRawAsync(context, 404, "{\"error\":\"no emulated provider at this path\"}").ConfigureAwait(false);
            return;
        }

        var subPath = path[(segment.Length + 1)..] is { Length: > 0 } below ? below : "/";
        var fault = state.TakeFault(module.Name, subPath);
        var record = await RecordAsync(context, module.Name, subPath, fault).ConfigureAwait(false);
        if (fault is { Kind: EmulatorFaultKind.Reset, AcceptsRequest: false })
        {
            context.Abort();
            return;
        }

        if (state.WindowOf(module.Name) is { } window && !window.TryAdmit())
        {
            context.Response.StatusCode = 429;
            await module.WriteRateLimitedAsync(context).ConfigureAwait(false);
            record.ResponseStatus = 429;
            return;
        }

        if (fault is { AcceptsRequest: false } && await StrikeBeforeAsync(context, module, fault, record).ConfigureAwait(false))
        {
            return;
        }

        await AnswerAsync(context, next, module, fault, record).ConfigureAwait(false);
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext context, string provider, string path, EmulatorFault? fault)
    {
        var body = fault is { Kind: EmulatorFaultKind.Reset, AcceptsRequest: false } ? [] : await ReadBodyAsync(context).ConfigureAwait(false);
        var record = new RecordedRequest
        {
            Provider = provider,
            Method = context.Request.Method,
            Path = path,
            Query = context.Request.QueryString.Value ?? string.Empty,
            Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = Encoding.UTF8.GetString(body),
            RawBody = body,
            ReceivedAt = state.Now,
            Fault = fault,
        };
        state.Record(record);
        context.Items[BodyKey] = body;
        return record;
    }

    /// <summary>Strikes a fault that refuses the request before it is processed; <see langword="false"/> when the fault only delays it.</summary>
    private async Task<bool> StrikeBeforeAsync(HttpContext context, EmulatorModule module, EmulatorFault fault, RecordedRequest record)
    {
        switch (fault.Kind)
        {
            case EmulatorFaultKind.ServerError:
                context.Response.StatusCode = 500;
                await module.WriteServerErrorAsync(context).ConfigureAwait(false);
                record.ResponseStatus = 500;
                return true;
            case EmulatorFaultKind.RateLimited:
                context.Response.StatusCode = 429;
                if (fault.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = fault.RetryAfterAsDate
                        ? (state.Now + retryAfter).ToString("R", CultureInfo.InvariantCulture)
                        : ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await module.WriteRateLimitedAsync(context).ConfigureAwait(false);
                record.ResponseStatus = 429;
                return true;
            case EmulatorFaultKind.Delay:
                await Task.Delay(fault.Delay ?? TimeSpan.Zero, state.Time, context.RequestAborted).ConfigureAwait(false);
                return false;
            default:
                return false;
        }
    }

    /// <summary>Runs the endpoint with its answer captured, records the answer, then sends it or strikes the fault that follows processing.</summary>
    private static async Task AnswerAsync(HttpContext context, RequestDelegate next, EmulatorModule module, EmulatorFault? fault, RecordedRequest record)
    {
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        var answer = captured.ToArray();
        record.ResponseStatus = context.Response.StatusCode;
        record.ResponseBody = Encoding.UTF8.GetString(answer);
        if (fault is not { AcceptsRequest: true })
        {
            context.Response.ContentLength = answer.Length;
            await original.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await StrikeAfterAsync(context, module, fault.Kind, answer, record).ConfigureAwait(false);
    }

    /// <summary>Strikes a fault after the request was processed, and records the status the client saw (0: none).</summary>
    private static async Task StrikeAfterAsync(HttpContext context, EmulatorModule module, EmulatorFaultKind kind, byte[] answer, RecordedRequest record)
    {
        var response = context.Response;
        switch (kind)
        {
            case EmulatorFaultKind.ServerError:
                response.StatusCode = 500;
                response.ContentLength = null;
                await module.WriteServerErrorAsync(context).ConfigureAwait(false);
                record.ResponseStatus = 500;
                break;
            case EmulatorFaultKind.Malformed:
                response.StatusCode = 200;
                response.ContentLength = Garbage.Length;
                await response.Body.WriteAsync(Garbage, context.RequestAborted).ConfigureAwait(false);
                record.ResponseStatus = 200;
                break;
            case EmulatorFaultKind.Truncated:
                await TruncateAsync(context, answer).ConfigureAwait(false);
                record.ResponseStatus = 0;
                break;
            case EmulatorFaultKind.Empty:
                response.StatusCode = 200;
                response.ContentLength = 0;
                record.ResponseStatus = 200;
                break;
            case EmulatorFaultKind.Reset:
                context.Abort();
                record.ResponseStatus = 0;
                break;
            case EmulatorFaultKind.Hang:
                record.ResponseStatus = 0;
                await HangAsync(context).ConfigureAwait(false);
                break;
        }
    }

    private static async Task TruncateAsync(HttpContext context, byte[] answer)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer.AsMemory(0, answer.Length / 2), context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);

        // A reset discards what the client has not read yet: give it a moment to read the headers and the half body
        // first, so it sees a truncated answer, not a reset before the answer.
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
        context.Abort();
    }

    private static async Task HangAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
