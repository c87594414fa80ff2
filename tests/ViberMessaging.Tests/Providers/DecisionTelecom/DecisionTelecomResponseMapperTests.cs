using System.Net;
using System.Text.Json;
using ViberMessaging.DecisionTelecom;
using static ViberMessaging.Tests.Providers.DecisionTelecom.DecisionTelecomTestSupport;

namespace ViberMessaging.Tests.Providers.DecisionTelecom;

public sealed class DecisionTelecomResponseMapperTests
{
    private static readonly PhoneNumber Recipient = PhoneNumber.Parse("+380504444444");
    private static readonly MessageId Id = new(Provider, "9007199254740993");

    [Theory]
    [InlineData("""{"message_id":9007199254740993}""")]
    [InlineData("""{"message_id":"9007199254740993"}""")]
    public void FromDecisionTelecomSend_MessageIdAsNumberOrString_AcceptsWithTheExactId(string json)
    {
        var answer = Parse(json, DecisionTelecomJsonContext.Default.SendViberResponse);

        var sut = DecisionTelecomResponseMapper.FromDecisionTelecomSend(answer, Recipient, Provider);

        Assert.Equal(RecipientStatus.Accepted, sut.Status);
        Assert.Equal(Recipient, sut.Recipient);
        Assert.Equal(new MessageId(Provider, "9007199254740993"), sut.MessageId);
        Assert.Null(sut.Reason);
    }

    [Fact]
    public void FromDecisionTelecomSend_InvalidDestinationAddr_RejectsTheRecipientAsInvalidNumber()
    {
        var answer = Parse(
            """{"name":"Invalid Parameter: destination_addr","message":"Empty parameter or parameter validation error","code":1,"status":400}""",
            DecisionTelecomJsonContext.Default.SendViberResponse);

        var sut = DecisionTelecomResponseMapper.FromDecisionTelecomSend(answer, Recipient, Provider);

        Assert.Equal(RecipientStatus.Rejected, sut.Status);
        Assert.Equal(DeliveryFailureReason.InvalidNumber, sut.Reason);
        Assert.Equal("Invalid Parameter: destination_addr", sut.ProviderCode);
        Assert.Null(sut.MessageId);
    }

    [Fact]
    public void FromDecisionTelecomSend_NoIdAndNoError_IsNotMappedAsARejection()
    {
        var answer = Parse("{}", DecisionTelecomJsonContext.Default.SendViberResponse);

        Assert.Throws<ArgumentException>(() => DecisionTelecomResponseMapper.FromDecisionTelecomSend(answer, Recipient, Provider));
    }

    [Theory]
    [InlineData("0", DeliveryStatus.Sent)]
    [InlineData("1", DeliveryStatus.Delivered)]
    [InlineData("2", DeliveryStatus.Failed)]
    [InlineData("3", DeliveryStatus.Rejected)]
    [InlineData("4", DeliveryStatus.Undeliverable)]
    [InlineData("5", DeliveryStatus.Pending)]
    [InlineData("20", DeliveryStatus.Unknown)]
    [InlineData("7", DeliveryStatus.Unknown)]
    [InlineData("-1", DeliveryStatus.Unknown)]
    [InlineData("\"1\"", DeliveryStatus.Delivered)]
    [InlineData("\"delivered\"", DeliveryStatus.Unknown)]
    [InlineData("1.5", DeliveryStatus.Unknown)]
    public void FromDecisionTelecomStatus_EveryStatus_MapsAndKeepsTheRawValue(string status, DeliveryStatus expected)
    {
        var answer = Parse($$"""{"message_id":9007199254740993,"status":{{status}}}""", DecisionTelecomJsonContext.Default.ReceiveViberResponse);

        var sut = DecisionTelecomResponseMapper.FromDecisionTelecomStatus(answer, Id);

        Assert.Equal(Id, sut.MessageId);
        Assert.Equal(expected, sut.ViberStatus);
        Assert.Equal(expected, sut.Status);
        Assert.Equal(status.Trim('"'), sut.RawStatus);
        Assert.Null(sut.SmsStatus);
        Assert.Null(sut.RawSmsStatus);
        Assert.Empty(sut.SmsPartIds);
        Assert.Equal(DeliveryFailureReason.None, sut.FailureReason);
        Assert.Null(sut.Error);
    }

