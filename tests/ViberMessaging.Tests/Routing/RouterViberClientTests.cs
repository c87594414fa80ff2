using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Devino;
using ViberMessaging.Providers;
using ViberMessaging.Testing;
using ViberMessaging.Tests.Reliability;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Routing;

/// <summary>
/// The router over real HTTP against the emulator: routes by prefix, skips providers that cannot carry the message,
/// fails over only when a provider provably did not send, and never sends a recipient twice.
/// </summary>
public sealed class RouterViberClientTests
{
    private const string Router = "Main";

    /// <summary>
    /// Every provider but the routes' own (SMS Club for 380, Devino for 7) as the failover or <c>Otherwise</c> target:
    /// routing, failover and "never twice" hold whichever provider takes over.
    /// </summary>
    public static TheoryData<string> Fallbacks => new(FallbackProviders().Select(p => p.Name));

    /// <summary>The <see cref="Fallbacks"/> that cannot schedule a message either (<see cref="ProviderCapabilities.SupportsScheduling"/>), like Devino.</summary>
    public static TheoryData<string> FallbacksWithoutScheduling
        => new(FallbackProviders().Where(p => !p.Capabilities((ViberProviderOptions)Activator.CreateInstance(p.OptionsType)!).SupportsScheduling).Select(p => p.Name));
    private static readonly PhoneNumber Ukraine = PhoneNumber.Parse("+380501234567");
    private static readonly PhoneNumber Ukraine2 = PhoneNumber.Parse("+380501234568");
    private static readonly PhoneNumber Russia = PhoneNumber.Parse("+79161234567");
    private static readonly PhoneNumber Germany = PhoneNumber.Parse("+491701234567");

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public async Task SendAsync_RecipientsOfThreeRoutes_SendsEachThroughItsProviderAndMergesInRecipientOrder(string fallback)
    {
        await using var harness = await StartAsync(fallback, r => r.Route("380", ViberProviders.SmsClub).Route("7", ViberProviders.Devino).Otherwise(fallback));
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(Text(Germany, Ukraine, Russia, Ukraine2));

        Assert.Equal(Router, result.ProviderName);
        Assert.True(result.IsFullyAccepted);
        Assert.Equal([Germany, Ukraine, Russia, Ukraine2], result.Recipients.Select(r => r.Recipient));
        Assert.Equal(
            [fallback, ViberProviders.SmsClub, ViberProviders.Devino, ViberProviders.SmsClub],
            result.Recipients.Select(r => r.MessageId!.Value.Provider));
        Assert.All(result.Recipients, r => Assert.Equal(RouteAttemptKind.Final, Assert.Single(r.Route).Kind));
        Assert.Equal(2, harness.Emulator.AcceptedMessages(ViberProviders.SmsClub).Count);
        Assert.Single(harness.Emulator.AcceptedMessages(ViberProviders.Devino));
        Assert.Single(harness.Emulator.AcceptedMessages(fallback));
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

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public async Task SendAsync_LongerPrefix_WinsOverShorterOne(string fallback)
    {
        await using var harness = await StartAsync(fallback, r => r.Route("380", ViberProviders.SmsClub).Route("38050", fallback));
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(Text(Ukraine));

        Assert.Equal(fallback, result.Recipients[0].MessageId!.Value.Provider);
        Assert.Empty(harness.Emulator.RequestsTo(ViberProviders.SmsClub));
    }

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public async Task SendAsync_AccountBlockedAtTheRoutesProvider_FailsOverAndRecordsBothHops(string fallback)
    {
        await using var harness = await StartAsync(fallback, r => r.Route("380", ViberProviders.SmsClub).FailOverTo(fallback));
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(Text(Ukraine, Ukraine2) with { Sender = SmsClubEmulatorSettings.BlockedAccountSender });

        Assert.True(result.IsFullyAccepted);
        Assert.All(result.Recipients, r =>
        {
            Assert.Equal(fallback, r.MessageId!.Value.Provider);
            Assert.Collection(
                r.Route,
                hop =>
                {
                    Assert.Equal((ViberProviders.SmsClub, RouteAttemptKind.FailedOver), (hop.ProviderName, hop.Kind));
                    Assert.Equal((ViberErrorCode.AccountBlocked, SendOutcome.NotSent), (hop.Error!.ErrorCode, hop.Error.Outcome));
                },
                hop => Assert.Equal((fallback, RouteAttemptKind.Final, (ViberMessagingException?)null), (hop.ProviderName, hop.Kind, hop.Error)));
        });
        Assert.Empty(harness.Emulator.AcceptedMessages(ViberProviders.SmsClub));
        Assert.Equal(2, harness.Emulator.AcceptedMessages(fallback).Count);
    }

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public async Task SendAsync_AccountBlockedAtTheRoutesProvider_CountsTheFailoverWithFromToAndReason(string fallback)
    {
        const string router = "FailoverMetric";
        using var failovers = Measurements.Collect<long>("vibermessaging.router.failovers");
        await using var harness = await EmulatorHarness.StartAsync(
            b => Register(b, ViberProviders.SmsClub, fallback).AddRouter(router, r => r.Route("380", ViberProviders.SmsClub).FailOverTo(fallback)));

        await harness.Sender(router).SendAsync(Text(Ukraine, Ukraine2) with { Sender = SmsClubEmulatorSettings.BlockedAccountSender });

        var measurement = Assert.Single(failovers.GetMeasurementSnapshot(), m => Equals(m.Tags["vibermessaging.router"], router));
        Assert.Equal(2, measurement.Value);
        Assert.Equal(
            (ViberProviders.SmsClub, fallback, nameof(ViberErrorCode.AccountBlocked)),
            (measurement.Tags["vibermessaging.failover.from"], measurement.Tags["vibermessaging.failover.to"], measurement.Tags["vibermessaging.failover.reason"]));
    }

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public async Task SendAsync_ResetAfterAccept_CountsNoFailover(string fallback)
    {
        const string router = "NoFailoverMetric";
        using var failovers = Measurements.Collect<long>("vibermessaging.router.failovers");
        await using var harness = await EmulatorHarness.StartAsync(
            b => Register(b, ViberProviders.SmsClub, fallback).AddRouter(router, r => r.Route("380", ViberProviders.SmsClub).FailOverTo(fallback)));
        harness.Emulator.InjectFault(ViberProviders.SmsClub, EmulatorFault.ResetAfterAccept());

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => harness.Sender(router).SendAsync(Text(Ukraine)));

        Assert.Equal(SendOutcome.Unknown, error.Outcome);
        Assert.DoesNotContain(failovers.GetMeasurementSnapshot(), m => Equals(m.Tags["vibermessaging.router"], router));
        Assert.Empty(harness.Emulator.RequestsTo(fallback));
    }

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public async Task SendAsync_ConnectionRefusedAtTheRoutesProvider_FailsOver(string fallback)
    {
        await using var harness = await StartAsync(
            fallback,
            r => r.Route("7", ViberProviders.Devino).FailOverTo(fallback),
            services => services.PostConfigure<DevinoOptions>(ViberProviders.Devino, o =>
            {
                o.BaseAddress = new Uri("http://127.0.0.1:1/");
                o.Resilience.MaxRetryAttempts = 0;
            }));
        var sut = CreateSut(harness);

        var result = await sut.SendAsync(Text(Russia));

        var recipient = Assert.Single(result.Recipients);
        Assert.Equal(fallback, recipient.MessageId!.Value.Provider);
        Assert.Equal((ViberErrorCode.Network, SendOutcome.NotSent), (recipient.Route[0].Error!.ErrorCode, recipient.Route[0].Error!.Outcome));
    }

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public async Task SendAsync_ResetAfterTheProviderAccepted_ReportsUnknownAndNeverCallsTheNextProvider(string fallback)
    {
        await using var harness = await StartAsync(fallback, r => r.Route("380", ViberProviders.SmsClub).FailOverTo(fallback));
        var sut = CreateSut(harness);
        harness.Emulator.InjectFault(ViberProviders.SmsClub, EmulatorFault.ResetAfterAccept());

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sut.SendAsync(Text(Ukraine)));

        Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown), (error.ErrorCode, error.Outcome));
        Assert.Single(harness.Emulator.AcceptedMessages(ViberProviders.SmsClub));
        Assert.Equal(0, harness.Emulator.DuplicateCount(ViberProviders.SmsClub));
        Assert.Empty(harness.Emulator.RequestsTo(fallback));
    }

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public async Task SendAsync_ServerErrorAfterAcceptForOneRouteOnly_ReturnsThatRouteUnknownAndTheOtherAccepted(string fallback)
    {
        await using var harness = await StartAsync(fallback, r => r.Route("380", ViberProviders.SmsClub).Route("7", ViberProviders.Devino).FailOverTo(fallback));
        var sut = CreateSut(harness);
        harness.Emulator.InjectFault(ViberProviders.SmsClub, EmulatorFault.ServerErrorAfterAccept());

        var result = await sut.SendAsync(Text(Ukraine, Russia));

        Assert.Equal(RecipientStatus.Failed, result.Recipients[0].Status);
        Assert.NotEqual(SendOutcome.NotSent, result.Recipients[0].Error!.Outcome);
        Assert.Equal((ViberProviders.SmsClub, RouteAttemptKind.Final), (Assert.Single(result.Recipients[0].Route).ProviderName, result.Recipients[0].Route[0].Kind));
        Assert.Equal(RecipientStatus.Accepted, result.Recipients[1].Status);
        Assert.Empty(harness.Emulator.RequestsTo(fallback));
    }

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public async Task SendAsync_RecipientRejectedAsInvalid_IsNotSentElsewhere(string fallback)
    {
        await using var harness = await StartAsync(fallback, r => r.Route("380", ViberProviders.SmsClub).FailOverTo(fallback));
        var sut = CreateSut(harness);
        harness.Emulator.ScriptRecipient(Ukraine2.ToString(), RecipientBehavior.InvalidNumber);

        var result = await sut.SendAsync(Text(Ukraine, Ukraine2));

        Assert.Equal([RecipientStatus.Accepted, RecipientStatus.Rejected], result.Recipients.Select(r => r.Status));
        Assert.Equal(ViberProviders.SmsClub, Assert.Single(result.Recipients[1].Route).ProviderName);
        Assert.Empty(harness.Emulator.RequestsTo(fallback));
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

    [Theory]
    [MemberData(nameof(FallbacksWithoutScheduling))]
    public async Task SendAsync_NoCandidateCanCarryOnePart_ThrowsReasonsPerProviderBeforeAnyRequest(string fallback)
    {
        await using var harness = await StartAsync(fallback, r => r.Route("380", ViberProviders.SmsClub).Route("7", ViberProviders.Devino).FailOverTo(fallback));
        var sut = CreateSut(harness);
        var message = Text(Ukraine, Russia) with { Schedule = new MessageSchedule(new DateTimeOffset(2030, 1, 1, 10, 0, 0, TimeSpan.FromHours(2))) };

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.SendAsync(message));

        Assert.Contains(error.Errors, e => e.Message.StartsWith(ViberProviders.Devino + ": ", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Message.StartsWith(fallback + ": ", StringComparison.Ordinal));
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

    /// <summary>The routes' providers (SMS Club for 380, Devino for 7) and the fallback under test, behind the router.</summary>
    private static Task<EmulatorHarness> StartAsync(string fallback, Action<ViberMessaging.Routing.ViberRouterBuilder> routes, Action<IServiceCollection>? configureServices = null)
        => EmulatorHarness.StartAsync(
            b => Register(b, ViberProviders.SmsClub, ViberProviders.Devino, fallback).AddRouter(Router, routes),
            configureServices: configureServices);

    private static Task<EmulatorHarness> StartAsync(Action<ViberMessaging.Routing.ViberRouterBuilder> routes)
        => StartAsync(ViberProviders.SmsClub, routes);

    private static IEnumerable<ProviderDescriptor> FallbackProviders()
        => ProviderManifest.All.Where(p => p.Name is not ViberProviders.SmsClub and not ViberProviders.Devino);

    /// <summary>
    /// Registers each provider once, as the reliability suite does (with what its messages need, such as SMS.by's sender
    /// id), also able to send as the SMS Club emulator's blocked-account sender, which the failover tests send as.
    /// </summary>
    private static IViberMessagingBuilder Register(IViberMessagingBuilder builder, params string[] providers)
    {
        foreach (var provider in providers.Distinct(StringComparer.Ordinal).Select(ReliabilityProviders.Get))
        {
            provider.AddTo(builder, o => provider.AcceptSender(o, SmsClubEmulatorSettings.BlockedAccountSender));
        }

        return builder;
    }

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
