using ViberMessaging.SmsClub;

namespace ViberMessaging.Tests.Providers.SmsClub;

public sealed class SmsClubResponseMapperTests
{
    private static readonly SmsClubJsonContext Json = SmsClubJsonContext.Default;

    [Fact]
    public void FromSmsClubSendResponse_DocumentExample_AcceptsInvalidatesAndBlacklistsPerRecipient()
    {
        // The document's example, made valid JSON (it has a stray brace and trailing commas).
        var data = RequestData(
            """
            {
              "successfulRequest": {
                "requestData": {
                  "messages": [
                    { "number": "380989361121", "id": "5769" },
                    { "number": "380989361126", "id": "5770" }
                  ],
                  "additionalInfo": {
                    "incorrectPhones": ["380989361123111", "3809"],
                    "blackList": ["380999036122"]
                  }
                }
              }
            }
            """);
        PhoneNumber[] recipients = [Phone("380989361121"), Phone("380989361126"), Phone("380989361123111"), Phone("380999036122")];

        var results = SmsClubResponseMapper.FromSmsClubSendResponse(data, "SmsClub", recipients);

        Assert.Equal(4, results.Count);
        AssertAccepted(results[0], "380989361121", "SmsClub:5769", chatId: null);
        AssertAccepted(results[1], "380989361126", "SmsClub:5770", chatId: null);
        AssertRejected(results[2], "380989361123111", DeliveryFailureReason.InvalidNumber, "incorrectPhones");
        AssertRejected(results[3], "380999036122", DeliveryFailureReason.Blacklisted, "blackList");
    }

    [Fact]
    public void FromSmsClubSendResponse_TwoWay_KeepsEachChatId()
    {
        var data = RequestData("""{"successfulRequest":{"requestData":{"messages":[{"number":"380989361121","id":"5769","chat_id":"2765"},{"number":"380989361126","id":"5770","chat_id":"2766"}],"additionalInfo":[]}}}""");

        var results = SmsClubResponseMapper.FromSmsClubSendResponse(data, "SmsClub", [Phone("380989361121"), Phone("380989361126")]);

        AssertAccepted(results[0], "380989361121", "SmsClub:5769", "2765");
        AssertAccepted(results[1], "380989361126", "SmsClub:5770", "2766");
    }

    [Theory]
    [InlineData("""{"messages":[{"number":"380989361121","id":"5769"}]}""")]
    [InlineData("""{"messages":[{"number":"380989361121","id":"5769"}],"additionalInfo":[]}""")]
    [InlineData("""{"messages":[{"number":"380989361121","id":"5769"}],"additionalInfo":null}""")]
    [InlineData("""{"messages":[{"number":"380989361121","id":"5769"}],"additionalInfo":{}}""")]
    [InlineData("""{"messages":{"0":{"number":"380989361121","id":"5769"}},"additionalInfo":[{"incorrectPhones":[]}]}""")]
    public void FromSmsClubSendResponse_MissingRecipientInAnyAdditionalInfoShape_IsRejectedAsNotAccepted(string requestData)
    {
        var data = RequestData("""{"successfulRequest":{"requestData":""" + requestData + "}}");

        var results = SmsClubResponseMapper.FromSmsClubSendResponse(data, "SmsClub", [Phone("380989361121"), Phone("380989361126")]);

        AssertAccepted(results[0], "380989361121", "SmsClub:5769", chatId: null);
        AssertRejected(results[1], "380989361126", DeliveryFailureReason.NotAccepted, providerCode: null);
    }

    [Fact]
    public void FromSmsClubSendResponse_NumbersAndIdsAsJsonNumbers_KeepEveryDigit()
    {
        var data = RequestData("""{"successfulRequest":{"requestData":{"messages":[{"number":380989361121,"id":9007199254740993,"chat_id":2766}],"additionalInfo":{"incorrectPhones":[3809],"blackList":[380999036122]}}}}""");

        var results = SmsClubResponseMapper.FromSmsClubSendResponse(data, "SmsClub", [Phone("380989361121"), Phone("380999036122")]);

        AssertAccepted(results[0], "380989361121", "SmsClub:9007199254740993", "2766");
        AssertRejected(results[1], "380999036122", DeliveryFailureReason.Blacklisted, "blackList");
    }

