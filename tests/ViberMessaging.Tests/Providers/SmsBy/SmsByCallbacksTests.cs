using System.Text;
using ViberMessaging.SmsBy;

namespace ViberMessaging.Tests.Providers.SmsBy;

/// <summary>SMS.by's asynchronous answer to <c>sendBulkViber</c> (the <c>statusBulkViber</c> array without the uuid), read for the ids of its request.</summary>
public sealed class SmsByCallbacksTests
{
    private const string Uuid = "cc9c8043-8caf-11ef-b035-9e8f47954dec";
    private static readonly TimeSpan Minsk = TimeSpan.FromHours(3);

    /// <summary>The document's <c>statusBulkViber</c> answer: two lists, then two refused ones.</summary>
    private const string Documented = """
        [
            {"message_id":1,"name":"mailing list 1","alphaname_id":123,"success":[
                {"delivery_id":1001,"phone":"375291111111","status":"NEW","status_time":"2024-10-16 22:52:42.497994"},
                {"delivery_id":1002,"phone":"375292222222","status":"NEW","status_time":"2024-10-16 22:52:43.379779"}]},
            {"message_id":2,"name":"mailing list 2","alphaname_id":345,"success":[
                {"delivery_id":1003,"phone":"375293333333","status":"DELIVERED","status_time":"2024-10-16 22:52:44.793377"},
                {"delivery_id":1004,"phone":"375294444444","status":"DELIVERED","status_time":"2024-10-16 22:52:43.008560"}]},
            {"errors":["mailing list 3: Content url is not valid"]},
            {"errors":["mailing list 4: Optimal image size 800x800 px"]}
        ]
        """;

    [Fact]
    public void ParseBulkStatus_DocumentedAnswer_ReportsEachIdOfTheRequest()
    {
        MessageId[] ids =
        [
            Bulk("375291111111", "mailing list 1"),
            Bulk("375293333333", "mailing list 2"),
            Bulk("375295555555", "mailing list 3"),
            Bulk("375296666666", "mailing list 2"),     // not in its list: the body says nothing about it
        ];

        var reports = SmsByCallbacks.ParseBulkStatus(Encoding.UTF8.GetBytes(Documented), ids, Minsk);

        Assert.Equal(3, reports.Count);
        Assert.Equal((ids[0], DeliveryStatus.Pending, "NEW"), (reports[0].MessageId, reports[0].Status, reports[0].RawStatus));
        Assert.Equal(new DateTimeOffset(2024, 10, 16, 22, 52, 42, 497, Minsk).AddTicks(9940), reports[0].StatusAt);
        Assert.Equal((ids[1], DeliveryStatus.Delivered, "DELIVERED"), (reports[1].MessageId, reports[1].Status, reports[1].RawStatus));
        Assert.Equal((ids[2], DeliveryStatus.Rejected, "mailing list 3: Content url is not valid"), (reports[2].MessageId, reports[2].Status, reports[2].ProviderErrorCode));
    }

    [Fact]
    public void ParseBulkStatus_OneListRequestIdsWithoutListName_MatchByPhone()
    {
        var id = new MessageId(ViberProviders.SmsBy, $"bulk:{Uuid}:375291111111");

        var report = Assert.Single(SmsByCallbacks.ParseBulkStatus(Encoding.UTF8.GetBytes(Documented), [id], Minsk));

        Assert.Equal((id, "NEW"), (report.MessageId, report.RawStatus));
        Assert.Equal(Uuid, Assert.IsType<SmsByBulkStatus>(report.RawRepresentation).Uuid);
    }

    [Fact]
    public void ParseBulkStatus_SingleObjectWithNumbersAsStringsAndUnknownFields_IsRead()
    {
        const string body = """{"message_id":"7","name":"Viber","alphaname_id":"101","extra":{"x":1},"success":[{"delivery_id":"9","phone":375291111111,"status":"READ","status_time":"2024-10-16 22:52:42","new_field":true}]}""";
        var id = new MessageId("SmsByMarketing", $"bulk:{Uuid}:375291111111");

        var report = Assert.Single(SmsByCallbacks.ParseBulkStatus(Encoding.UTF8.GetBytes(body), [id, new MessageId("SmsByMarketing", "quick:5")], Minsk));

        Assert.Equal((id, DeliveryStatus.Read, "READ"), (report.MessageId, report.Status, report.RawStatus));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public void ParseBulkStatus_NotTheBulkAnswer_ThrowsMalformedResponseWithTheBody(string body)
    {
        var exception = Assert.Throws<ViberMessagingException>(() => SmsByCallbacks.ParseBulkStatus(Encoding.UTF8.GetBytes(body), [], Minsk));

        Assert.Equal(ViberErrorCode.MalformedResponse, exception.ErrorCode);
        Assert.Equal(body, exception.ResponseBody);
    }

    private static MessageId Bulk(string phone, string list) => new(ViberProviders.SmsBy, $"bulk:{Uuid}:{phone}:{list}");
}
