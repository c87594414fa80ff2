using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Devino;
using ViberMessaging.Testing;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Routing;

/// <summary>
/// The router over real HTTP against the emulator: routes by prefix, skips providers that cannot carry the message,
/// fails over only when a provider provably did not send, and never sends a recipient twice.
/// </summary>
public sealed class RouterViberClientTests
{
    private const string Router = "Main";
    private static readonly PhoneNumber Ukraine = PhoneNumber.Parse("+380501234567");
    private static readonly PhoneNumber Ukraine2 = PhoneNumber.Parse("+380501234568");
    private static readonly PhoneNumber Russia = PhoneNumber.Parse("+79161234567");
    private static readonly PhoneNumber Germany = PhoneNumber.Parse("+491701234567");

    [Fact]
    public async Task SendAsync_RecipientsOfThreeRoutes_SendsEachThroughItsProviderAndMergesInRecipientOrder()
    {
        await using var harness = await StartAsync(r => r.Route("380", ViberProviders.SmsClub).Route("7", ViberProviders.Devino).Otherwise(ViberProviders.DecisionTelecom));
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(Text(Germany, Ukraine, Russia, Ukraine2));

        Assert.Equal(Router, result.ProviderName);
        Assert.True(result.IsFullyAccepted);
        Assert.Equal([Germany, Ukraine, Russia, Ukraine2], result.Recipients.Select(r => r.Recipient));
        Assert.Equal(
            [ViberProviders.DecisionTelecom, ViberProviders.SmsClub, ViberProviders.Devino, ViberProviders.SmsClub],
            result.Recipients.Select(r => r.MessageId!.Value.Provider));
        Assert.All(result.Recipients, r => Assert.Equal(RouteAttemptKind.Final, Assert.Single(r.Route).Kind));
        Assert.Equal(2, harness.Emulator.AcceptedMessages(ViberProviders.SmsClub).Count);
        Assert.Single(harness.Emulator.AcceptedMessages(ViberProviders.Devino));
        Assert.Single(harness.Emulator.AcceptedMessages(ViberProviders.DecisionTelecom));
    }

    [Fact]
    public async Task SendAsync_ThroughTwoProviders_KeepsEachProvidersRawAnswer()
    {
        await using var harness = await StartAsync(r => r.Route("380", ViberProviders.SmsClub).Route("7", ViberProviders.Devino));
        var sut = CreateSut(harness);

        var routed = await sut.SendAsync(Text(Ukraine, Russia));
        var single = await sut.SendAsync(Text(Ukraine2));

        var answers = Assert.IsAssignableFrom<IReadOnlyList<object?>>(routed.RawRepresentation);
        Assert.Equal(2, answers.Count);
        Assert.All(answers, Assert.NotNull);
        Assert.NotEqual(answers[0]!.GetType(), answers[1]!.GetType());
        Assert.NotNull(single.RawRepresentation);
        Assert.IsNotAssignableFrom<IReadOnlyList<object?>>(single.RawRepresentation);
    }

    [Fact]
    public async Task SendAsync_LongerPrefix_WinsOverShorterOne()
    {
        await using var harness = await StartAsync(r => r.Route("380", ViberProviders.SmsClub).Route("38050", ViberProviders.DecisionTelecom));
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(Text(Ukraine));

        Assert.Equal(ViberProviders.DecisionTelecom, result.Recipients[0].MessageId!.Value.Provider);
        Assert.Empty(harness.Emulator.RequestsTo(ViberProviders.SmsClub));
    }