    [Fact]
    public void FromSmsClubSendResponse_ProviderWritesPlusOrSpaces_StillMatchesTheRecipient()
    {
        var data = RequestData("""{"successfulRequest":{"requestData":{"messages":[{"number":"+380 98 936 11 21","id":"1"}],"additionalInfo":{"incorrectPhones":["+380989361126"]}}}}""");

        var results = SmsClubResponseMapper.FromSmsClubSendResponse(data, "SmsClub", [Phone("380989361121"), Phone("380989361126")]);

        AssertAccepted(results[0], "380989361121", "SmsClub:1", chatId: null);
        AssertRejected(results[1], "380989361126", DeliveryFailureReason.InvalidNumber, "incorrectPhones");
    }

    [Fact]
    public void FromSmsClubSendResponse_OneIdUnreadable_FailsOnlyThatRecipientAsAcceptedButUntrackable()
    {
        var data = RequestData("""{"successfulRequest":{"requestData":{"messages":[{"number":"380989361121","id":"5769"},{"number":"380989361126","id":null}],"additionalInfo":{"blackList":["380999036122"]}}}}""");

        var results = SmsClubResponseMapper.FromSmsClubSendResponse(data, "SmsClub", [Phone("380989361121"), Phone("380989361126"), Phone("380999036122")]);

        AssertAccepted(results[0], "380989361121", "SmsClub:5769", chatId: null);
        Assert.Equal(RecipientStatus.Failed, results[1].Status);
        Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Accepted), (results[1].Error!.ErrorCode, results[1].Error!.Outcome));
        AssertRejected(results[2], "380999036122", DeliveryFailureReason.Blacklisted, "blackList");
    }

    [Fact]
    public void FromSmsClubReplyResponse_DocumentShape_AcceptsTheChatsRecipient()
    {
        var data = RequestData("""{"successfulRequest":{"requestData":{"messages":[{"number":"380989361126","id":"5771","chat_id":"2766"}],"additionalInfo":[]}}}""");

        var result = Assert.Single(SmsClubResponseMapper.FromSmsClubReplyResponse(data, "SmsClub", "2766"));

        AssertAccepted(result, "380989361126", "SmsClub:5771", "2766");
    }

    [Fact]
    public void FromSmsClubStatusResponse_DocumentExample_PendingWithNulls()
    {
        var data = StatusData(
            """
            {
              "successfulRequest": {
                "requestData": {
                  "5769": { "status": "Pending", "additionStatus": null, "smsStatus": null },
                  "5770": { "status": "Pending", "additionStatus": null, "smsStatus": null }
                }
              }
            }
            """);

        var reports = SmsClubResponseMapper.FromSmsClubStatusResponse(data, "SmsClub");

        Assert.Equal(["SmsClub:5769", "SmsClub:5770"], reports.Select(r => r.MessageId.ToString()));
        Assert.All(reports, r =>
        {
            Assert.Equal(DeliveryStatus.Pending, r.ViberStatus);
            Assert.Null(r.SmsStatus);
            Assert.Equal("Pending", r.RawStatus);
            Assert.Null(r.RawSmsStatus);
            Assert.Equal(DeliveryFailureReason.None, r.FailureReason);
            Assert.Null(r.ProviderErrorCode);
            Assert.Null(r.StatusAt);
            Assert.Empty(r.SmsPartIds);
            Assert.False(r.IsFinal);
        });
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    public void FromSmsClubStatusResponse_EmptyMapAsArrayOrObject_ReturnsNoReports(string requestData)
    {
        var data = StatusData("""{"successfulRequest":{"requestData":""" + requestData + "}}");

        Assert.Empty(SmsClubResponseMapper.FromSmsClubStatusResponse(data, "SmsClub"));
    }

    [Theory]
    [InlineData("Pending", DeliveryStatus.Pending)]
    [InlineData("sent", DeliveryStatus.Sent)]
    [InlineData("DELIVERED", DeliveryStatus.Delivered)]
    [InlineData("Expired", DeliveryStatus.Expired)]
    [InlineData("Undeliverable", DeliveryStatus.Undeliverable)]
    [InlineData("Rejected", DeliveryStatus.Rejected)]
    [InlineData("Ожидает отправки", DeliveryStatus.Pending)]
    [InlineData("Отправлено", DeliveryStatus.Sent)]
    [InlineData("Доставлено", DeliveryStatus.Delivered)]
    [InlineData("Просрочено", DeliveryStatus.Expired)]
    [InlineData("Недоставляемое", DeliveryStatus.Undeliverable)]
    [InlineData("Отклонено", DeliveryStatus.Rejected)]
    [InlineData("ENROUTE", DeliveryStatus.Sent)]
    [InlineData("DELIVRD", DeliveryStatus.Delivered)]
    [InlineData("EXPIRED", DeliveryStatus.Expired)]
    [InlineData("UNDELIV", DeliveryStatus.Undeliverable)]
    [InlineData("rejectd", DeliveryStatus.Rejected)]
    [InlineData(" Delivered ", DeliveryStatus.Delivered)]
    public void FromSmsClubStatus_EveryVocabulary_MapsCaseInsensitively(string raw, DeliveryStatus expected)
    {
        var report = SmsClubResponseMapper.FromSmsClubStatus(new MessageId("SmsClub", "1"), new SmsClubStatusEntry { Status = raw });

        Assert.Equal(expected, report.ViberStatus);
        Assert.Equal(raw, report.RawStatus);
    }

    [Theory]
    [InlineData("Queued for moderation")]
    [InlineData("42")]
    public void FromSmsClubStatus_UnknownWord_IsUnknownWithTheRawTextKept(string raw)
    {
        var report = SmsClubResponseMapper.FromSmsClubStatus(new MessageId("SmsClub", "1"), new SmsClubStatusEntry { Status = raw, SmsStatus = "Teleported" });

        Assert.Equal(DeliveryStatus.Unknown, report.ViberStatus);
        Assert.Equal(raw, report.RawStatus);
        Assert.Equal(DeliveryStatus.Unknown, report.SmsStatus);
        Assert.Equal("Teleported", report.RawSmsStatus);
        Assert.Null(report.Error);
    }

    [Theory]
    [InlineData("Blocked by the recipient", DeliveryFailureReason.BlockedByRecipient)]
    [InlineData("Not registered", DeliveryFailureReason.NotViberUser)]
    [InlineData("Mailing lists are not supported", DeliveryFailureReason.DeviceNotSupported)]
    [InlineData("Black list", DeliveryFailureReason.Blacklisted)]
    [InlineData("Spamming", DeliveryFailureReason.Spam)]
    [InlineData("Censorship", DeliveryFailureReason.Censorship)]
    [InlineData("Invalid number of the recipient", DeliveryFailureReason.InvalidNumber)]
    [InlineData("Prohibited operator", DeliveryFailureReason.ProhibitedOperator)]
    [InlineData("Заблокировано получателем", DeliveryFailureReason.BlockedByRecipient)]
    [InlineData("Не зарегистрирован", DeliveryFailureReason.NotViberUser)]
    [InlineData("Черный список", DeliveryFailureReason.Blacklisted)]
    [InlineData("Something new", DeliveryFailureReason.Other)]
    public void FromSmsClubStatus_AdditionStatus_IsTheReasonWithTheRawTextKept(string addition, DeliveryFailureReason expected)
    {
        var report = SmsClubResponseMapper.FromSmsClubStatus(new MessageId("SmsClub", "1"), new SmsClubStatusEntry { Status = "Undeliverable", AdditionStatus = addition });

        Assert.Equal(DeliveryStatus.Undeliverable, report.ViberStatus);
        Assert.Equal(expected, report.FailureReason);
        Assert.Equal(addition, report.ProviderErrorCode);
    }

    [Fact]
    public void FromSmsClubStatusResponse_AdditionalStatusSpellingAndRead_UpgradesToRead()
    {
        var data = StatusData("""{"successfulRequest":{"requestData":{"5769":{"status":"Delivered","additionalStatus":"Read","smsStatus":null},"5770":{"status":"Delivered","additionStatus":"read"}}}}""");

        var reports = SmsClubResponseMapper.FromSmsClubStatusResponse(data, "SmsClub");

        Assert.All(reports, r =>
        {
            Assert.Equal(DeliveryStatus.Read, r.ViberStatus);
            Assert.Equal(DeliveryStatus.Read, r.Status);
            Assert.Equal(DeliveryChannel.Viber, r.DeliveredVia);
            Assert.Equal("Delivered", r.RawStatus);
            Assert.Equal(DeliveryFailureReason.None, r.FailureReason);
            Assert.Null(r.ProviderErrorCode);
        });
    }

    [Fact]
    public void FromSmsClubStatus_ViberFailedAndSmsDelivered_IsDeliveredViaSms()
    {
        var data = StatusData("""{"successfulRequest":{"requestData":{"5769":{"status":"Undeliverable","additionStatus":"Not registered","smsStatus":"Delivered"}}}}""");

        var report = Assert.Single(SmsClubResponseMapper.FromSmsClubStatusResponse(data, "SmsClub"));

        Assert.Equal(DeliveryStatus.Undeliverable, report.ViberStatus);
        Assert.Equal(DeliveryStatus.Delivered, report.SmsStatus);
        Assert.Equal("Delivered", report.RawSmsStatus);
        Assert.Equal(DeliveryStatus.Delivered, report.Status);
        Assert.Equal(DeliveryChannel.Sms, report.DeliveredVia);
        Assert.Equal(DeliveryFailureReason.NotViberUser, report.FailureReason);
        Assert.True(report.IsFinal);
    }

    [Fact]
    public void FromSmsClubStatus_ExpiredWithoutReason_HasReasonExpired()
    {
        var report = SmsClubResponseMapper.FromSmsClubStatus(new MessageId("SmsClub", "1"), new SmsClubStatusEntry { Status = "Expired", SmsStatus = "Sent" });

        Assert.Equal(DeliveryFailureReason.Expired, report.FailureReason);
        Assert.Equal(DeliveryStatus.Sent, report.Status);
    }

    [Fact]
    public void FromSmsClubChats_DocumentExample_MapsIdRecipientAndKyivDate()
    {
        var data = SmsClubWire.Parse("""{"successfulRequest":{"requestData":{"chats":[{"chat_id":"51","recipient":"380777777777","creation_date":"2020-05-28 11:43:29"},{"chat_id":52,"recipient":380999999999,"creation_date":"2021-01-10 09:00:00"}]}}}""", Json.ChatsResponse)
            .SuccessfulRequest!.RequestData!;

        var chats = SmsClubResponseMapper.FromSmsClubChats(data);

        Assert.Equal(["51", "52"], chats.Select(c => c.ChatId));
        Assert.Equal(Phone("380777777777"), chats[0].Recipient);
        Assert.Equal(Phone("380999999999"), chats[1].Recipient);
        Assert.Null(chats[0].Sender);
        Assert.Equal(new DateTimeOffset(2020, 5, 28, 11, 43, 29, TimeSpan.FromHours(3)), chats[0].CreatedAt);
        Assert.Equal(TimeSpan.FromHours(3), chats[0].CreatedAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2021, 1, 10, 9, 0, 0, TimeSpan.FromHours(2)), chats[1].CreatedAt);
        Assert.Equal(TimeSpan.FromHours(2), chats[1].CreatedAt!.Value.Offset);
    }

    [Fact]
    public void FromSmsClubChat_DocumentExample_MapsDirectionTextDateAndTheNumericRecipient()
    {
        var data = SmsClubWire.Parse(
            """
            {
              "successfulRequest": {
                "requestData": {
                  "chat": {
                    "recipient": 380999999999,
                    "source_address": "test",
                    "creation_date": "2021-09-15 17:17:43",
                    "messages": [
                      { "text": "Ваш код підтвердження: 121212", "date": "2021-09-15 17:17:43", "type": "outcoming" },
                      { "text": "Окей", "date": "2020-09-16 11:44:03", "type": "incoming" },
                      { "text": "?", "date": "not a date", "type": "INCOMING" }
                    ]
                  }
                }
              }
            }
            """,
            Json.ChatResponse).SuccessfulRequest!.RequestData!;

        var messages = SmsClubResponseMapper.FromSmsClubChat(data, "57");

        Assert.Equal([ChatMessageDirection.Outgoing, ChatMessageDirection.Incoming, ChatMessageDirection.Incoming], messages.Select(m => m.Direction));
        Assert.Equal(["Ваш код підтвердження: 121212", "Окей", "?"], messages.Select(m => m.Text));
        Assert.All(messages, m => Assert.Equal("57", m.ChatId));
        Assert.All(messages, m => Assert.Equal(Phone("380999999999"), m.Phone));
        Assert.Equal(new DateTimeOffset(2021, 9, 15, 17, 17, 43, TimeSpan.FromHours(3)), messages[0].Timestamp);
        Assert.Equal(new DateTimeOffset(2020, 9, 16, 11, 44, 3, TimeSpan.FromHours(3)), messages[1].Timestamp);
        Assert.Null(messages[2].Timestamp);
        Assert.Null(messages[0].ProviderMessageId);
    }

    [Theory]
    [InlineData("""{"success_request":{"info":{"money":"8111.1700","currency":"UAH"}}}""", "8111.1700", "UAH")]
    [InlineData("""{"success_request":{"info":{"money":8111.17,"currency":"uah"}}}""", "8111.17", "UAH")]
    [InlineData("""{"successfulRequest":{"requestData":{"money":"0.0001","currency":"UAH"}}}""", "0.0001", "UAH")]
    public void FromSmsClubBalance_MoneyStringOrNumber_IsExactDecimal(string json, string money, string currency)
    {
        var balance = SmsClubResponseMapper.FromSmsClubBalance(SmsClubWire.Parse(json, Json.SmsClubBalanceResponse));

        Assert.NotNull(balance);
        Assert.Equal(money, balance.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(money, System.Globalization.CultureInfo.InvariantCulture), balance.Amount);
        Assert.Equal(currency, balance.Currency);
    }

    [Theory]
    [InlineData("""["MyShop","SMS Club"]""")]
    [InlineData("""{"successfulRequest":{"requestData":["MyShop","SMS Club"]}}""")]
    [InlineData("""{"successfulRequest":{"requestData":{"originators":["MyShop","SMS Club"]}}}""")]
    [InlineData("""{"successfulRequest":{"requestData":{"12":"MyShop","13":"SMS Club"}}}""")]
    [InlineData("""{"successfulRequest":{"requestData":[{"id":12,"name":"MyShop"},{"id":"13","originator":"SMS Club"}]}}""")]
    public void SenderNames_EveryPlausibleShape_YieldsTheNames(string json)
    {
        var names = SmsClubWire.Parse(json, Json.SmsClubSenderNames);

        Assert.Equal(["MyShop", "SMS Club"], names.Names);
        Assert.False(names.IsError);
    }

    [Theory]
    [InlineData("""{"errorRequest":{"errors":{"account":["Distribution of SMS-mailings from this account is not available"]}}}""", true)]
    [InlineData("""{"name":"Unauthorized","message":"…","code":0,"status":401}""", true)]
    [InlineData("""{"something":"else"}""", false)]
    public void SenderNames_NoNames_HasNoListAndSaysWhetherItWasAnError(string json, bool isError)
    {
        var names = SmsClubWire.Parse(json, Json.SmsClubSenderNames);

        Assert.Null(names.Names);
        Assert.Equal(isError, names.IsError);
    }

    private static PhoneNumber Phone(string digits) => PhoneNumber.Parse(digits);

    private static SmsClubSendData RequestData(string json) => SmsClubWire.Parse(json, Json.SendResponse).SuccessfulRequest!.RequestData!;

    private static SmsClubStatusData StatusData(string json) => SmsClubWire.Parse(json, Json.StatusResponse).SuccessfulRequest!.RequestData!;

    private static void AssertAccepted(RecipientResult result, string phone, string messageId, string? chatId)
    {
        Assert.Equal(phone, result.Recipient.Digits);
        Assert.Equal(RecipientStatus.Accepted, result.Status);
        Assert.Equal(messageId, result.MessageId.ToString());
        Assert.Equal(chatId, result.ChatId);
        Assert.Null(result.Reason);
        Assert.Null(result.ProviderCode);
        Assert.Null(result.Error);
    }

    private static void AssertRejected(RecipientResult result, string phone, DeliveryFailureReason reason, string? providerCode)
    {
        Assert.Equal(phone, result.Recipient.Digits);
        Assert.Equal(RecipientStatus.Rejected, result.Status);
        Assert.Null(result.MessageId);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(providerCode, result.ProviderCode);
        Assert.Null(result.Error);
    }
}
