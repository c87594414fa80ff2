using System.Globalization;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary>
/// What the emulated SMS.by keeps beyond the shared state, under one lock: its mailings (quick messages, list and
/// bulk mailings) with their deliveries, <c>sendBulkViber</c> requests, the replies recipients wrote, and the
/// subscriber lists (1 and 2 exist from the start).
/// </summary>
internal sealed class SmsByEmulatorStore(EmulatorState state)
{
    private readonly object _lock = new();
    private readonly SortedDictionary<long, SmsByEmulatedMailing> _mailings = [];
    private readonly Dictionary<string, SmsByEmulatedBulk> _bulk = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SmsByEmulatedIncoming> _incoming = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string[]> _lists = new()
    {
        [1] = ["375291000001", "375291000002", "375291000003", "375291000004"],
        [2] = ["375292000001", "375292000002"],
    };

    /// <summary>Defines (or replaces) a subscriber list.</summary>
    public void SetList(long listId, string[] digits)
    {
        lock (_lock)
        {
            _lists[listId] = digits;
        }
    }

    /// <summary>Adds a reply from <paramref name="digits"/> to a mailing, visible at once.</summary>
    /// <exception cref="ArgumentException">The mailing does not exist.</exception>
    public string AddIncoming(long mailingId, string digits, string text)
    {
        lock (_lock)
        {
            if (!_mailings.TryGetValue(mailingId, out var mailing))
            {
                throw new ArgumentException($"SMS.by mailing {mailingId} does not exist.", nameof(mailingId));
            }

            return AddIncoming(mailing, digits, text, state.Now, inReplyTo: null);
        }
    }

    public SmsByEmulatedMailing? Find(long id)
    {
        lock (_lock)
        {
            return _mailings.TryGetValue(id, out var mailing) ? mailing : null;
        }
    }

    /// <summary>A quick message, delivered at once.</summary>
    public SmsByEmulatedMailing SendQuick(SmsByQuickRequest request)
    {
        lock (_lock)
        {
            var mailing = NewMailing(SmsByMailingKind.Quick, request.Content, request.SenderId, name: null, scheduled: null, request.Forwarding, confirmed: true, subscribers: []);
            Deliver(mailing, request.Phone, request.Content.Text, request.Content.Link);
            return mailing;
        }
    }

    /// <summary>A mailing to a subscriber list, waiting to be confirmed; <see langword="null"/> when the list does not exist.</summary>
    public SmsByEmulatedMailing? CreateListMailing(SmsByListRequest request)
    {
        lock (_lock)
        {
            return _lists.TryGetValue(request.ListId, out var subscribers)
                ? NewMailing(SmsByMailingKind.List, request.Content, request.SenderId, request.Name, request.ScheduledAt, forwarding: false, confirmed: false, subscribers)
                : null;
        }
    }

    /// <summary>Confirms a list mailing and delivers it to its subscribers (scripted drops left out); <see langword="false"/> when it was already confirmed.</summary>
    public bool Confirm(SmsByEmulatedMailing mailing)
    {
        lock (_lock)
        {
            if (mailing.Confirmed)
            {
                return false;
            }

            mailing.Confirmed = true;
            foreach (var phone in mailing.Subscribers.Where(p => !SmsByEmulatorRules.IsDropped(state.BehaviorOf(p))))
            {
                Deliver(mailing, phone, mailing.Text, mailing.ButtonLink);
            }

            return true;
        }
    }

    /// <summary>One <c>sendBulkViber</c> request: per list, in order, a delivered mailing or the error that refused it.</summary>
    public SmsByEmulatedBulk SendBulk(string uuid, IReadOnlyList<(SmsByBulkList? List, string? Error)> lists)
    {
        lock (_lock)
        {
            var bulk = new SmsByEmulatedBulk(uuid, lists.Select(l => (l.List is null ? null : NewBulkMailing(l.List), l.Error)).ToArray());
            _bulk[uuid] = bulk;
            return bulk;
        }
    }

    public SmsByEmulatedBulk? FindBulk(string uuid)
    {
        lock (_lock)
        {
            return _bulk.TryGetValue(uuid, out var bulk) ? bulk : null;
        }
    }

    public SmsByEmulatedMailing[] Page(long offset, long rows)
    {
        lock (_lock)
        {
            return _mailings.Values.Skip((int)Math.Min(offset, int.MaxValue)).Take((int)Math.Min(rows, int.MaxValue)).ToArray();
        }
    }

