using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.SmsBy;

namespace ViberMessaging.Tests.Reliability;

/// <summary>One documented rule of a provider and a call that breaks it (and only it, where the rules allow).</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Rule">The rule in the words of the provider's document (or docs/providers/&lt;P&gt;.md).</param>
/// <param name="Call">The call that breaks it, against the registered account.</param>
/// <param name="Expected">Every (field, rule) the SDK must name.</param>
internal sealed record RuleCase(string Provider, string Rule, Func<IServiceProvider, Task> Call, params (string Field, string Rule)[] Expected)
{
    public override string ToString() => $"{Provider}: {Rule}";
}

/// <summary>
/// Every rule of each provider's document that the SDK checks before sending: lengths, ranges, fields that go
/// together, content combinations, recipients, ids and phone formats. Each must be rejected before any request with a
/// <see cref="ViberValidationException"/> naming it.
/// </summary>
internal static class ValidationRuleCatalogue
{
    private static readonly Uri Image = new("https://img.example/promo.jpg");
    private static readonly ViberButton Button = new("Buy", new Uri("https://shop.example/sale"));

    public static IReadOnlyList<RuleCase> All { get; } = [.. SmsClub(), .. Devino(), .. DecisionTelecom(), .. SmsBy()];

    /// <summary>Rules every provider shares (the neutral model's), checked for each.</summary>
    private static IEnumerable<RuleCase> Shared(ProviderCase p)
    {
        yield return Send(p, "sender is required", Msg(p, sender: null), ("Sender", "Required"));
        yield return Send(p, "at least one recipient", Msg(p, to: []), ("Recipients", "Required"));
        yield return Send(p, "a recipient may not be null", Msg(p, to: [p.Recipient, null!]), ("Recipients[1]", "Required"));
        yield return Send(p, "each recipient once per message", Msg(p, to: [p.Recipient, p.Recipient]), ("Recipients[1]", "Unique"));
        yield return Send(p, "text is required", Msg(p, text: null), ("Text", "Required"));
        yield return Send(p, "text at most 1000 characters", Msg(p, text: new string('x', 1001)), ("Text", "MaxLength"));
        yield return Send(p, "button caption is required", Msg(p, image: Image, button: new ViberButton(" ", Button.Url)), ("Button.Caption", "Required"));
        yield return Send(p, "button URL is required", Msg(p, image: Image, button: new ViberButton("Buy", null!)), ("Button.Url", "Required"));
        yield return Send(p, "button URL absolute http(s)", Msg(p, image: Image, button: new ViberButton("Buy", new Uri("ftp://shop.example/"))), ("Button.Url", "AbsoluteHttpUrl"));
    }

