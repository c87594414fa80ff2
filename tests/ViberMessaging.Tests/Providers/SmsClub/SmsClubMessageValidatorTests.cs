using ViberMessaging.SmsClub;

namespace ViberMessaging.Tests.Providers.SmsClub;

public sealed class SmsClubMessageValidatorTests
{
    private static readonly PhoneNumber One = PhoneNumber.Parse("380989361121");
    private static readonly PhoneNumber Two = PhoneNumber.Parse("380989361126");

    // 2026-01-15 10:00 and 12:00 in Kyiv (UTC+2 in winter).
    private static readonly DateTimeOffset TenInKyiv = new(2026, 1, 15, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NoonInKyiv = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, ViberMessage> ValidMessages => new()
    {
        { "text", Message() },
        {
            "everything", Message(two: true) with
            {
                ImageUrl = new Uri("https://img.example/a.jpg"),
                Button = new ViberButton("Open", new Uri("https://shop.example/")),
                TimeToLive = TimeSpan.FromSeconds(3600),
                SmsFallback = new SmsFallback("SMS text") { Sender = "MyShop" },
                Schedule = new MessageSchedule(TenInKyiv) { SendUntil = NoonInKyiv },
                TwoWay = TwoWayOptions.OpenChat,
            }
        },
        { "one phone, 60 s", Message() with { TimeToLive = TimeSpan.FromSeconds(60) } },
        { "86000 s", Message(two: true) with { TimeToLive = TimeSpan.FromSeconds(86000) } },
        { "window edges", Message() with { Schedule = new MessageSchedule(new DateTimeOffset(2026, 1, 15, 6, 0, 0, TimeSpan.Zero)) { SendUntil = new DateTimeOffset(2026, 1, 15, 18, 0, 0, TimeSpan.Zero) } } },
        { "summer time", Message() with { Schedule = new MessageSchedule(new DateTimeOffset(2026, 7, 1, 5, 0, 0, TimeSpan.Zero)) { SendUntil = new DateTimeOffset(2026, 7, 1, 17, 0, 0, TimeSpan.Zero) } } },
        { "reply", new ViberMessage { Text = "Thanks!", TwoWay = TwoWayOptions.ReplyIn("2766") } },
        { "reply with sender", new ViberMessage { Sender = "MyShop", Text = "Thanks!", TwoWay = TwoWayOptions.ReplyIn("2766") } },
    };

    [Theory]
    [MemberData(nameof(ValidMessages))]
    public void Validate_ValidMessage_DoesNotThrow(string name, ViberMessage message)
    {
        var exception = Record.Exception(() => Validate(message));

        Assert.True(exception is null, $"{name}: {exception?.Message}");
    }

    [Fact]
    public void Validate_EmptyMessage_ReportsSenderRecipientsAndTextAtOnce()
    {
        var error = Assert.Throws<ViberValidationException>(() => Validate(new ViberMessage()));

        Assert.Equal(["Sender:Required", "Recipients:Required", "Text:Required"], error.Errors.Select(e => $"{e.Field}:{e.Rule}"));
        Assert.Equal(ViberErrorCode.ValidationFailed, error.ErrorCode);
        Assert.Equal(SendOutcome.NotSent, error.Outcome);
    }

    [Theory]
    [InlineData(1, 59, "between 60 and 86000")]
    [InlineData(1, 86001, "between 60 and 86000")]
    [InlineData(2, 3599, "between 3600 and 86000 seconds when sending to several")]
    [InlineData(2, 60, "between 3600 and 86000 seconds when sending to several")]
    [InlineData(2, 59, "between 60 and 86000")]
    public void Validate_TimeToLiveOutOfItsRange_ReportsTheRangeForOneOrSeveral(int recipients, int seconds, string expected)
    {
        var message = Message(two: recipients == 2) with { TimeToLive = TimeSpan.FromSeconds(seconds) };

        var error = Assert.Throws<ViberValidationException>(() => Validate(message));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(("TimeToLive", "Range"), (problem.Field, problem.Rule));
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ImageWithoutButton_ReportsTheGroupRule()
    {
        var error = Assert.Throws<ViberValidationException>(() => Validate(Message() with { ImageUrl = new Uri("https://img.example/a.jpg") }));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(("Button", "Together"), (problem.Field, problem.Rule));
    }

    [Fact]
    public void Validate_ButtonWithoutImage_ReportsTheGroupRuleTheCapabilitiesDeclare()
    {
        var error = Assert.Throws<ViberValidationException>(() => Validate(Message() with { Button = new ViberButton("Open", new Uri("http://shop.example/")) }));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(("ImageUrl", "ButtonRequiresImage"), (problem.Field, problem.Rule));
        Assert.Contains("SmsClub sends a button only together with an image", problem.Message, StringComparison.Ordinal);
        Assert.True(SmsClubMessageValidator.CapabilitiesFor(new SmsClubOptions()).ButtonRequiresImage);
    }

    [Fact]
    public void Validate_HalfAButtonAndRelativeUrls_ReportsEveryProblem()
    {
        var message = Message() with
        {
            ImageUrl = new Uri("/a.jpg", UriKind.Relative),
            Button = new ViberButton(" ", new Uri("ftp://shop.example/")),
        };

        var error = Assert.Throws<ViberValidationException>(() => Validate(message));

        Assert.Equal(
            ["ImageUrl:AbsoluteHttpUrl", "Button.Caption:Required", "Button.Url:AbsoluteHttpUrl"],
            error.Errors.Select(e => $"{e.Field}:{e.Rule}"));
    }

    [Fact]
    public void Validate_ButtonWithoutUrl_ReportsTheUrlAsRequired()
    {
        var error = Assert.Throws<ViberValidationException>(() => Validate(Message() with { Button = new ViberButton("Open", null!) }));

        Assert.Equal("Button.Url:Required", $"{error.Errors[0].Field}:{error.Errors[0].Rule}");
    }

    [Fact]
    public void Validate_SmsFallbackWithoutItsPair_ReportsSenderAndText()
    {
        var error = Assert.Throws<ViberValidationException>(() => Validate(Message() with { SmsFallback = new SmsFallback(" ") }));

        Assert.Equal(["SmsFallback.Text:Required", "SmsFallback.Sender:Required"], error.Errors.Select(e => $"{e.Field}:{e.Rule}"));
    }

    [Fact]
    public void Validate_SmsSenderTooLongAndSmsLifetime_ReportsBoth()
    {
        var message = Message() with { SmsFallback = new SmsFallback("SMS") { Sender = "TwelveCharsX", TimeToLive = TimeSpan.FromMinutes(5) } };

        var error = Assert.Throws<ViberValidationException>(() => Validate(message));

        Assert.Equal(["SmsFallback.Sender:MaxLength", "SmsFallback.TimeToLive:NotSupported"], error.Errors.Select(e => $"{e.Field}:{e.Rule}"));
    }

    [Fact]
    public void Validate_ScheduleWithoutItsEnd_ReportsTheMissingEnd()
    {
        var error = Assert.Throws<ViberValidationException>(() => Validate(Message() with { Schedule = new MessageSchedule(TenInKyiv) }));

        Assert.Equal("Schedule.SendUntil:Required", $"{error.Errors.Single().Field}:{error.Errors.Single().Rule}");
    }

    [Fact]
    public void Validate_ScheduleEndBeforeStart_ReportsTheOrder()
    {
        var error = Assert.Throws<ViberValidationException>(() => Validate(Message() with { Schedule = new MessageSchedule(NoonInKyiv) { SendUntil = TenInKyiv } }));

        Assert.Equal("Schedule.SendUntil:Order", $"{error.Errors.Single().Field}:{error.Errors.Single().Rule}");
    }

    [Theory]
    [InlineData("2026-01-15T05:59:00Z", "2026-01-15T10:00:00Z", "Schedule.SendAt")]
    [InlineData("2026-01-15T10:00:00Z", "2026-01-15T18:01:00Z", "Schedule.SendUntil")]
    [InlineData("2026-07-01T04:59:00Z", "2026-07-01T10:00:00Z", "Schedule.SendAt")]
    [InlineData("2026-07-01T10:00:00Z", "2026-07-01T17:00:01Z", "Schedule.SendUntil")]
    public void Validate_ScheduleOutsideEightToEightInKyiv_NamesTheEnd(string sendAt, string sendUntil, string field)
    {
        var schedule = new MessageSchedule(DateTimeOffset.Parse(sendAt, System.Globalization.CultureInfo.InvariantCulture))
        {
            SendUntil = DateTimeOffset.Parse(sendUntil, System.Globalization.CultureInfo.InvariantCulture),
        };

        var error = Assert.Throws<ViberValidationException>(() => Validate(Message() with { Schedule = schedule }));

        var problem = Assert.Single(error.Errors);
        Assert.Equal((field, "Window"), (problem.Field, problem.Rule));
        Assert.Contains("08:00 and 20:00 Kyiv time", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReplyWithRecipientsAndExtras_ReportsEachAsNotForAReply()
    {
        var message = Message() with
        {
            TwoWay = TwoWayOptions.ReplyIn("2766"),
            ImageUrl = new Uri("https://img.example/a.jpg"),
            Button = new ViberButton("Open", new Uri("https://shop.example/")),
            SmsFallback = new SmsFallback("SMS") { Sender = "MyShop" },
            TimeToLive = TimeSpan.FromHours(1),
            Schedule = new MessageSchedule(TenInKyiv) { SendUntil = NoonInKyiv },
        };

        var error = Assert.Throws<ViberValidationException>(() => Validate(message));

        Assert.Equal(
            ["Recipients:NotAllowed", "ImageUrl:NotSupported", "Button:NotSupported", "SmsFallback:NotSupported", "TimeToLive:NotSupported", "Schedule:NotSupported"],
            error.Errors.Select(e => $"{e.Field}:{e.Rule}"));
    }

    [Fact]
    public void Validate_CallbackUrlAndDuplicateRecipient_AreReported()
    {
        var message = Message() with { Recipients = [One, One], CallbackUrl = new Uri("https://me.example/cb") };

        var error = Assert.Throws<ViberValidationException>(() => Validate(message));

        Assert.Equal(["Recipients[1]:Unique", "CallbackUrl:NotSupported"], error.Errors.Select(e => $"{e.Field}:{e.Rule}"));
    }

    [Fact]
    public void Validate_TextOver1000Characters_ReportsMaxLength()
    {
        var error = Assert.Throws<ViberValidationException>(() => Validate(Message() with { Text = new string('x', 1001) }));

        Assert.Equal("Text:MaxLength", $"{error.Errors.Single().Field}:{error.Errors.Single().Rule}");
    }

    private static void Validate(ViberMessage message)
        => SmsClubMessageValidator.Validate(message, SmsClubMessageValidator.CapabilitiesFor(new SmsClubOptions()), "SmsClub");

    private static MessageDraft Message(bool two = false) => new(two ? [One, Two] : [One]);

    /// <summary>A valid message to vary with <c>with</c> (ViberMessage itself is a class with init properties).</summary>
    private sealed record MessageDraft(PhoneNumber[] Phones)
    {
        public string Sender { get; init; } = "MyShop";

        public IReadOnlyList<PhoneNumber>? Recipients { get; init; }

        public string? Text { get; init; } = "Hello";

        public Uri? ImageUrl { get; init; }

        public ViberButton? Button { get; init; }

        public TimeSpan? TimeToLive { get; init; }

        public SmsFallback? SmsFallback { get; init; }

        public MessageSchedule? Schedule { get; init; }

        public TwoWayOptions? TwoWay { get; init; }

        public Uri? CallbackUrl { get; init; }

        public static implicit operator ViberMessage(MessageDraft draft) => new()
        {
            Sender = draft.Sender,
            Recipients = draft.Recipients ?? draft.Phones,
            Text = draft.Text,
            ImageUrl = draft.ImageUrl,
            Button = draft.Button,
            TimeToLive = draft.TimeToLive,
            SmsFallback = draft.SmsFallback,
            Schedule = draft.Schedule,
            TwoWay = draft.TwoWay,
            CallbackUrl = draft.CallbackUrl,
        };
    }
}