    /// <summary>Runs <paramref name="read"/> under the store's lock, for a consistent view of mailings and deliveries.</summary>
    public T Read<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }

    /// <summary>Runs <paramref name="read"/> under the store's lock, for a consistent view of mailings and deliveries.</summary>
    public void Read(Action read)
    {
        lock (_lock)
        {
            read();
        }
    }

    /// <summary>The replies to a mailing that are visible at <paramref name="now"/> and not yet marked read, oldest first.</summary>
    public SmsByEmulatedIncoming[] Unread(long mailingId, DateTimeOffset now)
    {
        lock (_lock)
        {
            return _incoming.Values.Where(m => m.MailingId == mailingId && !m.Read && m.At <= now).OrderBy(m => m.At).ThenBy(m => m.Id, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>Marks the visible replies among <paramref name="ids"/> read; returns how many changed.</summary>
    public int MarkRead(IEnumerable<string> ids, DateTimeOffset now)
    {
        var marked = 0;
        lock (_lock)
        {
            foreach (var id in ids)
            {
                if (_incoming.TryGetValue(id, out var message) && !message.Read && message.At <= now)
                {
                    message.Read = true;
                    marked++;
                }
            }
        }

        return marked;
    }

    private SmsByEmulatedMailing NewMailing(SmsByMailingKind kind, SmsByContent content, int sender, string? name, DateTimeOffset? scheduled, bool forwarding, bool confirmed, IReadOnlyList<string> subscribers)
    {
        var id = state.NextId("SmsBy.mailing", 8484);
        var mailing = new SmsByEmulatedMailing
        {
            Id = id,
            Kind = kind,
            Name = string.IsNullOrWhiteSpace(name) ? string.Create(CultureInfo.InvariantCulture, $"Viber mailing {id}") : name,
            MessageType = content.Type,
            Text = content.Text,
            ButtonCaption = content.Caption,
            ButtonLink = content.Link,
            Image = content.Image,
            SenderId = sender,
            CreatedAt = state.Now,
            ScheduledAt = scheduled,
            Forwarding = forwarding,
            Confirmed = confirmed,
            Subscribers = subscribers,
        };
        _mailings[id] = mailing;
        return mailing;
    }

    private SmsByEmulatedMailing NewBulkMailing(SmsByBulkList list)
    {
        var content = list.Content;
        var mailing = new SmsByEmulatedMailing
        {
            Id = state.NextId("SmsBy.mailing", 8484),
            Kind = SmsByMailingKind.Bulk,
            Name = list.Name,
            MessageType = content.Type!.ToUpperInvariant(),
            Text = content.Personal ? null : content.Text,
            ButtonCaption = content.Caption,
            ButtonLink = content.Personal ? null : content.Link,
            Image = content.ImageUrl,
            SenderId = list.SenderId,
            CreatedAt = state.Now,
            ScheduledAt = list.ScheduledAt,
            Confirmed = true,
        };
        _mailings[mailing.Id] = mailing;
        foreach (var (phone, text, link) in list.Entries)
        {
            if (phone is not null && !SmsByEmulatorRules.IsDropped(state.BehaviorOf(phone)) && mailing.Deliveries.All(d => d.Recipient != phone))
            {
                Deliver(mailing, phone, text, link);
            }
        }

        return mailing;
    }

    private void Deliver(SmsByEmulatedMailing mailing, string phone, string? text, string? link)
    {
        var message = new EmulatedMessage
        {
            Provider = ViberProviders.SmsBy,
            Id = state.NextId("SmsBy.delivery", 1001).ToString(CultureInfo.InvariantCulture),
            Recipient = phone,
            Text = text,
            Sender = mailing.SenderId.ToString(CultureInfo.InvariantCulture),
            ImageUrl = mailing.Image,
            ButtonCaption = mailing.ButtonCaption,
            ButtonUrl = link,
            SmsFallbackRequested = mailing.Forwarding,
            GroupId = mailing.Id.ToString(CultureInfo.InvariantCulture),
            AcceptedAt = state.Now,
            ScheduledAt = mailing.ScheduledAt,
            Behavior = state.BehaviorOf(phone),
        };
        state.Accept(message);
        mailing.Deliveries.Add(message);
        Chat(mailing, phone).Add(new EmulatedChatMessage(message.Id, Incoming: false, text ?? string.Empty, message.AcceptedAt));
        if (state.Options.AutoReply && message.Behavior == RecipientBehavior.Reads)
        {
            var start = message.ScheduledAt is { } at && at > message.AcceptedAt ? at : message.AcceptedAt;
            AddIncoming(mailing, phone, state.Options.AutoReplyText, start + state.Options.Timeline.ReplyAfter, message.Id);
        }
    }

    private string AddIncoming(SmsByEmulatedMailing mailing, string phone, string text, DateTimeOffset at, string? inReplyTo)
    {
        var id = state.NextId("SmsBy.incoming", 1234).ToString(CultureInfo.InvariantCulture);
        _incoming[id] = new SmsByEmulatedIncoming { Id = id, MailingId = mailing.Id, Phone = phone, Text = text, At = at };
        Chat(mailing, phone).Add(new EmulatedChatMessage(id, Incoming: true, text, at, inReplyTo));
        return id;
    }

    private EmulatedChat Chat(SmsByEmulatedMailing mailing, string phone)
        => state.OpenChat(ViberProviders.SmsBy, string.Create(CultureInfo.InvariantCulture, $"{mailing.Id}:{phone}"), phone, mailing.SenderId.ToString(CultureInfo.InvariantCulture));
}
