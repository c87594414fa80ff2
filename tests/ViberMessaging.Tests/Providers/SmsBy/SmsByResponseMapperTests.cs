using System.Text.Json;
using ViberMessaging.SmsBy;

namespace ViberMessaging.Tests.Providers.SmsBy;

public sealed class SmsByResponseMapperTests
{
    private const string Uuid = "cc9c8043-8caf-11ef-b035-9e8f47954dec";
    private static readonly TimeSpan Minsk = TimeSpan.FromHours(3);
    private static readonly PhoneNumber Recipient = PhoneNumber.Parse("375293332211");

    [Fact]
    public void FromSmsByQuickResult_DocumentedAnswer_IsAcceptedWithAQuickId()
    {
        var answer = Parse("""{"status":"OK","result":{"message_id":8484}}""", SmsByJsonContext.Default.SmsByEnvelopeSmsByQuickResult);

        var result = SmsByResponseMapper.FromSmsByQuickResult(answer, "SmsBy", Recipient, opensChat: false);

        Assert.Equal((RecipientStatus.Accepted, "SmsBy:quick:8484", null), (result.Status, result.MessageId.ToString(), result.ChatId));
        Assert.Equal(Recipient, result.Recipient);
    }

    [Theory]
    [InlineData("""{"status":"ok","result":{"message_id":"9007199254740993"}}""", "9007199254740993")]
    [InlineData("""{"status":"OK","result":{"viber_id":77}}""", "77")]
    [InlineData("""{"STATUS":"Ok","RESULT":{"MESSAGE_ID":"12"}}""", "12")]
    public void FromSmsByQuickResult_IdAsStringNumberOrV1ViberId_IsKeptExactly(string json, string id)
    {
        var answer = Parse(json, SmsByJsonContext.Default.SmsByEnvelopeSmsByQuickResult);

        var result = SmsByResponseMapper.FromSmsByQuickResult(answer, "SmsBy", Recipient, opensChat: true);

        Assert.Equal("quick:" + id, result.MessageId!.Value.Value);
        Assert.Equal(id + ":375293332211", result.ChatId);
    }

    [Fact]
    public void FromSmsByQuickResult_NoId_IsMalformed()
    {
        var answer = Parse("""{"status":"OK","result":{}}""", SmsByJsonContext.Default.SmsByEnvelopeSmsByQuickResult);

        Assert.Throws<JsonException>(() => SmsByResponseMapper.FromSmsByQuickResult(answer, "SmsBy", Recipient, opensChat: false));
    }

    [Fact]
    public void FromSmsByBulkResponse_DocumentedAnswer_AcceptsEveryRecipientUnderTheUuid()
    {
        var answer = Parse($$"""{"uuid":"{{Uuid}}","success":"OK"}""", SmsByJsonContext.Default.SmsByBulkResponse);
        PhoneNumber[] phones = [PhoneNumber.Parse("375291111111"), PhoneNumber.Parse("375292222222")];

        var chunk = SmsByResponseMapper.FromSmsByBulkResponse(answer, "SmsBy", phones);
        var named = SmsByResponseMapper.FromSmsByBulkResponse(answer, "SmsBy", phones, ["list a", "list b"]);

        Assert.Equal(Uuid, chunk.BatchId);
        Assert.Equal([$"SmsBy:bulk:{Uuid}:375291111111", $"SmsBy:bulk:{Uuid}:375292222222"], chunk.Recipients.Select(r => r.MessageId.ToString()));
        Assert.All(chunk.Recipients, r => Assert.Equal(RecipientStatus.Accepted, r.Status));
        Assert.Equal(phones, chunk.Recipients.Select(r => r.Recipient));
        Assert.Equal([$"bulk:{Uuid}:375291111111:list a", $"bulk:{Uuid}:375292222222:list b"], named.Recipients.Select(r => r.MessageId!.Value.Value));
    }

    [Fact]
    public void FromSmsByBulkResponse_NoUuid_IsMalformed()
    {
        var answer = Parse("""{"success":"OK"}""", SmsByJsonContext.Default.SmsByBulkResponse);

        Assert.Throws<JsonException>(() => SmsByResponseMapper.FromSmsByBulkResponse(answer, "SmsBy", [Recipient]));
    }

