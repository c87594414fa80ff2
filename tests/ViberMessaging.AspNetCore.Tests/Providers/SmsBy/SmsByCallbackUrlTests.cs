using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ViberMessaging.Testing;

namespace ViberMessaging.AspNetCore.Tests.Providers.SmsBy;

/// <summary>
/// <see cref="ViberCallbackOptions.PublicBaseAddress"/> with SMS.by: its bulk answer, which does not name its request,
/// is tied to it by a correlation token (exact on the wire, checked through the emulator), even when it comes before
/// the send returned; wrong tokens and bodies are refused.
/// </summary>
public sealed class SmsByCallbackUrlTests
{
    private const string Uuid = "cc9c8043-8caf-11ef-b035-9e8f47954dec";
    private const string BulkAnswer = """[{"message_id":1,"name":"Viber","alphaname_id":101,"success":[{"delivery_id":1001,"phone":"375291111111","status":"DELIVERED","status_time":"2024-10-16 22:52:42.497994"}]}]""";
    private static readonly MessageId BulkId = new("SmsBy", $"bulk:{Uuid}:375291111111");

    [Fact]
    public async Task SendAsync_SmsByBulkWithPublicBaseAddress_CarriesATokenUrlAndTheAnswerReachesTheTracker()
    {
        await using var emulator = await ViberEmulator.StartAsync(new ViberEmulatorOptions());
        var publicAddress = new Uri($"http://127.0.0.1:{CallbackApp.FreePort()}/");
        await using var app = await CallbackApp.StartAsync(kestrel: true, register: b => b.AddSmsBy(o => o.ViberSenders["MyShop"] = 101).UseEmulator(emulator), publicBaseAddress: publicAddress);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var changes = app.Tracker.WatchAsync(cancel.Token);

        var result = await app.Services.GetRequiredKeyedService<IViberSender>("SmsBy").SendAsync(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [PhoneNumber.Parse("375291234561"), PhoneNumber.Parse("375291234562")],
            Text = "Your order has shipped",
        });

        var send = Assert.Single(emulator.RequestsTo(ViberProviders.SmsBy), r => r.Path.EndsWith("sendBulkViber", StringComparison.Ordinal));
        using var body = JsonDocument.Parse(send.Body);
        var url = body.RootElement.GetProperty("callback_url").GetString()!;
        var prefix = app.Paths.UrlFor(publicAddress, "SmsBy").AbsoluteUri + "/";
        Assert.StartsWith(prefix, url, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{24}$", url[prefix.Length..]);
        var ids = result.MessageIds.ToHashSet();
        Assert.Equal(2, ids.Count);
        var heard = new HashSet<MessageId>();
        await foreach (var report in changes)
        {
            Assert.Contains(report.MessageId, ids);
            Assert.NotNull(report.RawStatus);
            heard.Add(report.MessageId);
            if (heard.Count == 2)
            {
                break;
            }
        }

        Assert.DoesNotContain("SmsBy", app.Services.GetRequiredService<IOptions<DeliveryTrackerOptions>>().Value.CallbackProviders);
    }

    [Fact]
    public async Task Post_SmsByAnswerBeforeTheSendReturned_IsMergedOnceTheIdsAreKnown()
    {
        await using var app = await CallbackApp.StartAsync(register: AddAccount, publicBaseAddress: new Uri("https://shop.example/"));
        var address = app.Services.GetRequiredService<IViberCallbackAddress>();
        var url = address.GetCallbackUrl("SmsBy", "0123456789abcdef01234567");
        Assert.NotNull(url);

        using var early = await PostAsync(app, url!.AbsolutePath, BulkAnswer);
        var beforeTheIds = await app.Tracker.GetAsync(BulkId);
        await address.CorrelateAsync("SmsBy", "0123456789abcdef01234567", [BulkId], CancellationToken.None);
        using var repeat = await PostAsync(app, url.AbsolutePath, BulkAnswer);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (early.StatusCode, repeat.StatusCode));
        Assert.Null(beforeTheIds);
        var report = await app.Tracker.GetAsync(BulkId);
        Assert.Equal((DeliveryStatus.Delivered, "DELIVERED"), (report?.Status, report?.RawStatus));
    }

    [Fact]
    public async Task Post_SmsByAnswerAfterTheSendReturned_ReachesTheTrackerAtOnce()
    {
        await using var app = await CallbackApp.StartAsync(register: AddAccount, publicBaseAddress: new Uri("https://shop.example/"));
        var address = app.Services.GetRequiredService<IViberCallbackAddress>();
        var url = address.GetCallbackUrl("SmsBy", "feedfacefeedfacefeedface")!;
        await address.CorrelateAsync("SmsBy", "feedfacefeedfacefeedface", [BulkId], CancellationToken.None);

        using var response = await PostAsync(app, url.AbsolutePath, BulkAnswer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DeliveryStatus.Delivered, (await app.Tracker.GetAsync(BulkId))?.Status);
    }

    [Theory]
    [InlineData("unknown-token", BulkAnswer, HttpStatusCode.NotFound)]
    [InlineData("abcabcabcabcabcabcabcabc", "not json", HttpStatusCode.BadRequest)]
    [InlineData("abcabcabcabcabcabcabcabc", "[1,2]", HttpStatusCode.BadRequest)]
    [InlineData("abcabcabcabcabcabcabcabc", "null", HttpStatusCode.BadRequest)]
    public async Task Post_SmsByUnknownTokenOrMalformedBody_IsRefused(string token, string body, HttpStatusCode expected)
    {
        await using var app = await CallbackApp.StartAsync(register: AddAccount, publicBaseAddress: new Uri("https://shop.example/"));
        Assert.NotNull(app.Services.GetRequiredService<IViberCallbackAddress>().GetCallbackUrl("SmsBy", "abcabcabcabcabcabcabcabc"));

        using var response = await PostAsync(app, app.Paths.PathFor("SmsBy") + "/" + token, body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Null(await app.Tracker.GetAsync(BulkId));
    }

    [Fact]
    public async Task Post_SmsByWithoutToken_Answers404()
    {
        await using var app = await CallbackApp.StartAsync(register: AddAccount, publicBaseAddress: new Uri("https://shop.example/"));

        using var response = await PostAsync(app, app.Paths.PathFor("SmsBy"), BulkAnswer);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static void AddAccount(IViberMessagingBuilder builder) => builder.AddSmsBy(o => o.Token = "t0k");

    private static async Task<HttpResponseMessage> PostAsync(CallbackApp app, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await app.App.GetTestClient().PostAsync(path, content);
    }
}
