using System.Net;
using System.Text;
using ViberMessaging.Http;
using ViberMessaging.Internal;
using ViberMessaging.SmsBy;

namespace ViberMessaging.Tests.Providers.SmsBy;

public sealed class SmsByErrorMapperTests
{
    [Fact]
    public void StatusRows_EveryDocumentedHttpStatus_HasARow()
        => Assert.Equal([400, 403, 404, 429, 500], SmsByErrorMapper.StatusRows.Keys.Order());

    [Theory]
    [InlineData(400, ViberErrorCode.InvalidRequest)]
    [InlineData(403, ViberErrorCode.Unauthorized)]
    [InlineData(404, ViberErrorCode.NotFound)]
    [InlineData(429, ViberErrorCode.RateLimited)]
    [InlineData(500, ViberErrorCode.ProviderUnavailable)]
    [InlineData(401, ViberErrorCode.Unauthorized)]
    [InlineData(503, ViberErrorCode.ProviderUnavailable)]
    [InlineData(422, ViberErrorCode.InvalidRequest)]
    [InlineData(200, ViberErrorCode.Unknown)]
    public void Map_HttpStatusWithoutAKnownSentence_MapsByStatus(int status, ViberErrorCode expected)
        => Assert.Equal(expected, SmsByErrorMapper.Map(status, "something went wrong"));

    [Theory]
    [InlineData("Access denied", ViberErrorCode.Unauthorized)]
    [InlineData("Invalid token", ViberErrorCode.Unauthorized)]
    [InlineData("vibername_id is required", ViberErrorCode.InvalidSender)]
    [InlineData("Vibername not found", ViberErrorCode.InvalidSender)]
    [InlineData("alphaname not found", ViberErrorCode.InvalidSender)]
    [InlineData("Insufficient balance", ViberErrorCode.InsufficientFunds)]
    [InlineData("mailing list 3: Content url is not valid", ViberErrorCode.InvalidImage)]
    [InlineData("mailing list 4: Optimal image size 800x800 px", ViberErrorCode.InvalidImage)]
    [InlineData("Phone number is in the black list", ViberErrorCode.InvalidRecipients)]
    [InlineData("Invalid phone number", ViberErrorCode.InvalidRecipients)]
    [InlineData("not found", ViberErrorCode.NotFound)]
    [InlineData("Message NOT FOUND", ViberErrorCode.NotFound)]
    public void Map_KnownSentenceAt200Or400_MapsByTheSentence(string text, ViberErrorCode expected)
    {
        Assert.Equal(expected, SmsByErrorMapper.Map(200, text));
        Assert.Equal(expected, SmsByErrorMapper.Map(400, text));
    }

    [Fact]
    public void TextRows_EverySentence_MapsToItsOwnRow()
    {
        foreach (var (text, code) in SmsByErrorMapper.TextRows)
        {
            Assert.Equal(code, SmsByErrorMapper.Map(200, text));
        }
    }

    [Theory]
    [InlineData(403, "Invalid phone number", ViberErrorCode.Unauthorized)]
    [InlineData(429, "not found", ViberErrorCode.RateLimited)]
    [InlineData(500, "image", ViberErrorCode.ProviderUnavailable)]
    public void Map_SpecificHttpStatus_WinsOverTheSentence(int status, string text, ViberErrorCode expected)
        => Assert.Equal(expected, SmsByErrorMapper.Map(status, text));

