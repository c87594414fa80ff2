using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.ContractTests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace ViberMessaging.ContractTests.Providers.Devino;

/// <summary>
/// Devino Telecom's wire contract, from /work/shared/provider-docs/devino-viber-http-api.ru.txt: JSON POSTs to
/// <c>/send</c> and <c>/status</c> with "базовую авторизацию … логин и пароль … в формате login:password в base64" —
/// the document's own header, <c>Basic dGVzdGVyOjExMTExMQ==</c>, is tester:111111.
/// </summary>
public sealed class DevinoContractTests
{
    private const string Name = ViberProviders.Devino;

    // The document writes "resendSms" : "true" in its examples but types the field "boolean" in its table ("true –
    // переотправка включена false – переотправка выключена"): the examples are fixed to JSON booleans here.
    private const string TextExample = """
        {
          "resendSms" : true,
          "messages" :
          [ {
            "subject" : "Subject",
            "priority" : "high",
            "validityPeriodSec" : 3600,
            "comment" : "comment",
            "type" : "viber",
            "contentType" : "text",
            "content" :
            {
              "text" : "Message text"
            },
            "address" : "7925000000",

            "smsText": "1sms Message text",
            "smsSrcAddress": "1TEST",
            "smsValidityPeriodSec": 5000
          } ]
        }
        """;

    // The document's send answer, with the comma it leaves out after "ok".
    private const string SendAnswer = """
        {
          "status" : "ok",
          "messages" :
            [ {
              "providerId" : 54321,
              "code" : "ok"
            } ]
        }
        """;

    [Fact]
    public async Task SendAsync_TextWithSmsResend_PostsTextExample()
    {
        await using var server = Start();
        server.Expect(Post("/send", TextExample), ContractServer.Json(200, SendAnswer));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(Example(new ViberMessage
        {
            Text = "Message text",
            SmsFallback = new SmsFallback("1sms Message text") { Sender = "1TEST", TimeToLive = TimeSpan.FromSeconds(5000) },
        })));

        var recipient = Assert.Single(result.Recipients);
        Assert.Equal(RecipientStatus.Accepted, recipient.Status);
        Assert.Equal(PhoneNumber.Parse("7925000000"), recipient.Recipient);

