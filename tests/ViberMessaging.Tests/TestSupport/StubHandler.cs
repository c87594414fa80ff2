namespace ViberMessaging.Tests.TestSupport;

/// <summary>An HTTP handler that answers with a function and records every attempt.</summary>
public sealed class StubHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private int _calls;

    public StubHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond)
        : this((request, attempt, _) => Task.FromResult(respond(request, attempt)))
    {
    }

    public int Calls => Volatile.Read(ref _calls);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _calls);
        return await respond(request, attempt, cancellationToken);
    }

    /// <summary>Writes the body (as the transport does), then fails: the request left, the outcome is unknown.</summary>
    public static async Task<HttpResponseMessage> WriteBodyThenFail(HttpRequestMessage request, Exception failure)
    {
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null);
        }

        throw failure;
    }

    /// <summary>Writes the body, then answers.</summary>
    public static async Task<HttpResponseMessage> WriteBodyThenAnswer(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null);
        }

        response.RequestMessage ??= request;
        return response;
    }
}