    [Fact]
    public void FromSmsByDeliveryData_DocumentedAnswer_IsRead()
    {
        var answer = Parse("""{"status":"OK","result":{"phone":"375293332211","status":"READ","error_code":0}}""", SmsByJsonContext.Default.SmsByEnvelopeSmsByDeliveryData);
        var id = new MessageId("SmsBy", "quick:8484");

        var report = SmsByResponseMapper.FromSmsByDeliveryData(answer, id);

        Assert.Equal(id, report.MessageId);
        Assert.Equal((DeliveryStatus.Read, "READ", null, DeliveryFailureReason.None), (report.ViberStatus, report.RawStatus, report.ProviderErrorCode, report.FailureReason));
        Assert.Equal((Recipient, (DeliveryStatus?)null, (DateTimeOffset?)null), (report.Recipient, report.SmsStatus, report.StatusAt));
        Assert.True(report.IsFinal);
    }

    [Fact]
    public void FromSmsByDeliveryData_UndeliveredWithCodeAndPhoneAsNumber_KeepsTheRawCode()
    {
        var answer = Parse("""{"status":"OK","result":{"phone":375293332211,"status":"undelivered","error_code":"17"}}""", SmsByJsonContext.Default.SmsByEnvelopeSmsByDeliveryData);

        var report = SmsByResponseMapper.FromSmsByDeliveryData(answer, new MessageId("SmsBy", "quick:1"));

        Assert.Equal((DeliveryStatus.Undeliverable, "undelivered", "17", DeliveryFailureReason.Other, Recipient), (report.ViberStatus, report.RawStatus, report.ProviderErrorCode, report.FailureReason, report.Recipient));
    }

    [Theory]
    [InlineData("NEW", DeliveryStatus.Pending)]
    [InlineData("SENT", DeliveryStatus.Sent)]
    [InlineData("delivered", DeliveryStatus.Delivered)]
    [InlineData(" Read ", DeliveryStatus.Read)]
    [InlineData("UNDELIVERED", DeliveryStatus.Undeliverable)]
    [InlineData("MODERATION", DeliveryStatus.Unknown)]
    [InlineData("", DeliveryStatus.Unknown)]
    [InlineData(null, DeliveryStatus.Unknown)]
    public void FromSmsByStatus_AnyWordAnyCasing_MapsOrIsUnknown(string? word, DeliveryStatus expected)
        => Assert.Equal(expected, SmsByResponseMapper.FromSmsByStatus(word));

    [Fact]
    public void FromSmsByDeliveryData_UnknownWord_IsUnknownWithTheRawWordKept()
    {
        var answer = Parse("""{"status":"OK","result":{"phone":"375293332211","status":"MODERATION","error_code":0}}""", SmsByJsonContext.Default.SmsByEnvelopeSmsByDeliveryData);

        var report = SmsByResponseMapper.FromSmsByDeliveryData(answer, new MessageId("SmsBy", "quick:1"));

        Assert.Equal((DeliveryStatus.Unknown, "MODERATION"), (report.ViberStatus, report.RawStatus));
    }

    [Fact]
    public void FromSmsByBulkStatus_TheDocumentsMixedArray_ReadsListsTheirRecipientsAndErrors()
    {
        var items = Parse(DocumentStatusBulk, SmsByJsonContext.Default.ListSmsByBulkStatusItem);

        var status = SmsByResponseMapper.FromSmsByBulkStatus(items, Uuid, "SmsBy", Minsk);

        Assert.Equal(Uuid, status.Uuid);
        Assert.Equal([(1L, "mailing list 1", 123), (2L, "mailing list 2", 345)], status.Mailings.Select(m => (m.MailingId!.Value, m.Name!, m.SenderId!.Value)));
        Assert.Equal(["mailing list 3: Content url is not valid", "mailing list 4: Optimal image size 800x800 px"], status.Errors);
        var first = status.Mailings[0].Recipients[0];
        Assert.Equal($"SmsBy:bulk:{Uuid}:375291111111:mailing list 1", first.MessageId.ToString());
        Assert.Equal((DeliveryStatus.Pending, "NEW", "375291111111"), (first.ViberStatus, first.RawStatus, first.Recipient!.Digits));
        Assert.Equal(new DateTimeOffset(2024, 10, 16, 22, 52, 42, Minsk).AddTicks(4979940), first.StatusAt);
        Assert.Equal(new DateTimeOffset(2024, 10, 16, 19, 52, 43, TimeSpan.Zero).AddTicks(85600), status.Mailings[1].Recipients[1].StatusAt);
        Assert.Equal([DeliveryStatus.Delivered, DeliveryStatus.Delivered], status.Mailings[1].Recipients.Select(r => r.ViberStatus));
    }

