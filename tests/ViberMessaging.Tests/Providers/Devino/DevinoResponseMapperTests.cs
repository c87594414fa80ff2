using ViberMessaging.Devino;
using static ViberMessaging.Tests.Providers.Devino.DevinoTestSupport;

namespace ViberMessaging.Tests.Providers.Devino;

public sealed class DevinoResponseMapperTests
{
    private static readonly ViberMessagingException NoId = new(ViberErrorCode.OutcomeUnknown, "accepted without an id");

    [Fact]
    public void FromDevinoSendResponse_AllOk_AcceptsEachRecipientWithItsExact64BitId()
    {
        var answer = Parse("""
            {"status":"ok","messages":[{"providerId":3158611117333282816,"code":"ok"},{"providerId":"9223372036854775807","code":"OK"}]}
            """, DevinoJsonContext.Default.DevinoSendResponse);
        var recipients = Phones("+79250000001", "+79250000002");

        var sut = DevinoResponseMapper.FromDevinoSendResponse(answer, recipients, "Devino", _ => NoId);

        Assert.Equal([RecipientStatus.Accepted, RecipientStatus.Accepted], sut.Select(r => r.Status));
        Assert.Equal(recipients, sut.Select(r => r.Recipient));
        Assert.Equal(["Devino:3158611117333282816", "Devino:9223372036854775807"], sut.Select(r => r.MessageId.ToString()));
        Assert.All(sut, r => Assert.Null(r.Reason));
    }

    [Fact]
    public void FromDevinoSendResponse_MixedOkAndErrorCodes_RejectsOnlyTheFailingRecipientsWithReasonAndRawCode()
    {
        var answer = Parse("""
            {"status":"ok","messages":[
              {"providerId":3158611117333282816,"code":"ok"},
              {"code":"error-subject-unknown"},
              {"code":"error-address-format"},
              {"code":"error-address-unknown"},
              {"code":"error-system"},
              {"code":"error-something-new"},
              {"providerId":3158611117333282817,"code":"ok"}
            ]}
            """, DevinoJsonContext.Default.DevinoSendResponse);
        var recipients = Phones("+79250000001", "+79250000002", "+79250000003", "+79250000004", "+79250000005", "+79250000006", "+79250000007");

        var sut = DevinoResponseMapper.FromDevinoSendResponse(answer, recipients, "Devino", _ => NoId);

        Assert.Equal(recipients, sut.Select(r => r.Recipient));
        Assert.Equal(
            [RecipientStatus.Accepted, RecipientStatus.Rejected, RecipientStatus.Rejected, RecipientStatus.Rejected, RecipientStatus.Rejected, RecipientStatus.Rejected, RecipientStatus.Accepted],
            sut.Select(r => r.Status));
        Assert.Equal(
            [null, DeliveryFailureReason.Other, DeliveryFailureReason.InvalidNumber, DeliveryFailureReason.ProhibitedOperator, DeliveryFailureReason.NotAccepted, DeliveryFailureReason.Other, null],
            sut.Select(r => r.Reason));
        Assert.Equal(
            [null, "error-subject-unknown", "error-address-format", "error-address-unknown", "error-system", "error-something-new", null],
            sut.Select(r => r.ProviderCode));
        Assert.Equal("Devino:3158611117333282817", sut[6].MessageId.ToString());
        Assert.All(sut.Where(r => r.Status == RecipientStatus.Rejected), r => Assert.Null(r.MessageId));
    }

    [Fact]
    public void FromDevinoSendResponse_FewerEntriesThanRecipients_MissingOnesRejectedAsNotAccepted()
    {
        var answer = Parse("""{"status":"ok","messages":[{"providerId":1,"code":"ok"},null]}""", DevinoJsonContext.Default.DevinoSendResponse);

        var sut = DevinoResponseMapper.FromDevinoSendResponse(answer, Phones("+79250000001", "+79250000002", "+79250000003"), "Devino", _ => NoId);

        Assert.Equal([RecipientStatus.Accepted, RecipientStatus.Rejected, RecipientStatus.Rejected], sut.Select(r => r.Status));
        Assert.Equal([null, DeliveryFailureReason.NotAccepted, DeliveryFailureReason.NotAccepted], sut.Select(r => r.Reason));
        Assert.All(sut.Skip(1), r => Assert.Null(r.ProviderCode));
    }

