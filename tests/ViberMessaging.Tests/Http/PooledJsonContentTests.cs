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

    internal sealed record Payload([property: JsonPropertyName("text")] string Text, [property: JsonPropertyName("id")] long Id);

    [JsonSerializable(typeof(Payload))]
    internal sealed partial class PayloadContext : JsonSerializerContext;
}