    private static IEnumerable<RuleCase> SmsClub()
    {
        var p = ReliabilityProviders.Get(ViberProviders.SmsClub);
        var two = new[] { p.Recipient, PhoneNumber.Parse("380989361126") };
        var kyivMorning = new DateTimeOffset(2030, 1, 15, 10, 0, 0, TimeSpan.FromHours(2));
        foreach (var rule in Shared(p))
        {
            yield return rule;
        }

        yield return Send(p, "button_txt at most 30 characters", Msg(p, image: Image, button: new ViberButton(new string('b', 31), Button.Url)), ("Button.Caption", "MaxLength"));
        yield return Send(p, "lifetime 60–86000 s for one phone: 59", Msg(p, ttl: TimeSpan.FromSeconds(59)), ("TimeToLive", "Range"));
        yield return Send(p, "lifetime 60–86000 s: 86001", Msg(p, ttl: TimeSpan.FromSeconds(86001)), ("TimeToLive", "Range"));
        yield return Send(p, "lifetime 3600–86000 s for several phones", Msg(p, to: two, ttl: TimeSpan.FromSeconds(3599)), ("TimeToLive", "Range"));
        yield return Send(p, "picture_url only with button_txt and button_url", Msg(p, image: Image), ("Button", "Together"));
        yield return Send(p, "button_txt and button_url only with picture_url (all three or none)", Msg(p, button: Button), ("ImageUrl", "ButtonRequiresImage"));
        yield return Send(p, "picture_url absolute http(s)", Msg(p, image: new Uri("/promo.jpg", UriKind.Relative), button: Button), ("ImageUrl", "AbsoluteHttpUrl"));
        yield return Send(p, "a picture needs text (no image-only messages)", Msg(p, text: null, image: Image, button: Button), ("Text", "Required"));
        yield return Send(p, "senderSms and messageSms together: sender", Msg(p, sms: new SmsFallback("SMS text")), ("SmsFallback.Sender", "Required"));
        yield return Send(p, "senderSms and messageSms together: text", Msg(p, sms: new SmsFallback(" ") { Sender = "MyShop" }), ("SmsFallback.Text", "Required"));
        yield return Send(p, "SMS alpha name at most 11 characters", Msg(p, sms: new SmsFallback("SMS text") { Sender = "TwelveChars1" }), ("SmsFallback.Sender", "MaxLength"));
        yield return Send(p, "the SMS has no lifetime of its own", Msg(p, sms: new SmsFallback("SMS text") { Sender = "MyShop", TimeToLive = TimeSpan.FromHours(1) }), ("SmsFallback.TimeToLive", "NotSupported"));
        yield return Send(p, "mgr_plan_date only with mgr_end_time", Msg(p, schedule: new MessageSchedule(kyivMorning)), ("Schedule.SendUntil", "Required"));
        yield return Send(p, "the mailing end after its start", Msg(p, schedule: new MessageSchedule(kyivMorning) { SendUntil = kyivMorning.AddHours(-1) }), ("Schedule.SendUntil", "Order"));
        yield return Send(p, "scheduled from 8:00 (Kyiv)", Msg(p, schedule: new MessageSchedule(kyivMorning.AddHours(-3)) { SendUntil = kyivMorning }), ("Schedule.SendAt", "Window"));
        yield return Send(p, "scheduled until 20:00 (Kyiv)", Msg(p, schedule: new MessageSchedule(kyivMorning) { SendUntil = kyivMorning.AddHours(11) }), ("Schedule.SendUntil", "Window"));
        yield return Send(p, "no status callbacks (poll)", Msg(p, callback: new Uri("https://my.example/cb")), ("CallbackUrl", "NotSupported"));
        yield return Send(p, "a reply goes to the chat, without recipients", Msg(p, twoWay: TwoWayOptions.ReplyIn("2766")), ("Recipients", "NotAllowed"));
        yield return Send(p, "a reply carries text only", Msg(p, sender: null, to: [], image: Image, button: Button, ttl: TimeSpan.FromMinutes(5), twoWay: TwoWayOptions.ReplyIn("2766")), ("ImageUrl", "NotSupported"), ("Button", "NotSupported"), ("TimeToLive", "NotSupported"));
        yield return Status(p, "status ids of this account", ["Devino:5769"], ("messageIds[0]", "Provider"));
        yield return Status(p, "status ids are not empty", new MessageId[] { default }, ("messageIds[0]", "Required"));
    }

    private static IEnumerable<RuleCase> Devino()
    {
        var p = ReliabilityProviders.Get(ViberProviders.Devino);
        foreach (var rule in Shared(p))
        {
            yield return rule;
        }

        yield return Send(p, "subject at most 11 characters", Msg(p, sender: "TwelveChars1"), ("Sender", "MaxLength"));
        yield return Send(p, "caption at most 19 characters", Msg(p, button: new ViberButton(new string('b', 20), Button.Url)), ("Button.Caption", "MaxLength"));
        yield return Send(p, "imageUrl absolute http(s)", Msg(p, image: new Uri("file:///promo.jpg"), button: Button), ("ImageUrl", "AbsoluteHttpUrl"));
        yield return Send(p, "validityPeriodSec 30 s – 24 h: 29", Msg(p, ttl: TimeSpan.FromSeconds(29)), ("TimeToLive", "Range"));
        yield return Send(p, "validityPeriodSec 30 s – 24 h: 86401", Msg(p, ttl: TimeSpan.FromSeconds(86401)), ("TimeToLive", "Range"));
        yield return Send(p, "smsValidityPeriodSec 60 s – 24 h", Msg(p, sms: new SmsFallback("SMS text") { TimeToLive = TimeSpan.FromSeconds(59) }), ("SmsFallback.TimeToLive", "Range"));
        yield return Send(p, "smsSrcAddress 1–11 Latin letters or digits", Msg(p, sms: new SmsFallback("SMS text") { Sender = "My Shop" }), ("SmsFallback.Sender", "Format"));
        yield return Send(p, "smsText is required with resendSms", Msg(p, sms: new SmsFallback(" ")), ("SmsFallback.Text", "Required"));
        yield return Send(p, "contentType image cannot be re-sent as SMS", Msg(p, text: null, image: Image, sms: new SmsFallback("SMS text")), ("SmsFallback", "NotSupported"));
        yield return Send(p, "no text + image without a button", Msg(p, image: Image), ("ImageUrl", "Combination"));
        yield return Send(p, "no scheduling", Msg(p, schedule: new MessageSchedule(DateTimeOffset.UnixEpoch.AddYears(60))), ("Schedule", "NotSupported"));
        yield return Send(p, "no two-way chats", Msg(p, twoWay: TwoWayOptions.OpenChat), ("TwoWay", "NotSupported"));
        yield return Send(p, "no callback URL", Msg(p, callback: new Uri("https://my.example/cb")), ("CallbackUrl", "NotSupported"));
        yield return Status(p, "status ids are positive 64-bit integers", [new MessageId(p.Name, "abc"), new MessageId(p.Name, "0"), new MessageId(p.Name, "9223372036854775808")], ("messageIds[0]", "Format"), ("messageIds[1]", "Format"), ("messageIds[2]", "Format"));
        yield return Status(p, "status ids of this account", ["SmsClub:1"], ("messageIds[0]", "Provider"));
    }

