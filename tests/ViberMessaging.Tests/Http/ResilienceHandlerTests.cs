using System.Net;
using System.Net.Http.Headers;
using ViberMessaging.Http;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Http;

/// <summary>Which failures the SDK retries, and which it surfaces as an unknown outcome: the pacing-notes retry table.</summary>
public sealed class ResilienceHandlerTests
{
    private readonly PipelineFactory _factory = new();

    [Theory]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.NameResolutionError)]
    [InlineData(HttpRequestError.SecureConnectionError)]
    public async Task Send_FailsBeforeTheBodyIsWritten_IsRetriedAndSucceeds(HttpRequestError error)
    {
        var stub = new StubHandler((request, attempt) => attempt == 1
            ? throw new HttpRequestException(error, "connect failed")
            : new HttpResponseMessage(HttpStatusCode.OK));
        using var sut = _factory.Create(stub);

        using var response = await sut.SendAsync(PipelineFactory.Send());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Calls);
    }

    [Fact]
    public async Task Send_ConnectionResetAfterTheBodyWasWritten_IsNotRetriedAndOutcomeIsUnknown()
    {
        var stub = new StubHandler((request, _, _) => StubHandler.WriteBodyThenFail(request, new HttpRequestException(HttpRequestError.ResponseEnded, "reset")));
        using var sut = _factory.Create(stub);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(PipelineFactory.Send()));

        Assert.Equal(1, stub.Calls);
        Assert.Equal(ViberErrorCode.OutcomeUnknown, error.ErrorCode);
        Assert.Equal(SendOutcome.Unknown, error.Outcome);
        Assert.Equal("Test", error.ProviderName);
    }

    [Fact]
    public async Task Send_SdkJsonBodyResetAfterItWasWritten_IsNotRetriedAndOutcomeIsUnknown()
    {
        // The SDK's own bodies report their writes themselves (no wrapper): the same rule must hold for them.
        var stub = new StubHandler((request, _, _) => StubHandler.WriteBodyThenFail(request, new HttpRequestException(HttpRequestError.ResponseEnded, "reset")));
        using var sut = _factory.Create(stub);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(SendJson()));

        Assert.Equal(1, stub.Calls);
        Assert.Equal(ViberErrorCode.OutcomeUnknown, error.ErrorCode);
        Assert.Equal(SendOutcome.Unknown, error.Outcome);
    }

    [Fact]
    public async Task Send_SdkJsonBodyFailsBeforeItIsWritten_IsRetriedAndTheRetryIsWritten()
    {
        var written = new List<bool>();
        var stub = new StubHandler((request, attempt, _) =>
        {
            if (attempt == 1)
            {
                written.Add(request.WasWritten());
                throw new HttpRequestException(HttpRequestError.ConnectionError, "connect failed");
            }

            return StubHandler.WriteBodyThenAnswer(request, new HttpResponseMessage(HttpStatusCode.OK));
        });
        using var sut = _factory.Create(stub);
        using var request = SendJson();

        using var response = await sut.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Calls);
        Assert.Equal([false], written);
        Assert.True(request.WasWritten());
        Assert.IsType<PooledJsonContent<PooledJsonContentTests.Payload>>(request.Content);
    }

    [Fact]
    public async Task Send_IOExceptionAfterWrite_IsNotRetried()
    {
        var stub = new StubHandler((request, _, _) => StubHandler.WriteBodyThenFail(request, new IOException("broken pipe")));
        using var sut = _factory.Create(stub);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(PipelineFactory.Send()));

        Assert.Equal(1, stub.Calls);
        Assert.Equal(ViberErrorCode.OutcomeUnknown, error.ErrorCode);
    }

    [Fact]
    public async Task Send_ServerError_IsNotRetriedAndTheAnswerGoesToTheAdapter()
    {
        var stub = new StubHandler((request, _, _) => StubHandler.WriteBodyThenAnswer(request, new HttpResponseMessage(HttpStatusCode.InternalServerError)));
        using var sut = _factory.Create(stub);

        using var response = await sut.SendAsync(PipelineFactory.Send());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(1, stub.Calls);
    }

    [Theory]
    [InlineData("{\"successfulRequest\":{\"requestData\":{\"57")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("")]
    public async Task Status_CorruptedOkBodyThenAGoodOne_IsRetried(string corrupted)
    {
        // A read is idempotent: an answer cut short by a proxy, or a proxy's page, is asked again.
        var stub = new StubHandler((request, attempt, _) => StubHandler.WriteBodyThenAnswer(
            request, new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(attempt == 1 ? corrupted : "{\"ok\":true}") }));
        using var sut = _factory.Create(stub);

        using var response = await sut.SendAsync(PipelineFactory.Status());

        Assert.Equal("{\"ok\":true}", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, stub.Calls);
    }

    [Fact]
    public async Task Status_CorruptedOkBodyEveryTime_ReturnsTheLastAnswerAfterTheRetries()
    {
        var stub = new StubHandler((request, _, _) => StubHandler.WriteBodyThenAnswer(
            request, new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"truncated\":") }));
        using var sut = _factory.Create(stub);

        using var response = await sut.SendAsync(PipelineFactory.Status());

        Assert.Equal("{\"truncated\":", await response.Content.ReadAsStringAsync());
        Assert.Equal(1 + _factory.Resilience.MaxRetryAttempts, stub.Calls);
    }

    [Fact]
    public async Task Send_CorruptedOkBody_IsNeverRetried()
    {
        // The provider accepted the send: asking again would send it twice.
        var stub = new StubHandler((request, _, _) => StubHandler.WriteBodyThenAnswer(
            request, new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"messages\":[{\"id\":") }));
        using var sut = _factory.Create(stub);

        using var response = await sut.SendAsync(PipelineFactory.Send());

        Assert.Equal(1, stub.Calls);
    }

    [Fact]
    public async Task Status_ServerErrorThenOk_IsRetried()
    {
        var stub = new StubHandler((request, attempt, _) => StubHandler.WriteBodyThenAnswer(
            request, new HttpResponseMessage(attempt == 1 ? HttpStatusCode.BadGateway : HttpStatusCode.OK) { Content = new StringContent("{}") }));
        using var sut = _factory.Create(stub);

        using var response = await sut.SendAsync(PipelineFactory.Status());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Calls);
    }

    [Fact]
    public async Task Status_ResetAfterWrite_IsRetried()
    {
        var stub = new StubHandler((request, attempt, _) => attempt == 1
            ? StubHandler.WriteBodyThenFail(request, new HttpRequestException(HttpRequestError.ResponseEnded, "reset"))
            : StubHandler.WriteBodyThenAnswer(request, new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") }));
        using var sut = _factory.Create(stub);

        using var response = await sut.SendAsync(PipelineFactory.Status());

        Assert.Equal(2, stub.Calls);
    }

    [Fact]
    public async Task Status_FailsEveryAttempt_StopsAfterMaxRetriesWithATypedError()
    {
        _factory.Resilience.CircuitBreakerEnabled = false;
        var stub = new StubHandler((request, _, _) => StubHandler.WriteBodyThenFail(request, new IOException("reset")));
        using var sut = _factory.Create(stub);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(PipelineFactory.Status()));

        Assert.Equal(1 + _factory.Resilience.MaxRetryAttempts, stub.Calls);
        Assert.Equal(ViberErrorCode.Network, error.ErrorCode);
    }

    [Fact]
    public async Task Send_429WithRetryAfterSeconds_WaitsThatLongThenRetries()
    {
        var stub = new StubHandler((request, attempt) => attempt == 1 ? RateLimited(TimeSpan.FromSeconds(3)) : new HttpResponseMessage(HttpStatusCode.OK));
        using var sut = _factory.Create(stub);

        var sending = sut.SendAsync(PipelineFactory.Send());
        await WaitUntil(() => stub.Calls == 1 && _factory.Time.ArmedTimers > 0);
        var armed = _factory.Time.ArmedTimers;
        _factory.Time.Advance(TimeSpan.FromMilliseconds(2999));
        var armedBeforeTheWaitEnds = _factory.Time.ArmedTimers; // due timers fire inside Advance: a shorter wait is gone
        _factory.Time.Advance(TimeSpan.FromMilliseconds(1));

        using var response = await sending;
        Assert.Equal(armed, armedBeforeTheWaitEnds);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Calls);
    }

    [Fact]
    public async Task Send_429WithRetryAfterHttpDate_WaitsUntilThatDate()
    {
        var until = _factory.Time.GetUtcNow().AddSeconds(5);
        var stub = new StubHandler((request, attempt) =>
        {
            if (attempt > 1)
            {
                return new HttpResponseMessage(HttpStatusCode.OK);
            }

            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new RetryConditionHeaderValue(until);
            return response;
        });
        using var sut = _factory.Create(stub);

        var sending = sut.SendAsync(PipelineFactory.Send());
        await WaitUntil(() => stub.Calls == 1 && _factory.Time.ArmedTimers > 0);
        var armed = _factory.Time.ArmedTimers;
        _factory.Time.Advance(TimeSpan.FromSeconds(4));
        var armedBeforeTheWaitEnds = _factory.Time.ArmedTimers;
        _factory.Time.Advance(TimeSpan.FromSeconds(1));

        using var response = await sending;
        Assert.Equal(armed, armedBeforeTheWaitEnds);
        Assert.Equal(2, stub.Calls);
    }

    [Fact]
    public async Task Send_429WithRetryAfterBeyondTheCap_ReturnsThe429WithoutWaiting()
    {
        _factory.Resilience.MaxRetryAfter = TimeSpan.FromSeconds(10);
        var stub = new StubHandler((request, _) => RateLimited(TimeSpan.FromMinutes(5)));
        using var sut = _factory.Create(stub);
        using var request = PipelineFactory.Send();

        using var response = await sut.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, stub.Calls);
        Assert.True(request.TryGetRateLimited(out var signal));
        Assert.Equal(TimeSpan.FromMinutes(5), signal.RetryAfter);
    }

    [Fact]
    public async Task Send_Many429s_NeverOpenTheCircuit()
    {
        var stub = new StubHandler((request, attempt) => attempt % 2 == 1 ? RateLimited(TimeSpan.Zero) : new HttpResponseMessage(HttpStatusCode.OK));
        using var sut = _factory.Create(stub);

        for (var i = 0; i < 20; i++)
        {
            using var response = await sut.SendAsync(PipelineFactory.Send());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(40, stub.Calls);
    }

    [Fact]
    public async Task CircuitOpenedByServerErrors_FailsTheNextSendWithoutANetworkCall()
    {
        var stub = new StubHandler((request, _, _) => StubHandler.WriteBodyThenAnswer(request, new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));
        using var sut = _factory.Create(stub);
        for (var i = 0; i < 4; i++)
        {
            using var response = await sut.SendAsync(PipelineFactory.Send());
        }

        var calls = stub.Calls;
        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(PipelineFactory.Send()));

        Assert.Equal(ViberErrorCode.CircuitOpen, error.ErrorCode);
        Assert.Equal(SendOutcome.NotSent, error.Outcome);
        Assert.Equal(calls, stub.Calls);
    }

    [Fact]
    public async Task Send_AttemptTimesOutAfterTheBodyWasWritten_OutcomeUnknownAndNotRetried()
    {
        _factory.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
        var stub = new StubHandler(async (request, _, token) =>
        {
            await request.Content!.CopyToAsync(Stream.Null, token);
            await Task.Delay(Timeout.InfiniteTimeSpan, _factory.Time, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var sut = _factory.Create(stub);

        var sending = sut.SendAsync(PipelineFactory.Send());
        await WaitUntil(() => stub.Calls == 1);
        _factory.Time.Advance(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sending);

        Assert.Equal(ViberErrorCode.OutcomeUnknown, error.ErrorCode);
        Assert.Equal(1, stub.Calls);
    }

    [Fact]
    public async Task Send_AttemptTimesOutBeforeTheBodyWasWritten_IsRetried()
    {
        _factory.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
        var stub = new StubHandler(async (request, attempt, token) =>
        {
            if (attempt == 1)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, _factory.Time, token);
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var sut = _factory.Create(stub);

        var sending = sut.SendAsync(PipelineFactory.Send());
        await WaitUntil(() => stub.Calls == 1);
        _factory.Time.Advance(TimeSpan.FromSeconds(5));

        using var response = await sending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Calls);
    }

    [Fact]
    public async Task Send_CallerCancelsMidFlight_ThrowsOperationCanceledAndDoesNotRetry()
    {
        using var cancel = new CancellationTokenSource();
        var stub = new StubHandler(async (request, _, token) =>
        {
            await request.Content!.CopyToAsync(Stream.Null, token);
            await cancel.CancelAsync();
            token.ThrowIfCancellationRequested();
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var sut = _factory.Create(stub);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.SendAsync(PipelineFactory.Send(), cancel.Token));
        Assert.Equal(1, stub.Calls);
    }

    [Fact]
    public async Task Send_NeverAsksForExpectContinue()
    {
        bool? expectContinue = null;
        var stub = new StubHandler((request, _) =>
        {
            expectContinue = request.Headers.ExpectContinue;
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var sut = _factory.Create(stub);
        using var request = PipelineFactory.Send();
        request.Headers.ExpectContinue = true;

        using var response = await sut.SendAsync(request);

        Assert.False(expectContinue);
    }

    [Fact]
    public async Task Send_NotAskingForExpectContinue_SendsNoExpectHeader()
    {
        var expect = -1;
        var stub = new StubHandler((request, _) =>
        {
            expect = request.Headers.Expect.Count;
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var sut = _factory.Create(stub);
        using var request = PipelineFactory.Send();

        using var response = await sut.SendAsync(request);

        Assert.Equal(0, expect);
        Assert.NotEqual(true, request.Headers.ExpectContinue);
    }

    [Fact]
    public async Task EveryAttempt_TakesItsOwnPacingPermit()
    {
        var stub = new StubHandler((request, attempt) => attempt < 3 ? RateLimited(TimeSpan.Zero) : new HttpResponseMessage(HttpStatusCode.OK));
        using var sut = _factory.Create(stub, pacing: true);

        var sending = sut.SendAsync(PipelineFactory.Send());
        await WaitUntil(() =>
        {
            _factory.Time.Advance(TimeSpan.FromMilliseconds(200));
            return sending.IsCompleted;
        });

        using var response = await sending;
        Assert.Equal(3, stub.Calls);
        Assert.Equal(3, _factory.Gate!.GetStatistics()!.TotalSuccessfulLeases);
    }

    private static HttpRequestMessage SendJson() => ViberRequestOptions.Create(
        HttpMethod.Post,
        "send",
        new PooledJsonContent<PooledJsonContentTests.Payload>(new("380989361121", 1), PooledJsonContentTests.PayloadContext.Default.Payload),
        "send",
        idempotent: false);

    private static HttpResponseMessage RateLimited(TimeSpan retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(retryAfter);
        return response;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
#pragma warning disable RS0030 // Polls for an event with a deadline: it never asserts that time passed or that nothing happened.
            await Task.Delay(10);
#pragma warning restore RS0030
        }

        Assert.True(condition());
    }
}
