using ViberMessaging.SmsBy;

namespace ViberMessaging.Tests.Providers.SmsBy;

public sealed class SmsByMessageValidatorTests
{
    private static readonly PhoneNumber First = PhoneNumber.Parse("375291111111");
    private static readonly PhoneNumber Second = PhoneNumber.Parse("375292222222");

    [Fact]
    public void Validate_OneRecipient_RoutesQuickWithTheResolvedSender()
    {
        var plan = Validate(new ViberMessage { Sender = "myshop", Recipients = [First], Text = "Hi" });

        Assert.Equal((SmsByRoute.Quick, 101, false), (plan.Route, plan.ViberSenderId, plan.OpensChats));
        Assert.Equal([First], plan.Recipients);
    }

    [Fact]
    public void Validate_SeveralRecipients_RoutesBulk()
        => Assert.Equal(SmsByRoute.Bulk, Validate(new ViberMessage { Sender = "MyShop", Recipients = [First, Second], Text = "Hi" }).Route);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Validate_OneRecipientWithABulkOnlyFeature_RoutesBulk(bool schedule, bool callback)
    {
        var plan = Validate(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [First],
            Text = "Hi",
            Schedule = schedule ? new MessageSchedule(DateTimeOffset.Parse("2030-01-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)) : null,
            CallbackUrl = callback ? new Uri("https://me.example/hook") : null,
        });

        Assert.Equal(SmsByRoute.Bulk, plan.Route);
    }

    [Fact]
    public void Validate_SeveralRecipientsWithSmsFallback_RoutesQuickPerRecipientWithForwarding()
    {
        var plan = Validate(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [First, Second],
            Text = "Hi",
            SmsFallback = new SmsFallback("Hi") { Sender = "MyShopSms", TimeToLive = TimeSpan.FromMinutes(15) },
        });

        Assert.Equal((SmsByRoute.Quick, 444, 15), (plan.Route, plan.SmsSenderId, plan.ForwardingMinutes));
    }

    [Fact]
    public void Validate_NumericSenders_AreTakenAsIds()
    {
        var plan = Validate(new ViberMessage { Sender = "202", Recipients = [First], Text = "Hi", SmsFallback = new SmsFallback("Hi") { Sender = "555" } });

        Assert.Equal((202, 555), (plan.ViberSenderId, plan.SmsSenderId));
    }

