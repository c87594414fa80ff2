using System.Net;
using System.Text;
using ViberMessaging.DecisionTelecom;
using ViberMessaging.Tests.Reliability;
using static ViberMessaging.Tests.Reliability.LargeIds;

namespace ViberMessaging.Tests.Providers.DecisionTelecom;

/// <summary>DecisionTelecom's ids at the edges of 64 bits, as numbers and as strings, through every mapping (<see cref="LargeIds"/>).</summary>
public sealed class DecisionTelecomLargeIdTests
{
    [Theory]
    [MemberData(nameof(LargeIds.Ids), MemberType = typeof(LargeIds))]
    public async Task IdsAtTheEdgesOf64Bits_RoundTripExactlyThroughStatusAndCallbacks(string id, bool asString)
    {
        await using var transport = StubbedTransport.Create();
        var provider = ReliabilityProviders.Get(ViberProviders.DecisionTelecom);
        var json = Json(id, asString);
        transport.Respond(HttpStatusCode.OK, $$$"""{"message_id":{{{json}}}}""");
        var sent = Assert.Single((await transport.Sender(provider.Name).SendAsync(provider.Message("Hello"))).Recipients);

        var messageId = RoundTrip(sent.MessageId, provider.Name, id);
        var receipt = $$$"""{"message_id":{{{json}}},"status":4,"sms_message_id":{{{json}}},"sms_message_status":2}""";
        transport.Respond(HttpStatusCode.OK, receipt);
        var report = Assert.Single(await transport.StatusQuery(provider.Name).GetStatusesAsync([messageId]));
        var callback = DecisionTelecomCallbacks.ParseStatus(Encoding.UTF8.GetBytes(receipt));
        var reply = DecisionTelecomCallbacks.ParseReply(Encoding.UTF8.GetBytes(
            $$$"""{"message_token":{{{json}}},"phone_number":"380504444444","time":2121212121,"message":{"text":"Yes","tracking_data":"tracking_id:{{{id}}}"}}"""));

        Assert.Equal($$$"""{"message_id":{{{id}}}}""", transport.Requests.Last().Body);
        Assert.Equal((messageId, DeliveryStatus.Delivered, id), (report.MessageId, report.Status, Assert.Single(report.SmsPartIds)));
        Assert.Equal((messageId, id), (callback.MessageId, Assert.Single(callback.SmsPartIds)));
        Assert.Equal((messageId, id), (reply.InReplyTo, reply.ProviderMessageId));
    }
}
