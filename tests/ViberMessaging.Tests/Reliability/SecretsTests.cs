using System.Net;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using ViberMessaging.SmsBy;
using ViberMessaging.Providers;
using ViberMessaging.SmsClub;
using ViberMessaging.Testing;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// No token, password, API key, their Base64 forms or an Authorization value appears in a log line (Trace and up), an
/// exception's Message, ToString or Data, or the ToString of any public SDK type — through sends, statuses, errors,
/// faults, validation failures, chats and balances of all four providers, and against a provider that echoes the
/// request's credentials back in its errors.
/// </summary>
public sealed class SecretsTests
{
    /// <summary>Credentials with characters that change under Base64, URL and form encoding (<see cref="ProviderCase.SetHostileCredentials"/>).</summary>
    private static EmulatorCredentials Credentials()
    {
        var credentials = new EmulatorCredentials();
        foreach (var provider in ReliabilityProviders.All)
        {
            provider.SetHostileCredentials(credentials);
        }

        return credentials;
    }

    [Fact]
    public async Task RepresentativeOperations_EveryProviderAtTrace_NoCredentialInLogsErrorsOrToString()
    {
        var credentials = Credentials();
        var connect = new Dictionary<string, ConnectFaults>();
        await using var harness = await EmulatorHarness.StartAsync(
            b =>
            {
                static void Tweak(ViberProviderOptions o)
                {
                    o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(1);
                    o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
                    o.Resilience.CircuitBreakerMinimumThroughput = 4;
                    o.Pacing.RateLimitedPause = TimeSpan.FromMilliseconds(10);

                    // A short window, so the rate the gate lowers after the 429 below costs milliseconds, not seconds.
                    o.Pacing.Window = TimeSpan.FromMilliseconds(50);
                    o.Pacing.PermitLimit = 100;
                }

                ReliabilityProviders.AddAll(b, Tweak);
                b.AddSmsClub("SmsClubBasic", o =>
                {
                    Tweak(o);
                    o.Authentication = SmsClubAuthentication.Basic;
                });
            },
            emulator =>
            {
                emulator.Credentials = credentials;
                emulator.RateLimits.Clear();
                emulator.Timeline.ReplyAfter = TimeSpan.Zero;
            },
            services =>
            {
                foreach (var name in ReliabilityProviders.All.Select(p => p.Name).Append("SmsClubBasic"))
                {
                    connect[name] = ConnectFaults.Install(services, name);
                }
            });
        var scan = new SecretScan(credentials);
        var seen = new List<object>();
        var errors = new List<Exception>();
        async Task Run(Func<Task<object?>> call)
        {
            try
            {
                seen.Add(await call() ?? "null");
            }
            catch (Exception error)
            {
                errors.Add(error);
            }
        }

        // Provider errors with bodies: a refused sender, a blocked account, an empty balance, an unknown token.
        foreach (var provider in ReliabilityProviders.All)
        {
            await Run(() => provider.ProvokeAccountErrorAsync(harness));
        }

        // Chats and balances.
        var opened = await harness.Sender("SmsClubBasic").SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [ReliabilityProviders.Get(ViberProviders.SmsClub).Recipient], Text = "chat", TwoWay = TwoWayOptions.OpenChat });
        seen.Add(opened);
        var chats = harness.Chats("SmsClubBasic");
        await Run(async () => await chats.GetChatsAsync().ToListAsync());
        await Run(async () => await chats.GetMessagesAsync(opened.Recipients[0].ChatId!).ToListAsync());
        await Run(async () => await chats.ReplyAsync(opened.Recipients[0].ChatId!, "reply"));
        await Run(async () => await harness.Services.GetRequiredKeyedService<IBalanceQuery>("SmsClubBasic").GetBalanceAsync());
        await Run(async () => await harness.Services.GetRequiredKeyedService<ISmsClubAccount>(ViberProviders.SmsClub).GetSenderNamesAsync());
        var smsByChat = await harness.Sender(ViberProviders.SmsBy).SendAsync(new ViberMessage { Sender = "MyShop", Recipients = [ReliabilityProviders.Get(ViberProviders.SmsBy).Recipient], Text = "chat", TwoWay = TwoWayOptions.OpenChat });
        await Run(async () => await harness.Chats(ViberProviders.SmsBy).GetMessagesAsync(smsByChat.Recipients[0].ChatId!).ToListAsync());

        // Per provider: a send, statuses, a validation failure, faults, a 429, then refused connections until the circuit opens.
        foreach (var provider in ReliabilityProviders.All.Append(ReliabilityProviders.Get(ViberProviders.SmsClub) with { Name = "SmsClubBasic" }))
        {
            var sender = harness.Sender(provider.Name);
            var status = harness.StatusQuery(provider.Name);
            var fault = ReliabilityProviders.Get(provider.Name == "SmsClubBasic" ? ViberProviders.SmsClub : provider.Name);
            var sent = await sender.SendAsync(provider.Message("secrets: sent"));
            seen.Add(sent);
            seen.Add(sender.Capabilities);
            await Run(async () => await status.GetStatusesAsync([.. sent.MessageIds, new MessageId(provider.Name, provider.StatusId("1"))]));
            await Run(async () => await sender.SendAsync(new ViberMessage { Text = new string('x', 5000), Recipients = [provider.Recipient] }));
            foreach (var injected in new[] { EmulatorFault.ServerErrorAfterAccept(), EmulatorFault.ResetAfterAccept(), EmulatorFault.MalformedAfterAccept(), EmulatorFault.HangAfterAccept(), EmulatorFault.RateLimited(TimeSpan.Zero) })
            {
                harness.Emulator.InjectFault(fault.Name, injected, pathContains: fault.SendPath);
                await Run(async () => await sender.SendAsync(provider.Message($"secrets: {injected}")));
            }

            // Refused connections open the circuit; the following sends fail without a request.
            connect[provider.Name].RefuseAll = true;
            for (var i = 0; i < 3; i++)
            {
                await Run(async () => await sender.SendAsync(provider.Message($"secrets: circuit {i}")));
            }
        }

        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e is ViberValidationException);
        Assert.Contains(errors, e => e is ViberMessagingException { ErrorCode: ViberErrorCode.CircuitOpen });
        Assert.Contains(errors, e => e is ViberMessagingException { ErrorCode: ViberErrorCode.InsufficientFunds });
        foreach (var error in errors)
        {
            scan.CheckException("exception", error);
        }

        foreach (var value in seen)
        {
            scan.CheckObject("result", value);
        }

        scan.CheckLogs(harness.Logs);
        CheckOptions(scan, harness.Services);
        CheckEveryPublicType(scan);
        scan.AssertClean();
        Assert.Contains(harness.Logs.Collector.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Trace);
    }

    public static TheoryData<string, int> EchoCases
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var provider in ReliabilityProviders.All)
            {
                foreach (var status in new[] { 200, 400, 401, 429, 500 })
                {
                    data.Add(provider.Name, status);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EchoCases))]
    public async Task ProviderEchoingTheCredentials_InItsErrors_NoCredentialReachesErrorsOrLogs(string name, int status)
    {
        var credentials = Credentials();
        var logs = new FakeLoggerProvider();
        await using var transport = StubbedTransport.Create(
            o =>
            {
                o.Resilience.MaxRetryAttempts = 0;
                o.Resilience.MaxRetryAfter = TimeSpan.Zero;

                // Every echo is a 429 here: without a pause of its own, the account's pause (beyond a cap of zero) would
                // refuse the next calls at once, and SMS.by's token-in-the-query request would never be made.
                o.Pacing.RateLimitedPause = TimeSpan.Zero;
            },
            logs,
            credentials);
        transport.Respond(request => Echo(name, (HttpStatusCode)status, $"Authorization: {request.Authorization} url: {request.PathAndQuery} body: {request.Body}"));
        var provider = ReliabilityProviders.Get(name);
        var scan = new SecretScan(credentials);

        var send = await Record.ExceptionAsync(() => transport.Sender(name).SendAsync(provider.Message("Hello")));
        var read = await Record.ExceptionAsync(() => transport.StatusQuery(name).GetStatusesAsync([new MessageId(name, provider.StatusId("5769"))]));

        // SMS.by's statusBulkViber takes the token (and the uuid) in the query string, as its document says.
        var bulk = name == ViberProviders.SmsBy
            ? await Record.ExceptionAsync(() => transport.StatusQuery(name).GetStatusesAsync([new MessageId(name, "bulk:cc9c8043-8caf-11ef-b035-9e8f47954dec:375291234567")]))
            : null;

        var formToken = credentials.SmsByToken.Replace(" ", "+", StringComparison.Ordinal).Replace("&", "%26", StringComparison.Ordinal).Replace("=", "%3D", StringComparison.Ordinal);
        Assert.All(transport.Requests, r => Assert.True(r.Body.Contains(formToken, StringComparison.Ordinal) || r.PathAndQuery.Contains(Uri.EscapeDataString(credentials.SmsByToken), StringComparison.Ordinal) || r.Authorization is not null, "the echo carries a credential"));
        Assert.True(name != ViberProviders.SmsBy || transport.Requests.Any(r => r.PathAndQuery.Contains("?token=", StringComparison.Ordinal)), "a request with the token in its query string was echoed");
        Assert.IsAssignableFrom<ViberMessagingException>(send);
        scan.CheckException("send", send!);
        foreach (var error in new[] { read, bulk })
        {
            if (error is not null)
            {
                scan.CheckException("status", error);
            }
        }

        scan.CheckLogs(logs).AssertClean();
    }

    /// <summary>The provider's error shape with the echo in every text it has (message, code, name, status).</summary>
    private static HttpResponseMessage Echo(string provider, HttpStatusCode status, string echo)
    {
        var text = JsonSerializer.Serialize(echo, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return StubbedTransport.Json(status, ReliabilityProviders.Get(provider).EchoingError(text, status));
    }

    /// <summary>Every registered account's options print no credential.</summary>
    private static void CheckOptions(SecretScan scan, IServiceProvider services)
    {
        foreach (var name in new[] { ViberProviders.SmsClub, "SmsClubBasic" })
        {
            scan.Check($"SmsClubOptions '{name}'.ToString()", services.GetRequiredService<IOptionsMonitor<SmsClubOptions>>().Get(name).ToString());
        }

        foreach (var provider in ProviderManifest.All)
        {
            scan.Check($"{provider.OptionsType.Name}.ToString()", provider.Options(services, provider.Name).ToString());
        }
    }

    /// <summary>
    /// The ToString of every public SDK type: the ones the run produced were walked above; the rest are created here
    /// with the credentials set wherever they have a place for them.
    /// </summary>
    private static void CheckEveryPublicType(SecretScan scan)
    {
        var credentials = Credentials();
        var missing = new List<string>();
        foreach (var type in typeof(IViberSender).Assembly.GetExportedTypes())
        {
            if (type.IsInterface || type.IsEnum || type.IsAbstract || scan.TypesSeen.Contains(type) || typeof(Delegate).IsAssignableFrom(type))
            {
                continue;
            }

            var instance = Create(type, credentials);
            if (instance is null)
            {
                missing.Add(type.FullName!);
                continue;
            }

            scan.Check($"{type.Name}.ToString()", instance.ToString());
        }

        Assert.True(missing.Count == 0, "Public types the secrets check could not cover: " + string.Join(", ", missing));
    }

    private static object? Create(Type type, EmulatorCredentials credentials)
    {
        if (type.GetConstructor(Type.EmptyTypes) is not null || type.IsValueType)
        {
            var instance = Activator.CreateInstance(type);
            if (instance is ViberProviderOptions options)
            {
                StubbedTransport.SetCredentials(options, credentials);
                (options as SmsClubOptions)?.GetType().GetProperty(nameof(SmsClubOptions.Authentication))!.SetValue(options, SmsClubAuthentication.Basic);
            }

            return instance;
        }

        return type.Name switch
        {
            nameof(ViberValidationException) => new ViberValidationException([new ValidationError("Text", "Required", "Text is required.")]),
            nameof(ViberMessagingException) => new ViberMessagingException(ViberErrorCode.Unknown, "m"),
            nameof(SmsByImageFile) => new SmsByImageFile("a.jpg", new byte[] { 1 }),
            nameof(SendResult) => new SendResult("SmsClub", []),
            nameof(ViberMessaging.Routing.ViberRouterBuilder) => Activator.CreateInstance(type, BindingFlags.NonPublic | BindingFlags.Instance, null, [new ViberMessaging.Routing.ViberRouterOptions()], null),
            nameof(TwoWayOptions) => TwoWayOptions.ReplyIn("2766"),
            nameof(DeliveryReport) => new DeliveryReport(new MessageId("SmsClub", "1"), DeliveryStatus.Sent),
            nameof(ViberCallback) => new ViberCallback([new DeliveryReport(new MessageId("SmsClub", "1"), DeliveryStatus.Sent)]),
            nameof(ViberMessaging.Pacing.PacingGateContext) => new ViberMessaging.Pacing.PacingGateContext("SmsClub", "0123abcd", new PacingOptions(), TimeSpan.FromSeconds(30), TimeProvider.System, _ => throw new NotSupportedException()),
            _ => type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault() is { } constructor
                ? constructor.Invoke([.. constructor.GetParameters().Select(p => Sample(p.ParameterType))])
                : null,
        };
    }

    private static object? Sample(Type type) => type == typeof(string) ? "x"
        : type == typeof(PhoneNumber) ? PhoneNumber.Parse("380989361121")
        : type == typeof(Uri) ? new Uri("https://example.com/")
        : type == typeof(MessageId) ? new MessageId("SmsClub", "1")
        : type.IsValueType ? Activator.CreateInstance(type)
        : null;
}
