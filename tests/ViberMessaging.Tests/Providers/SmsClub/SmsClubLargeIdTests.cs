using System.Net;
using ViberMessaging.Tests.Reliability;
using static ViberMessaging.Tests.Reliability.LargeIds;

namespace ViberMessaging.Tests.Providers.SmsClub;

/// <summary>SmsClub's ids at the edges of 64 bits, as numbers and as strings, through every mapping (<see cref="LargeIds"/>).</summary>
public sealed class SmsClubLargeIdTests
{
    [Theory]
    [MemberData(nameof(LargeIds.Ids), MemberType = typeof(LargeIds))]
    public async Task IdsAtTheEdgesOf64Bits_RoundTripExactlyThroughSendStatusAndChat(string id, bool asString)
    {
        await using var transport = StubbedTransport.Create();
        var provider = ReliabilityProviders.Get(ViberProviders.SmsClub);
        var json = Json(id, asString);
        transport.Respond(HttpStatusCode.OK, """{"successfulRequest":{"requestData":{"messages":[{"number":"380989361121","id":""" + json + ""","chat_id":""" + json + "}]}}}");
        var sent = Assert.Single((await transport.Sender(provider.Name).SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [provider.Recipient], Text = "Hello", TwoWay = TwoWayOptions.OpenChat })).Recipients);

        var messageId = RoundTrip(sent.MessageId, provider.Name, id);
        transport.Respond(HttpStatusCode.OK, """{"successfulRequest":{"requestData":{""" + $"\"{id}\"" + """:{"status":"Delivered"}}}}""");
        var report = Assert.Single(await transport.StatusQuery(provider.Name).GetStatusesAsync([messageId]));

        Assert.Equal(id, sent.ChatId);
        Assert.Contains($$$"""{"messageIds":["{{{id}}}"]}""", transport.Requests.Last().Body, StringComparison.Ordinal);
        Assert.Equal((messageId, DeliveryStatus.Delivered), (report.MessageId, report.Status));
    }
}