    [Theory]
    [InlineData(0, DeliveryStatus.Unknown)]
    [InlineData(1, DeliveryStatus.Sent)]
    [InlineData(2, DeliveryStatus.Delivered)]
    [InlineData(3, DeliveryStatus.Expired)]
    [InlineData(4, DeliveryStatus.Cancelled)]
    [InlineData(5, DeliveryStatus.Undeliverable)]
    [InlineData(6, DeliveryStatus.Sent)]
    [InlineData(7, DeliveryStatus.Unknown)]
    [InlineData(8, DeliveryStatus.Rejected)]
    [InlineData(9, DeliveryStatus.Unknown)]
    public void FromDecisionTelecomStatus_ViberPlusSms_MapsTheSmppStateIntoTheSmsPart(int smsStatus, DeliveryStatus expected)
    {
        var answer = Parse(
            $$"""{"message_id":9007199254740993,"status":4,"sms_message_id":3098,"sms_message_status":{{smsStatus}}}""",
            DecisionTelecomJsonContext.Default.ReceiveViberResponse);

        var sut = DecisionTelecomResponseMapper.FromDecisionTelecomStatus(answer, Id);

        Assert.Equal(DeliveryStatus.Undeliverable, sut.ViberStatus);
        Assert.Equal(expected, sut.SmsStatus);
        Assert.Equal(smsStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), sut.RawSmsStatus);
        Assert.Equal(["3098"], sut.SmsPartIds);
        Assert.Equal("4", sut.RawStatus);
    }

    [Fact]
    public void FromDecisionTelecomStatus_SmsDeliveredAfterViberFailed_IsDeliveredViaSms()
    {
        var answer = Parse("""{"message_id":429,"status":4,"sms_message_id":"3098","sms_message_status":2}""", DecisionTelecomJsonContext.Default.ReceiveViberResponse);

        var sut = DecisionTelecomResponseMapper.FromDecisionTelecomStatus(answer, new MessageId(Provider, "429"));

        Assert.Equal(DeliveryStatus.Delivered, sut.Status);
        Assert.Equal(DeliveryChannel.Sms, sut.DeliveredVia);
        Assert.True(sut.IsFinal);
    }

    [Fact]
    public async Task Read_SuccessWithCommentsTrailingCommasAndOtherCase_IsAccepted()
    {
        using var response = await ResponseAsync(HttpStatusCode.OK, """{ /* ok */ "MESSAGE_ID": 429, "Status": 1, }""", isSend: false);

        var sut = Read(response, DecisionTelecomJsonContext.Default.ReceiveViberResponse);

        Assert.Equal(("429", "1"), (sut.MessageId, sut.Status));
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task Read_ErrorShapeAtAnyStatus_ReturnsTheErrorForTheCaller(HttpStatusCode status)
    {
        using var response = await ResponseAsync(
            status, """{"name":"Invalid Parameter: destination_addr","message":"Empty parameter or parameter validation error","code":1,"status":400}""", isSend: true);

        var sut = Read(response, DecisionTelecomJsonContext.Default.SendViberResponse);

        Assert.True(sut.IsError);
        Assert.Equal(("Invalid Parameter: destination_addr", "Empty parameter or parameter validation error", "1", "400"), (sut.Name, sut.Message, sut.Code, sut.Status));
    }

    [Theory]
    [InlineData(true, ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown)]
    [InlineData(false, ViberErrorCode.ProviderUnavailable, SendOutcome.NotSent)]
    public async Task Read_HtmlAt502_ThrowsATypedErrorKeepingTheRawBody(bool isSend, ViberErrorCode expected, SendOutcome outcome)
    {
        const string Html = "<html><body>502 Bad Gateway</body></html>";
        using var response = await ResponseAsync(HttpStatusCode.BadGateway, Html, isSend);

        var error = Assert.Throws<ViberMessagingException>(() => Read(response, DecisionTelecomJsonContext.Default.SendViberResponse));

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal(outcome, error.Outcome);
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(Html, error.ResponseBody);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>oops</html>")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{"message_id":"abc"}""")]
    [InlineData("""{"message_id":1.5}""")]
    [InlineData("""{"message_id":42""")]
    public async Task Read_UnreadableAnswerToASend_ThrowsOutcomeUnknownBecauseItWasAccepted(string body)
    {
        using var response = await ResponseAsync(HttpStatusCode.OK, body, isSend: true);

        var error = Assert.Throws<ViberMessagingException>(() => Read(response, DecisionTelecomJsonContext.Default.SendViberResponse));

        Assert.Equal(ViberErrorCode.OutcomeUnknown, error.ErrorCode);
        Assert.Equal(SendOutcome.Accepted, error.Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{"message_id":429}""")]
    public async Task Read_StatusAnswerWithoutStatus_ThrowsMalformed(string body)
    {
        using var response = await ResponseAsync(HttpStatusCode.OK, body, isSend: false);

        var error = Assert.Throws<ViberMessagingException>(() => Read(response, DecisionTelecomJsonContext.Default.ReceiveViberResponse));

        Assert.Equal(ViberErrorCode.MalformedResponse, error.ErrorCode);
        Assert.Equal(body, error.ResponseBody ?? string.Empty);
    }

    private static T Parse<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        => JsonSerializer.Deserialize(json, typeInfo)!;
}
