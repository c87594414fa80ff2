using ViberMessaging.DecisionTelecom;
using static ViberMessaging.Tests.Providers.DecisionTelecom.DecisionTelecomTestSupport;

namespace ViberMessaging.Tests.Providers.DecisionTelecom;

public sealed class DecisionTelecomMessageValidatorTests
{
    private static readonly PhoneNumber Recipient = PhoneNumber.Parse("+380504444444");

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, false)]
    [InlineData(false, false, true)]
    public void Validate_EachMessageType_Passes(bool imageAndButton, bool twoWay, bool sms)
    {
        var message = Valid(
            imageUrl: imageAndButton ? new Uri("https://x.example/i.jpg") : null,
            button: imageAndButton ? new ViberButton("ABCDEFGHIJKLMNOPQRSTUVWXYZABCD", new Uri("https://x.example/a")) : null,
            twoWay: twoWay ? TwoWayOptions.OpenChat : null,
            sms: sms ? new SmsFallback("SMS") : null,
            sender: "ABCDEFGHIJKLMNOPQRST",
            text: new string('a', 1000),
            callbackUrl: new Uri("https://x.example/cb"));

        var exception = Record.Exception(() => Validate(message));

        Assert.Null(exception);
    }

    [Fact]
    public void Validate_EveryViolation_IsReportedAtOnce()
    {
        var message = new ViberMessage
        {
            Sender = "ABCDEFGHIJKLMNOPQRSTU",
            Recipients = [Recipient, Recipient],
            Text = new string('a', 1001),
            Button = new ViberButton("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDE", new Uri("ftp://x.example/a")),
            TimeToLive = TimeSpan.FromSeconds(39.5),
            Kind = MessageKind.Promotional,
            SmsFallback = new SmsFallback(new string('a', 161)) { Sender = "Shop", TimeToLive = TimeSpan.FromMinutes(5) },
            Schedule = new MessageSchedule(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero)),
            CallbackUrl = new Uri("/relative", UriKind.Relative),
        };

        var sut = Assert.Throws<ViberValidationException>(() => Validate(message));

        Assert.Equal(
            [
                ("Sender", "MaxLength"),
                ("Recipients[1]", "Unique"),
                ("Text", "MaxLength"),
                ("Button.Caption", "MaxLength"),
                ("Button.Url", "AbsoluteHttpUrl"),
                ("ImageUrl", "ButtonRequiresImage"),
                ("TimeToLive", "Range"),
                ("Schedule", "NotSupported"),
                ("CallbackUrl", "AbsoluteHttpUrl"),
                ("TimeToLive", "WholeSeconds"),
                ("SmsFallback", "TransactionalOnly"),
                ("TimeToLive", "ViberPlusSmsTtl"),
                ("SmsFallback.Text", "OneSegment"),
                ("SmsFallback.Sender", "NotSupported"),
                ("SmsFallback.TimeToLive", "NotSupported"),
            ],
            sut.Errors.Select(e => (e.Field, e.Rule)));
        Assert.Equal(ViberErrorCode.ValidationFailed, sut.ErrorCode);
        Assert.Equal(SendOutcome.NotSent, sut.Outcome);
    }

    [Fact]
    public void Validate_ImageWithoutButton_ReportsTheMissingButton()
    {
        var sut = Assert.Throws<ViberValidationException>(() => Validate(Valid(imageUrl: new Uri("https://x.example/i.jpg"))));

        var error = Assert.Single(sut.Errors);
        Assert.Equal(("Button", "Together"), (error.Field, error.Rule));
        Assert.Contains("108/208", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(39, "Range")]
    [InlineData(40, null)]
    [InlineData(21600, null)]
    [InlineData(21601, "Range")]
    [InlineData(40.5, "WholeSeconds")]
    public void Validate_TimeToLive_Is40To21600WholeSeconds(double seconds, string? rule)
    {
        var exception = Record.Exception(() => Validate(Valid(ttl: TimeSpan.FromSeconds(seconds))));

        Assert.Equal(rule, (exception as ViberValidationException)?.Errors.Single().Rule);
        Assert.Equal(rule is null, exception is null);
    }

    [Theory]
    [InlineData("a", 160, null)]
    [InlineData("a", 161, "OneSegment")]
    [InlineData("é", 160, null)] // in the GSM-7 default alphabet
    [InlineData("€", 80, null)] // GSM-7 extension: two septets each
    [InlineData("€", 81, "OneSegment")]
    [InlineData("{", 81, "OneSegment")]
    [InlineData("ж", 70, null)] // UCS-2
    [InlineData("ж", 71, "OneSegment")]
    [InlineData("á", 71, "OneSegment")] // not GSM-7: the whole text becomes UCS-2
    [InlineData("🚚", 35, null)] // two UTF-16 units each
    [InlineData("🚚", 36, "OneSegment")]
    public void Validate_SmsFallbackText_MustFitOneSegment(string unit, int count, string? rule)
    {
        var text = string.Concat(Enumerable.Repeat(unit, count));

        var exception = Record.Exception(() => Validate(Valid(sms: new SmsFallback(text))));

        Assert.Equal(rule, (exception as ViberValidationException)?.Errors.Single().Rule);
        Assert.Equal(rule is null, exception is null);
    }

    [Fact]
    public void Validate_ButtonWithoutImage_ReportsTheCapabilitysRule()
    {
        var sut = Assert.Throws<ViberValidationException>(() => Validate(Valid(button: new ViberButton("Go", new Uri("https://x.example/a")))));

        var error = Assert.Single(sut.Errors);
        Assert.Equal(("ImageUrl", "ButtonRequiresImage"), (error.Field, error.Rule));
        Assert.True(DecisionTelecomMessageValidator.CapabilitiesFor(new DecisionTelecomOptions()).ButtonRequiresImage);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(MessageKind.Promotional, null)]
    [InlineData(MessageKind.Transactional, "TransactionalTextOnly")]
    public void Validate_ImageAndButton_ArePromotionalOnly(MessageKind? kind, string? rule)
    {
        var exception = Record.Exception(() => Validate(Valid(imageUrl: new Uri("https://x.example/i.jpg"), button: new ViberButton("Go", new Uri("https://x.example/a")), kind: kind)));

        var error = (exception as ViberValidationException)?.Errors.Single();
        Assert.Equal(rule, error?.Rule);
        Assert.Equal(rule is null ? null : "Kind", error?.Field);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(40, null)]
    [InlineData(41, "ViberPlusSmsTtl")]
    [InlineData(21600, "ViberPlusSmsTtl")]
    public void Validate_SmsFallbackTimeToLive_IsOnly40Seconds(int? seconds, string? rule)
    {
        var exception = Record.Exception(() => Validate(Valid(sms: new SmsFallback("SMS"), ttl: seconds is { } s ? TimeSpan.FromSeconds(s) : null)));

        var error = (exception as ViberValidationException)?.Errors.Single();
        Assert.Equal((rule, rule is null ? null : "TimeToLive"), (error?.Rule, error?.Field));
        Assert.True(rule is null || error!.Message.Contains("TTL only 40 seconds", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SmsFallbackWithImageAndButtonAndNoKind_ReportsTransactionalOnlyAndWhy()
    {
        var sut = Assert.Throws<ViberValidationException>(() => Validate(Valid(imageUrl: new Uri("https://x.example/i.jpg"), button: new ViberButton("Go", new Uri("https://x.example/a")), sms: new SmsFallback("SMS"))));

        var error = Assert.Single(sut.Errors);
        Assert.Equal(("SmsFallback", "TransactionalOnly"), (error.Field, error.Rule));
        Assert.Contains("make the message promotional", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SmsFallbackOnPromotional_ReportsTransactionalOnly()
    {
        var sut = Assert.Throws<ViberValidationException>(() => Validate(Valid(kind: MessageKind.Promotional, sms: new SmsFallback("SMS"))));

        Assert.Equal(("SmsFallback", "TransactionalOnly"), (sut.Errors.Single().Field, sut.Errors.Single().Rule));
    }

    [Fact]
    public void Validate_ReplyInChat_IsNotSupportedAndSaysWhereRepliesGo()
    {
        var sut = Assert.Throws<ViberValidationException>(() => Validate(new ViberMessage { Text = "Hi", TwoWay = TwoWayOptions.ReplyIn("42") }));

        var error = Assert.Single(sut.Errors);
        Assert.Equal(("TwoWay.ChatId", "NotSupported"), (error.Field, error.Rule));
        Assert.Contains("DecisionTelecomCallbacks.ParseReply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MeasureSms_MixedText_CountsInTheEncodingItNeeds()
    {
        Assert.Equal((true, true, 13), DecisionTelecomMessageValidator.MeasureSms("Code: 1234 €"));
        Assert.Equal((true, false, 12), DecisionTelecomMessageValidator.MeasureSms("Код: 1234 €!"));
    }

    [Fact]
    public void ValidateIds_ForeignEmptyAndMalformed_ReportsEveryProblemAtOnce()
    {
        MessageId[] ids =
        [
            new(Provider, "9007199254740993"),
            new(ViberProviders.SmsClub, "1"),
            default,
            new(Provider, "abc"),
            new(Provider, "-1"),
            new(Provider, "1.5"),
            new(Provider, "18446744073709551616"),
        ];

        var sut = Assert.Throws<ViberValidationException>(() => DecisionTelecomMessageValidator.ValidateIds(ids, Provider));

        Assert.Equal(
            [
                ("messageIds[1]", "Provider"),
                ("messageIds[2]", "Required"),
                ("messageIds[3]", "Format"),
                ("messageIds[4]", "Format"),
                ("messageIds[5]", "Format"),
                ("messageIds[6]", "Format"),
            ],
            sut.Errors.Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void ValidateIds_OwnInt64Ids_ReturnsThemInOrder()
    {
        MessageId[] ids = [new(Provider, "2"), new("decisiontelecom", "1")];

        var sut = DecisionTelecomMessageValidator.ValidateIds(ids, Provider);

        Assert.Equal(ids, sut);
    }

    private static ViberMessage Valid(
        Uri? imageUrl = null,
        ViberButton? button = null,
        TwoWayOptions? twoWay = null,
        SmsFallback? sms = null,
        TimeSpan? ttl = null,
        MessageKind? kind = null,
        string sender = "Shop",
        string text = "Hi",
        Uri? callbackUrl = null)
        => new()
        {
            Sender = sender,
            Recipients = [Recipient],
            Text = text,
            ImageUrl = imageUrl,
            Button = button,
            TwoWay = twoWay,
            SmsFallback = sms,
            TimeToLive = ttl,
            Kind = kind,
            CallbackUrl = callbackUrl,
        };

    private static void Validate(ViberMessage message)
        => DecisionTelecomMessageValidator.Validate(message, DecisionTelecomMessageValidator.CapabilitiesFor(new DecisionTelecomOptions()), Provider);
}
