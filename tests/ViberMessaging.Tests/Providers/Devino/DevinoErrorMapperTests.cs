using System.Net;
using ViberMessaging.Devino;
using static ViberMessaging.Tests.Providers.Devino.DevinoTestSupport;

namespace ViberMessaging.Tests.Providers.Devino;

public sealed class DevinoErrorMapperTests
{
    /// <summary>The document's table of request-level codes (ok aside), verbatim, plus the two the live API adds.</summary>
    public static TheoryData<string, ViberErrorCode> RequestCodes => new()
    {
        { "error-syntax", ViberErrorCode.InvalidRequest },
        { "error-auth", ViberErrorCode.Unauthorized },
        { "error-system", ViberErrorCode.ProviderUnavailable },
        { "error-account-locked", ViberErrorCode.AccountBlocked },
        { "error-instant-message-typeformat", ViberErrorCode.InvalidRequest },
        { "error-instant-message-content-type-format", ViberErrorCode.InvalidRequest },
        { "error-instant-message-content-image-id-format", ViberErrorCode.InvalidImage },
        { "not-permitted", ViberErrorCode.Forbidden },
        { "error-route-not-found", ViberErrorCode.Forbidden },
    };

    /// <summary>The document's table of per-message codes (ok aside), verbatim.</summary>
    public static TheoryData<string, ViberErrorCode, DeliveryFailureReason> MessageCodes => new()
    {
        { "error-system", ViberErrorCode.ProviderUnavailable, DeliveryFailureReason.NotAccepted },
        { "error-instant-message-client-id-not-unique", ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other },
        { "error-subject-format", ViberErrorCode.InvalidSender, DeliveryFailureReason.Other },
        { "error-subject-unknown", ViberErrorCode.InvalidSender, DeliveryFailureReason.Other },
        { "error-subject-not-specified", ViberErrorCode.InvalidSender, DeliveryFailureReason.Other },
        { "error-address-format", ViberErrorCode.InvalidRecipients, DeliveryFailureReason.InvalidNumber },
        { "error-address-unknown", ViberErrorCode.InvalidRecipients, DeliveryFailureReason.ProhibitedOperator },
        { "error-address-not-specified", ViberErrorCode.InvalidRecipients, DeliveryFailureReason.InvalidNumber },
        { "error-priority-format", ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other },
        { "error-comment-format", ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other },
        { "error-instant-message-type-format", ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other },
        { "error-instant-message-type-not-specified", ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other },
        { "error-content-type-format", ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other },
        { "error-content-not-specified", ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other },
        { "error-validity-period-seconds-format", ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other },
        { "error-instant-message-provider-id-format", ViberErrorCode.InvalidRequest, DeliveryFailureReason.UnknownMessage },
        { "error-instant-message-provider-id-duplicate", ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other },
        { "error-instant-message-provider-id-unknown", ViberErrorCode.NotFound, DeliveryFailureReason.UnknownMessage },
        { "error-resend-sms-error", ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other },
        { "error-resend-sms-validity-period-error", ViberErrorCode.InvalidRequest, DeliveryFailureReason.Other },
    };

    [Fact]
    public void Tables_EveryDocumentedCode_HasExactlyOneRow()
    {
        var requestCodes = RequestCodes.Select(row => (string)row[0]).ToArray();
        var messageCodes = MessageCodes.Select(row => (string)row[0]).ToArray();

        Assert.Equal(requestCodes.Order(StringComparer.Ordinal), DevinoErrorMapper.RequestCodes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(messageCodes.Order(StringComparer.Ordinal), DevinoErrorMapper.MessageCodes.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RequestCodes))]
    public async Task FromDevinoResponse_RequestLevelStatusAt200_MapsToItsCodeKeepingTheRawOne(string status, ViberErrorCode expected)
    {
        using var response = await ResponseAsync(HttpStatusCode.OK, $$"""{"status":"{{status}}","messages":[]}""", isSend: false);

        var sut = DevinoErrorMapper.FromDevinoResponse(response, status);

        Assert.Equal((expected, status, HttpStatusCode.OK, SendOutcome.NotSent), (sut.ErrorCode, sut.ProviderErrorCode, sut.StatusCode!.Value, sut.Outcome));
        Assert.Equal("Devino", sut.ProviderName);
        Assert.Contains(status, sut.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromDevinoResponse_SystemErrorToASend_IsAnUnknownOutcome()
    {
        using var response = await ResponseAsync(HttpStatusCode.OK, """{"status":"error-system","messages":[]}""", isSend: true);

        var sut = DevinoErrorMapper.FromDevinoResponse(response, "error-system");

        Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown, "error-system"), (sut.ErrorCode, sut.Outcome, sut.ProviderErrorCode));
    }

    [Theory]
    [InlineData("error-auth")]
    [InlineData("error-account-locked")]
    [InlineData("error-syntax")]
    public async Task FromDevinoResponse_RejectionToASend_IsNotSent(string status)
    {
        using var response = await ResponseAsync(HttpStatusCode.OK, $$"""{"status":"{{status}}","messages":[]}""", isSend: true);

        var sut = DevinoErrorMapper.FromDevinoResponse(response, status);

        Assert.Equal(SendOutcome.NotSent, sut.Outcome);
        Assert.NotEqual(ViberErrorCode.OutcomeUnknown, sut.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(MessageCodes))]
    public void FromDevinoMessageCode_EveryPerMessageCode_MapsToItsCodeAndReason(string code, ViberErrorCode expected, DeliveryFailureReason reason)
    {
        var id = Id(BigId);

        var sut = DevinoErrorMapper.FromDevinoMessageCode(code, id, "Devino");

        Assert.Equal((expected, code, "Devino"), (sut.ErrorCode, sut.ProviderErrorCode, sut.ProviderName));
        Assert.Contains("Devino:3158611117333282816", sut.Message, StringComparison.Ordinal);
        Assert.Equal(reason, DevinoErrorMapper.ToRejectionReason(code));
    }

