using System.Net;
using System.Text;
using System.Text.Json;
using ViberMessaging.DecisionTelecom;
using ViberMessaging.Http;
using static ViberMessaging.Tests.Providers.DecisionTelecom.DecisionTelecomTestSupport;

namespace ViberMessaging.Tests.Providers.DecisionTelecom;

public sealed class DecisionTelecomErrorMapperTests
{
    private const string TooManyRequests = """{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429}""";
    private const string InvalidParameter = """{"name":"Invalid Parameter: validity_period","message":"Empty parameter or parameter validation error","code":1,"status":400}""";
    private const string InternalError = """{"name":"Internal server error","message":"The server encountered an unexpected condition which prevented it from fulfilling the request","code":2,"status":500}""";
    private const string TopupRequired = """{"name":"Topup balance is required","message":"User balance is empty","code":3,"status":402}""";

    [Fact]
    public void DocumentedCodes_EveryDocumentedCode_HasARow()
    {
        var sut = DecisionTelecomErrorMapper.DocumentedCodes;

        Assert.Equal(
            new Dictionary<int, ViberErrorCode>
            {
                [0] = ViberErrorCode.RateLimited,
                [1] = ViberErrorCode.InvalidRequest,
                [2] = ViberErrorCode.ProviderUnavailable,
                [3] = ViberErrorCode.InsufficientFunds,
            },
            sut.OrderBy(r => r.Key).ToDictionary());
    }

    [Theory]
    [InlineData(TooManyRequests, 200, ViberErrorCode.RateLimited)]
    [InlineData(TooManyRequests, 429, ViberErrorCode.RateLimited)]
    [InlineData("""{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0}""", 200, ViberErrorCode.RateLimited)]
    [InlineData(InvalidParameter, 200, ViberErrorCode.InvalidRequest)]
    [InlineData(InvalidParameter, 400, ViberErrorCode.InvalidRequest)]
    [InlineData("""{"name":"Invalid Parameter: source_addr","message":"m","code":1,"status":400}""", 200, ViberErrorCode.InvalidSender)]
    [InlineData("""{"name":"Invalid Parameter: destination_addr","message":"m","code":1,"status":400}""", 400, ViberErrorCode.InvalidRecipients)]
    [InlineData("""{"name":"Invalid Parameter: text","message":"m","code":1,"status":400}""", 400, ViberErrorCode.InvalidText)]
    [InlineData("""{"name":"Invalid Parameter: text_sms","message":"m","code":1,"status":400}""", 400, ViberErrorCode.InvalidText)]
    [InlineData("""{"name":"Invalid Parameter: image","message":"m","code":1,"status":400}""", 400, ViberErrorCode.InvalidImage)]
    [InlineData("""{"name":"Invalid Parameter: message_id","message":"m","code":1,"status":400}""", 400, ViberErrorCode.NotFound)]
    [InlineData("""{"name":"Invalid Parameter: button_caption","message":"m","code":"1","status":"400"}""", 200, ViberErrorCode.InvalidRequest)]
    [InlineData(InternalError, 200, ViberErrorCode.ProviderUnavailable)]
    [InlineData(InternalError, 500, ViberErrorCode.ProviderUnavailable)]
    [InlineData(TopupRequired, 200, ViberErrorCode.InsufficientFunds)]
    [InlineData(TopupRequired, 402, ViberErrorCode.InsufficientFunds)]
    [InlineData("""{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}""", 401, ViberErrorCode.Unauthorized)]
    [InlineData("""{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}""", 200, ViberErrorCode.Unauthorized)]
    [InlineData("""{"name":"Forbidden","message":"m","code":0,"status":403}""", 403, ViberErrorCode.Forbidden)]
    [InlineData("""{"name":"Not Found","message":"Page not found.","code":0,"status":404}""", 404, ViberErrorCode.NotFound)]
    [InlineData("""{"name":"Something new","message":"m","code":77,"status":418}""", 200, ViberErrorCode.InvalidRequest)]  // another 4xx: the kit's one HTTP-status fallback
    public void Map_DocumentedAndFrameworkErrors_MapByCodeStatusAndParameter(string body, int httpStatus, ViberErrorCode expected)
    {
        var error = JsonSerializer.Deserialize(body, DecisionTelecomJsonContext.Default.SendViberResponse)!;

        var sut = DecisionTelecomErrorMapper.Map(error, (HttpStatusCode)httpStatus);

        Assert.True(error.IsError);
        Assert.Equal(expected, sut);
    }

