namespace ViberMessaging.SmsBy;

/// <summary>SMS.by's <c>sendBulkViber</c> requests: one message to many recipients, or mailings as lists.</summary>
internal static partial class SmsByRequestMapper
{
    /// <summary>One neutral bulk chunk as a <c>sendBulkViber</c> request with one bulk mailing list.</summary>
    public static SmsByBulkRequest ToSmsByBulkRequest(ViberMessage message, SmsBySendPlan plan, ReadOnlySpan<PhoneNumber> recipients, string token, TimeSpan providerOffset)
    {
        var phones = new SmsByDeliveryEntry[recipients.Length];
        for (var i = 0; i < recipients.Length; i++)
        {
            phones[i] = new SmsByDeliveryEntry(recipients[i].Digits);
        }

        return new SmsByBulkRequest
        {
            Token = token,
            CallbackUrl = message.CallbackUrl is { } callback ? SmsByMessageValidator.Link(callback) : null,
            Messages =
            [
                new SmsByBulkMessage
                {
                    AlphanameId = Number(plan.BulkSenderId),
                    Name = string.IsNullOrWhiteSpace(message.ClientReference) ? DefaultMailingName : message.ClientReference,
                    MessageType = "bulk",
                    ScheduleTime = message.Schedule is { } schedule ? ToSmsByScheduleTime(schedule.SendAt, providerOffset) : null,
                    Content = BulkContent(message.Text, message.ImageUrl, message.Button),
                    DeliveryList = phones,
                },
            ],
        };
    }

    /// <summary>Several mailing lists (bulk and personal) as one <c>sendBulkViber</c> request.</summary>
    public static SmsByBulkRequest ToSmsByBulkRequest(IReadOnlyList<SmsByMailing> mailings, IReadOnlyList<int> senderIds, Uri? callbackUrl, string token, TimeSpan providerOffset)
    {
        var lists = new SmsByBulkMessage[mailings.Count];
        for (var i = 0; i < mailings.Count; i++)
        {
            var mailing = mailings[i];
            var (type, content, entries) = mailing switch
            {
                SmsByPersonalMailing personal => ("personal", PersonalContent(personal), personal.Messages.Select(m => new SmsByDeliveryEntry(
                    m.Recipient.Digits,
                    m.Text,
                    personal.ButtonCaption is null || m.ButtonUrl is null ? null : SmsByMessageValidator.Link(m.ButtonUrl))).ToArray()),
                SmsByBulkMailing bulk => ("bulk", BulkContent(bulk.Text, bulk.ImageUrl, bulk.Button), bulk.Recipients.Select(r => new SmsByDeliveryEntry(r.Digits)).ToArray()),
                _ => throw new ArgumentException($"Unsupported mailing type {mailing.GetType().Name}.", nameof(mailings)),
            };
            lists[i] = new SmsByBulkMessage
            {
                AlphanameId = Number(senderIds[i]),
                Name = mailing.Name.Trim(),
                MessageType = type,
                ScheduleTime = mailing.SendAt is { } sendAt ? ToSmsByScheduleTime(sendAt, providerOffset) : null,
                Content = content,
                DeliveryList = entries,
            };
        }

        return new SmsByBulkRequest
        {
            Token = token,
            CallbackUrl = callbackUrl is null ? null : SmsByMessageValidator.Link(callbackUrl),
            Messages = lists,
        };
    }

    /// <summary>The recipients of a mailings request, list by list, with the list each belongs to.</summary>
    public static (PhoneNumber[] Recipients, string[] ListNames) ToSmsByRecipients(IReadOnlyList<SmsByMailing> mailings)
    {
        var recipients = new List<PhoneNumber>();
        var names = new List<string>();
        foreach (var mailing in mailings)
        {
            var phones = mailing switch
            {
                SmsByPersonalMailing personal => personal.Messages.Select(m => m.Recipient),
                SmsByBulkMailing bulk => bulk.Recipients,
                _ => [],
            };
            foreach (var phone in phones)
            {
                recipients.Add(phone);
                names.Add(mailing.Name.Trim());
            }
        }

        return (recipients.ToArray(), names.ToArray());
    }

    private static SmsByBulkContent BulkContent(string? text, Uri? imageUrl, ViberButton? button)
    {
        if (button is not null)
        {
            return new SmsByBulkContent
            {
                Type = "button",
                ImageUrl = imageUrl is null ? null : SmsByMessageValidator.Link(imageUrl),
                ButtonLink = SmsByMessageValidator.Link(button.Url),
                Caption = button.Caption,
                Text = text,
            };
        }

        return imageUrl is not null && string.IsNullOrEmpty(text)
            ? new SmsByBulkContent { Type = "image", ImageUrl = SmsByMessageValidator.Link(imageUrl) }
            : new SmsByBulkContent { Type = "text", Text = text };
    }

    private static SmsByBulkContent PersonalContent(SmsByPersonalMailing personal)
        => string.IsNullOrWhiteSpace(personal.ButtonCaption)
            ? new SmsByBulkContent { Type = "text" }
            : new SmsByBulkContent
            {
                Type = "button",
                ImageUrl = personal.ImageUrl is null ? null : SmsByMessageValidator.Link(personal.ImageUrl),
                Caption = personal.ButtonCaption,
            };
}
