using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using ViberMessaging.SmsBy;
using ViberMessaging.SmsClub;
using ViberMessaging.Telemetry;
using ViberMessaging.Tests.TestSupport;
using static ViberMessaging.Tests.TestSupport.Measurements;

namespace ViberMessaging.Tests.Telemetry;

/// <summary>
/// The decorators observe every call the same way, whichever interface it came through (chats, replies, the balance,
/// the providers' extras), and exactly once: real HTTP to the emulator, observed as a user's OpenTelemetry would.
/// Each test registers its account under a name of its own, so tests running beside it are told apart by
/// <c>vibermessaging.provider</c>.
/// </summary>
public sealed class ObservedServicesTests
{
    private static readonly PhoneNumber Phone = PhoneNumber.Parse("+380501234567");

    [Fact]
    public async Task ReplyAsync_SmsClubChat_RecordsOneReplySpanAndOneDurationMeasurement()
    {
        const string Account = "ObservedReply";
        using var duration = Collect<double>(ViberMessagingInstruments.OperationDurationName);
        using var recipients = Collect<long>(ViberMessagingInstruments.SendRecipientsName);
        using var spans = new SpanRecorder();
        await using var harness = await EmulatorHarness.StartAsync(b => b.AddSmsClub(Account));
        var opened = await harness.Sender(Account).SendAsync(Message(twoWay: TwoWayOptions.OpenChat));
        var chatId = Assert.Single(opened.Recipients).ChatId!;

        var reply = await harness.Chats(Account).ReplyAsync(chatId, "Thanks! See you at 5.");

        Assert.True(reply.IsFullyAccepted);
        var span = Assert.Single(spans.For(Account), s => s.DisplayName == "ViberMessaging.Reply");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal(("reply", 1, 1), ((string?)span.GetTagItem(ViberMessagingInstruments.OperationTag), span.GetTagItem(ViberMessagingInstruments.RecipientsTag), span.GetTagItem(ViberMessagingInstruments.AcceptedTag)));
        var measurement = Assert.Single(For(duration, Account), m => Operation(m) == "reply");
        Assert.False(measurement.Tags.ContainsKey(ViberMessagingInstruments.ErrorTypeTag));
        Assert.InRange(measurement.Value, 1e-6, 30);

        // Exactly one span and one measurement per call: the send that opened the chat and the reply, nothing more.
        Assert.Equal(["ViberMessaging.Send", "ViberMessaging.Reply"], spans.For(Account).Select(s => s.DisplayName));
        Assert.Equal(["send", "reply"], For(duration, Account).Select(Operation));
        Assert.Equal([1L, 1L], For(recipients, Account).Where(m => (string?)m.Tags[ViberMessagingInstruments.RecipientStatusTag] == "accepted").Select(m => m.Value));
    }

    [Fact]
    public async Task ReplyAsync_UnknownChat_FailsWithAnErrorSpanAndOneWarningNamingTheReply()
    {
        const string Account = "ObservedReplyFails";
        using var duration = Collect<double>(ViberMessagingInstruments.OperationDurationName);
        using var spans = new SpanRecorder();
        await using var harness = await EmulatorHarness.StartAsync(b => b.AddSmsClub(Account));

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => harness.Chats(Account).ReplyAsync("404", "Hello?"));