    private static IEnumerable<RuleCase> DecisionTelecom()
    {
        var p = ReliabilityProviders.Get(ViberProviders.DecisionTelecom);
        foreach (var rule in Shared(p))
        {
            yield return rule;
        }

        yield return Send(p, "source_addr at most 20 characters", Msg(p, sender: new string('s', 21)), ("Sender", "MaxLength"));
        yield return Send(p, "button_caption at most 30 characters", Msg(p, image: Image, button: new ViberButton(new string('b', 31), Button.Url)), ("Button.Caption", "MaxLength"));
        yield return Send(p, "image only with a button (type 108)", Msg(p, image: Image), ("Button", "Together"));
        yield return Send(p, "button only with an image (type 108)", Msg(p, button: Button), ("ImageUrl", "ButtonRequiresImage"));
        yield return Send(p, "transactional message (text message) – 2: no image and button", Msg(p, image: Image, button: Button, kind: MessageKind.Transactional), ("Kind", "TransactionalTextOnly"));
        yield return Send(p, "validity_period 40–21600 s: 39", Msg(p, ttl: TimeSpan.FromSeconds(39)), ("TimeToLive", "Range"));
        yield return Send(p, "validity_period 40–21600 s: 21601", Msg(p, ttl: TimeSpan.FromSeconds(21601)), ("TimeToLive", "Range"));
        yield return Send(p, "validity_period in whole seconds", Msg(p, ttl: TimeSpan.FromSeconds(40.5)), ("TimeToLive", "WholeSeconds"));
        yield return Send(p, "text_sms one GSM-7 segment (160)", Msg(p, sms: new SmsFallback(new string('a', 161))), ("SmsFallback.Text", "OneSegment"));
        yield return Send(p, "text_sms one UCS-2 segment (70)", Msg(p, sms: new SmsFallback(new string('ж', 71))), ("SmsFallback.Text", "OneSegment"));
        yield return Send(p, "Viber + SMS for transactional messages only", Msg(p, sms: new SmsFallback("SMS text"), kind: MessageKind.Promotional), ("SmsFallback", "TransactionalOnly"));
        yield return Send(p, "Viber + SMS: image and button make it promotional", Msg(p, image: Image, button: Button, sms: new SmsFallback("SMS text")), ("SmsFallback", "TransactionalOnly"));
        yield return Send(p, "transactional message + SMS – TTL only 40 seconds", Msg(p, sms: new SmsFallback("SMS text"), ttl: TimeSpan.FromSeconds(60)), ("TimeToLive", "ViberPlusSmsTtl"));
        yield return Send(p, "no SMS sender field", Msg(p, sms: new SmsFallback("SMS text") { Sender = "MyShop" }), ("SmsFallback.Sender", "NotSupported"));
        yield return Send(p, "no SMS validity field", Msg(p, sms: new SmsFallback("SMS text") { TimeToLive = TimeSpan.FromMinutes(5) }), ("SmsFallback.TimeToLive", "NotSupported"));
        yield return Send(p, "no chats to reply in", Msg(p, sender: null, to: [], twoWay: TwoWayOptions.ReplyIn("429")), ("TwoWay.ChatId", "NotSupported"));
        yield return Send(p, "no scheduling", Msg(p, schedule: new MessageSchedule(DateTimeOffset.UnixEpoch.AddYears(60))), ("Schedule", "NotSupported"));
        yield return Send(p, "callback_url absolute http(s)", Msg(p, callback: new Uri("mailto:ops@example.com")), ("CallbackUrl", "AbsoluteHttpUrl"));
        yield return Status(p, "message_id is the Int64 send-viber returned", [new MessageId(p.Name, "abc")], ("messageIds[0]", "Format"));
        yield return Status(p, "status ids of this account", ["SmsBy:quick:1"], ("messageIds[0]", "Provider"));
    }

