using ViberMessaging.DecisionTelecom;
using ViberMessaging.SmsBy;
using ViberMessaging.SmsClub;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// One public SDK call the fuzzer feeds hostile answers to, with the documented shapes it is seeded from. A call may
/// return or throw <see cref="ViberMessagingException"/>; what it returns must still account for every recipient or id.
/// </summary>
internal sealed record FuzzOperation(string Provider, string Name, string[] Seeds, Func<StubbedTransport, byte[], Task> Run)
{
    public override string ToString() => $"{Provider}.{Name}";
}

internal static class FuzzOperations
{
    private static readonly PhoneNumber[] UkrainianPhones = [.. new[] { "380989361121", "380989361126", "380989361123" }.Select(PhoneNumber.Parse)];
    private static readonly PhoneNumber[] BelarusianPhones = [.. new[] { "375291111111", "375292222222" }.Select(PhoneNumber.Parse)];

    public static IReadOnlyList<FuzzOperation> All { get; } =
    [
        .. SmsClub(),
        .. Devino(),
        .. DecisionTelecom(),
        .. SmsBy(),
    ];

    private static IEnumerable<FuzzOperation> SmsClub()
    {
        const string P = ViberProviders.SmsClub;
        string[] send = [.. FuzzCorpus.SmsClubSend, .. FuzzCorpus.SmsClubErrors];
        yield return new(P, "send one", send, (t, _) => Send(t, P, UkrainianPhones[..1]));
        yield return new(P, "send three", send, (t, _) => Send(t, P, UkrainianPhones));
        yield return new(P, "reply in chat", send, (t, _) => t.Get<IViberChats>(P).ReplyAsync("2766", "Thanks"));
        yield return new(P, "status", [.. FuzzCorpus.SmsClubStatus, .. FuzzCorpus.SmsClubErrors], (t, _) => Status(t, P, "5769", "5770", "5771", "5769"));
        yield return new(P, "chats", [.. FuzzCorpus.SmsClubChats, .. FuzzCorpus.SmsClubErrors], (t, _) => Take(t.Get<IViberChats>(P).GetChatsAsync(), 100));
        yield return new(P, "chat messages", [.. FuzzCorpus.SmsClubChats, .. FuzzCorpus.SmsClubErrors], (t, _) => Take(t.Get<IViberChats>(P).GetMessagesAsync("2766"), 100));
        yield return new(P, "balance", [.. FuzzCorpus.SmsClubAccount, .. FuzzCorpus.SmsClubErrors], (t, _) => t.Get<IBalanceQuery>(P).GetBalanceAsync());
        yield return new(P, "sender names", [.. FuzzCorpus.SmsClubAccount, .. FuzzCorpus.SmsClubErrors], (t, _) => t.Get<ISmsClubAccount>(P).GetSenderNamesAsync());
    }

    private static IEnumerable<FuzzOperation> Devino()
    {
        const string P = ViberProviders.Devino;
        yield return new(P, "send one", FuzzCorpus.DevinoSend, (t, _) => Send(t, P, UkrainianPhones[..1]));
        yield return new(P, "send three", FuzzCorpus.DevinoSend, (t, _) => Send(t, P, UkrainianPhones));
        yield return new(P, "status", [.. FuzzCorpus.DevinoStatus, .. FuzzCorpus.DevinoSend], (t, _) => Status(t, P, "3158611117333282816", "3158611117333282817", "3158611117333282818"));
    }

    private static IEnumerable<FuzzOperation> DecisionTelecom()
    {
        const string P = ViberProviders.DecisionTelecom;
        yield return new(P, "send one", FuzzCorpus.DecisionTelecomSend, (t, _) => Send(t, P, UkrainianPhones[..1]));
        yield return new(P, "send two", FuzzCorpus.DecisionTelecomSend, (t, _) => Send(t, P, UkrainianPhones[..2]));
        yield return new(P, "status", [.. FuzzCorpus.DecisionTelecomStatus, .. FuzzCorpus.DecisionTelecomSend], (t, _) => Status(t, P, "429", "9223372036854775807"));
        yield return new(P, "callback", [.. FuzzCorpus.DecisionTelecomCallbacks, .. FuzzCorpus.DecisionTelecomStatus], (_, body) =>
        {
            if (DecisionTelecomCallbacks.IsReply(body))
            {
                DecisionTelecomCallbacks.ParseReply(body);
            }
            else
            {
                DecisionTelecomCallbacks.ParseStatus(body);
            }

            return Task.CompletedTask;
        });
        yield return new(P, "reply callback", FuzzCorpus.DecisionTelecomCallbacks, (_, body) =>
        {
            DecisionTelecomCallbacks.ParseReply(body);
            return Task.CompletedTask;
        });
        yield return new(P, "status callback", FuzzCorpus.DecisionTelecomCallbacks, (_, body) =>
        {
            DecisionTelecomCallbacks.ParseStatus(body);
            return Task.CompletedTask;
        });
    }

