using System.Text.Json.Serialization;
using ViberMessaging.Http;

namespace ViberMessaging.Tests.Http;

public sealed partial class PooledJsonContentTests
{
    [Fact]
    public async Task Content_HasExactLengthAndUtf8JsonAndIsResendable()
    {
        using var sut = new PooledJsonContent<Payload>(new Payload("Привіт", 9_007_199_254_740_993), PayloadContext.Default.Payload);

        var first = await sut.ReadAsStringAsync();
        var second = await sut.ReadAsStringAsync();

        Assert.Equal("{\"text\":\"Привіт\",\"id\":9007199254740993}", first);
        Assert.Equal(first, second);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(first), sut.Headers.ContentLength);
        Assert.Equal("application/json", sut.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", sut.Headers.ContentType.CharSet);
    }

    [Fact]
    public async Task Content_SeveralBodiesOnOneThreadAfterAFailedOne_EachIsWhole()
    {
        // The thread's JSON writer is reused body after body; a serialisation that threw must not leak into the next.
        using var failing = new PooledJsonContent<Payload>(new Payload(null!, 1), ThrowingContext.Default.Payload);
        Assert.ThrowsAny<Exception>(() => failing.Headers.ContentLength);

        using var first = new PooledJsonContent<Payload>(new Payload("a", 1), PayloadContext.Default.Payload);
        using var second = new PooledJsonContent<Payload>(new Payload("b", 2), PayloadContext.Default.Payload);

        Assert.Equal("{\"text\":\"a\",\"id\":1}", await first.ReadAsStringAsync());
        Assert.Equal("{\"text\":\"b\",\"id\":2}", await second.ReadAsStringAsync());
    }

    [Fact]
    public async Task CopyToAsync_AfterTrackWith_ReportsTheWriteToTheLatestTracker()
    {
        using var sut = new PooledJsonContent<Payload>(new Payload("a", 1), PayloadContext.Default.Payload);
        var earlier = new WriteTracker();
        var tracker = new WriteTracker();
        var reported = 0;
        tracker.OnWritten(() => reported++);
        sut.TrackWith(earlier);
        sut.TrackWith(tracker);
        Assert.False(tracker.Started);

        using var sink = new MemoryStream();
        await sut.CopyToAsync(sink);

        Assert.Equal("{\"text\":\"a\",\"id\":1}", System.Text.Encoding.UTF8.GetString(sink.ToArray()));
        Assert.True(tracker.Started);
        Assert.Equal(1, reported);
        Assert.False(earlier.Started);
    }

    private sealed class ThrowingConverter : JsonConverter<Payload>
    {
        public override Payload Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
            => throw new NotSupportedException();

        public override void Write(System.Text.Json.Utf8JsonWriter writer, Payload value, System.Text.Json.JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("half");
            throw new InvalidOperationException("fails mid-body");
        }
    }

    [JsonSourceGenerationOptions(Converters = [typeof(ThrowingConverter)])]
    [JsonSerializable(typeof(Payload))]
    internal sealed partial class ThrowingContext : JsonSerializerContext;

    internal sealed record Payload([property: JsonPropertyName("text")] string Text, [property: JsonPropertyName("id")] long Id);

    [JsonSerializable(typeof(Payload))]
    internal sealed partial class PayloadContext : JsonSerializerContext;
}