        var span = Assert.Single(spans.For(Account));
        Assert.Equal(("ViberMessaging.Reply", ActivityStatusCode.Error), (span.DisplayName, span.Status));
        Assert.Equal(error.ErrorCode.ToString(), span.GetTagItem(ViberMessagingInstruments.ErrorTypeTag));
        Assert.Equal(error.ErrorCode.ToString(), Assert.Single(For(duration, Account)).Tags[ViberMessagingInstruments.ErrorTypeTag]);
        var warning = Assert.Single(harness.Logs.Collector.GetSnapshot(), r => r.Category == "ViberMessaging." + Account && r.Level == LogLevel.Warning);
        Assert.StartsWith($"{Account} reply: failed with {error.ErrorCode}", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetChatsAsync_Listing_RecordsOneSpanAndMeasurementForTheWholeEnumeration()
    {
        const string Account = "ObservedChats";
        await using var harness = await EmulatorHarness.StartAsync(b => b.AddSmsClub(Account));
        var opened = await harness.Sender(Account).SendAsync(Message(twoWay: TwoWayOptions.OpenChat));
        using var duration = Collect<double>(ViberMessagingInstruments.OperationDurationName);
        using var spans = new SpanRecorder();

        var chats = await ToListAsync(harness.Chats(Account).GetChatsAsync());
        var messages = await ToListAsync(harness.Chats(Account).GetMessagesAsync(chats[0].ChatId));

        Assert.Equal(Assert.Single(opened.Recipients).ChatId, Assert.Single(chats).ChatId);
        Assert.NotEmpty(messages);
        Assert.Equal(["ViberMessaging.GetChats", "ViberMessaging.GetChatMessages"], spans.For(Account).Select(s => s.DisplayName));
        Assert.Equal(["get_chats", "get_chat_messages"], For(duration, Account).Select(Operation));
    }

    [Fact]
    public async Task GetChatsAsync_StoppedAfterTheFirstChat_EndsItsSpanOnce()
    {
        const string Account = "ObservedChatsStopped";
        await using var harness = await EmulatorHarness.StartAsync(b => b.AddSmsClub(Account));
        await harness.Sender(Account).SendAsync(Message([Phone, PhoneNumber.Parse("+380501234568")], TwoWayOptions.OpenChat));
        using var duration = Collect<double>(ViberMessagingInstruments.OperationDurationName);

        await foreach (var chat in harness.Chats(Account).GetChatsAsync())
        {
            Assert.NotNull(chat.ChatId);
            break;
        }

        Assert.Equal(["get_chats"], For(duration, Account).Select(Operation));
        Assert.False(Assert.Single(For(duration, Account)).Tags.ContainsKey(ViberMessagingInstruments.ErrorTypeTag));
    }

    [Fact]
    public async Task SendAsync_SeveralRequestsAndFollowUpReads_RecordsOneSpanAndOneMeasurement()
    {
        const string Account = "ObservedSmsBySend";
        using var duration = Collect<double>(ViberMessagingInstruments.OperationDurationName);
        using var spans = new SpanRecorder();
        await using var harness = await EmulatorHarness.StartAsync(b => b.AddSmsBy(Account, o =>
        {
            o.ViberSenders["MyShop"] = 101;
            o.MaxRecipientsPerBulkRequest = 2;
        }));
        var phones = new[] { "+375291234567", "+375291234568", "+375291234569" }.Select(PhoneNumber.Parse).ToArray();

        var result = await harness.Sender(Account).SendAsync(Message(phones));

        Assert.True(result.IsFullyAccepted);
        Assert.True(harness.Emulator.RequestsTo(ViberProviders.SmsBy).Count >= 3);   // two bulk requests, then their status reads
        var span = Assert.Single(spans.For(Account));
        Assert.Equal(("ViberMessaging.Send", 3, 3), (span.DisplayName, span.GetTagItem(ViberMessagingInstruments.RecipientsTag), span.GetTagItem(ViberMessagingInstruments.AcceptedTag)));
        Assert.Equal("send", Operation(Assert.Single(For(duration, Account))));
    }

    [Fact]
    public async Task GetService_SmsClubSender_ReachesTheObservedAccountExtra()
    {
        const string Account = "ObservedSenderNames";
        using var duration = Collect<double>(ViberMessagingInstruments.OperationDurationName);
        using var spans = new SpanRecorder();
        await using var harness = await EmulatorHarness.StartAsync(b => b.AddSmsClub(Account));

        var account = harness.Sender(Account).GetService<ISmsClubAccount>();
        var names = await account!.GetSenderNamesAsync();
        var balance = await harness.Sender(Account).GetService<IBalanceQuery>()!.GetBalanceAsync();

        Assert.NotEmpty(names);
        Assert.True(balance.Amount > 0);
        Assert.Same(harness.Services.GetRequiredKeyedService<ISmsClubAccount>(Account), account);
        Assert.Equal(["ViberMessaging.GetSenderNames", "ViberMessaging.GetBalance"], spans.For(Account).Select(s => s.DisplayName));
        Assert.Equal(["get_sender_names", "get_balance"], For(duration, Account).Select(Operation));
    }

    [Fact]
    public async Task GetService_SmsByStatusQuery_ReachesTheObservedClientWhoseExtraCallsAreMeasured()
    {
        const string Account = "ObservedSmsByExtra";
        await using var harness = await EmulatorHarness.StartAsync(b => b.AddSmsBy(Account, o => o.ViberSenders["MyShop"] = 101));
        var sent = await harness.Sender(Account).SendAsync(Message([PhoneNumber.Parse("+375291234567")]));
        using var duration = Collect<double>(ViberMessagingInstruments.OperationDurationName);
        using var spans = new SpanRecorder();

        var client = harness.StatusQuery(Account).GetService<ISmsByClient>()!;
        var mailing = await client.GetMailingAsync(long.Parse(sent.Recipients[0].MessageId!.Value.Value.Split(':')[1], CultureInfo.InvariantCulture));

        Assert.Equal("Your order has shipped.", mailing.Text);
        Assert.Same(harness.Services.GetRequiredKeyedService<ISmsByClient>(Account), client);
        Assert.Equal(["ViberMessaging.GetMailing"], spans.For(Account).Select(s => s.DisplayName));
        Assert.Equal(["get_mailing"], For(duration, Account).Select(Operation));
    }

    [Fact]
    public async Task SendAsync_InvalidMessage_RecordsAFailedSpanButLogsNoWarning()
    {
        const string Account = "ObservedInvalid";
        using var spans = new SpanRecorder();
        await using var harness = await EmulatorHarness.StartAsync(b => b.AddSmsClub(Account));

        await Assert.ThrowsAsync<ViberValidationException>(() => harness.Sender(Account).SendAsync(Message(text: null)));

        var span = Assert.Single(spans.For(Account));
        Assert.Equal((ActivityStatusCode.Error, nameof(ViberErrorCode.ValidationFailed)), (span.Status, span.GetTagItem(ViberMessagingInstruments.ErrorTypeTag)));
        Assert.DoesNotContain(harness.Logs.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Empty(harness.Emulator.RequestsTo(ViberProviders.SmsClub));
    }

    [Fact]
    public async Task GetService_UnknownTypeOrAKey_ReturnsNull()
    {
        await using var harness = await EmulatorHarness.StartAsync(b => b.AddDevino("ObservedDevino"));
        var sender = harness.Sender("ObservedDevino");

        Assert.Null(sender.GetService<IViberChats>());
        Assert.Null(sender.GetService<ISmsByClient>());
        Assert.Null(sender.GetService(typeof(IStatusQuery), serviceKey: "ObservedDevino"));
        Assert.Same(sender, sender.GetService<IViberSender>());
        Assert.Throws<ArgumentNullException>(() => sender.GetService(null!));
    }

    private static ViberMessage Message(PhoneNumber[]? recipients = null, TwoWayOptions? twoWay = null, string? text = "Your order has shipped.")
        => new() { Sender = "MyShop", Recipients = recipients ?? [Phone], Text = text, TwoWay = twoWay };

    private static string? Operation<T>(CollectedMeasurement<T> measurement)
        where T : struct => (string?)measurement.Tags[ViberMessagingInstruments.OperationTag];

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
