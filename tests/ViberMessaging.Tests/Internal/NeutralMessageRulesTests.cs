using ViberMessaging.Internal;

namespace ViberMessaging.Tests.Internal;

public sealed class NeutralMessageRulesTests
{
    private static readonly ProviderCapabilities Full = new()
    {
        SupportsImage = true,
        SupportsButton = true,
        SupportsSmsFallback = true,
        SupportsTwoWay = true,
        SupportsScheduling = true,
        SupportsCallbackUrl = true,
        MaxTextLength = 1000,
        MaxSenderLength = 11,
        MaxButtonCaptionLength = 30,
        MinTimeToLive = TimeSpan.FromSeconds(60),
        MaxTimeToLive = TimeSpan.FromSeconds(86000),
    };

    private static readonly ProviderCapabilities TextOnly = new() { MaxTextLength = 1000, MaxSenderLength = 11 };

    [Fact]
    public void Validate_ValidMessage_NoErrors()
    {
        var errors = Validate(Valid(), Full);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryProblemAtOnce()
    {
        var message = new ViberMessage
        {
            Sender = "A-very-long-sender",
            Recipients = [],
            Text = new string('x', 1001),
            ImageUrl = new Uri("/relative.jpg", UriKind.Relative),
            Button = new ViberButton(new string('c', 31), new Uri("ftp://files.example/x")),
            TimeToLive = TimeSpan.FromSeconds(10),
            SmsFallback = new SmsFallback(" "),
            Schedule = new MessageSchedule(DateTimeOffset.UnixEpoch.AddDays(2)) { SendUntil = DateTimeOffset.UnixEpoch.AddDays(1) },
            CallbackUrl = new Uri("mailto:me@example.com"),
        };

        var errors = Validate(message, Full);

        Assert.Equal(
            ["Sender", "Recipients", "Text", "ImageUrl", "Button.Caption", "Button.Url", "TimeToLive", "SmsFallback.Text", "Schedule.SendUntil", "CallbackUrl"],
            errors.Select(e => e.Field));
    }

    [Fact]
    public void Validate_FeaturesTheProviderLacks_AreNamedAsNotSupported()
    {
        var message = new ViberMessage
        {
            Sender = "Shop",
            Recipients = [PhoneNumber.Parse("+380989361121")],
            Text = "hi",
            ImageUrl = new Uri("https://img.example/a.jpg"),
            Button = new ViberButton("Go", new Uri("https://example.com")),
            SmsFallback = new SmsFallback("hi"),
            TwoWay = TwoWayOptions.OpenChat,
            Schedule = new MessageSchedule(DateTimeOffset.UnixEpoch),
            CallbackUrl = new Uri("https://example.com/cb"),
            TimeToLive = TimeSpan.FromHours(1),
        };

        var errors = Validate(message, TextOnly);

        Assert.All(errors, e => Assert.Equal("NotSupported", e.Rule));
        Assert.Equal(["ImageUrl", "Button", "TimeToLive", "SmsFallback", "Schedule", "TwoWay", "CallbackUrl"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Validate_DuplicateRecipients_NamesTheRepeat()
    {
        var message = new ViberMessage { Sender = "Shop", Text = "hi", Recipients = [PhoneNumber.Parse("+380989361121"), PhoneNumber.Parse("380 98 936 11 21")] };

        var error = Assert.Single(Validate(message, Full));

        Assert.Equal("Recipients[1]", error.Field);
        Assert.Equal("Unique", error.Rule);
    }

    [Fact]
    public void Validate_ManyValidRecipients_AllocatesOnlyTheDuplicateCheck()
    {
        // The duplicate check's set costs ~20 bytes a recipient; a field name built per recipient would add ~50 more.
        var recipients = Enumerable.Range(0, 10_000).Select(i => PhoneNumber.Parse((380670000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var message = new ViberMessage { Sender = "Shop", Text = "hi", Recipients = recipients };
        Validate(message, Full);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var errors = Validate(message, Full);
        var perRecipient = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)recipients.Length;

        Assert.Empty(errors);
        Assert.True(perRecipient < 40, $"{perRecipient:0.0} bytes allocated per valid recipient");
    }

    [Fact]
    public void Validate_ReplyInChat_NeedsNoSenderOrRecipients()
    {
        var message = new ViberMessage { Text = "thanks", TwoWay = TwoWayOptions.ReplyIn("2766") };

        Assert.Empty(Validate(message, Full));
    }

    [Fact]
    public void Validate_ImageOnlyWhereSupported_NeedsNoText()
    {
        var message = new ViberMessage { Sender = "Shop", Recipients = [PhoneNumber.Parse("+380989361121")], ImageUrl = new Uri("https://img.example/a.jpg") };

        Assert.Empty(Validate(message, new ProviderCapabilities { SupportsImage = true, SupportsImageOnly = true }));
        Assert.Equal("Text", Assert.Single(Validate(message, new ProviderCapabilities { SupportsImage = true })).Field);
    }

    private static ViberMessage Valid() => new()
    {
        Sender = "Shop",
        Recipients = [PhoneNumber.Parse("+380989361121")],
        Text = "Your order has shipped",
        ImageUrl = new Uri("https://img.example/a.jpg"),
        Button = new ViberButton("Track", new Uri("https://shop.example/t/1")),
        TimeToLive = TimeSpan.FromHours(1),
        SmsFallback = new SmsFallback("Order shipped") { Sender = "Shop" },
    };

    private static IReadOnlyList<ValidationError> Validate(ViberMessage message, ProviderCapabilities capabilities)
    {
        var errors = new ValidationErrors();
        NeutralMessageRules.Validate(message, capabilities, "Test", errors);
        return errors.Errors;
    }
}