    [Fact]
    public void FromSmsByBulkStatus_IdsAsStringsAndNumbers_AreReadAlike()
    {
        var items = Parse("""
            [{"message_id":"7","name":"l","alphaname_id":"444","success":[{"delivery_id":"9","phone":375291111111,"status":"sent","status_time":"2024-10-16 22:52:42"}]}]
            """, SmsByJsonContext.Default.ListSmsByBulkStatusItem);

        var status = SmsByResponseMapper.FromSmsByBulkStatus(items, Uuid, "SmsBy", Minsk);

        var mailing = Assert.Single(status.Mailings);
        Assert.Equal((7L, 444), (mailing.MailingId, mailing.SenderId));
        var report = Assert.Single(mailing.Recipients);
        Assert.Equal((DeliveryStatus.Sent, "375291111111", new DateTimeOffset(2024, 10, 16, 22, 52, 42, Minsk)), (report.ViberStatus, report.Recipient!.Digits, report.StatusAt!.Value));
    }

    [Fact]
    public void FromSmsByBulkStatus_OneId_IsFoundByPhoneAndRebasedToTheAskedId()
    {
        var status = DocumentStatus();
        var asked = new MessageId("SmsBy", $"bulk:{Uuid}:375293333333");

        var report = SmsByResponseMapper.FromSmsByBulkStatus(status, new SmsByIdParts(SmsByIdKind.Bulk, Uuid, "375293333333"), asked);

        Assert.Equal((asked, DeliveryStatus.Delivered), (report.MessageId, report.ViberStatus));
    }

    [Fact]
    public void FromSmsByBulkStatus_IdWithAListName_MatchesOnlyThatList()
    {
        var status = DocumentStatus();
        var asked = new MessageId("SmsBy", $"bulk:{Uuid}:375293333333:mailing list 1");

        var report = SmsByResponseMapper.FromSmsByBulkStatus(status, new SmsByIdParts(SmsByIdKind.Bulk, Uuid, "375293333333", "mailing list 1"), asked);

        Assert.Equal((DeliveryStatus.Rejected, DeliveryFailureReason.NotAccepted), (report.ViberStatus, report.FailureReason));
    }

    [Fact]
    public void FromSmsByBulkStatus_IdOfARefusedList_IsRejectedWithTheListsError()
    {
        var status = DocumentStatus();
        var asked = new MessageId("SmsBy", $"bulk:{Uuid}:375291111111:mailing list 3");

        var report = SmsByResponseMapper.FromSmsByBulkStatus(status, new SmsByIdParts(SmsByIdKind.Bulk, Uuid, "375291111111", "mailing list 3"), asked);

        Assert.Equal((DeliveryStatus.Rejected, DeliveryFailureReason.Other, "mailing list 3: Content url is not valid"), (report.ViberStatus, report.FailureReason, report.ProviderErrorCode));
        Assert.True(report.IsFinal);
    }

    [Fact]
    public void FromSmsByBulkStatus_OnlyErrors_RejectsAnUnnamedIdWithTheError()
    {
        var status = SmsByResponseMapper.FromSmsByBulkStatus(Parse("""[{"errors":["ViberMessaging: Content url is not valid"]}]""", SmsByJsonContext.Default.ListSmsByBulkStatusItem), Uuid, "SmsBy", Minsk);

        var report = SmsByResponseMapper.FromSmsByBulkStatus(status, new SmsByIdParts(SmsByIdKind.Bulk, Uuid, "375291111111"), new MessageId("SmsBy", $"bulk:{Uuid}:375291111111"));

        Assert.Equal((DeliveryStatus.Rejected, "ViberMessaging: Content url is not valid"), (report.ViberStatus, report.ProviderErrorCode));
    }

    [Fact]
    public void FromSmsByBulkStatus_NothingCreatedYet_IsPending()
    {
        var status = SmsByResponseMapper.FromSmsByBulkStatus(Parse("[]", SmsByJsonContext.Default.ListSmsByBulkStatusItem), Uuid, "SmsBy", Minsk);

        var report = SmsByResponseMapper.FromSmsByBulkStatus(status, new SmsByIdParts(SmsByIdKind.Bulk, Uuid, "375291111111"), new MessageId("SmsBy", $"bulk:{Uuid}:375291111111"));

        Assert.Equal((DeliveryStatus.Pending, false), (report.ViberStatus, report.IsFinal));
    }