    private static IEnumerable<RuleCase> SmsBy()
    {
        var p = ReliabilityProviders.Get(ViberProviders.SmsBy);
        foreach (var rule in Shared(p))
        {
            yield return rule;
        }

        yield return Send(p, "sender is a vibername_id (mapped or numeric)", Msg(p, sender: "Unmapped"), ("Sender", "UnknownSender"));
        yield return Send(p, "button_caption at most 30 characters", Msg(p, button: new ViberButton(new string('b', 31), Button.Url)), ("Button.Caption", "MaxLength"));
        yield return Send(p, "button_link at most 150 characters", Msg(p, button: new ViberButton("Buy", new Uri("https://shop.example/" + new string('l', 140)))), ("Button.Url", "MaxLength"));
        yield return Send(p, "an image with text needs a button", Msg(p, image: Image), ("ImageUrl", "Combination"));
        yield return Send(p, "SMS forwarding resends the Viber text", Msg(p, sms: new SmsFallback("Another text")), ("SmsFallback.Text", "SameAsText"));
        yield return Send(p, "SMS forwarding needs a text", Msg(p, text: null, image: Image, sms: new SmsFallback("x")), ("SmsFallback", "NeedsText"));
        yield return Send(p, "alphaname_id for the SMS sender", Msg(p, sms: new SmsFallback("Hello") { Sender = "Unmapped" }), ("SmsFallback.Sender", "UnknownSender"));
        yield return Send(p, "forwarding_time 5–60 minutes", Msg(p, sms: new SmsFallback("Hello") { TimeToLive = TimeSpan.FromMinutes(61) }), ("SmsFallback.TimeToLive", "Range"));
        yield return Send(p, "forwarding_time in whole minutes", Msg(p, sms: new SmsFallback("Hello") { TimeToLive = TimeSpan.FromSeconds(330) }), ("SmsFallback.TimeToLive", "WholeMinutes"));
        yield return Send(p, "a send time, not a window", Msg(p, to: [p.Recipient, PhoneNumber.Parse("375292222222")], schedule: new MessageSchedule(DateTimeOffset.UnixEpoch.AddYears(60)) { SendUntil = DateTimeOffset.UnixEpoch.AddYears(61) }), ("Schedule.SendUntil", "NotSupported"));
        yield return Send(p, "schedule_time writable in Minsk time", Msg(p, to: [p.Recipient, PhoneNumber.Parse("375292222222")], schedule: new MessageSchedule(DateTimeOffset.UnixEpoch)), ("Schedule.SendAt", "Range"));
        yield return Send(p, "quick-only and bulk-only features do not mix", Msg(p, sms: new SmsFallback("Hello"), callback: new Uri("https://my.example/cb")), ("CallbackUrl", "Conflict"));
        yield return Send(p, "no time to live", Msg(p, ttl: TimeSpan.FromMinutes(5)), ("TimeToLive", "NotSupported"));
        yield return Send(p, "callback_url absolute http(s)", Msg(p, to: [p.Recipient, PhoneNumber.Parse("375292222222")], callback: new Uri("ftp://my.example/cb")), ("CallbackUrl", "AbsoluteHttpUrl"));
        yield return Send(p, "a chat id is '<mailing id>:<phone>'", Msg(p, sender: null, to: [], twoWay: TwoWayOptions.ReplyIn("8484:12")), ("TwoWay.ChatId", "Format"));
        yield return Send(p, "a reply goes to the chat's phone", Msg(p, to: [PhoneNumber.Parse("375292222222")], twoWay: TwoWayOptions.ReplyIn("8484:" + p.Phone)), ("Recipients", "NotAllowed"));
        yield return Status(p, "ids are quick:, bulk: or mailing: ids", [new MessageId(p.Name, "8484"), new MessageId(p.Name, "bulk:uuid-without-phone")], ("messageIds[0]", "Format"), ("messageIds[1]", "Format"));
        yield return Call(p, "sendBulkViber needs a mailing list", sp => Client(sp).SendMailingsAsync([]), ("mailings", "Required"));
        yield return Call(p, "list names unique (errors name the list)", sp => Client(sp).SendMailingsAsync([Bulk("list"), Bulk("LIST")]), ("mailings[1].Name", "Unique"));
        yield return Call(p, "a list needs recipients", sp => Client(sp).SendMailingsAsync([new SmsByBulkMailing { Name = "list", Sender = "MyShop", Text = "Hi", Recipients = [] }]), ("mailings[0].Recipients", "Required"));
        yield return Call(p, "a personal list image needs a button", sp => Client(sp).SendMailingsAsync([new SmsByPersonalMailing { Name = "list", Sender = "MyShop", ImageUrl = Image, Messages = [new SmsByPersonalMessage(p.Recipient, "Hi")] }]), ("mailings[0].ImageUrl", "BulkOnly"));
        yield return Call(p, "a personal button link needs the list's caption", sp => Client(sp).SendMailingsAsync([new SmsByPersonalMailing { Name = "list", Sender = "MyShop", Messages = [new SmsByPersonalMessage(p.Recipient, "Hi") { ButtonUrl = Button.Url }] }]), ("mailings[0].Messages[0].ButtonUrl", "Together"));
        yield return Call(p, "a subscriber list id is positive", sp => Client(sp).PrepareListMailingAsync(new SmsByListMailing { ListId = 0, Sender = "MyShop", Text = "Hi" }), ("ListId", "Range"));
        yield return Call(p, "image_file or image URL, not both", sp => Client(sp).PrepareListMailingAsync(new SmsByListMailing { ListId = 1, Sender = "MyShop", ImageUrl = Image, ImageFile = new SmsByImageFile("a.jpg", new byte[] { 1 }) }), ("ImageFile", "Conflict"));
        yield return Call(p, "an uploaded image is a quick message: one recipient", sp => Client(sp).SendWithImageFileAsync(Msg(p, to: [p.Recipient, PhoneNumber.Parse("375292222222")], text: null), new SmsByImageFile("a.jpg", new byte[] { 1 })), ("Recipients", "Single"));
        yield return Call(p, "an uploaded image is not empty", sp => Client(sp).SendWithImageFileAsync(Msg(p, text: null), new SmsByImageFile("a.jpg", ReadOnlyMemory<byte>.Empty)), ("image", "Required"));
        yield return Call(p, "incoming_messages comma-separated ids", sp => Client(sp).MarkIncomingMessagesReadAsync(["1,2", " "]), ("incomingMessageIds[0]", "Format"), ("incomingMessageIds[1]", "Required"));
    }

