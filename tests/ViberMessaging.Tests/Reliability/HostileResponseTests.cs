using System.Globalization;
using System.Net;
using System.Text;
using Xunit.Abstractions;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Answers built to exhaust the client — endless bodies, a declared length beyond the limit, JSON nested far deeper
/// than 32 — fail with <see cref="ViberErrorCode.MalformedResponse"/> (for an accepted send:
/// <see cref="ViberErrorCode.OutcomeUnknown"/>, <see cref="SendOutcome.Accepted"/>), and the client stops reading at
/// the limit instead of buffering the rest.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class HostileResponseTests(ITestOutputHelper output)
{
    private const int ReadSlack = 64 * 1024;

    public static TheoryData<string, bool> Calls => ReliabilityProviders.NamesWithBoth;

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Call_EndlessBodyAtTheDefaultLimit_StopsReadingJustPastOneMebibyte(string name, bool send)
    {
        await using var transport = StubbedTransport.Create(o => o.Resilience.MaxRetryAttempts = 0);
        var body = new EndlessStream(Encoding.UTF8.GetBytes("""{"message_id":1,"padding":"""), (byte)' ');
        transport.Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var error = await CallAsync(transport, name, send);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {(send ? "send" : "status")}: read {body.BytesRead:N0} bytes of an endless body, allocated {allocated:N0} bytes"));
        AssertCutOff(error, send);
        Assert.InRange(body.BytesRead, (1024 * 1024) + 1, (1024 * 1024) + ReadSlack);
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Call_EndlessBodyOverAConfiguredLimit_StopsReadingAtThatLimit(string name, bool send)
    {
        await using var transport = StubbedTransport.Create(o =>
        {
            o.MaxResponseBytes = 4096;
            o.Resilience.MaxRetryAttempts = 0;
        });
        var body = new EndlessStream("["u8.ToArray(), (byte)'[');
        transport.Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });

        var error = await CallAsync(transport, name, send);

        AssertCutOff(error, send);
        Assert.InRange(body.BytesRead, 4097, 4096 + ReadSlack);
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Call_DeclaredLengthOverTheLimit_ReadsNothing(string name, bool send)
    {
        await using var transport = StubbedTransport.Create(o => o.Resilience.MaxRetryAttempts = 0);
        var body = new EndlessStream("{"u8.ToArray(), (byte)' ');
        transport.Respond(_ =>
        {
            var content = new StreamContent(body);
            content.Headers.ContentLength = 50L * 1024 * 1024 * 1024;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        var error = await CallAsync(transport, name, send);

        AssertCutOff(error, send);
        Assert.Equal(0, body.BytesRead);
    }

    public static TheoryData<string, bool, int> DeepCalls
    {
        get
        {
            var data = new TheoryData<string, bool, int>();
            foreach (var provider in ReliabilityProviders.All)
            {
                foreach (var depth in new[] { 33, 100_000 })
                {
                    data.Add(provider.Name, true, depth);
                    data.Add(provider.Name, false, depth);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(DeepCalls))]
    public async Task Call_JsonDeeperThan32_IsMalformed(string name, bool send, int depth)
    {
        await using var transport = StubbedTransport.Create(o => o.Resilience.MaxRetryAttempts = 0);
        transport.Respond(HttpStatusCode.OK, Deep(name, depth));

        var error = await CallAsync(transport, name, send);

        AssertCutOff(error, send);
    }

    /// <summary>The nesting sits inside the shape each provider reads (<see cref="ProviderCase.NestedAnswer"/>), so the parser must descend into it.</summary>
    private static string Deep(string provider, int depth)
        => ReliabilityProviders.Get(provider).NestedAnswer(new string('[', depth) + new string(']', depth));

    private static async Task<ViberMessagingException> CallAsync(StubbedTransport transport, string name, bool send)
    {
        var provider = ReliabilityProviders.Get(name);
        Task call = send
            ? transport.Sender(name).SendAsync(provider.Message("Hello"))
            : transport.StatusQuery(name).GetStatusesAsync([new MessageId(name, provider.StatusId("5769"))]);
        return await Assert.ThrowsAsync<ViberMessagingException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static void AssertCutOff(ViberMessagingException error, bool send)
    {
        if (send)
        {
            Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Accepted), (error.ErrorCode, error.Outcome));
        }
        else
        {
            Assert.Equal(ViberErrorCode.MalformedResponse, error.ErrorCode);
        }

        Assert.True(error.ResponseBody is null || error.ResponseBody.Length <= 4100, "The error keeps a few kilobytes of the body at most.");
    }

    /// <summary>A body that never ends: a prefix, then one byte forever. Counts what was read from it.</summary>
    private sealed class EndlessStream(byte[] prefix, byte filler) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = BytesRead + i < prefix.Length ? prefix[BytesRead + i] : filler;
            }

            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