    private static IEnumerable<FuzzOperation> SmsBy()
    {
        const string P = ViberProviders.SmsBy;
        string[] send = [.. FuzzCorpus.SmsBySend, .. FuzzCorpus.SmsByErrors];
        string[] reads = [.. FuzzCorpus.SmsByReads, .. FuzzCorpus.SmsByErrors];
        yield return new(P, "send quick", send, (t, _) => Send(t, P, BelarusianPhones[..1]));
        yield return new(P, "send bulk", send, (t, _) => Send(t, P, BelarusianPhones));
        yield return new(P, "send quick with forwarding", send, (t, _) => Send(t, P, BelarusianPhones, fallback: true));
        yield return new(P, "status of every id kind", reads, (t, _) => Status(
            t, P, "quick:8484", "bulk:cc9c8043-8caf-11ef-b035-9e8f47954dec:375291111111", "mailing:4905:375293332211", "bulk:cc9c8043-8caf-11ef-b035-9e8f47954dec:375292222222"));
        yield return new(P, "chats", reads, (t, _) => Take(t.Get<IViberChats>(P).GetChatsAsync(), 20));
        yield return new(P, "chat messages", reads, (t, _) => Take(t.Get<IViberChats>(P).GetMessagesAsync("8484:375293332211"), 100));
        yield return new(P, "mailings", reads, (t, _) => Take(t.Get<ISmsByClient>(P).GetMailingsAsync(50), 120));
        yield return new(P, "mailing", reads, (t, _) => t.Get<ISmsByClient>(P).GetMailingAsync(8483));
        yield return new(P, "deliveries", reads, (t, _) => t.Get<ISmsByClient>(P).GetMailingDeliveriesAsync(4905));
        yield return new(P, "incoming", reads, (t, _) => t.Get<ISmsByClient>(P).GetNewIncomingMessagesAsync(8484));
        yield return new(P, "mark read", reads, (t, _) => t.Get<ISmsByClient>(P).MarkIncomingMessagesReadAsync(["1234", "1236"]));
        yield return new(P, "bulk status", reads, (t, _) => t.Get<ISmsByClient>(P).GetBulkStatusAsync("cc9c8043-8caf-11ef-b035-9e8f47954dec"));
        yield return new(P, "prepare list mailing", reads, (t, _) => t.Get<ISmsByClient>(P).PrepareListMailingAsync(new SmsByListMailing { ListId = 1, Sender = "MyShop", Text = "Hello" }));
        yield return new(P, "confirm mailing", reads, (t, _) => t.Get<ISmsByClient>(P).ConfirmMailingAsync(4905));
        yield return new(P, "send mailings", send, async (t, _) =>
        {
            var result = await t.Get<ISmsByClient>(P).SendMailingsAsync(
            [
                new SmsByBulkMailing { Name = "list 1", Sender = "MyShop", Text = "Hello", Recipients = BelarusianPhones },
                new SmsByPersonalMailing { Name = "list 2", Sender = "MyShop", Messages = [new SmsByPersonalMessage(UkrainianPhones[0], "Hi")] },
            ]);
            Assert.Equal([.. BelarusianPhones, UkrainianPhones[0]], result.Recipients.Select(r => r.Recipient));
        });
        yield return new(P, "send with image file", send, (t, _) => t.Get<ISmsByClient>(P).SendWithImageFileAsync(
            new ViberMessage { Sender = "MyShop", Recipients = BelarusianPhones[..1] }, new SmsByImageFile("promo.jpg", new byte[] { 0xFF, 0xD8, 0xFF })));
    }

    /// <summary>A send returns one result per recipient, in order; an accepted one carries this provider's id.</summary>
    private static async Task Send(StubbedTransport transport, string provider, PhoneNumber[] recipients, bool fallback = false)
    {
        var message = new ViberMessage
        {
            Sender = "MyShop",
            Recipients = recipients,
            Text = "Your order has shipped",
            SmsFallback = fallback ? new SmsFallback("Your order has shipped") : null,
        };
        var result = await transport.Sender(provider).SendAsync(message);
        Assert.Equal(recipients, result.Recipients.Select(r => r.Recipient));
        Assert.All(result.Recipients.Where(r => r.Status == RecipientStatus.Accepted), r => Assert.Equal(provider, r.MessageId?.Provider));
        Assert.All(result.Recipients.Where(r => r.Status == RecipientStatus.Failed), r => Assert.NotNull(r.Error));
    }

    /// <summary>A status query returns one report per id asked, in order.</summary>
    private static async Task Status(StubbedTransport transport, string provider, params string[] values)
    {
        var ids = values.Select(v => new MessageId(provider, v)).ToArray();
        var reports = await transport.StatusQuery(provider).GetStatusesAsync(ids);
        Assert.Equal(ids, reports.Select(r => r.MessageId));
    }

    private static async Task Take<T>(IAsyncEnumerable<T> items, int most)
    {
        var count = 0;
        await foreach (var item in items)
        {
            Assert.NotNull(item);
            if (++count == most)
            {
                break;
            }
        }
    }
}