    [Theory]
    [InlineData("""{"status":"OK","result":{"message_id":8484}}""")]
    [InlineData("""{"status":"ok","result":[]}""")]
    [InlineData("""{"status":"Ok"}""")]
    [InlineData("""{"uuid":"cc9c8043-8caf-11ef-b035-9e8f47954dec","success":"OK"}""")]
    [InlineData("""[{"message_id":1,"success":[]},{"errors":["x: y"]}]""")]
    [InlineData("""{"status":"OK","error":""}""")]
    [InlineData("""{"status":"OK","error":false}""")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task ThrowIfError_DataAt200_DoesNotThrow(string body)
    {
        using var response = await ResponseAsync(200, body);

        ThrowIfError(response);
    }

    [Theory]
    [InlineData(200, """{"error":"not found"}""", ViberErrorCode.NotFound, "not found")]
    [InlineData(400, """{"error":"messages is required"}""", ViberErrorCode.InvalidRequest, "messages is required")]
    [InlineData(403, """{"error":"Access denied"}""", ViberErrorCode.Unauthorized, "Access denied")]
    [InlineData(404, """{"error":"Page not found"}""", ViberErrorCode.NotFound, "Page not found")]
    [InlineData(200, """{"status":"ERROR","message":"Vibername not found"}""", ViberErrorCode.InvalidSender, "Vibername not found")]
    [InlineData(200, """{"status":"error"}""", ViberErrorCode.Unknown, "error")]
    [InlineData(200, """{"success":false,"error":["a","b"]}""", ViberErrorCode.Unknown, "a; b")]
    [InlineData(200, """{"uuid":null,"success":"error"}""", ViberErrorCode.Unknown, "error")]
    [InlineData(200, "false", ViberErrorCode.Unknown, "false")]
    [InlineData(200, "null", ViberErrorCode.Unknown, "null")]
    [InlineData(200, " false ", ViberErrorCode.Unknown, "false")]
    public async Task ThrowIfError_EveryErrorShape_ThrowsTheMappedErrorWithTheProvidersWords(int status, string body, ViberErrorCode code, string providerMessage)
    {
        using var response = await ResponseAsync(status, body);

        var error = Assert.Throws<ViberMessagingException>(() => ThrowIfError(response));

        Assert.Equal((code, providerMessage, (HttpStatusCode)status), (error.ErrorCode, error.ProviderMessage, error.StatusCode!.Value));
        Assert.Equal(body, error.ResponseBody);
        Assert.Equal(SendOutcome.NotSent, error.Outcome);
        Assert.Equal("SmsBy", error.ProviderName);
    }

    [Fact]
    public async Task ThrowIfError_429_IsRateLimitedAndNotSent()
    {
        using var response = await ResponseAsync(429, """{"error":"Request limit exceeded"}""", isSend: true, rateLimited: true);

        var error = Assert.Throws<ViberMessagingException>(() => ThrowIfError(response));

        Assert.Equal((ViberErrorCode.RateLimited, SendOutcome.NotSent, "Request limit exceeded"), (error.ErrorCode, error.Outcome, error.ProviderMessage));
    }

    [Fact]
    public async Task ThrowIfError_500ToASend_IsOutcomeUnknown()
    {
        using var response = await ResponseAsync(500, "<html>Server unavailable</html>", isSend: true);

        var error = Assert.Throws<ViberMessagingException>(() => ThrowIfError(response));

        Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown, null), (error.ErrorCode, error.Outcome, error.ProviderMessage));
    }

    [Fact]
    public async Task ThrowIfError_500ToARead_IsProviderUnavailable()
    {
        using var response = await ResponseAsync(500, """{"error":"Server unavailable"}""");

        var error = Assert.Throws<ViberMessagingException>(() => ThrowIfError(response));

        Assert.Equal((ViberErrorCode.ProviderUnavailable, SendOutcome.NotSent, true), (error.ErrorCode, error.Outcome, error.IsTransient));
    }

    [Fact]
    public async Task ThrowIfError_BodyEchoingTheToken_IsRedacted()
    {
        using var response = await ResponseAsync(400, """{"error":"Invalid token secret-token-123"}""", redactor: new SecretRedactor(["secret-token-123"]));

        var error = Assert.Throws<ViberMessagingException>(() => ThrowIfError(response));

        Assert.DoesNotContain("secret-token-123", error.ResponseBody + error.ProviderMessage + error.Message, StringComparison.Ordinal);
        Assert.Equal(ViberErrorCode.Unauthorized, error.ErrorCode);
    }

    [Theory]
    [InlineData("Invalid phone number", DeliveryFailureReason.InvalidNumber)]
    [InlineData("Phone number is in the black list", DeliveryFailureReason.Blacklisted)]
    public async Task RecipientReason_RecipientErrorOfAQuickSend_IsARejectionReason(string text, DeliveryFailureReason reason)
    {
        using var response = await ResponseAsync(200, $$"""{"error":"{{text}}"}""", isSend: true);
        var error = Assert.Throws<ViberMessagingException>(() => ThrowIfError(response));

        Assert.Equal(reason, SmsByErrorMapper.RecipientReason(error));
    }

    [Fact]
    public async Task RecipientReason_AccountError_IsNotAboutTheRecipient()
    {
        using var response = await ResponseAsync(200, """{"error":"vibername_id is required"}""", isSend: true);
        var error = Assert.Throws<ViberMessagingException>(() => ThrowIfError(response));

        Assert.Null(SmsByErrorMapper.RecipientReason(error));
    }

    [Theory]
    [InlineData(200, """{"error":"not found"}""", true)]
    [InlineData(404, """{"error":"Page not found"}""", false)]
    [InlineData(200, """{"error":"Access denied"}""", false)]
    [InlineData(200, "null", true)]
    [InlineData(200, "false", true)]
    [InlineData(200, """{"status":"error"}""", false)]
    public async Task IsUnknownId_NotFoundOrABareLiteralWithASuccessfulStatus_MeansAnUnknownId(int status, string body, bool unknown)
    {
        using var response = await ResponseAsync(status, body);
        var error = Assert.Throws<ViberMessagingException>(() => ThrowIfError(response));

        Assert.Equal(unknown, SmsByErrorMapper.IsUnknownId(error));
    }

    private static async Task<ProviderResponse> ResponseAsync(int status, string body, bool isSend = false, bool rateLimited = false, SecretRedactor? redactor = null)
    {
        var message = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v2/x");
        message.Content = await BufferedContent.ReadAsync(message, request, "SmsBy", 1 << 20, CancellationToken.None);
        return new ProviderResponse("SmsBy", message, isSend, retryAfter: null, rateLimited, redactor ?? SecretRedactor.None);
    }

    /// <summary>What the kit does with the parser's answer: throw the provider's error through the outcome rule.</summary>
    private static void ThrowIfError(ViberMessaging.Http.ProviderResponse response)
    {
        if (SmsByErrorMapper.TryParse(response, answer: null, out var error))
        {
            throw response.Error(error);
        }
    }
}
