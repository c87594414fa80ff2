using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.Http;
using ViberMessaging.Internal;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Http;

public sealed class ProviderTransportTests
{
    private static readonly JsonTypeInfo<Answer> AnswerType = (JsonTypeInfo<Answer>)new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() }.GetTypeInfo(typeof(Answer));

    [Fact]
    public async Task SendAsync_ManyRequests_ReuseOneClientFromTheFactory()
    {
        var (sut, factory, _) = CreateSut();

        for (var i = 0; i < 5; i++)
        {
            using var response = await sut.SendAsync(Request(), CancellationToken.None);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, factory.Created);
    }

    [Fact]
    public async Task SendAsync_RelativePath_GoesToTheBaseAddressAndReusesOneUriPerPath()
    {
        var (sut, _, _) = CreateSut();
        using var first = Request();
        using var second = Request();
        using var other = ViberRequestOptions.Create(HttpMethod.Post, "status?id=1", content: null, "status", idempotent: true);

        using (await sut.SendAsync(first, CancellationToken.None))
        using (await sut.SendAsync(second, CancellationToken.None))
        using (await sut.SendAsync(other, CancellationToken.None))
        {
        }

        Assert.Equal(new Uri("https://provider.example/send"), first.RequestUri);
        Assert.Same(first.RequestUri, second.RequestUri);
        Assert.Equal(new Uri("https://provider.example/status?id=1"), other.RequestUri);
    }

    [Fact]
    public async Task SendAsync_AfterTheClientLifetime_TakesAFreshClientSoHandlersStillRotate()
    {
        var (sut, factory, time) = CreateSut();
        using (await sut.SendAsync(Request(), CancellationToken.None))
        {
        }

        time.Advance(ProviderTransport.ClientLifetime - TimeSpan.FromSeconds(1));
        using (await sut.SendAsync(Request(), CancellationToken.None))
        {
        }

        Assert.Equal(1, factory.Created);
        time.Advance(TimeSpan.FromSeconds(1));
        using (await sut.SendAsync(Request(), CancellationToken.None))
        {
        }

        Assert.Equal(2, factory.Created);
    }

    [Fact]
    public async Task SendAsync_ShortHandlerLifetimeConfigured_ReusesAClientForHalfOfIt()
    {
        // A user who rotates handlers every 2 s (DNS changes, say) must still get that rotation.
        var (sut, factory, time) = CreateSut(handlerLifetime: TimeSpan.FromSeconds(2));
        using (await sut.SendAsync(Request(), CancellationToken.None))
        {
        }

        time.Advance(TimeSpan.FromMilliseconds(999));
        using (await sut.SendAsync(Request(), CancellationToken.None))
        {
        }

        Assert.Equal(1, factory.Created);
        time.Advance(TimeSpan.FromMilliseconds(1));
        using (await sut.SendAsync(Request(), CancellationToken.None))
        {
        }

        Assert.Equal(2, factory.Created);
    }

    [Theory]
    [InlineData(null, 60_000)]
    [InlineData(-1, 60_000)]
    [InlineData(600_000, 60_000)]
    [InlineData(120_000, 60_000)]
    [InlineData(10_000, 5_000)]
    public void ReuseFor_HandlerLifetime_IsHalfOfItCappedAtAMinute(int? handlerLifetimeMs, int expectedMs)
    {
        var lifetime = handlerLifetimeMs is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), ProviderTransport.ReuseFor(lifetime));
    }

    [Fact]
    public async Task CallAsync_Answer_IsMappedWithTheCallersState()
    {
        var sut = CallSut("""{"id":"42"}""");

        var result = await sut.CallAsync(Request(), AnswerType, "Test", static (_, answer, provider) => $"{provider}:{answer.Id}", refused: null, CancellationToken.None);

        Assert.Equal("Test:42", result);
    }

    [Fact]
    public async Task CallAsync_ProviderErrorAndNoRefusalHandler_ThrowsTheParsedError()
    {
        var sut = CallSut("""{"error":"bad number"}""");

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.CallAsync(Request(), AnswerType, 0, static (_, answer, _) => answer.Id, refused: null, CancellationToken.None));

        Assert.Equal((ViberErrorCode.InvalidRecipients, "bad number", SendOutcome.NotSent), (error.ErrorCode, error.ProviderErrorCode, error.Outcome));
    }

    [Fact]
    public async Task CallAsync_ProviderErrorWithARefusalHandler_BecomesTheHandlersResult()
    {
        var sut = CallSut("""{"error":"bad number"}""");

        var result = await sut.CallAsync(Request(), AnswerType, 0, static (_, answer, _) => answer.Id, static (_, error, _) => "rejected: " + error.ProviderCode, CancellationToken.None);

        Assert.Equal("rejected: bad number", result);
    }

    [Fact]
    public async Task CallAsync_MapperCannotReadTheAnswerOfASend_ThrowsOutcomeUnknownBecauseItWasAccepted()
    {
        var sut = CallSut("""{"id":"42"}""");

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.CallAsync<Answer, int, string>(
            Request(), AnswerType, 0, static (_, _, _) => throw new JsonException("no id"), refused: null, CancellationToken.None));

        Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Accepted), (error.ErrorCode, error.Outcome));
    }

    /// <summary>A transport whose provider answers <paramref name="body"/> (HTTP 200) and whose errors are <c>{"error": …}</c>.</summary>
    private static ProviderTransport CallSut(string body)
        => new("Test", "ViberMessaging.Test", new AnsweringFactory(body), SecretRedactor.None, TestClock.Create(), errorParser: ParseError);

    private static bool ParseError(ProviderResponse response, object? answer, [NotNullWhen(true)] out ProviderError? error)
    {
        error = answer is Answer { Error: { } text } ? new ProviderError(ViberErrorCode.InvalidRecipients, "The provider refused the number.") { ProviderCode = text } : null;
        return error is not null;
    }

    private static HttpRequestMessage Request() => ViberRequestOptions.Create(HttpMethod.Post, "send", content: null, "send", idempotent: false);

    private static (ProviderTransport Sut, CountingFactory Factory, FakeTimeProvider Time) CreateSut(TimeSpan? handlerLifetime = null)
    {
        var time = TestClock.Create();
        var factory = new CountingFactory();
        return (new ProviderTransport("Test", "ViberMessaging.Test", factory, SecretRedactor.None, time, handlerLifetime), factory, time);
    }

    private sealed class CountingFactory : IHttpClientFactory
    {
        private int _created;

        public int Created => Volatile.Read(ref _created);

        public HttpClient CreateClient(string name)
        {
            Interlocked.Increment(ref _created);
            var handler = new StubHandler((request, _) => new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request });
            return new HttpClient(handler) { BaseAddress = new Uri("https://provider.example/") };
        }
    }

    public sealed record Answer(string? Id, string? Error);

    private sealed class AnsweringFactory(string body) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new Answering(body)) { BaseAddress = new Uri("https://provider.example/") };
    }

    /// <summary>Answers as the pipeline's attempt handler hands an answer on: its body buffered.</summary>
    private sealed class Answering(string body) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request };
            response.Content = await BufferedContent.ReadAsync(response, request, "Test", 1 << 20, cancellationToken);
            return response;
        }
    }
}