    [Theory]
    [InlineData("""{"code":"ok"}""")]
    [InlineData("""{"providerId":"not-a-number","code":"ok"}""")]
    [InlineData("""{"providerId":1.5,"code":"ok"}""")]
    public void FromDevinoSendResponse_OkWithoutUsableId_FailsThatRecipientAsAcceptedButUntrackable(string entry)
    {
        var answer = Parse($$"""{"status":"ok","messages":[{{entry}},{"providerId":7,"code":"ok"}]}""", DevinoJsonContext.Default.DevinoSendResponse);
        var asked = new List<int>();

        var sut = DevinoResponseMapper.FromDevinoSendResponse(answer, Phones("+79250000001", "+79250000002"), "Devino", i => { asked.Add(i); return NoId; });

        Assert.Equal(RecipientStatus.Failed, sut[0].Status);
        Assert.Same(NoId, sut[0].Error);
        Assert.Equal([0], asked);
        Assert.Equal("Devino:7", sut[1].MessageId.ToString());
    }

    [Fact]
    public void FromDevinoStatusResponse_ReadMessage_MapsStatusTimeAndRawWord()
    {
        var answer = Parse("""
            {"status":"ok","messages":[{"providerId":3158611117333282817,"code":"ok","status":"read","statusAt":"2016-08-10 15:28:50"}]}
            """, DevinoJsonContext.Default.DevinoStatusResponse);

        var sut = Assert.Single(DevinoResponseMapper.FromDevinoStatusResponse(answer, [Id(3158611117333282817)], "Devino"));

        Assert.Equal(Id(3158611117333282817), sut.MessageId);
        Assert.Equal((DeliveryStatus.Read, DeliveryStatus.Read, DeliveryChannel.Viber), (sut.ViberStatus, sut.Status, sut.DeliveredVia!.Value));
        Assert.Equal("read", sut.RawStatus);
        Assert.Equal(new DateTimeOffset(2016, 8, 10, 15, 28, 50, TimeSpan.Zero), sut.StatusAt);
        Assert.Null(sut.SmsStatus);
        Assert.Null(sut.RawSmsStatus);
        Assert.Empty(sut.SmsPartIds);
        Assert.Equal(DeliveryFailureReason.None, sut.FailureReason);
        Assert.Null(sut.ProviderErrorCode);
        Assert.Null(sut.Error);
        Assert.Null(sut.Recipient);
    }

    [Fact]
    public void FromDevinoStatusResponse_LiveShapeWithSmsStatesStatusAndErrorCode_AggregatesSegmentsAndKeepsEveryId()
    {
        var answer = Parse("""
            {"status":"ok","messages":[{"providerId":3158611117333282816,"code":"ok","status":"undelivered","statusAt":"2016-08-10 15:28:50","errorCode":"not-viber-user",
              "smsStates":[{"id":583465579822710784,"status":"delivered"},{"id":"583465579822710785","status":"delivered"},{"id":583465579822710786,"status":"delivered"}]}]}
            """, DevinoJsonContext.Default.DevinoStatusResponse);

        var sut = Assert.Single(DevinoResponseMapper.FromDevinoStatusResponse(answer, [Id(BigId)], "Devino"));

        Assert.Equal((DeliveryStatus.Undeliverable, DeliveryStatus.Delivered), (sut.ViberStatus, sut.SmsStatus!.Value));
        Assert.Equal((DeliveryStatus.Delivered, DeliveryChannel.Sms), (sut.Status, sut.DeliveredVia!.Value));
        Assert.Equal(("undelivered", "delivered"), (sut.RawStatus, sut.RawSmsStatus));
        Assert.Equal(["583465579822710784", "583465579822710785", "583465579822710786"], sut.SmsPartIds);
        Assert.Equal((DeliveryFailureReason.NotViberUser, "not-viber-user"), (sut.FailureReason, sut.ProviderErrorCode));
        Assert.True(sut.IsFinal);
    }

