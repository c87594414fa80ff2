using System.CommandLine;

namespace ViberMessaging.Cli.Commands;

/// <summary><c>viber send</c>: one message to one or more phones, through one provider.</summary>
internal static class SendCommand
{
    public static Command Create(ViberCliContext context)
    {
        var to = new Option<string[]>("--to")
        {
            Description = "The recipient's phone with its country code (+380501234567); repeat for several.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var text = new Option<string?>("--text") { Description = "The message's text." };
        var sender = new Option<string?>("--sender") { Description = "The sender name registered with the provider. Default: the provider's DefaultSender, where it has one." };
        var image = UrlOption("--image", "An image URL (http or https) the provider fetches.");
        var button = new Option<string?>("--button") { Description = "A button's caption (with --button-url)." };
        var buttonUrl = UrlOption("--button-url", "The URL the button opens (with --button).");
        var smsFallback = new Option<string?>("--sms-fallback") { Description = "The SMS text to send when Viber cannot deliver (where the provider supports it)." };
        var smsSender = new Option<string?>("--sms-sender") { Description = "The SMS fallback's sender name, where the provider takes one." };
        var kind = new Option<MessageKind?>("--kind") { Description = "Transactional or Promotional (providers that distinguish them)." };
        var openChat = new Option<bool>("--open-chat") { Description = "Open a two-way chat with the message (providers with chats); its id is printed for `viber chats`." };
        var ttl = new Option<int?>("--ttl") { Description = "Seconds Viber keeps trying before the message expires (and the SMS fallback goes)." };
        ttl.Validators.Add(r =>
        {
            if (r.GetValue(ttl) is < 1)
            {
                r.AddError("--ttl must be at least 1 second.");
            }
        });

        var command = new Command("send", "Send one message to one or more phones. Exit code 3 when it was provably not sent, 4 when it may have been sent (check its status; it is never retried automatically).")
        {
            to, text, sender, image, button, buttonUrl, smsFallback, smsSender, kind, ttl, openChat,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(button) is null != r.GetValue(buttonUrl) is null)
            {
                r.AddError("--button and --button-url go together.");
            }
        });

        CommandRunner.SetAction(command, context, async (parse, output, cancellationToken) =>
        {
            var phones = parse.GetValue(to)!.Select(Phone).ToArray();
            var senderName = parse.GetValue(sender);
            await using var session = await CliSession.StartAsync(parse, context, output, senderName is null ? [] : [senderName], null, cancellationToken).ConfigureAwait(false);
            var provider = session.ChooseProvider(parse);
            session.EnsureValid();
            var message = new ViberMessage
            {
                Sender = senderName ?? (session.Emulator is not null ? "MyShop" : null),
                Recipients = phones,
                Text = parse.GetValue(text),
                ImageUrl = parse.GetValue(image) is { } i ? new Uri(i) : null,
                Button = parse.GetValue(button) is { } caption ? new ViberButton(caption, new Uri(parse.GetValue(buttonUrl)!)) : null,
                SmsFallback = parse.GetValue(smsFallback) is { } sms ? new SmsFallback(sms) { Sender = parse.GetValue(smsSender) } : null,
                Kind = parse.GetValue(kind),
                TimeToLive = parse.GetValue(ttl) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                TwoWay = parse.GetValue(openChat) ? TwoWayOptions.OpenChat : null,
            };
            var viber = session.Get<IViberSender>(provider);
            return await SendReport.SendAsync(output, provider, token => viber.SendAsync(message, token), phones, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>A phone number, or a usage error naming it.</summary>
    public static PhoneNumber Phone(string value)
        => PhoneNumber.TryParse(value, out var phone) ? phone
            : throw new CliUsageException($"--to: '{value}' is not a phone number; give it with its country code, e.g. +380501234567.");

    /// <summary>An option whose value the parser checks is an absolute http(s) URL.</summary>
    public static Option<string?> UrlOption(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(r =>
        {
            if (r.GetValue(option) is { } value
                && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                r.AddError($"{name}: '{value}' is not an absolute http(s) URL.");
            }
        });
        return option;
    }
}
