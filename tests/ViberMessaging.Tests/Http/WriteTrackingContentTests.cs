using System.Net.Http.Headers;
using System.Text;
using ViberMessaging.Http;

namespace ViberMessaging.Tests.Http;

public sealed class WriteTrackingContentTests
{
    [Fact]
    public void Constructor_ContentTypeOnly_SharesTheParsedValue()
    {
        using var inner = new StringContent("{}", Encoding.UTF8, "application/json");

        using var sut = new WriteTrackingContent(inner, new WriteTracker());

        Assert.Same(inner.Headers.ContentType, sut.Headers.ContentType);
        Assert.Equal(2, sut.Headers.ContentLength);
    }

    [Fact]
    public void Constructor_OtherHeaders_AreCopiedButContentLengthIsComputed()
    {
        using var inner = new FormUrlEncodedContent([new("a", "b")]);
        inner.Headers.ContentLanguage.Add("uk");
        inner.Headers.TryAddWithoutValidation("X-Odd", "kept as written;;");

        using var sut = new WriteTrackingContent(inner, new WriteTracker());

        Assert.Equal(new MediaTypeHeaderValue("application/x-www-form-urlencoded"), sut.Headers.ContentType);
        Assert.Equal(["uk"], sut.Headers.ContentLanguage);
        Assert.Equal("kept as written;;", Assert.Single(sut.Headers.NonValidated["X-Odd"]));
        Assert.Equal(3, sut.Headers.ContentLength);
    }

    [Fact]
    public async Task CopyToAsync_WritesTheInnerBodyAndReportsTheWrite()
    {
        using var inner = new StringContent("hello");
        var tracker = new WriteTracker();
        var reported = 0;
        tracker.OnWritten(() => reported++);
        using var sut = new WriteTrackingContent(inner, tracker);
        using var sink = new MemoryStream();

        await sut.CopyToAsync(sink);

        Assert.Equal("hello", Encoding.UTF8.GetString(sink.ToArray()));
        Assert.True(tracker.Started);
        Assert.Equal(1, reported);
    }
}
