using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.SmsBy;
using ViberMessaging.Tests.Reliability;
using static ViberMessaging.Tests.Reliability.ValidationRuleCatalogue;

namespace ViberMessaging.Tests.Providers.SmsBy;

/// <summary>The rules of SmsBy's document the SDK checks before sending, each broken once (the shared rules come from <see cref="ValidationRuleCatalogue"/>).</summary>
internal static class SmsByValidationRules
{
    public static IEnumerable<RuleCase> For(ProviderCase p)
    {
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
}
