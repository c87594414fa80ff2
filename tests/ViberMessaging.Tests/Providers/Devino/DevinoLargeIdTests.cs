using System.Net;
using ViberMessaging.Tests.Reliability;
using static ViberMessaging.Tests.Reliability.LargeIds;

namespace ViberMessaging.Tests.Providers.Devino;

/// <summary>Devino's ids at the edges of 64 bits, as numbers and as strings, through every mapping (<see cref="LargeIds"/>).</summary>
public sealed class DevinoLargeIdTests
{
    [Theory]
    [MemberData(nameof(LargeIds.Ids), MemberType = typeof(LargeIds))]
    public async Task IdsAtTheEdgesOf64Bits_RoundTripExactlyWithSmsPartIds(string id, bool asString)
    {
        await using var transport = StubbedTransport.Create();
        var provider = ReliabilityProviders.Get(ViberProviders.Devino);
        transport.Respond(HttpStatusCode.OK, $$$"""{"status":"ok","messages":[{"providerId":{{{Json(id, asString)}}},"code":"ok"}]}""");
        var sent = Assert.Single((await transport.Sender(provider.Name).SendAsync(provider.Message("Hello"))).Recipients);

        var messageId = RoundTrip(sent.MessageId, provider.Name, id);
        transport.Respond(HttpStatusCode.OK, $$$"""{"status":"ok","messages":[{"providerId":{{{Json(id, !asString)}}},"code":"ok","status":"undelivered","smsStates":[{"id":{{{Json(id, asString)}}},"status":"delivered"}]}]}""");
        var report = Assert.Single(await transport.StatusQuery(provider.Name).GetStatusesAsync([messageId]));

        Assert.Contains($$$"""{"messages":[{{{id}}}]}""", transport.Requests.Last().Body, StringComparison.Ordinal);
        Assert.Equal((messageId, DeliveryStatus.Delivered), (report.MessageId, report.Status));
        Assert.Equal([id], report.SmsPartIds);
    }
}