    [Fact]
    public void FromDevinoStatusResponse_DocumentShapeWithStateAndNoStatus_InfersUndeliveredViber()
    {
        var answer = Parse("""
            {"status":"ok","messages":[{"providerId":3158611117333282818,"code":"ok","smsStates":[{"id":583465579822710798,"state":"sent"}]}]}
            """, DevinoJsonContext.Default.DevinoStatusResponse);

        var sut = Assert.Single(DevinoResponseMapper.FromDevinoStatusResponse(answer, [Id(3158611117333282818)], "Devino"));

        Assert.Equal((DeliveryStatus.Undeliverable, DeliveryStatus.Sent, DeliveryStatus.Sent), (sut.ViberStatus, sut.SmsStatus!.Value, sut.Status));
        Assert.Null(sut.RawStatus);
        Assert.Equal("sent", sut.RawSmsStatus);
        Assert.Equal(["583465579822710798"], sut.SmsPartIds);
        Assert.Null(sut.StatusAt);
        Assert.False(sut.IsFinal);
    }

    [Fact]
    public void FromDevinoStatusResponse_ErrorUnderItsOldName_ReadAsTheReason()
    {
        var answer = Parse("""
            {"status":"ok","messages":[{"providerId":5,"code":"ok","status":"undelivered","statusAt":"2016-08-10 15:28:50","error":"user-blocked"}]}
            """, DevinoJsonContext.Default.DevinoStatusResponse);

        var sut = Assert.Single(DevinoResponseMapper.FromDevinoStatusResponse(answer, [Id(5)], "Devino"));

        Assert.Equal((DeliveryStatus.Undeliverable, DeliveryFailureReason.BlockedByRecipient, "user-blocked"), (sut.Status, sut.FailureReason, sut.ProviderErrorCode));
    }

    [Theory]
    [InlineData("""[{"id":1,"status":"delivered"},{"id":2,"status":"sent"},{"id":3,"status":"delivered"}]""", DeliveryStatus.Sent, "sent")]
    [InlineData("""[{"id":1,"status":"enqueued"},{"id":2,"state":"sent"}]""", DeliveryStatus.Pending, "enqueued")]
    [InlineData("""[{"id":1,"status":"delivered"},{"id":2,"state":"undelivered"},{"id":3,"status":"enqueued"}]""", DeliveryStatus.Undeliverable, "undelivered")]
    [InlineData("""[{"id":1,"status":"DELIVERED"},{"id":2,"state":"delivered"}]""", DeliveryStatus.Delivered, "DELIVERED")]
    [InlineData("""[{"id":1,"status":"delivered"},{"id":2,"status":"queued-somewhere"}]""", DeliveryStatus.Unknown, "queued-somewhere")]
    public void FromDevinoStatusResponse_SeveralSegments_AggregateToOneSmsStatus(string segments, DeliveryStatus expected, string expectedRaw)
    {
        var answer = Parse($$"""{"status":"ok","messages":[{"providerId":9,"code":"ok","status":"vp_expired","smsStates":{{segments}}}]}""", DevinoJsonContext.Default.DevinoStatusResponse);

        var sut = Assert.Single(DevinoResponseMapper.FromDevinoStatusResponse(answer, [Id(9)], "Devino"));

        Assert.Equal((expected, expectedRaw), (sut.SmsStatus!.Value, sut.RawSmsStatus));
        Assert.Equal((DeliveryStatus.Expired, DeliveryFailureReason.Expired), (sut.ViberStatus, sut.FailureReason));
        Assert.NotEmpty(sut.SmsPartIds);
    }