    [Fact]
    public async Task SendAsync_AccountBlockedAtTheRoutesProvider_FailsOverAndRecordsBothHops()
    {
        await using var harness = await StartAsync(r => r.Route("380", ViberProviders.SmsClub).FailOverTo(ViberProviders.DecisionTelecom));
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(Text(Ukraine, Ukraine2) with { Sender = SmsClubEmulatorSettings.BlockedAccountSender });

        Assert.True(result.IsFullyAccepted);
        Assert.All(result.Recipients, r =>
        {
            Assert.Equal(ViberProviders.DecisionTelecom, r.MessageId!.Value.Provider);
            Assert.Collection(
                r.Route,
                hop =>
                {
                    Assert.Equal((ViberProviders.SmsClub, RouteAttemptKind.FailedOver), (hop.ProviderName, hop.Kind));
                    Assert.Equal((ViberErrorCode.AccountBlocked, SendOutcome.NotSent), (hop.Error!.ErrorCode, hop.Error.Outcome));
                },
                hop => Assert.Equal((ViberProviders.DecisionTelecom, RouteAttemptKind.Final, (ViberMessagingException?)null), (hop.ProviderName, hop.Kind, hop.Error)));
        });
        Assert.Empty(harness.Emulator.AcceptedMessages(ViberProviders.SmsClub));
        Assert.Equal(2, harness.Emulator.AcceptedMessages(ViberProviders.DecisionTelecom).Count);
    }

    [Fact]
    public async Task SendAsync_AccountBlockedAtTheRoutesProvider_CountsTheFailoverWithFromToAndReason()
    {
        const string router = "FailoverMetric";
        using var failovers = Measurements.Collect<long>("vibermessaging.router.failovers");
        await using var harness = await EmulatorHarness.StartAsync(
            b => b.AddSmsClub().AddDecisionTelecom().AddRouter(router, r => r.Route("380", ViberProviders.SmsClub).FailOverTo(ViberProviders.DecisionTelecom)));

        await harness.Sender(router).SendAsync(Text(Ukraine, Ukraine2) with { Sender = SmsClubEmulatorSettings.BlockedAccountSender });

        var measurement = Assert.Single(failovers.GetMeasurementSnapshot(), m => Equals(m.Tags["vibermessaging.router"], router));
        Assert.Equal(2, measurement.Value);
        Assert.Equal(
            (ViberProviders.SmsClub, ViberProviders.DecisionTelecom, nameof(ViberErrorCode.AccountBlocked)),
            (measurement.Tags["vibermessaging.failover.from"], measurement.Tags["vibermessaging.failover.to"], measurement.Tags["vibermessaging.failover.reason"]));
    }

    [Fact]
    public async Task SendAsync_ResetAfterAccept_CountsNoFailover()
    {
        const string router = "NoFailoverMetric";
        using var failovers = Measurements.Collect<long>("vibermessaging.router.failovers");
        await using var harness = await EmulatorHarness.StartAsync(
            b => b.AddSmsClub().AddDecisionTelecom().AddRouter(router, r => r.Route("380", ViberProviders.SmsClub).FailOverTo(ViberProviders.DecisionTelecom)));
        harness.Emulator.InjectFault(ViberProviders.SmsClub, EmulatorFault.ResetAfterAccept());

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => harness.Sender(router).SendAsync(Text(Ukraine)));

