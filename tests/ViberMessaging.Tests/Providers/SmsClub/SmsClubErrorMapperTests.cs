using System.Net;
using System.Text;
using ViberMessaging.Http;
using ViberMessaging.Internal;
using ViberMessaging.SmsClub;

namespace ViberMessaging.Tests.Providers.SmsClub;

public sealed class SmsClubErrorMapperTests
{
    /// <summary>Every HTTP status in the document's two tables.</summary>
    public static TheoryData<int, ViberErrorCode> DocumentedStatuses => new()
    {
        { 400, ViberErrorCode.InvalidRequest },
        { 401, ViberErrorCode.Unauthorized },
        { 429, ViberErrorCode.RateLimited },
        { 460, ViberErrorCode.AccountBlocked },
        { 461, ViberErrorCode.InvalidSender },
        { 462, ViberErrorCode.InvalidText },
        { 463, ViberErrorCode.InvalidRecipients },
        { 464, ViberErrorCode.InsufficientFunds },
        { 465, ViberErrorCode.ProviderUnavailable },
        { 466, ViberErrorCode.InvalidSender },
        { 467, ViberErrorCode.InvalidText },
        { 468, ViberErrorCode.InsufficientFunds },
        { 500, ViberErrorCode.ProviderUnavailable },
        { 503, ViberErrorCode.ProviderUnavailable },
    };

    /// <summary>Every <c>errorRequest.errors</c> key in the document, with its documented message.</summary>
    public static TheoryData<string, string, ViberErrorCode> DocumentedKeys => new()
    {
        { "account", "Distribution of SMS-mailings from this account is not available", ViberErrorCode.AccountBlocked },
        { "systemError", "Sorry, a system error has occurred, please contact support.", ViberErrorCode.ProviderUnavailable },
        { "noMoney", "Not enough money. It is necessary to refill the balance", ViberErrorCode.InsufficientFunds },
        { "anyCorrectPhones", "No valid numbers found.", ViberErrorCode.InvalidRecipients },
        { "text", "Incorrect text.", ViberErrorCode.InvalidText },
        { "upload_img", "Failed to load image.", ViberErrorCode.InvalidImage },
        { "sender", "Sender name is incorrect", ViberErrorCode.InvalidSender },
        { "SMS", "Fields: \"Alpha-name (SMS)\" and \"Message text (SMS)\" should be filled together or not filled at all", ViberErrorCode.InvalidRequest },
    };