    [Fact]
    public void FromSmsByDeliveryList_DocumentedAnswer_IsAReportPerPhoneWithMailingIds()
    {
        var answer = Parse("""
            {"status":"OK","result":[{"delivery_id":100,"phone":"375293332211","status":"DELIVERED","error_code":0},
                                     {"delivery_id":101,"phone":375293332212,"status":"READ","error_code":0}]}
            """, SmsByJsonContext.Default.SmsByDeliveriesEnvelope);

        var reports = SmsByResponseMapper.FromSmsByDeliveryList(answer, 4905, "SmsBy");

        Assert.Equal(["SmsBy:mailing:4905:375293332211", "SmsBy:mailing:4905:375293332212"], reports.Select(r => r.MessageId.ToString()));
        Assert.Equal([DeliveryStatus.Delivered, DeliveryStatus.Read], reports.Select(r => r.ViberStatus));
        Assert.Equal(["375293332211", "375293332212"], reports.Select(r => r.Recipient!.Digits));
        var found = SmsByResponseMapper.FromSmsByDeliveryList(reports, new SmsByIdParts(SmsByIdKind.Mailing, "4905", "375293332212"), new MessageId("SmsBy", "mailing:4905:375293332212"));
        Assert.Equal(DeliveryStatus.Read, found!.ViberStatus);
        Assert.Null(SmsByResponseMapper.FromSmsByDeliveryList(reports, new SmsByIdParts(SmsByIdKind.Mailing, "4905", "3293332212"), new MessageId("SmsBy", "mailing:4905:3293332212")));
    }

