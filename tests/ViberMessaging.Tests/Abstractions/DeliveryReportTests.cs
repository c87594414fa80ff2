namespace ViberMessaging.Tests.Abstractions;

public sealed class DeliveryReportTests
{
    private static readonly MessageId Id = new("SmsClub", "5769");
    private static readonly DateTimeOffset T0 = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DeliveryStatus.Delivered, null, DeliveryStatus.Delivered, DeliveryChannel.Viber, true)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Pending, DeliveryStatus.Read, DeliveryChannel.Viber, true)]
    [InlineData(DeliveryStatus.Sent, null, DeliveryStatus.Sent, null, false)]
    [InlineData(DeliveryStatus.Expired, null, DeliveryStatus.Expired, null, true)]
    [InlineData(DeliveryStatus.Expired, DeliveryStatus.Pending, DeliveryStatus.Pending, null, false)]
    [InlineData(DeliveryStatus.Undeliverable, DeliveryStatus.Sent, DeliveryStatus.Sent, null, false)]
    [InlineData(DeliveryStatus.Undeliverable, DeliveryStatus.Delivered, DeliveryStatus.Delivered, DeliveryChannel.Sms, true)]
    [InlineData(DeliveryStatus.Expired, DeliveryStatus.Undeliverable, DeliveryStatus.Undeliverable, null, true)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Pending, DeliveryStatus.Sent, null, false)]
    public void Status_CombinesViberAndSmsFallback(DeliveryStatus viber, DeliveryStatus? sms, DeliveryStatus overall, DeliveryChannel? via, bool final)
    {
        var sut = new DeliveryReport(Id, viber) { SmsStatus = sms };

        Assert.Equal(overall, sut.Status);
        Assert.Equal(via, sut.DeliveredVia);
        Assert.Equal(final, sut.IsFinal);
    }

    [Fact]
    public void Merge_LateSentAfterDelivered_KeepsDelivered()
    {
        var delivered = new DeliveryReport(Id, DeliveryStatus.Delivered) { StatusAt = T0.AddSeconds(5), RawStatus = "Delivered" };
        var lateSent = new DeliveryReport(Id, DeliveryStatus.Sent) { StatusAt = T0.AddSeconds(9), RawStatus = "Sent" };

        var merged = delivered.Merge(lateSent);

        Assert.Equal(DeliveryStatus.Delivered, merged.Status);
        Assert.Equal("Delivered", merged.RawStatus);
        Assert.Equal(T0.AddSeconds(9), merged.StatusAt);
        Assert.Equal(DeliveryStatus.Delivered, lateSent.Merge(delivered).Status);
    }

    [Fact]
    public void Merge_Duplicate_IsHarmless()
    {
        var report = new DeliveryReport(Id, DeliveryStatus.Read) { RawStatus = "Read", FailureReason = DeliveryFailureReason.None };

        var merged = report.Merge(report);

        Assert.Equal(DeliveryStatus.Read, merged.Status);
        Assert.Equal("Read", merged.RawStatus);
    }

    [Fact]
    public void IsRepeatOf_SameStatusStampedLater_IsARepeatButAnotherRawWordIsNot()
    {
        var first = new DeliveryReport(Id, DeliveryStatus.Delivered) { StatusAt = T0, RawStatus = "Delivered" };
        var restamped = new DeliveryReport(Id, DeliveryStatus.Delivered) { StatusAt = T0.AddMinutes(1), RawStatus = "Delivered", RawRepresentation = new object() };
        var reworded = new DeliveryReport(Id, DeliveryStatus.Delivered) { StatusAt = T0, RawStatus = "DELIVRD" };
        var smsAdded = new DeliveryReport(Id, DeliveryStatus.Delivered) { StatusAt = T0, RawStatus = "Delivered", SmsStatus = DeliveryStatus.Sent };

        Assert.True(first.IsRepeatOf(restamped));
        Assert.False(first.IsRepeatOf(reworded));
        Assert.False(first.IsRepeatOf(smsAdded));
    }

    [Fact]
    public void Merge_ViberFailureThenSmsDelivered_KeepsBothChannelsAndReason()
    {
        var viberFailed = new DeliveryReport(Id, DeliveryStatus.Undeliverable)
        {
            FailureReason = DeliveryFailureReason.NotViberUser,
            ProviderErrorCode = "Not registered",
            StatusAt = T0,
        };
        var smsDelivered = new DeliveryReport(Id, DeliveryStatus.Unknown)
        {
            SmsStatus = DeliveryStatus.Delivered,
            RawSmsStatus = "DELIVRD",
            SmsPartIds = ["583465579822710784"],
            StatusAt = T0.AddSeconds(30),
        };

        var merged = viberFailed.Merge(smsDelivered);

        Assert.Equal(DeliveryStatus.Delivered, merged.Status);
        Assert.Equal(DeliveryChannel.Sms, merged.DeliveredVia);
        Assert.Equal(DeliveryStatus.Undeliverable, merged.ViberStatus);
        Assert.Equal(DeliveryFailureReason.NotViberUser, merged.FailureReason);
        Assert.Equal("Not registered", merged.ProviderErrorCode);
        Assert.Equal("DELIVRD", merged.RawSmsStatus);
        Assert.Equal(["583465579822710784"], merged.SmsPartIds);
    }

    [Fact]
    public void Merge_SameRankDifferentWords_TheLaterWins()
    {
        var expired = new DeliveryReport(Id, DeliveryStatus.Expired) { StatusAt = T0 };
        var undeliverable = new DeliveryReport(Id, DeliveryStatus.Undeliverable) { StatusAt = T0.AddMinutes(1) };

        Assert.Equal(DeliveryStatus.Undeliverable, expired.Merge(undeliverable).Status);
        Assert.Equal(DeliveryStatus.Undeliverable, undeliverable.Merge(expired).Status);
    }

    [Fact]
    public void Merge_KnownStatusOverUnavailable_DropsTheError()
    {
        var unavailable = DeliveryReport.Unavailable(Id, new ViberMessagingException(ViberErrorCode.ProviderUnavailable, "down"));
        var sent = new DeliveryReport(Id, DeliveryStatus.Sent);

        var merged = unavailable.Merge(sent);

        Assert.Equal(DeliveryStatus.Sent, merged.Status);
        Assert.Null(merged.Error);
    }

    [Fact]
    public void Merge_AnotherMessage_Throws()
        => Assert.Throws<ArgumentException>(() => new DeliveryReport(Id, DeliveryStatus.Sent).Merge(new DeliveryReport(new MessageId("SmsClub", "1"), DeliveryStatus.Sent)));

    [Fact]
    public void Merge_AnyOrderOfAProgression_EndsAtTheMostAdvancedState()
    {
        var states = new[] { DeliveryStatus.Pending, DeliveryStatus.Sent, DeliveryStatus.Delivered, DeliveryStatus.Read, DeliveryStatus.Sent, DeliveryStatus.Unknown };
        var random = new Random(42);
        for (var round = 0; round < 50; round++)
        {
            var shuffled = states.OrderBy(_ => random.Next()).Select(s => new DeliveryReport(Id, s)).ToArray();
            var merged = shuffled.Skip(1).Aggregate(shuffled[0], (acc, r) => acc.Merge(r));
            Assert.Equal(DeliveryStatus.Read, merged.Status);
        }
    }
}