    [Fact]
    public void Validate_UnmappedSenders_AreReportedTogether()
    {
        var error = Assert.Throws<ViberValidationException>(() => Validate(new ViberMessage
        {
            Sender = "Unknown",
            Recipients = [First],
            Text = "Hi",
            SmsFallback = new SmsFallback("Hi") { Sender = "NoSuchSms" },
        }));

        Assert.Equal([("Sender", "UnknownSender"), ("SmsFallback.Sender", "UnknownSender")], error.Errors.Select(e => (e.Field, e.Rule)));
        Assert.Contains("ViberMessaging:SmsBy:ViberSenders:Unknown", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryBrokenRule_IsReportedAtOnceBeforeAnyRequest()
    {
        var message = new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [First, First],
            Text = "Look",
            ImageUrl = new Uri("https://cdn.example/a.jpg"),
            TimeToLive = TimeSpan.FromHours(1),
            SmsFallback = new SmsFallback("Other text") { TimeToLive = TimeSpan.FromMinutes(4) },
            Schedule = new MessageSchedule(DateTimeOffset.Parse("2030-01-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)) { SendUntil = DateTimeOffset.Parse("2030-01-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture) },
        };

        var error = Assert.Throws<ViberValidationException>(() => Validate(message));

        Assert.Equal(
            [
                ("Recipients[1]", "Unique"),
                ("TimeToLive", "NotSupported"),
                ("ImageUrl", "Combination"),
                ("Schedule.SendUntil", "NotSupported"),
                ("Schedule", "Conflict"),
                ("SmsFallback.Text", "SameAsText"),
                ("SmsFallback.TimeToLive", "Range"),
            ],
            error.Errors.Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void Validate_ButtonLinkOf151Characters_IsTooLong()
    {
        var error = Assert.Throws<ViberValidationException>(() => Validate(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [First],
            Text = "Hi",
            Button = new ViberButton("Go", new Uri("https://example.com/" + new string('a', 131))),
        }));

        var broken = Assert.Single(error.Errors);
        Assert.Equal(("Button.Url", "MaxLength"), (broken.Field, broken.Rule));
        Assert.Contains("151", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ButtonLinkOf150Characters_IsAccepted()
        => Validate(new ViberMessage { Sender = "MyShop", Recipients = [First], Text = "Hi", Button = new ViberButton("Go", new Uri("https://example.com/" + new string('a', 130))) });

    [Fact]
    public void Validate_ButtonWithoutLink_IsReported()
    {
        var error = Assert.Throws<ViberValidationException>(() => Validate(new ViberMessage { Sender = "MyShop", Recipients = [First], Text = "Hi", Button = new ViberButton("Go", null!) }));

        Assert.Contains(error.Errors, e => e is { Field: "Button.Url", Rule: "Required" });
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(60, true)]
    [InlineData(4, false)]
    [InlineData(61, false)]
    public void Validate_ForwardingTime_Is5To60Minutes(int minutes, bool valid)
    {
        var message = new ViberMessage { Sender = "MyShop", Recipients = [First], Text = "Hi", SmsFallback = new SmsFallback("Hi") { TimeToLive = TimeSpan.FromMinutes(minutes) } };

        if (valid)
        {
            Assert.Equal(minutes, Validate(message).ForwardingMinutes);
        }
        else
        {
            Assert.Equal(("SmsFallback.TimeToLive", "Range"), Assert.Single(Assert.Throws<ViberValidationException>(() => Validate(message)).Errors) is var e ? (e.Field, e.Rule) : default);
        }
    }

    [Fact]
    public void Validate_ForwardingTimeNotWholeMinutes_IsReported()
    {
        var message = new ViberMessage { Sender = "MyShop", Recipients = [First], Text = "Hi", SmsFallback = new SmsFallback("Hi") { TimeToLive = TimeSpan.FromSeconds(450) } };

        var error = Assert.Single(Assert.Throws<ViberValidationException>(() => Validate(message)).Errors);

        Assert.Equal(("SmsFallback.TimeToLive", "WholeMinutes"), (error.Field, error.Rule));
    }

    [Fact]
    public void Validate_SmsFallbackOnAnImageWithoutText_NeedsText()
    {
        var message = new ViberMessage { Sender = "MyShop", Recipients = [First], ImageUrl = new Uri("https://cdn.example/a.jpg"), SmsFallback = new SmsFallback("Hi") };

        var error = Assert.Single(Assert.Throws<ViberValidationException>(() => Validate(message)).Errors);

        Assert.Equal(("SmsFallback", "NeedsText"), (error.Field, error.Rule));
    }

    [Fact]
    public void Validate_ImageOnly_NeedsNoText()
        => Assert.Equal(SmsByRoute.Bulk, Validate(new ViberMessage { Sender = "MyShop", Recipients = [First, Second], ImageUrl = new Uri("https://cdn.example/a.jpg") }).Route);

    [Fact]
    public void Validate_TwoWayWithCallback_Conflicts()
    {
        var error = Assert.Single(Assert.Throws<ViberValidationException>(() => Validate(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [First],
            Text = "Hi",
            TwoWay = TwoWayOptions.OpenChat,
            CallbackUrl = new Uri("https://me.example/hook"),
        })).Errors);

        Assert.Equal(("CallbackUrl", "Conflict"), (error.Field, error.Rule));
    }

    [Fact]
    public void Validate_OpenChat_RoutesQuickAndOpensChats()
    {
        var plan = Validate(new ViberMessage { Sender = "MyShop", Recipients = [First, Second], Text = "Hi", TwoWay = TwoWayOptions.OpenChat });

        Assert.Equal((SmsByRoute.Quick, true), (plan.Route, plan.OpensChats));
    }

    [Fact]
    public void Validate_ReplyInAChat_GoesToTheChatsPhoneFromTheDefaultSender()
    {
        var plan = Validate(new ViberMessage { Text = "Thanks", TwoWay = TwoWayOptions.ReplyIn("8484:375291111111") }, o => o.DefaultSender = "Other");

        Assert.Equal((SmsByRoute.Quick, 303), (plan.Route, plan.ViberSenderId));
        Assert.Equal([First], plan.Recipients);
    }

    [Fact]
    public void Validate_ReplyWithoutAnyResolvableSender_IsReported()
    {
        var error = Assert.Single(Assert.Throws<ViberValidationException>(() => Validate(new ViberMessage { Text = "Thanks", TwoWay = TwoWayOptions.ReplyIn("8484:375291111111") })).Errors);

        Assert.Equal(("Sender", "UnknownSender"), (error.Field, error.Rule));
    }

    [Fact]
    public void Validate_ReplyWithTheOnlyMappedSender_UsesIt()
    {
        var plan = SmsByMessageValidator.Validate(
            new ViberMessage { Text = "Thanks", TwoWay = TwoWayOptions.ReplyIn("8484:375291111111") },
            Capabilities,
            Options(o => o.ViberSenders.Remove("Other"), single: true),
            "SmsBy");

        Assert.Equal(101, plan.ViberSenderId);
    }

    [Theory]
    [InlineData("8484")]
    [InlineData("abc:375291111111")]
    [InlineData("8484:12")]
    public void Validate_MalformedChatId_IsReported(string chatId)
    {
        var error = Assert.Single(Assert.Throws<ViberValidationException>(() => Validate(new ViberMessage { Sender = "MyShop", Text = "Thanks", TwoWay = TwoWayOptions.ReplyIn(chatId) })).Errors);

        Assert.Equal(("TwoWay.ChatId", "Format"), (error.Field, error.Rule));
    }

    [Fact]
    public void Validate_ReplyToAnotherRecipient_IsReported()
    {
        var error = Assert.Single(Assert.Throws<ViberValidationException>(() => Validate(new ViberMessage { Sender = "MyShop", Recipients = [Second], Text = "Thanks", TwoWay = TwoWayOptions.ReplyIn("8484:375291111111") })).Errors);

        Assert.Equal(("Recipients", "NotAllowed"), (error.Field, error.Rule));
    }

    [Fact]
    public void Validate_UploadedImageAlone_NeedsNoTextButOneRecipient()
    {
        var image = new SmsByImageFile("a.jpg", new byte[] { 1 });

        var plan = SmsByMessageValidator.Validate(new ViberMessage { Sender = "MyShop", Recipients = [First] }, Capabilities, Options(), "SmsBy", image);
        var error = Assert.Throws<ViberValidationException>(() => SmsByMessageValidator.Validate(new ViberMessage { Sender = "MyShop", Recipients = [First, Second], ImageUrl = new Uri("https://cdn.example/a.jpg") }, Capabilities, Options(), "SmsBy", image));

        Assert.Equal(SmsByRoute.Quick, plan.Route);
        Assert.Equal([("ImageUrl", "Conflict"), ("Recipients", "Single")], error.Errors.Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void Validate_ScheduleOutOfRange_IsReported()
    {
        var error = Assert.Single(Assert.Throws<ViberValidationException>(() => Validate(new ViberMessage { Sender = "MyShop", Recipients = [First, Second], Text = "Hi", Schedule = new MessageSchedule(DateTimeOffset.MaxValue) })).Errors);

        Assert.Equal(("Schedule.SendAt", "Range"), (error.Field, error.Rule));
    }

    [Fact]
    public void ValidateMailings_Valid_ResolvesEachListsSender()
    {
        SmsByMailing[] mailings =
        [
            new SmsByBulkMailing { Name = "a", Text = "x", Recipients = [First] },
            new SmsByPersonalMailing { Name = "b", Sender = "Other", Messages = [new SmsByPersonalMessage(First, "y")] },
        ];

        Assert.Equal([101, 303], SmsByMailingValidator.ValidateMailings(mailings, null, Options(o => o.DefaultSender = "MyShop"), "SmsBy"));
    }

    [Fact]
    public void ValidateMailings_EveryBrokenRule_IsReportedAtOnce()
    {
        SmsByMailing[] mailings =
        [
            new SmsByPersonalMailing
            {
                Name = "dup", ImageUrl = new Uri("https://cdn.example/a.jpg"),
                Messages = [new SmsByPersonalMessage(First, "x") { ButtonUrl = new Uri("https://e.x/") }, new SmsByPersonalMessage(First, "")],
            },
            new SmsByBulkMailing { Name = "DUP", Sender = "Nobody", Text = "x", ImageUrl = new Uri("https://cdn.example/a.jpg"), Recipients = [] },
            new SmsByPersonalMailing
            {
                Name = "c", ButtonCaption = "Go",
                Messages = [new SmsByPersonalMessage(Second, "x"), new SmsByPersonalMessage(First, "y") { ButtonUrl = new Uri("https://e.x/" + new string('a', 150)) }],
            },
        ];

        var error = Assert.Throws<ViberValidationException>(() => SmsByMailingValidator.ValidateMailings(mailings, new Uri("ftp://x/"), Options(o => o.DefaultSender = "MyShop"), "SmsBy"));

        Assert.Equal(
            [
                ("callbackUrl", "AbsoluteHttpUrl"),
                ("mailings[0].ImageUrl", "BulkOnly"),
                ("mailings[0].Messages[0].ButtonUrl", "Together"),
                ("mailings[0].Messages[1].Recipient", "Unique"),
                ("mailings[0].Messages[1].Text", "Required"),
                ("mailings[1].Name", "Unique"),
                ("mailings[1].Sender", "UnknownSender"),
                ("mailings[1].ImageUrl", "Combination"),
                ("mailings[1].Recipients", "Required"),
                ("mailings[2].Messages[0].ButtonUrl", "Required"),
                ("mailings[2].Messages[1].ButtonUrl", "MaxLength"),
            ],
            error.Errors.Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void ValidateMailings_None_IsReported()
    {
        var error = Assert.Single(Assert.Throws<ViberValidationException>(() => SmsByMailingValidator.ValidateMailings([], null, Options(), "SmsBy")).Errors);

        Assert.Equal(("mailings", "Required"), (error.Field, error.Rule));
    }

    [Fact]
    public void ValidateListMailing_Valid_ResolvesTheSender()
        => Assert.Equal(303, SmsByMailingValidator.ValidateListMailing(new SmsByListMailing { ListId = 1, Sender = "other", Text = "Hi" }, Options(), "SmsBy"));

    [Fact]
    public void ValidateListMailing_EveryBrokenRule_IsReportedAtOnce()
    {
        var mailing = new SmsByListMailing
        {
            ListId = 0,
            Sender = "Nobody",
            Text = "Look",
            ImageUrl = new Uri("https://cdn.example/a.jpg"),
            ImageFile = new SmsByImageFile("a.jpg", ReadOnlyMemory<byte>.Empty),
            SendAt = DateTimeOffset.MinValue,
        };

        var error = Assert.Throws<ViberValidationException>(() => SmsByMailingValidator.ValidateListMailing(mailing, Options(), "SmsBy"));

        Assert.Equal(
            [("ListId", "Range"), ("Sender", "UnknownSender"), ("ImageFile", "Conflict"), ("ImageFile", "Required"), ("ImageUrl", "Combination"), ("SendAt", "Range")],
            error.Errors.Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void ValidateIncomingIds_CommasEmptiesAndNone_AreReported()
    {
        var error = Assert.Throws<ViberValidationException>(() => SmsByMailingValidator.ValidateIncomingIds(["12", "1,2", " ", "3 4"]));

        Assert.Equal([("incomingMessageIds[1]", "Format"), ("incomingMessageIds[2]", "Required"), ("incomingMessageIds[3]", "Format")], error.Errors.Select(e => (e.Field, e.Rule)));
        Assert.Equal("incomingMessageIds", Assert.Single(Assert.Throws<ViberValidationException>(() => SmsByMailingValidator.ValidateIncomingIds([])).Errors).Field);
    }

    private static readonly ProviderCapabilities Capabilities = new()
    {
        SupportsImage = true,
        SupportsImageOnly = true,
        SupportsButton = true,
        SupportsSmsFallback = true,
        SupportsTwoWay = true,
        SupportsScheduling = true,
        SupportsCallbackUrl = true,
        MaxSenderLength = 64,
    };

    private static SmsBySendPlan Validate(ViberMessage message, Action<SmsByOptions>? configure = null)
        => SmsByMessageValidator.Validate(message, Capabilities, Options(configure), "SmsBy");

    private static SmsByOptions Options(Action<SmsByOptions>? configure = null, bool single = false)
    {
        var options = new SmsByOptions { Token = "t0k" };
        options.ViberSenders["MyShop"] = 101;
        if (!single)
        {
            options.ViberSenders["Other"] = 303;
        }

        options.SmsSenders["MyShopSms"] = 444;
        configure?.Invoke(options);
        return options;
    }
}
