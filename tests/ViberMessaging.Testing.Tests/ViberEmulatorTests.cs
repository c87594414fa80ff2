using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Testing.Tests;

/// <summary>The emulator's shared machinery: fault injection, inspection, the strict window, the message timeline.</summary>
public sealed class ViberEmulatorTests
{
    private const string Send = "vibers/send";

    [Fact]
    public async Task StartAsync_DefaultOptions_ListensOnLoopbackWithDynamicPort()
    {
        await using var emulator = await ViberEmulator.StartAsync();

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.Equal(ViberProviders.All.Order(StringComparer.Ordinal), emulator.Providers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetEndpoints_EachProvider_ListsTheMethodsAndAbsoluteUrlsItServesAndTheyAnswer()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var http = new HttpClient();

        var smsClub = emulator.GetEndpoints(ViberProviders.SmsClub);

        Assert.Equal(
            ["POST vibers/send", "POST vibers/status", "GET vibers/chats", "GET vibers/chat", "GET vibers/originator", "POST sms/balance"],
            smsClub.Select(e => e.Replace(emulator.GetBaseAddress(ViberProviders.SmsClub).AbsoluteUri, string.Empty, StringComparison.Ordinal)));
        foreach (var endpoint in emulator.Providers.SelectMany(emulator.GetEndpoints))
        {
            var (method, url) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
            using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

            // Unauthenticated, each endpoint answers in its provider's words: an auth error, never "no such path".
            Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Throws<ArgumentException>(() => emulator.GetEndpoints("Nope"));
    }

    [Fact]
    public async Task StartAsync_AfterWarmingUp_HasNoTraceOfIt()
    {
        var options = new ViberEmulatorOptions();
        options.RateLimits[ViberProviders.Devino] = new EmulatorRateLimit(5, TimeSpan.FromSeconds(1));

        await using var emulator = await ViberEmulator.StartAsync(options);

        Assert.Empty(emulator.Requests);
        Assert.All(emulator.Providers, provider => Assert.Equal(0, emulator.PeakRequestsInWindow(provider)));
        Assert.All(emulator.Providers, provider => Assert.Equal(0, emulator.RateLimitedCount(provider)));
    }

    [Fact]
    public async Task UnknownProviderPath_Answers404AndIsNotRecorded()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        using var response = await http.GetAsync("nobody/here");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task GetBaseAddress_UnknownProvider_ThrowsNamingTheEmulatedOnes()
    {
        await using var emulator = await ViberEmulator.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => emulator.GetBaseAddress("Twilio"));
        Assert.Contains("Twilio", error.Message, StringComparison.Ordinal);
        Assert.Contains("SmsClub", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_AreRecordedWithMethodPathHeadersBodyAndAnswer()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var http = SmsClub(emulator);

        using var response = await http.PostAsync(Send, Body("hello"));

        var request = Assert.Single(emulator.RequestsTo("SmsClub"));
        Assert.Equal(("POST", "/vibers/send", 200), (request.Method, request.Path, request.ResponseStatus));
        Assert.Contains("\"hello\"", request.Body, StringComparison.Ordinal);
        Assert.StartsWith("Bearer ", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(await response.Content.ReadAsStringAsync(), request.ResponseBody);
    }

    [Fact]
    public async Task ServerErrorBeforeAccept_Answers500AndAcceptsNothing()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        emulator.InjectFault("SmsClub", EmulatorFault.ServerError());
        using var http = SmsClub(emulator);

        using var response = await http.PostAsync(Send, Body("a"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(emulator.AcceptedMessages("SmsClub"));
    }

    [Fact]
    public async Task ServerErrorAfterAccept_Answers500ButTheMessageWasAccepted()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        emulator.InjectFault("SmsClub", EmulatorFault.ServerErrorAfterAccept());
        using var http = SmsClub(emulator);

        using var response = await http.PostAsync(Send, Body("a"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Single(emulator.AcceptedMessages("SmsClub"));
    }

    [Fact]
    public async Task ResetBeforeRead_CutsTheConnectionAndAcceptsNothing()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        emulator.InjectFault("SmsClub", EmulatorFault.ResetBeforeRead());
        using var http = SmsClub(emulator);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(Send, Body("a")));

        Assert.Empty(emulator.AcceptedMessages("SmsClub"));
        Assert.Equal(EmulatorFaultKind.Reset, Assert.Single(emulator.Requests).Fault!.Kind);
    }

    [Fact]
    public async Task ResetAfterAccept_CutsTheConnectionAfterAcceptingTheMessage()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        emulator.InjectFault("SmsClub", EmulatorFault.ResetAfterAccept());
        using var http = SmsClub(emulator);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(Send, Body("a")));

        Assert.Single(emulator.AcceptedMessages("SmsClub"));
    }

    [Theory]
    [InlineData("malformed")]
    [InlineData("empty")]
    public async Task UnusableAnswerAfterAccept_Is200WithABodyThatIsNotTheAnswer(string kind)
    {
        await using var emulator = await ViberEmulator.StartAsync();
        emulator.InjectFault("SmsClub", kind == "empty" ? EmulatorFault.EmptyAfterAccept() : EmulatorFault.MalformedAfterAccept());
        using var http = SmsClub(emulator);

        using var response = await http.PostAsync(Send, Body("a"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(kind == "empty", body.Length == 0);
        Assert.DoesNotContain("\"messages\"", body, StringComparison.Ordinal);
        Assert.Single(emulator.AcceptedMessages("SmsClub"));
    }

    [Fact]
    public async Task TruncatedAfterAccept_SendsHalfTheBodyThenCutsTheConnection()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        emulator.InjectFault("SmsClub", EmulatorFault.TruncatedAfterAccept());
        using var http = SmsClub(emulator);

        using var request = new HttpRequestMessage(HttpMethod.Post, Send) { Content = Body("a") };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => response.Content.ReadAsStringAsync());

        Assert.Single(emulator.AcceptedMessages("SmsClub"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RateLimited_Answers429WithRetryAfterInEitherForm(bool asDate)
    {
        await using var emulator = await ViberEmulator.StartAsync();
        emulator.InjectFault("SmsClub", EmulatorFault.RateLimited(TimeSpan.FromSeconds(3), asDate));
        using var http = SmsClub(emulator);

        using var response = await http.PostAsync(Send, Body("a"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        if (asDate)
        {
            Assert.NotNull(response.Headers.RetryAfter!.Date);
        }
        else
        {
            Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
        }

        Assert.Empty(emulator.AcceptedMessages("SmsClub"));
        Assert.Equal(0, emulator.RateLimitedCount("SmsClub"));
    }

    [Fact]
    public async Task InjectFault_CountAndPathFilter_StrikeOnlyTheNextMatchingRequests()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        emulator.InjectFault("SmsClub", EmulatorFault.ServerError(), count: 2, pathContains: "send");
        using var http = SmsClub(emulator);

        using var status = await http.PostAsync("vibers/status", new StringContent("{\"messageIds\":[\"1\"]}", Encoding.UTF8, "application/json"));
        var codes = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.PostAsync(Send, Body("m" + i));
            codes.Add((int)response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal([500, 500, 200], codes);
    }

    [Fact]
    public async Task Delayed_AnswersNormallyOnceTheDelayPassedOnTheEmulatorClock()
    {
        var clock = new TimerCountingTimeProvider();
        await using var emulator = await ViberEmulator.StartAsync(new ViberEmulatorOptions { TimeProvider = clock });
        emulator.InjectFault("SmsClub", EmulatorFault.Delayed(TimeSpan.FromSeconds(30)));
        using var http = SmsClub(emulator);

        // Step the clock a second at a time until the answer comes: however late the delay was armed (other timers make
        // "a timer is armed" no proof that it is this one), the answer cannot come before 30 s of emulator time.
        var sending = http.PostAsync(Send, Body("a"));
        var advanced = TimeSpan.Zero;
        while (!sending.IsCompleted && advanced < TimeSpan.FromMinutes(5))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
#pragma warning disable RS0030 // Lets the loopback request run between steps; the emulator time asserted below is what counts.
            await Task.WhenAny(sending, Task.Delay(20));
#pragma warning restore RS0030
        }

        using var response = await sending;
        Assert.True(advanced >= TimeSpan.FromSeconds(30), $"answered after {advanced} of emulator time");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StrictWindow_TighterLimitMidRun_TakesEffectAtOnceAndCounts429s()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        emulator.SetRateLimit("SmsClub", new EmulatorRateLimit(2, TimeSpan.FromMinutes(1)));
        using var http = SmsClub(emulator);

        var codes = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.PostAsync(Send, Body("m" + i));
            codes.Add((int)response.StatusCode);
        }

        Assert.Equal([200, 200, 429, 429], codes);
        Assert.Equal(2, emulator.RateLimitedCount("SmsClub"));
        Assert.Equal(2, emulator.PeakRequestsInWindow("SmsClub"));
    }

    [Fact]
    public async Task DuplicateCount_CountsRepeatsOfTheSameContentToTheSameRecipient()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var http = SmsClub(emulator);

        foreach (var text in new[] { "a", "b", "a", "a" })
        {
            using var response = await http.PostAsync(Send, Body(text));
        }

        Assert.Equal(4, emulator.AcceptedMessages("SmsClub").Count);
        Assert.Equal(2, emulator.DuplicateCount("SmsClub"));
    }

    [Fact]
    public async Task Reset_ForgetsRequestsMessagesAndWindowCounts()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var http = SmsClub(emulator);
        using (await http.PostAsync(Send, Body("a")))
        {
        }

        emulator.Reset();

        Assert.Empty(emulator.Requests);
        Assert.Empty(emulator.AcceptedMessages("SmsClub"));
        Assert.Equal(0, emulator.DuplicateCount("SmsClub"));
    }

    [Theory]
    [InlineData(RecipientBehavior.Reads, false, new[] { EmulatedViberState.Pending, EmulatedViberState.Sent, EmulatedViberState.Delivered, EmulatedViberState.Read })]
    [InlineData(RecipientBehavior.Delivers, false, new[] { EmulatedViberState.Pending, EmulatedViberState.Sent, EmulatedViberState.Delivered, EmulatedViberState.Delivered })]
    [InlineData(RecipientBehavior.NotViberUser, true, new[] { EmulatedViberState.Pending, EmulatedViberState.Sent, EmulatedViberState.Undeliverable, EmulatedViberState.Undeliverable })]
    [InlineData(RecipientBehavior.Expires, false, new[] { EmulatedViberState.Pending, EmulatedViberState.Sent, EmulatedViberState.Expired, EmulatedViberState.Expired })]
    public async Task GetStatus_FollowsTheTimelineForTheScriptedBehavior(RecipientBehavior behavior, bool sms, EmulatedViberState[] expected)
    {
        var clock = TestClock.Create();
        await using var emulator = await ViberEmulator.StartAsync(new ViberEmulatorOptions { TimeProvider = clock });
        emulator.ScriptRecipient("+380989361121", behavior);
        using var http = SmsClub(emulator);
        using (await http.PostAsync(Send, sms ? BodyWithSms("a") : Body("a")))
        {
        }

        var message = Assert.Single(emulator.AcceptedMessages("SmsClub"));
        var seen = new List<EmulatedViberState>();
        foreach (var at in new[] { 50, 200, 450, 700 })
        {
            clock.Advance(TimeSpan.FromMilliseconds(at) - (clock.GetUtcNow() - message.AcceptedAt));
            seen.Add(emulator.GetStatus(message).Viber);
        }

        Assert.Equal(expected, seen);
        if (sms)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(EmulatedSmsState.Delivered, emulator.GetStatus(message).Sms);
        }
    }

    [Fact]
    public async Task GetConfiguration_EachProvider_GivesItsBaseAddressFirstThenTheCredentialsItAccepts()
    {
        await using var emulator = await ViberEmulator.StartAsync(new ViberEmulatorOptions { Credentials = new EmulatorCredentials { DevinoPassword = "changed" } });

        Assert.All(emulator.Providers, provider =>
        {
            var settings = emulator.GetConfiguration(provider);
            Assert.Equal(new KeyValuePair<string, string>("BaseAddress", emulator.GetBaseAddress(provider).AbsoluteUri), settings[0]);
            Assert.NotEmpty(settings.Skip(1));
        });
        Assert.Contains(new KeyValuePair<string, string>("Password", "changed"), emulator.GetConfiguration(ViberProviders.Devino));
        Assert.Throws<ArgumentException>(() => emulator.GetConfiguration("Twilio"));
    }

    [Fact]
    public async Task GetSamplePhone_EveryProvider_GivesDistinctNumbersOfOneRegionThatItsEmulatorAccepts()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // SMS.by takes sender ids, not names: the emulator's first Viber sender id.
            [$"ViberMessaging:{ViberProviders.SmsBy}:ViberSenders:MyShop"] = "101",
        }).Build();
        var registration = new ServiceCollection().AddViberMessaging(configuration);
        foreach (var provider in ViberProviders.All)
        {
            registration.AddProvider(provider);
        }

        await using var services = registration.UseEmulator(emulator).Services.BuildServiceProvider();
        var every = new List<PhoneNumber>();
        foreach (var provider in ViberProviders.All)
        {
            PhoneNumber[] phones = [ViberEmulator.GetSamplePhone(provider, 0), ViberEmulator.GetSamplePhone(provider, 1_234_567), ViberEmulator.GetSamplePhone(provider, ViberEmulator.SamplePhonesPerProvider - 1)];

            var sent = await services.GetRequiredKeyedService<IViberSender>(provider).SendAsync(new ViberMessage { Sender = "MyShop", Recipients = phones, Text = "Your order is ready." });

            Assert.All(sent.Recipients, r => Assert.Equal(RecipientStatus.Accepted, r.Status));
            Assert.Equal(phones.Select(p => p.Digits).Order(StringComparer.Ordinal), emulator.AcceptedMessages(provider).Select(m => m.Recipient).Order(StringComparer.Ordinal));
            Assert.Single(phones.Select(p => p.Digits[..^7]).Distinct());
            Assert.EndsWith("1234567", phones[1].Digits, StringComparison.Ordinal);
            Assert.Equal(phones[1], ViberEmulator.GetSamplePhone(provider.ToUpperInvariant(), 1_234_567));
            every.AddRange(phones);
        }

        Assert.Equal(every.Count, every.Distinct().Count());
    }

    [Fact]
    public void GetSamplePhone_BadArguments_ThrowNamingTheArgument()
    {
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => ViberEmulator.GetSamplePhone(ViberProviders.All[0], -1)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => ViberEmulator.GetSamplePhone(ViberProviders.All[0], ViberEmulator.SamplePhonesPerProvider)).ParamName);
        Assert.Equal("provider", Assert.Throws<ArgumentNullException>(() => ViberEmulator.GetSamplePhone(null!, 0)).ParamName);
        var unknown = Assert.Throws<ArgumentException>(() => ViberEmulator.GetSamplePhone("Twilio", 0));
        Assert.Equal("provider", unknown.ParamName);
        Assert.Contains("Twilio", unknown.Message, StringComparison.Ordinal);
        Assert.All(ViberProviders.All, p => Assert.Contains(p, unknown.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Provider_EachSettingsType_IsThisEmulatorsOwnInstance()
    {
        await using var first = await ViberEmulator.StartAsync();
        await using var second = await ViberEmulator.StartAsync();

        Assert.Same(first.Provider<DevinoEmulatorSettings>(), first.Provider<DevinoEmulatorSettings>());
        Assert.NotSame(first.Provider<DevinoEmulatorSettings>(), second.Provider<DevinoEmulatorSettings>());

        // Every provider has its own settings type, named <Provider>EmulatorSettings, reachable through Provider<T>().
        var reach = typeof(ViberEmulator).GetMethod(nameof(ViberEmulator.Provider))!;
        var settings = typeof(ViberEmulator).Assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(EmulatorProviderSettings)))
            .Select(t => (Type: t, Instance: (EmulatorProviderSettings)reach.MakeGenericMethod(t).Invoke(first, null)!))
            .ToArray();
        Assert.Equal(ViberProviders.All.Order(StringComparer.Ordinal), settings.Select(s => s.Instance.Provider).Order(StringComparer.Ordinal));
        Assert.All(settings, s => Assert.Equal(s.Instance.Provider + "EmulatorSettings", s.Type.Name));
    }

    [Fact]
    public async Task Provider_TheAbstractBase_ThrowsNamingTheSettingsTypes()
    {
        await using var emulator = await ViberEmulator.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => emulator.Provider<EmulatorProviderSettings>());
        Assert.Contains(nameof(SmsClubEmulatorSettings), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProviderSettings_BadArguments_ThrowBeforeAnythingChanges()
    {
        await using var emulator = await ViberEmulator.StartAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Provider<SmsByEmulatorSettings>().NotFoundStatus = (HttpStatusCode)199);
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Provider<SmsByEmulatorSettings>().NotFoundStatus = (HttpStatusCode)600);
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Provider<SmsByEmulatorSettings>().SetSubscriberList(0, "+375291234567"));
        Assert.Throws<ArgumentException>(() => emulator.Provider<SmsByEmulatorSettings>().AddIncomingMessage(404, "+375291234567", "Hi"));
        Assert.Throws<ArgumentException>(() => emulator.Provider<DevinoEmulatorSettings>().ScriptCode("+79250000001", " "));
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Provider<DevinoEmulatorSettings>().InjectStatus("error-system", count: 0));
        Assert.Throws<ArgumentNullException>(() => emulator.Provider<SmsClubEmulatorSettings>().RegisteredSenders = null!);
        Assert.Equal(HttpStatusCode.OK, emulator.Provider<SmsByEmulatorSettings>().NotFoundStatus);
    }

    private static HttpClient SmsClub(ViberEmulator emulator)
    {
        var http = new HttpClient { BaseAddress = emulator.GetBaseAddress("SmsClub") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Options.Credentials.SmsClubToken);
        return http;
    }

    private static StringContent Body(string text)
        => new($$"""{"sender":"MyShop","phones":["380989361121"],"message":"{{text}}"}""", Encoding.UTF8, "application/json");

    private static StringContent BodyWithSms(string text)
        => new($$"""{"sender":"MyShop","phones":["380989361121"],"message":"{{text}}","senderSms":"MyShop","messageSms":"{{text}}"}""", Encoding.UTF8, "application/json");
}