    /// <summary>Every message of the document's RU→EN table (English after 09.09.2022, and the earlier wording).</summary>
    public static TheoryData<string, ViberErrorCode> DocumentedMessages => new()
    {
        { "Distribution of SMS-mailings from this account is not available", ViberErrorCode.AccountBlocked },
        { "Здійснення розсилок з цього облікового запису недоступне", ViberErrorCode.AccountBlocked },
        { "Fields: \"Alpha-name (SMS)\" and \"Message text (SMS)\" should be filled together or not filled at all", ViberErrorCode.InvalidRequest },
        { "Поля: \"Альфа-ім'я (SMS)\" і \"Текст повідомлення (SMS)\" повинні бути заповнені разом або не заповнені взагалі", ViberErrorCode.InvalidRequest },
        { "The button field {button_txt} and its URL {button_url} must be filled both or not filled in at all", ViberErrorCode.InvalidRequest },
        { "Поле кнопки {button_txt} та її URL {button_url} мають бути заповнені разом або не заповнені взагалі", ViberErrorCode.InvalidRequest },
        { "Sender name is incorrect (SMS)", ViberErrorCode.InvalidSender },
        { "Некоректне альфа ім’я (SMS).", ViberErrorCode.InvalidSender },
        { "Sender name is incorrect", ViberErrorCode.InvalidSender },
        { "Некоректне альфа ім’я.", ViberErrorCode.InvalidSender },
        { "Failed to load image.", ViberErrorCode.InvalidImage },
        { "Не вдалося завантажити зображення.", ViberErrorCode.InvalidImage },
        { "Incorrect text.", ViberErrorCode.InvalidText },
        { "Некоректний текст.", ViberErrorCode.InvalidText },
        { "No valid numbers found.", ViberErrorCode.InvalidRecipients },
        { "Не знайдено жодного коректного номера.", ViberErrorCode.InvalidRecipients },
        { "Date parameters must be present or absent together", ViberErrorCode.InvalidRequest },
        { "Параметри дати повинні бути присутніми або відсутніми разом.", ViberErrorCode.InvalidRequest },
        { "Distributions can be scheduled from 8:00 to 20:00", ViberErrorCode.InvalidRequest },
        { "Розсилки можна планувати з 8:00 до 20:00", ViberErrorCode.InvalidRequest },
        { "Incorrect unix date format", ViberErrorCode.InvalidRequest },
        { "Невірний формат unix дати", ViberErrorCode.InvalidRequest },
        { "The mailing end date is less than the mailing start date", ViberErrorCode.InvalidRequest },
        { "Дата закінчення розсилки раніше дати її початку", ViberErrorCode.InvalidRequest },
        { "Invalid array of numbers", ViberErrorCode.InvalidRecipients },
        { "Невірно складений масив номерів", ViberErrorCode.InvalidRecipients },
        { "The number of messages in one request should not exceed 500 numbers", ViberErrorCode.InvalidRequest },
        { "Кількість повідомлень в одному запиті не повинна перевищувати 500 номерів", ViberErrorCode.InvalidRequest },
        { "Not enough money. It is necessary to refill the balance", ViberErrorCode.InsufficientFunds },
        { "Недостатньо коштів. Необхідно поповнити баланс", ViberErrorCode.InsufficientFunds },
        { "Sorry, a system error has occurred, please contact support.", ViberErrorCode.ProviderUnavailable },
        { "Вибачте, відбулася системна помилка, зверніться до служби підтримки, будь ласка.", ViberErrorCode.ProviderUnavailable },
    };

    [Theory]
    [MemberData(nameof(DocumentedStatuses))]
    public void StatusCodes_EveryDocumentedStatus_HasARow(int status, ViberErrorCode expected)
    {
        Assert.Equal(expected, SmsClubErrorMapper.StatusCodes[status]);
        Assert.Equal(expected, SmsClubErrorMapper.Map(status, key: null, []));
    }

    [Theory]
    [MemberData(nameof(DocumentedKeys))]
    public void ErrorKeys_EveryDocumentedKey_HasARowAndItsMessageAgrees(string key, string message, ViberErrorCode expected)
    {
        Assert.Equal(expected, SmsClubErrorMapper.ErrorKeys[key]);
        Assert.Equal(expected, SmsClubErrorMapper.Map(400, key, []));
        Assert.Equal(expected, SmsClubErrorMapper.Map(400, key, [message]));
    }

    [Theory]
    [MemberData(nameof(DocumentedMessages))]
    public void Messages_EveryDocumentedMessage_MapsEvenUnderAnUnknownKey(string message, ViberErrorCode expected)
    {
        Assert.Equal(expected, SmsClubErrorMapper.Map(400, "someNewKey", [message]));
        Assert.Equal(expected, SmsClubErrorMapper.Map(200, key: null, [message.ToUpperInvariant()]));
    }