    [Theory]
    [InlineData("error-nobody-documented", DeliveryFailureReason.Other)]
    [InlineData(null, DeliveryFailureReason.NotAccepted)]
    [InlineData("ERROR-ADDRESS-FORMAT", DeliveryFailureReason.InvalidNumber)]
    public void ToRejectionReason_UndocumentedMissingOrUpperCaseCode_MapsLeniently(string? code, DeliveryFailureReason expected)
    {
        var sut = DevinoErrorMapper.ToRejectionReason(code);

        Assert.Equal(expected, sut);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Bad Request", ViberErrorCode.InvalidRequest)]
    [InlineData(HttpStatusCode.Unauthorized, "Unauthorized", ViberErrorCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden, "Forbidden", ViberErrorCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound, "Not Found", ViberErrorCode.NotFound)]
    [InlineData(HttpStatusCode.UnsupportedMediaType, "Unsupported Media Type", ViberErrorCode.InvalidRequest)]
    [InlineData(HttpStatusCode.InternalServerError, "Internal Server Error", ViberErrorCode.ProviderUnavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "Service Unavailable", ViberErrorCode.ProviderUnavailable)]
    public async Task FromDevinoResponse_SpringBodyOnAStatusQuery_MapsTheHttpStatusKeepingErrorAndMessage(HttpStatusCode status, string error, ViberErrorCode expected)
    {
        using var response = await ResponseAsync(status, $$"""{"timestamp":1565859580000,"status":{{(int)status}},"error":"{{error}}","message":"Something about it","path":"/status"}""", isSend: false);

        var sut = DevinoErrorMapper.FromDevinoResponse(response, status: null);

        Assert.Equal((expected, error, "Something about it", status), (sut.ErrorCode, sut.ProviderErrorCode, sut.ProviderMessage, sut.StatusCode!.Value));
        Assert.Equal(SendOutcome.NotSent, sut.Outcome);
    }

    [Fact]
    public async Task FromDevinoResponse_Spring500ToASend_IsAnUnknownOutcome()
    {
        using var response = await ResponseAsync(HttpStatusCode.InternalServerError, """{"timestamp":1565859580000,"status":500,"error":"Internal Server Error","message":"boom","path":"/send"}""");

        var sut = DevinoErrorMapper.FromDevinoResponse(response, status: null);

        Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown), (sut.ErrorCode, sut.Outcome));
    }

    [Fact]
    public async Task FromDevinoResponse_DevinoBodyOnANon2xx_MapsItsCode()
    {
        using var response = await ResponseAsync(HttpStatusCode.Unauthorized, """{"status":"error-auth","messages":[]}""");

        var sut = DevinoErrorMapper.FromDevinoResponse(response, status: null);

        Assert.Equal((ViberErrorCode.Unauthorized, "error-auth", HttpStatusCode.Unauthorized), (sut.ErrorCode, sut.ProviderErrorCode, sut.StatusCode!.Value));
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>", HttpStatusCode.BadGateway, ViberErrorCode.ProviderUnavailable)]
    [InlineData("", HttpStatusCode.Forbidden, ViberErrorCode.Forbidden)]
    [InlineData("[1,2]", HttpStatusCode.BadRequest, ViberErrorCode.InvalidRequest)]
    public async Task FromDevinoResponse_UnreadableNon2xxBody_MapsTheHttpStatusWithoutAProviderCode(string body, HttpStatusCode status, ViberErrorCode expected)
    {
        using var response = await ResponseAsync(status, body, isSend: false);

        var sut = DevinoErrorMapper.FromDevinoResponse(response, status: null);

        Assert.Equal(expected, sut.ErrorCode);
        Assert.Null(sut.ProviderErrorCode);
    }

    [Fact]
    public async Task FromDevinoResponse_UndocumentedStatus_IsUnknownWithTheRawCode()
    {
        using var response = await ResponseAsync(HttpStatusCode.OK, """{"status":"error-brand-new","messages":[]}""", isSend: false);

        var sut = DevinoErrorMapper.FromDevinoResponse(response, "error-brand-new");

        Assert.Equal((ViberErrorCode.Unknown, "error-brand-new"), (sut.ErrorCode, sut.ProviderErrorCode));
    }

    [Fact]
    public async Task FromDevinoResponse_BodyEchoingTheCredentials_IsRedacted()
    {
        using var response = await ResponseAsync(
            HttpStatusCode.BadRequest,
            """{"timestamp":1,"status":400,"error":"Bad Request","message":"bad header Basic bG9naW46czNjcjN0LXBhc3M= for s3cr3t-pass","path":"/send"}""",
            isSend: false,
            "s3cr3t-pass",
            "login:s3cr3t-pass");

        var sut = DevinoErrorMapper.FromDevinoResponse(response, status: null);

        Assert.DoesNotContain("s3cr3t-pass", sut.ResponseBody, StringComparison.Ordinal);
        Assert.DoesNotContain("bG9naW46czNjcjN0LXBhc3M=", sut.ResponseBody, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pass", sut.ProviderMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pass", sut.Message, StringComparison.Ordinal);
    }
}
