using System.Net;
using Microsoft.Extensions.Time.Testing;
using ViberMessaging.Http;
using ViberMessaging.Internal;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Http;

public sealed class ProviderTransportTests
{
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
}
