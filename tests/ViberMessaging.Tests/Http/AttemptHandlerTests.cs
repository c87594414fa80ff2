using System.Net;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Http;

public sealed class AttemptHandlerTests
{
    private readonly PipelineFactory _factory = new() { MaxResponseBytes = 4096 };

    [Fact]
    public async Task Response_WithinTheLimit_IsBufferedWhole()
    {
        var stub = new StubHandler((request, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(new string('x', 4000)) });
        using var sut = _factory.Create(stub);

        using var response = await sut.SendAsync(PipelineFactory.Status());

        Assert.Equal(4000, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Response_ContentHeaders_AreKeptAsReceived()
    {
        var stub = new StubHandler((request, _) =>
        {
            var content = new ByteArrayContent("{}"u8.ToArray());
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            content.Headers.TryAddWithoutValidation("Content-Language", "uk");
            content.Headers.TryAddWithoutValidation("X-Odd", "not parsed: ;;");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        using var sut = _factory.Create(stub);

        using var response = await sut.SendAsync(PipelineFactory.Status());

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal(["uk"], response.Content.Headers.ContentLanguage);
        Assert.Equal("not parsed: ;;", Assert.Single(response.Content.Headers.NonValidated["X-Odd"]));
        Assert.Equal(2, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Status_DeclaredLengthOverTheLimit_FailsMalformedWithoutReading()
    {
        var body = new CountingStream(10_000_000);
        var stub = new StubHandler((request, _) =>
        {
            var content = new StreamContent(body);
            content.Headers.ContentLength = body.Length;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        using var sut = _factory.Create(stub);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(PipelineFactory.Status()));

        Assert.Equal(ViberErrorCode.MalformedResponse, error.ErrorCode);
        Assert.Equal(0, body.BytesRead);
        Assert.Equal(1, stub.Calls);
    }

    [Fact]
    public async Task Send_UndeclaredBodyOverTheLimitAt200_StopsReadingAndReportsAnUnknownOutcome()
    {
        var body = new CountingStream(10_000_000);
        var stub = new StubHandler((request, _, _) => StubHandler.WriteBodyThenAnswer(request, new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) }));
        using var sut = _factory.Create(stub);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(PipelineFactory.Send()));

        Assert.Equal(ViberErrorCode.OutcomeUnknown, error.ErrorCode);
        Assert.Equal(SendOutcome.Accepted, error.Outcome);
        Assert.InRange(body.BytesRead, 4097, 64 * 1024);
    }

    [Fact]
    public async Task Status_BodyCutOffMidway_IsRetried()
    {
        var stub = new StubHandler((request, attempt) => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = attempt == 1 ? new StreamContent(new FailingStream()) : new StringContent("{}"),
        });
        using var sut = _factory.Create(stub);

        using var response = await sut.SendAsync(PipelineFactory.Status());

        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, stub.Calls);
    }

    /// <summary>An endless body that counts what was read from it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class FailingStream : Stream
    {
        private bool _gaveSome;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_gaveSome)
            {
                throw new IOException("connection reset");
            }

            _gaveSome = true;
            buffer[offset] = (byte)'{';
            return 1;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