    private static ISmsByClient Client(IServiceProvider services) => services.GetRequiredKeyedService<ISmsByClient>(ViberProviders.SmsBy);

    private static SmsByBulkMailing Bulk(string name) => new() { Name = name, Sender = "MyShop", Text = "Hi", Recipients = [ReliabilityProviders.Get(ViberProviders.SmsBy).Recipient] };

    private static RuleCase Send(ProviderCase p, string rule, ViberMessage message, params (string, string)[] expected)
        => new(p.Name, rule, sp => sp.GetRequiredKeyedService<IViberSender>(p.Name).SendAsync(message), expected);

    private static RuleCase Status(ProviderCase p, string rule, MessageId[] ids, params (string, string)[] expected)
        => new(p.Name, rule, sp => sp.GetRequiredKeyedService<IStatusQuery>(p.Name).GetStatusesAsync(ids), expected);

    private static RuleCase Status(ProviderCase p, string rule, string[] ids, params (string, string)[] expected)
        => Status(p, rule, [.. ids.Select(MessageId.Parse)], expected);

    private static RuleCase Call(ProviderCase p, string rule, Func<IServiceProvider, Task> call, params (string, string)[] expected)
        => new(p.Name, rule, call, expected);

    private static ViberMessage Msg(
        ProviderCase p,
        string? sender = "MyShop",
        PhoneNumber[]? to = null,
        string? text = "Hello",
        Uri? image = null,
        ViberButton? button = null,
        TimeSpan? ttl = null,
        SmsFallback? sms = null,
        MessageSchedule? schedule = null,
        TwoWayOptions? twoWay = null,
        Uri? callback = null,
        MessageKind? kind = null) => new()
        {
            Sender = sender,
            Recipients = to ?? [p.Recipient],
            Text = text,
            ImageUrl = image,
            Button = button,
            TimeToLive = ttl,
            SmsFallback = sms,
            Schedule = schedule,
            TwoWay = twoWay,
            CallbackUrl = callback,
            Kind = kind,
        };
}
