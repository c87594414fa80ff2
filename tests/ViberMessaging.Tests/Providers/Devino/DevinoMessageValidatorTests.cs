using ViberMessaging.Devino;
using static ViberMessaging.Tests.Providers.Devino.DevinoTestSupport;

namespace ViberMessaging.Tests.Providers.Devino;

public sealed class DevinoMessageValidatorTests
{
    private static readonly ProviderCapabilities Capabilities = DevinoMessageValidator.CapabilitiesFor(Options());

    [Fact]
    public void Validate_EveryContentTypeAtItsLimits_Passes()
    {
        MessageDraft[] valid =
        [
            Message(),
            Message() with { Text = new string('a', 1000), Sender = "ElevenChars" },
            Message() with { Button = new ViberButton(new string('c', 19), new Uri("https://shop.example/")), ImageUrl = new Uri("https://shop.example/i.jpg") },
            Message() with { Text = null, ImageUrl = new Uri("https://shop.example/i.jpg") },
            Message() with { TimeToLive = TimeSpan.FromSeconds(30) },
            Message() with { TimeToLive = TimeSpan.FromSeconds(86_400) },
            Message() with { SmsFallback = new SmsFallback("sms") { Sender = "Shop1234567", TimeToLive = TimeSpan.FromSeconds(60) } },
            Message() with { SmsFallback = new SmsFallback("sms") { TimeToLive = TimeSpan.FromSeconds(86_400) } },
        ];

        foreach (var message in valid)
        {
            DevinoMessageValidator.Validate(message.Build(), Capabilities, "Devino");
        }

        Assert.Equal(8, valid.Length);
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOneAtOnce()
    {
        var message = Message() with
        {
            Sender = "TwelveCharsX",
            Text = new string('a', 1001),
            Button = new ViberButton(new string('c', 20), new Uri("ftp://shop.example/")),
            ImageUrl = new Uri("/relative.jpg", UriKind.Relative),
            TimeToLive = TimeSpan.FromSeconds(29),
            SmsFallback = new SmsFallback("sms") { Sender = "Магазин", TimeToLive = TimeSpan.FromSeconds(59) },
        };

        var sut = Assert.Throws<ViberValidationException>(() => DevinoMessageValidator.Validate(message.Build(), Capabilities, "Devino"));

        Assert.Equal(
            [("Sender", "MaxLength"), ("Text", "MaxLength"), ("ImageUrl", "AbsoluteHttpUrl"), ("Button.Caption", "MaxLength"), ("Button.Url", "AbsoluteHttpUrl"),
             ("TimeToLive", "Range"), ("SmsFallback.Sender", "Format"), ("SmsFallback.TimeToLive", "Range")],
            sut.Errors.Select(e => (e.Field, e.Rule)));
        Assert.Equal(ViberErrorCode.ValidationFailed, sut.ErrorCode);
    }

    [Fact]
    public void Validate_ImageWithTextButNoButton_IsNotADevinoContentType()
    {
        var message = Message() with { ImageUrl = new Uri("https://shop.example/i.jpg") };

        var sut = Assert.Throws<ViberValidationException>(() => DevinoMessageValidator.Validate(message.Build(), Capabilities, "Devino"));

        var error = Assert.Single(sut.Errors);
        Assert.Equal(("ImageUrl", "Combination"), (error.Field, error.Rule));
    }

    [Fact]
    public void Validate_ImageOnlyWithSmsFallback_CannotReSend()
    {
        var message = Message() with { Text = null, ImageUrl = new Uri("https://shop.example/i.jpg"), SmsFallback = new SmsFallback("sms") };

        var sut = Assert.Throws<ViberValidationException>(() => DevinoMessageValidator.Validate(message.Build(), Capabilities, "Devino"));

        var error = Assert.Single(sut.Errors);
        Assert.Equal(("SmsFallback", "NotSupported"), (error.Field, error.Rule));
    }

    [Theory]
    [InlineData("")]
    [InlineData("TwelveChars1")]
    [InlineData("MY-SHOP")]
    [InlineData("My Shop")]
    [InlineData("Магазин")]
    public void Validate_SmsSenderNotOneToElevenLatinLettersOrDigits_ReportsFormat(string sender)
    {
        var message = Message() with { SmsFallback = new SmsFallback("sms") { Sender = sender } };

        var sut = Assert.Throws<ViberValidationException>(() => DevinoMessageValidator.Validate(message.Build(), Capabilities, "Devino"));

        Assert.Equal(("SmsFallback.Sender", "Format"), (sut.Errors[0].Field, sut.Errors[0].Rule));
    }

    [Theory]
    [InlineData(29)]
    [InlineData(86_401)]
    public void Validate_TimeToLiveOutsideThirtySecondsToADay_ReportsRange(int seconds)
    {
        var message = Message() with { TimeToLive = TimeSpan.FromSeconds(seconds) };

        var sut = Assert.Throws<ViberValidationException>(() => DevinoMessageValidator.Validate(message.Build(), Capabilities, "Devino"));

        Assert.Equal(("TimeToLive", "Range"), (sut.Errors[0].Field, sut.Errors[0].Rule));
    }

    [Fact]
    public void Validate_FeaturesDevinoLacks_ReportedAsNotSupported()
    {
        var message = Message() with
        {
            Schedule = new MessageSchedule(new DateTimeOffset(2030, 1, 1, 10, 0, 0, TimeSpan.Zero)),
            TwoWay = TwoWayOptions.OpenChat,
            CallbackUrl = new Uri("https://shop.example/callback"),
        };

        var sut = Assert.Throws<ViberValidationException>(() => DevinoMessageValidator.Validate(message.Build(), Capabilities, "Devino"));

        Assert.Equal(
            [("Schedule", "NotSupported"), ("TwoWay", "NotSupported"), ("CallbackUrl", "NotSupported")],
            sut.Errors.Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void Validate_NoRecipientsNoSenderNoText_ReportsEachRequiredField()
    {
        var sut = Assert.Throws<ViberValidationException>(() => DevinoMessageValidator.Validate(new ViberMessage(), Capabilities, "Devino"));

        Assert.Equal([("Sender", "Required"), ("Recipients", "Required"), ("Text", "Required")], sut.Errors.Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void ValidateMessageIds_ForeignMalformedAndEmptyIds_ReportsEveryOne()
    {
        MessageId[] ids = [Id(BigId), new("SmsClub", "5769"), new("Devino", "abc"), new("Devino", "0"), new("Devino", "-5"), default, new("devino", "9223372036854775808")];

        var sut = Assert.Throws<ViberValidationException>(() => DevinoMessageValidator.ValidateMessageIds(ids, "Devino"));

        Assert.Equal(
            [("messageIds[1]", "Provider"), ("messageIds[2]", "Format"), ("messageIds[3]", "Format"), ("messageIds[4]", "Format"), ("messageIds[5]", "Required"), ("messageIds[6]", "Format")],
            sut.Errors.Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void ValidateMessageIds_DevinoIdsInAnyCase_ReturnedAsGiven()
    {
        MessageId[] ids = [Id(BigId), new("devino", "42")];

        var sut = DevinoMessageValidator.ValidateMessageIds(ids, "Devino");

        Assert.Equal(ids, sut);
    }

    [Fact]
    public void CapabilitiesFor_Options_CarriesDevinoLimitsAndTheConfiguredBatchSizes()
    {
        var sut = DevinoMessageValidator.CapabilitiesFor(Options(o => { o.MaxMessagesPerRequest = 50; o.MaxIdsPerStatusRequest = 20; }));

        Assert.Equal((50, 20, 1000, 11, 19), (sut.MaxRecipientsPerRequest, sut.MaxStatusIdsPerRequest, sut.MaxTextLength, sut.MaxSenderLength, sut.MaxButtonCaptionLength));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromDays(1)), (sut.MinTimeToLive!.Value, sut.MaxTimeToLive!.Value));
        Assert.True(sut.SupportsImage && sut.SupportsImageOnly && sut.SupportsButton && sut.SupportsSmsFallback && sut.SupportsPriority);
        Assert.False(sut.SupportsTwoWay || sut.SupportsScheduling || sut.SupportsCallbackUrl);
    }

    private static MessageDraft Message() => new()
    {
        Sender = "Shop",
        Recipients = Phones("+79250000001"),
        Text = "Hello",
    };

    /// <summary>A mutable copy of <see cref="ViberMessage"/> for <c>with</c> expressions.</summary>
    private sealed record MessageDraft
    {
        public string? Sender { get; init; }

        public IReadOnlyList<PhoneNumber> Recipients { get; init; } = [];

        public string? Text { get; init; }

        public Uri? ImageUrl { get; init; }

        public ViberButton? Button { get; init; }

        public TimeSpan? TimeToLive { get; init; }

        public SmsFallback? SmsFallback { get; init; }

        public MessageSchedule? Schedule { get; init; }

        public TwoWayOptions? TwoWay { get; init; }

        public Uri? CallbackUrl { get; init; }

        public ViberMessage Build() => new()
        {
            Sender = Sender,
            Recipients = Recipients,
            Text = Text,
            ImageUrl = ImageUrl,
            Button = Button,
            TimeToLive = TimeToLive,
            SmsFallback = SmsFallback,
            Schedule = Schedule,
            TwoWay = TwoWay,
            CallbackUrl = CallbackUrl,
        };
    }
}