    [Theory]
    [InlineData("enqueued", DeliveryStatus.Pending)]
    [InlineData("sent", DeliveryStatus.Sent)]
    [InlineData("delivered", DeliveryStatus.Delivered)]
    [InlineData("read", DeliveryStatus.Read)]
    [InlineData("visited", DeliveryStatus.Read)]
    [InlineData("undelivered", DeliveryStatus.Undeliverable)]
    [InlineData("failed", DeliveryStatus.Failed)]
    [InlineData("cancelled", DeliveryStatus.Cancelled)]
    [InlineData("vp_expired", DeliveryStatus.Expired)]
    [InlineData("VP_EXPIRED", DeliveryStatus.Expired)]
    [InlineData("unknown-error", DeliveryStatus.Failed)]
    [InlineData("Delivered", DeliveryStatus.Delivered)]
    [InlineData("processing", DeliveryStatus.Unknown)]
    [InlineData(null, DeliveryStatus.Unknown)]
    public void FromDevinoStatus_EveryDocumentedWord_MapsAndUnknownWordsStayUnknown(string? word, DeliveryStatus expected)
    {
        var sut = DevinoResponseMapper.FromDevinoStatus(word);

        Assert.Equal(expected, sut);
    }

    [Fact]
    public void FromDevinoStatusResponse_UnknownWord_KeptRawNeverThrows()
    {
        var answer = Parse("""{"status":"ok","messages":[{"providerId":9,"code":"ok","status":"processing","statusAt":"soon"}]}""", DevinoJsonContext.Default.DevinoStatusResponse);

        var sut = Assert.Single(DevinoResponseMapper.FromDevinoStatusResponse(answer, [Id(9)], "Devino"));

        Assert.Equal((DeliveryStatus.Unknown, "processing"), (sut.ViberStatus, sut.RawStatus));
        Assert.Null(sut.StatusAt);
        Assert.Null(sut.Error);
    }

    [Theory]
    [InlineData("error-instant-message-provider-id-unknown", ViberErrorCode.NotFound)]
    [InlineData("error-instant-message-provider-id-format", ViberErrorCode.InvalidRequest)]
    [InlineData("error-instant-message-provider-id-duplicate", ViberErrorCode.InvalidRequest)]
    [InlineData("error-system", ViberErrorCode.ProviderUnavailable)]
    [InlineData("error-brand-new", ViberErrorCode.Unknown)]
    public void FromDevinoStatusResponse_PerIdErrorCode_ReportsThatIdUnknownWithTheError(string code, ViberErrorCode expected)
    {
        var answer = Parse($$"""
            {"status":"ok","messages":[{"providerId":3158611117333282816,"code":"{{code}}"},{"providerId":3158611117333282817,"code":"ok","status":"sent","statusAt":"2016-08-10 15:28:50"}]}
            """, DevinoJsonContext.Default.DevinoStatusResponse);

        var sut = DevinoResponseMapper.FromDevinoStatusResponse(answer, [Id(BigId), Id(BigId + 1)], "Devino").ToDictionary(r => r.MessageId);

        var failed = sut[Id(BigId)];
        Assert.Equal(DeliveryStatus.Unknown, failed.Status);
        Assert.Equal((expected, code, "Devino"), (failed.Error!.ErrorCode, failed.Error.ProviderErrorCode, failed.Error.ProviderName));
        Assert.Equal(code, failed.ProviderErrorCode);
        Assert.Contains("3158611117333282816", failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Sent, sut[Id(BigId + 1)].Status);
    }