        // "На стороне клиента providerId должно сохраняться для последующего запроса статуса сообщения."
        Assert.Equal(new MessageId(Name, "54321"), recipient.MessageId);
    }

    [Fact]
    public async Task SendAsync_ButtonWithImageAndSmsResend_PostsButtonExample()
    {
        // "Пример запроса отправки кнопки", resendSms fixed to a boolean.
        const string request = """
            {
              "resendSms" : true,
              "messages" :
              [ {
                "subject" : "Subject",
                "priority" : "high",
                "validityPeriodSec" : 3600,
                "comment" : "comment",
                "type" : "viber",
                "contentType" : "button",
                "content" : {
                  "text" : "text",
                  "caption" : "caption",
                  "action" : "http://company.com/resource",
                  "imageUrl" : "http://company.com/image.jpg"
                },
                "address" : "7925000000",
                "smsText": "1sms Message text",
                "smsSrcAddress": "1TEST",
                "smsValidityPeriodSec": 5000
              } ]
            }
            """;
        await using var server = Start();
        server.Expect(Post("/send", request), ContractServer.Json(200, SendAnswer));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(Example(new ViberMessage
        {
            Text = "text",
            Button = new ViberButton("caption", new Uri("http://company.com/resource")),
            ImageUrl = new Uri("http://company.com/image.jpg"),
            SmsFallback = new SmsFallback("1sms Message text") { Sender = "1TEST", TimeToLive = TimeSpan.FromSeconds(5000) },
        })));

        Assert.Equal(new MessageId(Name, "54321"), Assert.Single(result.MessageIds));
    }

    [Fact]
    public async Task SendAsync_ImageOnly_PostsImageExampleWithResendOff()
    {
        // "Пример запроса отправки изображения", resendSms fixed to a boolean: "В случае указания resendSms = true для
        // отправки image сервис возвращает ошибку валидации".
        const string request = """
            {
              "resendSms" : false,
              "messages" :
              [ {
                "subject" : "Subject",
                "priority" : "high",
                "validityPeriodSec" : 3600,
                "comment" : "comment",
                "type" : "viber",
                "contentType" : "image",
                "content" : {
                  "imageUrl" : "http://company.com/image.jpg"
                },
                "address" : "7925000000"
              } ]
            }
            """;
        await using var server = Start();
        server.Expect(Post("/send", request), ContractServer.Json(200, SendAnswer));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(Example(new ViberMessage { ImageUrl = new Uri("http://company.com/image.jpg") })));

        Assert.Equal(new MessageId(Name, "54321"), Assert.Single(result.MessageIds));
    }

    [Fact]
    public async Task SendAsync_SeveralRecipients_PostsCommonDataExampleAndKeepsIdsAbove2Pow53()
    {
        // "Пример отправки нескольких сообщений": commonData carries the shared fields, each message its address (the
        // prose calls the block messageCommonData, the example commonData). The example's second message also overrides
        // priority and content; one neutral message to two recipients has no such override, so it is left out.
        const string request = """
            {
              "resendSms" : false,
              "commonData" : {
                "subject" : "Subject",
                "priority" : "high",
                "validityPeriodSec" : 3600,
                "comment" : "comment",
                "type" : "viber",
                "contentType" : "button",
                "content" : {
                  "text" : "text",
                  "caption" : "caption",
                  "action" : "http://company.com/resource",
                  "imageUrl" : "http://company.com/image.jpg"
                }
              },
              "messages" :
              [ {
                "address" : "7925000001"
              },
              {
                "address" : "7925000002"
              } ]
            }
            """;

        // The send answer's shape with the status example's providerIds (above 2^53), one per message in order.
        const string answer = """
            { "status": "ok", "messages": [ { "providerId": 3158611117333282816, "code": "ok" }, { "providerId": 3158611117333282817, "code": "ok" } ] }
            """;
        await using var server = Start();
        server.Expect(Post("/send", request), ContractServer.Json(200, answer));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(Example(new ViberMessage
        {
            Recipients = [PhoneNumber.Parse("7925000001"), PhoneNumber.Parse("7925000002")],
            Text = "text",
            Button = new ViberButton("caption", new Uri("http://company.com/resource")),
            ImageUrl = new Uri("http://company.com/image.jpg"),
        })));

        Assert.Equal(PhoneNumber.Parse("7925000001"), result.Recipients[0].Recipient);
        Assert.Equal(new MessageId(Name, "3158611117333282816"), result.Recipients[0].MessageId);
        Assert.Equal(PhoneNumber.Parse("7925000002"), result.Recipients[1].Recipient);
        Assert.Equal(new MessageId(Name, "3158611117333282817"), result.Recipients[1].MessageId);
    }

    // Only the table's required fields ("Обязательное поле: Да": subject, priority, type, contentType, content, address)
    // when nothing optional is set: no validityPeriodSec ("Если параметр не указан … максимальное значение"), no comment,
    // no SMS fields, and resendSms written as false. "Для транзакционных сообщений приоритет должен быть высоким, для
    // рекламы низким."
    [Theory]
    [InlineData(MessageKind.Transactional, "high")]
    [InlineData(MessageKind.Promotional, "low")]
    public async Task SendAsync_NothingOptional_PostsRequiredFieldsWithPriorityByKind(MessageKind kind, string priority)
    {
        var request = $$"""
            {
              "resendSms" : false,
              "messages" : [ {
                "subject" : "Subject",
                "priority" : "{{priority}}",
                "type" : "viber",
                "contentType" : "text",
                "content" : { "text" : "Message text" },
                "address" : "7925000000"
              } ]
            }
            """;
        await using var server = Start();
        server.Expect(Post("/send", request), ContractServer.Json(200, SendAnswer));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(new ViberMessage { Sender = "Subject", Kind = kind, Recipients = [PhoneNumber.Parse("7925000000")], Text = "Message text" }));

        Assert.Equal(new MessageId(Name, "54321"), Assert.Single(result.MessageIds));
    }

    [Theory]
    [InlineData(MessagePriority.Low, "low")]
    [InlineData(MessagePriority.Normal, "normal")]
    [InlineData(MessagePriority.High, "high")]
    [InlineData(MessagePriority.Realtime, "realtime")]
    public async Task SendAsync_Priority_PostsDocumentedWord(MessagePriority priority, string word)
    {
        // "low – низкий приоритет. normal – нормальный приоритет high – высокий приоритет. realtime – высочайший приоритет".
        await using var server = Start();
        server.Expect(Post("/send", TextExample.Replace("\"high\"", $"\"{word}\"", StringComparison.Ordinal)), ContractServer.Json(200, SendAnswer));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(Example(new ViberMessage
        {
            Text = "Message text",
            Priority = priority,
            SmsFallback = new SmsFallback("1sms Message text") { Sender = "1TEST", TimeToLive = TimeSpan.FromSeconds(5000) },
        })));

        Assert.True(result.IsFullyAccepted);
    }

    // Request-level codes ("Коды возврата обработки запроса (status)"). The document shows no error answer: this is
    // its send answer's shape with the code in "status" and no message accepted.
    [Theory]
    [InlineData("error-syntax", ViberErrorCode.InvalidRequest)]
    [InlineData("error-auth", ViberErrorCode.Unauthorized)]
    [InlineData("error-account-locked", ViberErrorCode.AccountBlocked)]
    [InlineData("error-instant-message-typeformat", ViberErrorCode.InvalidRequest)]
    [InlineData("error-instant-message-content-type-format", ViberErrorCode.InvalidRequest)]
    [InlineData("error-instant-message-content-image-id-format", ViberErrorCode.InvalidImage)]
    public async Task SendAsync_RequestLevelCode_ThrowsMappedError(string code, ViberErrorCode expected)
    {
        await using var server = Start();
        server.Expect(Post("/send", TextExample), ContractServer.Json(200, $$"""{ "status": "{{code}}", "messages": [] }"""));
        var sut = server.Get<IViberSender>(Name);

        var error = await server.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(TextMessage()));

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal(code, error.ProviderErrorCode);
        Assert.Equal(Name, error.ProviderName);
        Assert.Equal(SendOutcome.NotSent, error.Outcome);
    }

    [Fact]
    public async Task SendAsync_RequestLevelSystemError_ThrowsOutcomeUnknownKeepingCode()
    {
        // "error-system — системная ошибка": the document does not say whether the messages were taken, so a paid send
        // must not be reported as not sent (a resend could double it).
        await using var server = Start();
        server.Expect(Post("/send", TextExample), ContractServer.Json(200, """{ "status": "error-system", "messages": [] }"""));
        var sut = server.Get<IViberSender>(Name);

        var error = await server.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(TextMessage()));

        Assert.Equal(SendOutcome.Unknown, error.Outcome);
        Assert.Equal("error-system", error.ProviderErrorCode);
    }

    // Per-message codes ("Коды возврата обработки сообщения в рамках запроса (code)") that a send can get: the message
    // is rejected, has no providerId ("Поле возвращается только в случае когда код … равен "ok""), and keeps the code.
    [Theory]
    [InlineData("error-system")]
    [InlineData("error-instant-message-client-id-not-unique")]
    [InlineData("error-subject-format")]
    [InlineData("error-subject-unknown")]
    [InlineData("error-subject-not-specified")]
    [InlineData("error-address-format")]
    [InlineData("error-address-unknown")]
    [InlineData("error-address-not-specified")]
    [InlineData("error-priority-format")]
    [InlineData("error-comment-format")]
    [InlineData("error-instant-message-type-format")]
    [InlineData("error-instant-message-type-not-specified")]
    [InlineData("error-content-type-format")]
    [InlineData("error-content-not-specified")]
    [InlineData("error-validity-period-seconds-format")]
    [InlineData("error-resend-sms-error")]
    [InlineData("error-resend-sms-validity-period-error")]
    public async Task SendAsync_MessageLevelCode_RecipientRejectedWithCode(string code)
    {
        await using var server = Start();
        server.Expect(Post("/send", TextExample), ContractServer.Json(200, $$"""{ "status": "ok", "messages": [ { "code": "{{code}}" } ] }"""));
        var sut = server.Get<IViberSender>(Name);

        var result = await server.RunAsync(() => sut.SendAsync(TextMessage()));

        var recipient = Assert.Single(result.Recipients);
        Assert.NotEqual(RecipientStatus.Accepted, recipient.Status);
        Assert.Null(recipient.MessageId);
        Assert.Equal(code, recipient.ProviderCode);
        Assert.NotEqual(DeliveryFailureReason.None, recipient.Reason ?? DeliveryFailureReason.None);
    }

    [Theory]
    [InlineData(401, ViberErrorCode.Unauthorized, SendOutcome.NotSent)]
    [InlineData(500, ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown)]
    public async Task SendAsync_HttpError_ThrowsMappedError(int status, ViberErrorCode expected, SendOutcome outcome)
    {
        await using var server = Start();
        server.Expect(Post("/send", TextExample), ContractServer.Json(status, "{}"));
        var sut = server.Get<IViberSender>(Name);

        var error = await server.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(TextMessage()));

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(outcome, error.Outcome);
    }

    [Fact]
    public async Task GetStatusesAsync_FiveIds_PostsStatusExampleAndMapsDocumentAnswer()
    {
        // "Пример запроса" of /status: its ids as JSON numbers.
        const string request = """
            {
            "messages" :
              [3158611117333282816, 3158611117333282817,3158611117333282818, 3158611117333282819,
            3158611117333282820 ]
            }
            """;

        // The document's answer is split across a page break: the first part closes early ("} ] } ] }") and the second
        // part ends with stray ",", "]," and "}". Joined here: the first message's smsStates continue with id
        // ...797, then the four other messages follow in the same array.
        const string answer = """
            {
              "status": "ok",
              "messages": [
                {
                  "providerId": 3158611117333282816,
                  "code": "ok",
                  "smsStates": [
                    { "id": 583465579822710784, "state": "delivered" },
                    { "id": 583465579822710785, "state": "delivered" },
                    { "id": 583465579822710786, "state": "delivered" },
                    { "id": 583465579822710787, "state": "delivered" },
                    { "id": 583465579822710788, "state": "delivered" },
                    { "id": 583465579822710789, "state": "delivered" },
                    { "id": 583465579822710790, "state": "delivered" },
                    { "id": 583465579822710791, "state": "delivered" },
                    { "id": 583465579822710792, "state": "delivered" },
                    { "id": 583465579822710793, "state": "delivered" },
                    { "id": 583465579822710794, "state": "delivered" },
                    { "id": 583465579822710795, "state": "delivered" },
                    { "id": 583465579822710796, "state": "delivered" },
                    { "id": 583465579822710797, "state": "delivered" }
                  ]
                },
                {
                  "providerId": 3158611117333282818,
                  "code": "ok",
                  "smsStates": [ { "id": 583465579822710798, "state": "delivered" } ]
                },
                {
                  "providerId": 3158611117333282820,
                  "code": "ok",
                  "smsStates": [ { "id": 583465579822710799, "state": "delivered" } ]
                },
                {
                  "providerId": 3158611117333282817,
                  "code": "ok",
                  "status": "read",
                  "statusAt": "2016-08-10 15:28:50"
                },
                {
                  "providerId": 3158611117333282819,
                  "code": "ok",
                  "status": "read",
                  "statusAt": "2016-08-10 15:28:50"
                }
              ]
            }
            """;
        await using var server = Start();
        server.Expect(Post("/status", request), ContractServer.Json(200, answer));
        var sut = server.Get<IStatusQuery>(Name);
        var ids = new[] { 816, 817, 818, 819, 820 }.Select(i => new MessageId(Name, "3158611117333282" + i)).ToArray();

        var reports = (await server.RunAsync(() => sut.GetStatusesAsync(ids))).ToDictionary(r => r.MessageId);

        Assert.Equal(5, reports.Count);

        // "smsStates … Текущий статус доставки СМС сообщения. Указывается, только если была переотправка сообщения";
        // "Если сообщение многосегментное, то будет возвращен ID для каждого сегмента".
        var resent = reports[ids[0]];
        Assert.Equal(DeliveryStatus.Delivered, resent.SmsStatus);
        Assert.Equal(DeliveryChannel.Sms, resent.DeliveredVia);
        Assert.Equal(Enumerable.Range(784, 14).Select(i => "583465579822710" + i), resent.SmsPartIds);
        Assert.Equal(["583465579822710798"], reports[ids[2]].SmsPartIds);
        Assert.Equal(["583465579822710799"], reports[ids[4]].SmsPartIds);

        // "statusAt — Дата и время получения статуса по UTC".
        foreach (var read in new[] { reports[ids[1]], reports[ids[3]] })
        {
            Assert.Equal(DeliveryStatus.Read, read.Status);
            Assert.Equal("read", read.RawStatus);
            Assert.Equal(new DateTimeOffset(2016, 8, 10, 15, 28, 50, TimeSpan.Zero), read.StatusAt);
            Assert.Equal(DeliveryChannel.Viber, read.DeliveredVia);
        }
    }

    // "Status — Код статуса доставки Viber сообщения": enqueued, sent, delivered, read, undelivered, failed, cancelled.
    [Theory]
    [InlineData("enqueued", DeliveryStatus.Pending)]
    [InlineData("sent", DeliveryStatus.Sent)]
    [InlineData("delivered", DeliveryStatus.Delivered)]
    [InlineData("read", DeliveryStatus.Read)]
    [InlineData("undelivered", DeliveryStatus.Undeliverable)]
    [InlineData("failed", DeliveryStatus.Failed)]
    [InlineData("cancelled", DeliveryStatus.Cancelled)]
    public async Task GetStatusesAsync_DocumentedViberStatus_MapsIt(string status, DeliveryStatus expected)
    {
        var report = await QueryOneAsync($$"""{ "providerId": 3158611117333282817, "code": "ok", "status": "{{status}}", "statusAt": "2016-08-10 15:28:50" }""");

        Assert.Equal(expected, report.ViberStatus);
        Assert.Equal(status, report.RawStatus);
    }

    // "error — Причина, по которой сообщение не было доставлено абоненту (status=undelivered)".
    [Theory]
    [InlineData("user-blocked", DeliveryFailureReason.BlockedByRecipient)]
    [InlineData("not-viber-user", DeliveryFailureReason.NotViberUser)]
    public async Task GetStatusesAsync_DocumentedUndeliveredReason_MapsIt(string error, DeliveryFailureReason expected)
    {
        var report = await QueryOneAsync($$"""{ "providerId": 3158611117333282817, "code": "ok", "status": "undelivered", "statusAt": "2016-08-10 15:28:50", "error": "{{error}}" }""");

        Assert.Equal(DeliveryStatus.Undeliverable, report.ViberStatus);
        Assert.Equal(expected, report.FailureReason);
    }

    // "smsStates.state — Код статуса доставки СМС сообщения": enqueued, sent, delivered, undelivered.
    [Theory]
    [InlineData("enqueued", DeliveryStatus.Pending)]
    [InlineData("sent", DeliveryStatus.Sent)]
    [InlineData("delivered", DeliveryStatus.Delivered)]
    [InlineData("undelivered", DeliveryStatus.Undeliverable)]
    public async Task GetStatusesAsync_DocumentedSmsState_MapsIt(string state, DeliveryStatus expected)
    {
        var report = await QueryOneAsync($$"""{ "providerId": 3158611117333282817, "code": "ok", "smsStates": [ { "id": 583465579822710798, "state": "{{state}}" } ] }""");

        Assert.Equal(expected, report.SmsStatus);
        Assert.Equal(state, report.RawSmsStatus);
    }

    [Fact]
    public async Task GetStatusesAsync_UnknownProviderId_ReportsCodeForThatId()
    {
        // "error-instant-message-provider-id-unknown — исходящее сообщение с данным провайдерским идентификатором не
        // найдено на платформе провайдера".
        var report = await QueryOneAsync("""{ "providerId": 3158611117333282817, "code": "error-instant-message-provider-id-unknown" }""");

        Assert.Equal("error-instant-message-provider-id-unknown", report.ProviderErrorCode);
        Assert.Equal(ViberErrorCode.NotFound, report.Error?.ErrorCode);
        Assert.Equal(DeliveryStatus.Unknown, report.Status);
    }

    [Fact]
    public async Task GetStatusesAsync_RequestLevelAuthError_Throws()
    {
        await using var server = Start();
        server.Expect(Post("/status", """{ "messages": [3158611117333282817] }"""), ContractServer.Json(200, """{ "status": "error-auth" }"""));
        var sut = server.Get<IStatusQuery>(Name);

        var error = await server.ThrowsAsync<ViberMessagingException>(() => sut.GetStatusesAsync([new MessageId(Name, "3158611117333282817")]));

        Assert.Equal(ViberErrorCode.Unauthorized, error.ErrorCode);
        Assert.Equal("error-auth", error.ProviderErrorCode);
    }

    private static async Task<DeliveryReport> QueryOneAsync(string message)
    {
        await using var server = Start();
        server.Expect(Post("/status", """{ "messages": [3158611117333282817] }"""), ContractServer.Json(200, $$"""{ "status": "ok", "messages": [ {{message}} ] }"""));
        var sut = server.Get<IStatusQuery>(Name);

        var reports = await server.RunAsync(() => sut.GetStatusesAsync([new MessageId(Name, "3158611117333282817")]));

        var report = Assert.Single(reports);
        Assert.Equal(new MessageId(Name, "3158611117333282817"), report.MessageId);
        return report;
    }

    /// <summary>The examples' common fields: subject, priority, validity, comment and address.</summary>
    private static ViberMessage Example(ViberMessage content) => new()
    {
        Sender = "Subject",
        TimeToLive = TimeSpan.FromSeconds(3600),
        ClientReference = "comment",
        Recipients = content.Recipients.Count > 0 ? content.Recipients : [PhoneNumber.Parse("7925000000")],
        Text = content.Text,
        ImageUrl = content.ImageUrl,
        Button = content.Button,
        SmsFallback = content.SmsFallback,
        Priority = content.Priority ?? MessagePriority.High,
    };

    private static ViberMessage TextMessage() => Example(new ViberMessage
    {
        Text = "Message text",
        SmsFallback = new SmsFallback("1sms Message text") { Sender = "1TEST", TimeToLive = TimeSpan.FromSeconds(5000) },
    });

    private static ContractServer Start()
    {
        var server = new ContractServer();
        return server.Register(b => b.AddDevino(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Login = "tester";
            o.Password = "111111";
            o.Resilience.MaxRetryAttempts = 0;
        }));
    }

    private static IRequestBuilder Post(string path, string json)
        => Request.Create().WithPath(path).UsingPost()
            .WithHeader("Authorization", new ExactMatcher("Basic dGVzdGVyOjExMTExMQ=="))
            .WithHeader("Content-Type", new WildcardMatcher("application/json*", ignoreCase: true))
            .WithBody(new JsonMatcher(json));
}