    [Fact]
    public void FromSmsByMailing_DocumentedMessageData_ParsesEveryFieldAndTheCost()
    {
        var answer = Parse("""
            {"status":"OK","result":{"message_id":8483,"message_type":"TEXT","message":"Test message","button_caption":"","button_link":"",
             "image_file":"","status":"SENT","d_create":"2024-02-01 10:10:35","d_schedule":"2024-02-01 10:10:35","cost":"0.04900 EUR"}}
            """, SmsByJsonContext.Default.SmsByEnvelopeSmsByMailingData);

        var mailing = SmsByResponseMapper.FromSmsByMailing(answer.Result!, Minsk);

        Assert.Equal((8483L, "TEXT", "Test message", (string?)null, (string?)null, (string?)null, "SENT"), (mailing.MailingId, mailing.MessageType, mailing.Text, mailing.ButtonCaption, mailing.ButtonUrl, mailing.ImageFile, mailing.Status));
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 7, 10, 35, TimeSpan.Zero), mailing.CreatedAt);
        Assert.Equal(mailing.CreatedAt, mailing.ScheduledAt);
        Assert.Equal((0.04900m, "EUR", "0.04900 EUR"), (mailing.Cost!.Value, mailing.Currency, mailing.RawCost));
        Assert.Equal("0.04900", mailing.Cost.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FromSmsByMailing_DocumentedMessagesList_ReadsBothWithEscapedSlashes()
    {
        var answer = Parse("""
            {"status":"OK","result":[
              {"message_id":8483,"message_type":"TEXT","message":"Test message","button_caption":"","button_link":"","image_file":"","status":"SENT",
               "d_create":"2024-02-01 10:10:35","d_schedule":"2024-02-01 10:10:35","cost":"0.04900 EUR"},
              {"message_id":"8495","message_type":"BUTTON","message":"","button_caption":"Go to site","button_link":"https:\/\/site.by","image_file":"",
               "status":"SENT","d_create":"2024-02-02 09:30:00","d_schedule":"2024-02-03 10:00:00","cost":"0.04900 EUR"}]}
            """, SmsByJsonContext.Default.SmsByMailingsEnvelope);

        var mailings = answer.Result!.Select(m => SmsByResponseMapper.FromSmsByMailing(m, Minsk)).ToArray();

        Assert.Equal([8483L, 8495L], mailings.Select(m => m.MailingId));
        Assert.Equal(("BUTTON", null, "Go to site", "https://site.by"), (mailings[1].MessageType, mailings[1].Text, mailings[1].ButtonCaption, mailings[1].ButtonUrl));
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 10, 0, 0, Minsk), mailings[1].ScheduledAt);
    }

    [Fact]
    public void FromSmsByListResult_DocumentedAnswer_IsThePreparedMailing()
    {
        var answer = Parse("""{"status":"OK","result":{"message_id":4905,"count_subscribers":4}}""", SmsByJsonContext.Default.SmsByEnvelopeSmsByListResult);

        Assert.Equal(new SmsByPreparedMailing(4905, 4), SmsByResponseMapper.FromSmsByListResult(answer));
    }

    [Fact]
    public void FromSmsByListResult_CountAsString_IsRead()
    {
        var answer = Parse("""{"status":"OK","result":{"message_id":"4905","count_subscribers":"12"}}""", SmsByJsonContext.Default.SmsByEnvelopeSmsByListResult);

        Assert.Equal(new SmsByPreparedMailing(4905, 12), SmsByResponseMapper.FromSmsByListResult(answer));
    }

    [Fact]
    public void FromSmsByIncoming_DocumentedAnswer_IsIncomingChatMessagesPerMailingAndPhone()
    {
        var answer = Parse("""
            {"status":"OK","result":[{"id":"1234","phone":"375293332211","message":"Reply to received message","d_receiver":"2022-09-01 10:39:45"},
                                     {"id":"1236","phone":"375293332212","message":"Yes","d_receiver":"2022-09-01 11:29:50"}]}
            """, SmsByJsonContext.Default.SmsByIncomingEnvelope);

        var messages = SmsByResponseMapper.FromSmsByIncoming(answer, 8484, "SmsBy", Minsk);

        var first = messages[0];
        Assert.Equal((ChatMessageDirection.Incoming, "Reply to received message", "8484:375293332211", "1234"), (first.Direction, first.Text, first.ChatId, first.ProviderMessageId));
        Assert.Equal((Recipient, new DateTimeOffset(2022, 9, 1, 7, 39, 45, TimeSpan.Zero)), (first.Phone, first.Timestamp!.Value));
        Assert.Equal("SmsBy:mailing:8484:375293332211", first.InReplyTo.ToString());
        Assert.Equal(("1236", "Yes"), (messages[1].ProviderMessageId, messages[1].Text));
    }

    [Theory]
    [InlineData("""{"status":"OK","result":{"0":{"id":"1","phone":"375293332211","message":"a"},"2":{"id":"3","phone":"375293332211","message":"b"}}}""", 2)]
    [InlineData("""{"status":"OK","result":[]}""", 0)]
    [InlineData("""{"status":"OK","result":{}}""", 0)]
    [InlineData("""{"status":"OK","result":null}""", 0)]
    [InlineData("""{"status":"OK","result":false}""", 0)]
    [InlineData("""{"status":"OK"}""", 0)]
    public void FromSmsByIncoming_ListInAnyPhpShape_IsRead(string json, int count)
    {
        var answer = Parse(json, SmsByJsonContext.Default.SmsByIncomingEnvelope);

        Assert.Equal(count, SmsByResponseMapper.FromSmsByIncoming(answer, 1, "SmsBy", Minsk).Count);
    }

    [Theory]
    [InlineData("Number of flagged messages: 3", 3)]
    [InlineData("Number of flagged messages: 0.", 0)]
    [InlineData("flagged", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void FromSmsByMarkedCount_Prose_YieldsItsNumber(string? text, int? expected)
        => Assert.Equal(expected, SmsByResponseMapper.FromSmsByMarkedCount(text));

    [Theory]
    [InlineData("2024-10-16 22:52:42.497994", "2024-10-16T19:52:42.4979940Z")]
    [InlineData("2024-10-16 22:52:42", "2024-10-16T19:52:42.0000000Z")]
    [InlineData("2024-10-16T22:52:42", "2024-10-16T19:52:42.0000000Z")]
    [InlineData("2024-10-16 22:52", "2024-10-16T19:52:00.0000000Z")]
    public void FromSmsByTime_ProviderLocalTimes_AreReadAsMinskTime(string text, string utc)
        => Assert.Equal(utc, SmsByResponseMapper.FromSmsByTime(text, Minsk)!.Value.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("0000-00-00 00:00:00")]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData(null)]
    public void FromSmsByTime_ZeroOrUnreadable_IsNull(string? text)
        => Assert.Null(SmsByResponseMapper.FromSmsByTime(text, Minsk));

    [Theory]
    [InlineData("0.04900 EUR", "0.04900", "EUR")]
    [InlineData("12,5 byn", "12.5", "BYN")]
    [InlineData("3", "3", null)]
    public void FromSmsByCost_AmountAndCurrency_AreSplit(string text, string amount, string? currency)
    {
        var (parsed, unit) = SmsByResponseMapper.FromSmsByCost(text);

        Assert.Equal((decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency), (parsed!.Value, unit));
    }

    [Theory]
    [InlineData("free")]
    [InlineData("")]
    public void FromSmsByCost_Unreadable_IsNull(string text)
        => Assert.Equal((null, null), SmsByResponseMapper.FromSmsByCost(text));

    private const string DocumentStatusBulk = """
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

    private static SmsByBulkStatus DocumentStatus()
        => SmsByResponseMapper.FromSmsByBulkStatus(Parse(DocumentStatusBulk, SmsByJsonContext.Default.ListSmsByBulkStatusItem), Uuid, "SmsBy", Minsk);

    private static T Parse<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        => JsonSerializer.Deserialize(json, type)!;
}