        Assert.Equal(SendOutcome.Unknown, error.Outcome);
        Assert.DoesNotContain(failovers.GetMeasurementSnapshot(), m => Equals(m.Tags["vibermessaging.router"], router));
        Assert.Empty(harness.Emulator.RequestsTo(ViberProviders.DecisionTelecom));
    }

    [Fact]
    public async Task SendAsync_ConnectionRefusedAtTheRoutesProvider_FailsOver()
    {
        await using var harness = await StartAsync(
            r => r.Route("7", ViberProviders.Devino).FailOverTo(ViberProviders.DecisionTelecom),
            services => services.PostConfigure<DevinoOptions>(ViberProviders.Devino, o =>
            {
                o.BaseAddress = new Uri("http://127.0.0.1:1/");
                o.Resilience.MaxRetryAttempts = 0;
            }));
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(Text(Russia));

        var recipient = Assert.Single(result.Recipients);
        Assert.Equal(ViberProviders.DecisionTelecom, recipient.MessageId!.Value.Provider);
        Assert.Equal((ViberErrorCode.Network, SendOutcome.NotSent), (recipient.Route[0].Error!.ErrorCode, recipient.Route[0].Error!.Outcome));
    }

    [Fact]
    public async Task SendAsync_ResetAfterTheProviderAccepted_ReportsUnknownAndNeverCallsTheNextProvider()
    {
        await using var harness = await StartAsync(r => r.Route("380", ViberProviders.SmsClub).FailOverTo(ViberProviders.DecisionTelecom));
        var sut = CreateSut(harness);
        harness.Emulator.InjectFault(ViberProviders.SmsClub, EmulatorFault.ResetAfterAccept());

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(Text(Ukraine)));

        Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown), (error.ErrorCode, error.Outcome));
        Assert.Single(harness.Emulator.AcceptedMessages(ViberProviders.SmsClub));
        Assert.Equal(0, harness.Emulator.DuplicateCount(ViberProviders.SmsClub));
        Assert.Empty(harness.Emulator.RequestsTo(ViberProviders.DecisionTelecom));
    }

    [Fact]
    public async Task SendAsync_ServerErrorAfterAcceptForOneRouteOnly_ReturnsThatRouteUnknownAndTheOtherAccepted()
    {
        await using var harness = await StartAsync(r => r.Route("380", ViberProviders.SmsClub).Route("7", ViberProviders.Devino).FailOverTo(ViberProviders.DecisionTelecom));
        var sut = CreateSut(harness);
        harness.Emulator.InjectFault(ViberProviders.SmsClub, EmulatorFault.ServerErrorAfterAccept());

        var result = await sut.SendAsync(Text(Ukraine, Russia));

        Assert.Equal(RecipientStatus.Failed, result.Recipients[0].Status);
        Assert.NotEqual(SendOutcome.NotSent, result.Recipients[0].Error!.Outcome);
        Assert.Equal((ViberProviders.SmsClub, RouteAttemptKind.Final), (Assert.Single(result.Recipients[0].Route).ProviderName, result.Recipients[0].Route[0].Kind));
        Assert.Equal(RecipientStatus.Accepted, result.Recipients[1].Status);
        Assert.Empty(harness.Emulator.RequestsTo(ViberProviders.DecisionTelecom));
    }

    [Fact]
    public async Task SendAsync_RecipientRejectedAsInvalid_IsNotSentElsewhere()
    {
        await using var harness = await StartAsync(r => r.Route("380", ViberProviders.SmsClub).FailOverTo(ViberProviders.DecisionTelecom));
        var sut = CreateSut(harness);
        harness.Emulator.ScriptRecipient(Ukraine2.ToString(), RecipientBehavior.InvalidNumber);

        var result = await sut.SendAsync(Text(Ukraine, Ukraine2));

        Assert.Equal([RecipientStatus.Accepted, RecipientStatus.Rejected], result.Recipients.Select(r => r.Status));
        Assert.Equal(ViberProviders.SmsClub, Assert.Single(result.Recipients[1].Route).ProviderName);
        Assert.Empty(harness.Emulator.RequestsTo(ViberProviders.DecisionTelecom));
    }

    [Fact]
    public async Task SendAsync_ImageOnlyTheRoutesProviderCannotCarry_SkipsItWithoutARequest()
    {
        await using var harness = await StartAsync(r => r.Route("380", ViberProviders.SmsClub).FailOverTo(ViberProviders.Devino));
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [Ukraine], ImageUrl = new Uri("https://img.example/promo.jpg") });

        var recipient = Assert.Single(result.Recipients);
        Assert.Equal(ViberProviders.Devino, recipient.MessageId!.Value.Provider);
        var skipped = recipient.Route[0];
        Assert.Equal((ViberProviders.SmsClub, RouteAttemptKind.Skipped), (skipped.ProviderName, skipped.Kind));
        Assert.IsType<ViberValidationException>(skipped.Error);
        Assert.Empty(harness.Emulator.RequestsTo(ViberProviders.SmsClub));
    }

    [Fact]
    public async Task SendAsync_NoCandidateCanCarryOnePart_ThrowsReasonsPerProviderBeforeAnyRequest()
    {
        await using var harness = await StartAsync(r => r.Route("380", ViberProviders.SmsClub).Route("7", ViberProviders.Devino).FailOverTo(ViberProviders.DecisionTelecom));
        var sut = CreateSut(harness);
        var message = Text(Ukraine, Russia) with { Schedule = new MessageSchedule(new DateTimeOffset(2030, 1, 1, 10, 0, 0, TimeSpan.FromHours(2))) };

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.SendAsync(message));

        Assert.Contains(error.Errors, e => e.Message.StartsWith(ViberProviders.Devino + ": ", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Message.StartsWith(ViberProviders.DecisionTelecom + ": ", StringComparison.Ordinal));
        Assert.Empty(harness.Emulator.Requests);
    }

    [Fact]
    public async Task SendAsync_RecipientWithoutRouteOrOtherwise_ThrowsNamingTheRecipientBeforeAnyRequest()
    {
        await using var harness = await StartAsync(r => r.Route("380", ViberProviders.SmsClub));
        var sut = CreateSut(harness);

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.SendAsync(Text(Ukraine, Germany)));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(("Recipients[1]", "NoRoute"), (problem.Field, problem.Rule));
        Assert.Empty(harness.Emulator.Requests);
    }

    [Fact]
    public async Task GetStatusesAsync_IdsOfTwoProviders_AsksEachTheProviderThatAcceptedIt()
    {
        await using var harness = await StartAsync(r => r.Route("380", ViberProviders.SmsClub).Route("7", ViberProviders.Devino));
        var sut = CreateSut(harness);
        var sent = await sut.SendAsync(Text(Russia, Ukraine));

        var reports = await harness.StatusQuery(Router).GetStatusesAsync(sent.MessageIds);

        Assert.Equal(sent.MessageIds, reports.Select(r => r.MessageId));
        Assert.Contains(harness.Emulator.RequestsTo(ViberProviders.SmsClub), r => r.Path.Contains("status", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(harness.Emulator.RequestsTo(ViberProviders.Devino), r => r.Path.Contains("status", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task GetStatusesAsync_IdOfAProviderOutsideTheRouter_ThrowsNamingIt()
    {
        await using var harness = await StartAsync(r => r.Route("380", ViberProviders.SmsClub));

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => harness.StatusQuery(Router).GetStatusesAsync([new MessageId(ViberProviders.Devino, "42")]));

        Assert.Equal(("messageIds[0]", "ProviderNotRouted"), (error.Errors[0].Field, error.Errors[0].Rule));
    }

    private static Task<EmulatorHarness> StartAsync(Action<ViberMessaging.Routing.ViberRouterBuilder> routes, Action<IServiceCollection>? configureServices = null)
        => EmulatorHarness.StartAsync(
            b => b.AddSmsClub().AddDevino().AddDecisionTelecom().AddRouter(Router, routes),
            configureServices: configureServices);

    private static IViberSender CreateSut(EmulatorHarness harness) => harness.Sender(Router);

    private static MessageDraft Text(params PhoneNumber[] phones) => new(phones);

    /// <summary>A text message with <c>with</c> support for the test's variations.</summary>
    private sealed record MessageDraft(PhoneNumber[] Phones)
    {
        public string Sender { get; init; } = "MyShop";

        public MessageSchedule? Schedule { get; init; }

        public static implicit operator ViberMessage(MessageDraft draft) => new()
        {
            Sender = draft.Sender,
            Recipients = draft.Phones,
            Text = "Your order has shipped.",
            Schedule = draft.Schedule,
        };
    }
}
