using System.Net;
using ViberMessaging.SmsBy;
using ViberMessaging.Tests.Reliability;
using static ViberMessaging.Tests.Reliability.LargeIds;

namespace ViberMessaging.Tests.Providers.SmsBy;

/// <summary>SmsBy's ids at the edges of 64 bits, as numbers and as strings, through every mapping (<see cref="LargeIds"/>).</summary>
public sealed class SmsByLargeIdTests
{
    [Theory]
    [MemberData(nameof(LargeIds.Ids), MemberType = typeof(LargeIds))]
    public async Task IdsAtTheEdgesOf64Bits_RoundTripExactlyAsQuickAndMailingIds(string id, bool asString)
    {
        await using var transport = StubbedTransport.Create();
        var provider = ReliabilityProviders.Get(ViberProviders.SmsBy);
        var json = Json(id, asString);
        transport.Respond(HttpStatusCode.OK, $$$"""{"status":"OK","result":{"message_id":{{{json}}}}}""");
        var sent = Assert.Single((await transport.Sender(provider.Name).SendAsync(provider.Message("Hello"))).Recipients);

        var messageId = RoundTrip(sent.MessageId, provider.Name, "quick:" + id);
        transport.Respond(HttpStatusCode.OK, $$$"""{"status":"OK","result":{"phone":"{{{provider.Phone}}}","status":"READ","error_code":0}}""");
        var report = Assert.Single(await transport.StatusQuery(provider.Name).GetStatusesAsync([messageId]));
        var client = transport.Get<ISmsByClient>(provider.Name);
        transport.Respond(HttpStatusCode.OK, $$$"""{"status":"OK","result":[{"delivery_id":{{{json}}},"phone":"{{{provider.Phone}}}","status":"DELIVERED","error_code":0}]}""");
        var delivery = Assert.Single(await client.GetMailingDeliveriesAsync(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)));
        var mailingId = RoundTrip(delivery.MessageId, provider.Name, $"mailing:{id}:{provider.Phone}");
        var again = Assert.Single(await transport.StatusQuery(provider.Name).GetStatusesAsync([mailingId]));

        Assert.Equal((messageId, DeliveryStatus.Read), (report.MessageId, report.Status));
        Assert.Contains($"message_id={id}", transport.Requests.First(r => r.PathAndQuery.Contains("getViberDeliveryData", StringComparison.Ordinal)).Body, StringComparison.Ordinal);
        Assert.Contains($"message_id={id}", transport.Requests.Last().Body, StringComparison.Ordinal);
        Assert.Equal((mailingId, DeliveryStatus.Delivered), (again.MessageId, again.Status));
    }
}