    [Fact]
    public void FromDevinoStatusResponse_DocumentExampleInAnyOrder_MatchesEachIdByProviderId()
    {
        var answer = Parse("""
            {"status":"ok","messages":[
              {"providerId":3158611117333282816,"code":"ok","smsStates":[{"id":583465579822710784,"state":"delivered"},{"id":583465579822710797,"state":"delivered"}]},
              {"providerId":3158611117333282818,"code":"ok","smsStates":[{"id":583465579822710798,"state":"delivered"}]},
              {"providerId":"3158611117333282820","code":"ok","smsStates":[{"id":583465579822710799,"state":"delivered"}]},
              {"providerId":3158611117333282817,"code":"ok","status":"read","statusAt":"2016-08-10 15:28:50"},
              {"providerId":3158611117333282819,"code":"ok","status":"read","statusAt":"2016-08-10 15:28:50"},
              {"providerId":1,"code":"ok","status":"read"}
            ]}
            """, DevinoJsonContext.Default.DevinoStatusResponse);
        MessageId[] asked = [.. Enumerable.Range(0, 5).Select(i => Id(BigId + i))];

        var sut = DevinoResponseMapper.FromDevinoStatusResponse(answer, asked, "Devino").ToDictionary(r => r.MessageId);

        Assert.True(sut.Keys.ToHashSet().SetEquals(asked));
        Assert.Equal(5, sut.Count);
        Assert.Equal(["583465579822710784", "583465579822710797"], sut[asked[0]].SmsPartIds);
        Assert.Equal((DeliveryStatus.Delivered, DeliveryChannel.Sms), (sut[asked[2]].Status, sut[asked[2]].DeliveredVia!.Value));
        Assert.Equal(["583465579822710799"], sut[asked[4]].SmsPartIds);
        Assert.Equal(DeliveryStatus.Read, sut[asked[1]].Status);
        Assert.Equal(DeliveryStatus.Read, sut[asked[3]].Status);
    }

    [Fact]
    public void FromDevinoStatusResponse_AskedIdWithLeadingZeros_AnsweredUnderTheIdAsAsked()
    {
        var asked = new MessageId("Devino", "042");
        var answer = Parse("""{"status":"ok","messages":[{"providerId":42,"code":"ok","status":"sent"}]}""", DevinoJsonContext.Default.DevinoStatusResponse);

        var sut = Assert.Single(DevinoResponseMapper.FromDevinoStatusResponse(answer, [asked], "Devino"));

        Assert.Equal(asked, sut.MessageId);
        Assert.Equal(DeliveryStatus.Sent, sut.Status);
    }

    [Fact]
    public void FromDevinoStatusResponse_EntriesWithoutIds_MatchedByPositionWhenEveryIdIsAnswered()
    {
        var answer = Parse("""{"status":"ok","messages":[{"code":"ok","status":"sent"},{"code":"error-instant-message-provider-id-unknown"}]}""", DevinoJsonContext.Default.DevinoStatusResponse);

        var sut = DevinoResponseMapper.FromDevinoStatusResponse(answer, [Id(1), Id(2)], "Devino").ToDictionary(r => r.MessageId);

        Assert.Equal(DeliveryStatus.Sent, sut[Id(1)].Status);
        Assert.Equal(ViberErrorCode.NotFound, sut[Id(2)].Error!.ErrorCode);
    }

    [Fact]
    public void FromDevinoStatusResponse_RepeatedId_KeepsTheRealStatusOverTheDuplicateError()
    {
        var answer = Parse("""
            {"status":"ok","messages":[{"providerId":3,"code":"error-instant-message-provider-id-duplicate"},{"providerId":3,"code":"ok","status":"delivered"},{"providerId":3,"code":"error-instant-message-provider-id-duplicate"}]}
            """, DevinoJsonContext.Default.DevinoStatusResponse);

        var sut = Assert.Single(DevinoResponseMapper.FromDevinoStatusResponse(answer, [Id(3)], "Devino"));

        Assert.Equal(DeliveryStatus.Delivered, sut.Status);
        Assert.Null(sut.Error);
    }

    [Theory]
    [InlineData("2016-08-10 15:28:50", "2016-08-10T15:28:50.0000000+00:00")]
    [InlineData("2016-08-10T15:28:50", "2016-08-10T15:28:50.0000000+00:00")]
    [InlineData("2016-08-10 15:28:50.250", "2016-08-10T15:28:50.2500000+00:00")]
    [InlineData("2016-08-10T18:28:50+03:00", "2016-08-10T15:28:50.0000000+00:00")]
    [InlineData("1470842930000", "2016-08-10T15:28:50.0000000+00:00")]
    [InlineData("yesterday", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void FromDevinoStatusTime_DocumentFormatAndLenientForms_ReadAsUtc(string? text, string? expected)
    {
        var sut = DevinoResponseMapper.FromDevinoStatusTime(text);

        Assert.Equal(expected, sut?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(sut is null || sut.Value.Offset == TimeSpan.Zero);
    }
}
