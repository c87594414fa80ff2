using System.Net;
using System.Text;
using ViberMessaging.DecisionTelecom;
using ViberMessaging.SmsBy;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Ids at the edges of 64 bits — 2^53 + 1 (the first integer a double cannot hold) and 2^63 − 1 — through every
/// provider mapping, as JSON numbers and as strings: send answer → <see cref="MessageId"/> → its text form and back →
/// the status request on the wire → the status answer → the report.
/// </summary>
public sealed class LargeIdTests
{
    public static TheoryData<string, bool> Ids => new()
    {
        { "9007199254740993", false },
        { "9007199254740993", true },
        { "9223372036854775807", false },
        { "9223372036854775807", true },
    };

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task SmsClub_IdsAtTheEdgesOf64Bits_RoundTripExactlyThroughSendStatusAndChat(string id, bool asString)
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

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Devino_IdsAtTheEdgesOf64Bits_RoundTripExactlyWithSmsPartIds(string id, bool asString)
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

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task DecisionTelecom_IdsAtTheEdgesOf64Bits_RoundTripExactlyThroughStatusAndCallbacks(string id, bool asString)
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

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task SmsBy_IdsAtTheEdgesOf64Bits_RoundTripExactlyAsQuickAndMailingIds(string id, bool asString)
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

    private static string Json(string id, bool asString) => asString ? $"\"{id}\"" : id;

    /// <summary>The id as returned, then through its text form (what callers store) and back.</summary>
    private static MessageId RoundTrip(MessageId? returned, string provider, string expectedValue)
    {
        var id = Assert.NotNull(returned);
        Assert.Equal((provider, expectedValue), (id.Provider, id.Value));
        var parsed = MessageId.Parse(id.ToString());
        Assert.Equal(id, parsed);
        Assert.Equal(expectedValue, parsed.Value);
        return parsed;
    }
}