    [Theory]
    [InlineData("Invalid Parameter: source_addr", "source_addr")]
    [InlineData("Invalid Parameter: destination_addr,", "destination_addr")]
    [InlineData("invalid parameter:text", "text")]
    [InlineData("Invalid Parameter: ", null)]
    [InlineData("Too Many Requests", null)]
    [InlineData(null, null)]
    public void ParameterOf_ErrorName_ReadsTheParameter(string? name, string? expected)
        => Assert.Equal(expected, DecisionTelecomErrorMapper.ParameterOf(name));

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    public async Task ToException_InvalidParameter_NamesTheParameterAndKeepsWhatTheProviderSaid(int httpStatus)
    {
        using var response = await ResponseAsync((HttpStatusCode)httpStatus, InvalidParameter, isSend: true);
        var answer = Read(response, DecisionTelecomJsonContext.Default.SendViberResponse);

        var sut = DecisionTelecomErrorMapper.ToException(response, answer);

        Assert.Equal(ViberErrorCode.InvalidRequest, sut.ErrorCode);
        Assert.Contains("'validity_period'", sut.Message, StringComparison.Ordinal);
        Assert.Equal("1", sut.ProviderErrorCode);
        Assert.Equal("Invalid Parameter: validity_period: Empty parameter or parameter validation error", sut.ProviderMessage);
        Assert.Equal(InvalidParameter, sut.ResponseBody);
        Assert.Equal((HttpStatusCode)httpStatus, sut.StatusCode);
        Assert.Equal(SendOutcome.NotSent, sut.Outcome);
        Assert.Equal(Provider, sut.ProviderName);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    public async Task ToException_InternalErrorToASend_IsOutcomeUnknownAtAnyStatus(int httpStatus)
    {
        using var response = await ResponseAsync((HttpStatusCode)httpStatus, InternalError, isSend: true);
        var answer = Read(response, DecisionTelecomJsonContext.Default.SendViberResponse);

        var sut = DecisionTelecomErrorMapper.ToException(response, answer);

        Assert.Equal(ViberErrorCode.OutcomeUnknown, sut.ErrorCode);
        Assert.Equal(SendOutcome.Unknown, sut.Outcome);
        Assert.Equal("2", sut.ProviderErrorCode);
    }

    [Fact]
    public async Task ToException_InternalErrorToAStatusQuery_IsProviderUnavailable()
    {
        using var response = await ResponseAsync(HttpStatusCode.OK, InternalError, isSend: false);
        var answer = Read(response, DecisionTelecomJsonContext.Default.ReceiveViberResponse);

        var sut = DecisionTelecomErrorMapper.ToException(response, answer);

        Assert.Equal(ViberErrorCode.ProviderUnavailable, sut.ErrorCode);
        Assert.True(sut.IsTransient);
        Assert.Equal(SendOutcome.NotSent, sut.Outcome);
    }

    [Fact]
    public async Task ToException_TopupRequired_IsInsufficientFundsNotSent()
    {
        using var response = await ResponseAsync(HttpStatusCode.PaymentRequired, TopupRequired, isSend: true);
        var answer = Read(response, DecisionTelecomJsonContext.Default.SendViberResponse);

        var sut = DecisionTelecomErrorMapper.ToException(response, answer);

        Assert.Equal(ViberErrorCode.InsufficientFunds, sut.ErrorCode);
        Assert.Equal(SendOutcome.NotSent, sut.Outcome);
        Assert.Equal("3", sut.ProviderErrorCode);
        Assert.Equal("Topup balance is required: User balance is empty", sut.ProviderMessage);
    }

    [Fact]
    public async Task ToException_RateLimitedAnswer_IsRateLimitedNotSent()
    {
        using var response = await ResponseAsync(HttpStatusCode.OK, TooManyRequests, isSend: true, rateLimited: true);
        var answer = Read(response, DecisionTelecomJsonContext.Default.SendViberResponse);

        var sut = DecisionTelecomErrorMapper.ToException(response, answer);

        Assert.Equal(ViberErrorCode.RateLimited, sut.ErrorCode);
        Assert.Equal(SendOutcome.NotSent, sut.Outcome);
        Assert.Equal("0", sut.ProviderErrorCode);
    }

    [Fact]
    public async Task ToUnknownMessageReport_InvalidMessageId_IsAPerIdUnknownMessageReport()
    {
        var id = new MessageId(Provider, "429");
        const string Body = """{"name":"Invalid Parameter: message_id","message":"Empty parameter or parameter validation error","code":1,"status":400}""";
        using var response = await ResponseAsync(HttpStatusCode.BadRequest, Body, isSend: false);
        var answer = Read(response, DecisionTelecomJsonContext.Default.ReceiveViberResponse);

        var sut = DecisionTelecomErrorMapper.ToUnknownMessageReport(response, id, answer);

        Assert.True(DecisionTelecomErrorMapper.IsUnknownMessage(answer));
        Assert.Equal(id, sut.MessageId);
        Assert.Equal(DeliveryStatus.Unknown, sut.Status);
        Assert.Equal(DeliveryFailureReason.UnknownMessage, sut.FailureReason);
        Assert.Equal("1", sut.ProviderErrorCode);
        Assert.Equal(ViberErrorCode.NotFound, sut.Error!.ErrorCode);
        Assert.Contains("5 days", sut.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "Unauthorized", false, ViberErrorCode.Unauthorized)]
    [InlineData(403, "", false, ViberErrorCode.Forbidden)]
    [InlineData(404, "<h1>Not Found</h1>", true, ViberErrorCode.NotFound)]
    [InlineData(429, "slow down", true, ViberErrorCode.RateLimited)]
    [InlineData(502, "<html>Bad Gateway</html>", false, ViberErrorCode.ProviderUnavailable)]
    [InlineData(503, "", true, ViberErrorCode.OutcomeUnknown)]
    [InlineData(418, "teapot", false, ViberErrorCode.InvalidRequest)]
    public async Task Read_HttpErrorWithoutTheErrorShape_GivesATypedErrorWithTheRawBody(int status, string body, bool isSend, ViberErrorCode expected)
    {
        using var response = await ResponseAsync((HttpStatusCode)status, body, isSend);

        var sut = Assert.Throws<ViberMessagingException>(() => Read(response, DecisionTelecomJsonContext.Default.SendViberResponse));

        Assert.Equal(expected, sut.ErrorCode);
        Assert.Equal((HttpStatusCode)status, sut.StatusCode);
        Assert.Equal(body.Length == 0 ? null : body, sut.ResponseBody);
        Assert.Null(sut.ProviderErrorCode);
    }

    [Theory]
    [InlineData(TooManyRequests, 200, true)]
    [InlineData("""{"name":"Too Many Requests","message":"Rate limit exceeded.","code":"0"}""", 200, true)]
    [InlineData(TooManyRequests, 400, true)]
    [InlineData("""{"name":"Unauthorized","message":"m","code":0,"status":401}""", 200, false)]
    [InlineData(InvalidParameter, 200, false)]
    [InlineData(InternalError, 200, false)]
    [InlineData("""{"message_id":429}""", 200, false)]
    [InlineData("""{"message_id":429,"status":429}""", 200, false)]
    [InlineData("""{"message":"Rate limit exceeded.","code":0}""", 200, false)]
    [InlineData("Too Many Requests code 0 status 429", 200, false)]
    [InlineData("", 200, false)]
    public void IsRateLimited_Body_DetectsTheRateLimitErrorByItsProperties(string body, int httpStatus, bool expected)
    {
        var sut = DecisionTelecomErrorMapper.IsRateLimited(Encoding.UTF8.GetBytes(body), (HttpStatusCode)httpStatus);

        Assert.Equal(expected, sut);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task IsRateLimitedAsync_BufferedOrPlainContent_ReadsTheBody(bool buffered)
    {
        using var request = ViberRequestOptions.Create(HttpMethod.Post, "v1/api/send-viber", content: null, "send", idempotent: false);
        using var http = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(TooManyRequests), RequestMessage = request };
        if (buffered)
        {
            http.Content = await BufferedContent.ReadAsync(http, request, Provider, 1 << 20, CancellationToken.None);
        }

        var sut = await DecisionTelecomErrorMapper.IsRateLimitedAsync(http, CancellationToken.None);

        Assert.True(sut);
    }
}