    [Theory]
    [InlineData("picture_url", "picture (picture_url), the button text (button_txt) and the button URL (button_url) together or not at all")]
    [InlineData("button", "button text (button_txt) and the button URL (button_url) together or not at all")]
    public async Task FromSmsClubError_GroupRuleKey_SaysWhichFieldsGoTogetherNotThatTheImageFailed(string key, string sentence)
    {
        using var response = await ResponseAsync(400, """{"errorRequest":{"errors":{""" + $"\"{key}\"" + """:["must be used together or not at all"]}}}""", isSend: true);

        var error = SmsClubErrorMapper.FromSmsClubError(response);

        Assert.Equal((ViberErrorCode.InvalidRequest, key), (error.ErrorCode, error.ProviderErrorCode));
        Assert.Contains(sentence, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("could not use the image", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(418, ViberErrorCode.InvalidRequest)]
    [InlineData(599, ViberErrorCode.ProviderUnavailable)]
    [InlineData(200, ViberErrorCode.Unknown)]
    public void Map_UndocumentedStatusWithoutKey_FallsBackByClass(int status, ViberErrorCode expected)
        => Assert.Equal(expected, SmsClubErrorMapper.Map(status, key: null, ["something unheard of"]));

    [Theory]
    [InlineData(461, """{"errorRequest":{"errors":{"sender":["Sender name is incorrect"]}}}""", ViberErrorCode.InvalidSender, "sender", "Sender name is incorrect")]
    [InlineData(464, """{"errorRequest":{"errors":{"noMoney":["Not enough money. It is necessary to refill the balance"]}}}""", ViberErrorCode.InsufficientFunds, "noMoney", "Not enough money. It is necessary to refill the balance")]
    [InlineData(466, """{"errorRequest":{"errors":{"SMS":["Sender name is incorrect (SMS)"]}}}""", ViberErrorCode.InvalidSender, "SMS", "Sender name is incorrect (SMS)")]
    [InlineData(400, """{"errorRequest":{"errors":{"upload_img":["Failed to load image."]}}}""", ViberErrorCode.InvalidImage, "upload_img", "Failed to load image.")]
    [InlineData(400, """{"errorRequest":{"errors":{"picture_url":["The picture {picture_url}, the button field {button_txt} and its URL {button_url} must be used together or not at all"]}}}""", ViberErrorCode.InvalidRequest, "picture_url", "The picture {picture_url}, the button field {button_txt} and its URL {button_url} must be used together or not at all")]
    [InlineData(400, """{"errorRequest":{"errors":{"sender":"Sender name is incorrect"}}}""", ViberErrorCode.InvalidSender, "sender", "Sender name is incorrect")]
    [InlineData(200, """{"errorRequest":{"errors":{"account":["Distribution of SMS-mailings from this account is not available"]}}}""", ViberErrorCode.AccountBlocked, "account", "Distribution of SMS-mailings from this account is not available")]
    [InlineData(401, """{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}""", ViberErrorCode.Unauthorized, "Unauthorized", "Your request was made with invalid credentials.")]
    [InlineData(403, """{"name":"Forbidden","message":"Login Required","code":0,"status":403}""", ViberErrorCode.Forbidden, "Forbidden", "Login Required")]
    [InlineData(400, "", ViberErrorCode.InvalidRequest, "400", null)]
    [InlineData(462, "<html>Bad text</html>", ViberErrorCode.InvalidText, "462", null)]
    public async Task FromSmsClubError_ProviderBody_MapsCodeAndKeepsKeyAndMessage(int status, string body, ViberErrorCode code, string providerCode, string? providerMessage)
    {
        using var response = await ResponseAsync(status, body, isSend: true);

        var error = SmsClubErrorMapper.FromSmsClubError(response);

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(providerCode, error.ProviderErrorCode);
        Assert.Equal(providerMessage, error.ProviderMessage);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(SendOutcome.NotSent, error.Outcome);
        Assert.Equal("SmsClub", error.ProviderName);
        Assert.Equal(string.IsNullOrEmpty(body) ? null : body, error.ResponseBody);
    }

    [Fact]
    public async Task FromSmsClubError_SeveralKeys_FirstKeyDecidesAndEveryMessageIsKept()
    {
        using var response = await ResponseAsync(400, """{"errorRequest":{"errors":{"sender":["Sender name is incorrect"],"text":["Incorrect text."]}}}""", isSend: true);

        var error = SmsClubErrorMapper.FromSmsClubError(response);

        Assert.Equal(ViberErrorCode.InvalidSender, error.ErrorCode);
        Assert.Equal("sender", error.ProviderErrorCode);
        Assert.Equal("sender: Sender name is incorrect; text: Incorrect text.", error.ProviderMessage);
    }

    [Fact]
    public async Task FromSmsClubError_RateLimited429_IsRateLimitedAndNotSent()
    {
        using var response = await ResponseAsync(429, """{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429}""", isSend: true, isRateLimited: true, retryAfter: TimeSpan.FromSeconds(1));

        var error = SmsClubErrorMapper.FromSmsClubError(response);

        Assert.Equal(ViberErrorCode.RateLimited, error.ErrorCode);
        Assert.Equal(SendOutcome.NotSent, error.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Equal("Rate limit exceeded.", error.ProviderMessage);
    }

    [Theory]
    [InlineData(true, ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown)]
    [InlineData(false, ViberErrorCode.ProviderUnavailable, SendOutcome.NotSent)]
    public async Task FromSmsClubError_ServerError_IsOutcomeUnknownForASendOnly(bool isSend, ViberErrorCode code, SendOutcome outcome)
    {
        using var response = await ResponseAsync(500, """{"name":"Internal Server Error","message":"An internal server error occurred.","code":0,"status":500}""", isSend);

        var error = SmsClubErrorMapper.FromSmsClubError(response);

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(outcome, error.Outcome);
        Assert.Equal("Internal Server Error", error.ProviderErrorCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"successfulRequest":{}}""")]
    public async Task FromSmsClubError_SuccessWithoutDataOrError_IsMalformedAndAcceptedForASend(string body)
    {
        using var response = await ResponseAsync(200, body, isSend: true);

        var error = SmsClubErrorMapper.FromSmsClubError(response);

        Assert.Equal(ViberErrorCode.OutcomeUnknown, error.ErrorCode);
        Assert.Equal(SendOutcome.Accepted, error.Outcome);
    }

    [Fact]
    public async Task FromSmsClubError_FrameworkErrorInside200_UsesTheStatusInTheBody()
    {
        using var response = await ResponseAsync(200, """{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}""", isSend: false);

        var error = SmsClubErrorMapper.FromSmsClubError(response);

        Assert.Equal(ViberErrorCode.Unauthorized, error.ErrorCode);
    }

    [Fact]
    public async Task FromSmsClubError_BodyEchoesTheToken_RedactsIt()
    {
        using var response = await ResponseAsync(400, """{"errorRequest":{"errors":{"token":["Token secret-token-123 is not valid"]}}}""", isSend: true, redactor: new SecretRedactor(["secret-token-123"]));

        var error = SmsClubErrorMapper.FromSmsClubError(response);

        Assert.DoesNotContain("secret-token-123", error.ResponseBody, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-123", error.ProviderMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-123", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingAccepted_EmptyMessages_IsInvalidRecipientsWithTheCounts()
    {
        using var response = await ResponseAsync(200, "{}", isSend: true);
        var data = new SmsClubSendData { Messages = [], AdditionalInfo = new SmsClubAdditionalInfo { BlackList = ["380999036122"], IncorrectPhones = ["3809"] } };

        var error = SmsClubErrorMapper.NothingAccepted(response, data, recipients: 3);

        Assert.Equal(ViberErrorCode.InvalidRecipients, error.ErrorCode);
        Assert.Equal(SendOutcome.NotSent, error.Outcome);
        Assert.Contains("none of the 3 recipient(s) (1 incorrect, 1 blacklisted", error.Message, StringComparison.Ordinal);
    }

    private static async Task<ProviderResponse> ResponseAsync(
        int status, string body, bool isSend, bool isRateLimited = false, TimeSpan? retryAfter = null, SecretRedactor? redactor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "vibers/send");
        var message = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Content = await BufferedContent.ReadAsync(message, request, "SmsClub", 1 << 20, CancellationToken.None);
        return new ProviderResponse("SmsClub", message, isSend, retryAfter, isRateLimited, redactor ?? SecretRedactor.None);
    }
}
