using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ViberMessaging.Testing;

namespace ViberMessaging.AspNetCore.Tests.Providers.DecisionTelecom;

/// <summary>
/// <see cref="ViberCallbackOptions.PublicBaseAddress"/> with DecisionTelecom, whose callbacks name their message: the
/// SDK sets the account's <c>callback_url</c> on every send itself (exact on the wire, checked through the emulator),
/// keeps a message's own, and the callbacks to that URL reach the tracker, which then polls the account only as a fallback.
/// </summary>
public sealed class DecisionTelecomCallbackUrlTests
{
    [Fact]
    public async Task SendAsync_DecisionTelecomWithPublicBaseAddress_CarriesTheAccountsUrlAndItsCallbacksReachTheTracker()
    {
        await using var emulator = await ViberEmulator.StartAsync(new ViberEmulatorOptions());
        emulator.ScriptRecipient("380504444441", RecipientBehavior.Delivers);
        var publicAddress = new Uri($"http://127.0.0.1:{CallbackApp.FreePort()}/");
        await using var app = await CallbackApp.StartAsync(kestrel: true, register: b => b.AddDecisionTelecom().UseEmulator(emulator), publicBaseAddress: publicAddress);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var changes = app.Tracker.WatchAsync(cancel.Token);

        var result = await app.Services.GetRequiredKeyedService<IViberSender>("DecisionTelecom").SendAsync(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [PhoneNumber.Parse("380504444441")],
            Text = "Your order has shipped",
        });

        var send = Assert.Single(emulator.RequestsTo(ViberProviders.DecisionTelecom), r => r.Method == "POST" && r.Path.Contains("send", StringComparison.OrdinalIgnoreCase));
        using var body = JsonDocument.Parse(send.Body);
        Assert.Equal(app.Paths.UrlFor(publicAddress, "DecisionTelecom").AbsoluteUri, body.RootElement.GetProperty("callback_url").GetString());
        Assert.StartsWith($"http://127.0.0.1:{publicAddress.Port}/viber/DecisionTelecom/", body.RootElement.GetProperty("callback_url").GetString(), StringComparison.Ordinal);
        var id = Assert.Single(result.MessageIds);
        await foreach (var report in changes)
        {
            if (report.MessageId == id && report.IsFinal)
            {
                Assert.Equal(DeliveryStatus.Delivered, report.Status);
                break;
            }
        }

        Assert.Contains("DecisionTelecom", app.Services.GetRequiredService<IOptions<DeliveryTrackerOptions>>().Value.CallbackProviders);
    }

    [Fact]
    public async Task SendAsync_MessageWithItsOwnCallbackUrl_KeepsIt()
    {
        await using var emulator = await ViberEmulator.StartAsync(new ViberEmulatorOptions());
        await using var app = await CallbackApp.StartAsync(register: b => b.AddDecisionTelecom().UseEmulator(emulator), publicBaseAddress: new Uri("https://shop.example/"));
        var own = new Uri("http://127.0.0.1:9/elsewhere/callback");   // loopback, nothing listens: the emulator's post just fails

        await app.Services.GetRequiredKeyedService<IViberSender>("DecisionTelecom").SendAsync(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [PhoneNumber.Parse("380504444441")],
            Text = "Your order has shipped",
            CallbackUrl = own,
        });

        var send = Assert.Single(emulator.RequestsTo(ViberProviders.DecisionTelecom), r => r.Method == "POST" && r.Path.Contains("send", StringComparison.OrdinalIgnoreCase));
        using var body = JsonDocument.Parse(send.Body);
        Assert.Equal(own.AbsoluteUri, body.RootElement.GetProperty("callback_url").GetString());
    }

    [Fact]
    public async Task GetCallbackUrl_PublicBaseAddress_IsTheAccountsSecretPathWithoutAToken()
    {
        await using var app = await CallbackApp.StartAsync(register: b => b.AddDecisionTelecom(o => o.ApiKey = "a-key").AddSmsBy(o => o.Token = "t0k"), publicBaseAddress: new Uri("https://shop.example/base/"));
        var address = app.Services.GetRequiredService<IViberCallbackAddress>();

        Assert.Equal(new Uri("https://shop.example/base" + app.Paths.PathFor("DecisionTelecom")), address.GetCallbackUrl("DecisionTelecom", null));
        Assert.Null(address.GetCallbackUrl("SmsBy", null));      // SMS.by's answer needs a token
        Assert.Null(address.GetCallbackUrl("Nobody", null));
        Assert.Equal(["DecisionTelecom"], app.Services.GetRequiredService<IOptions<DeliveryTrackerOptions>>().Value.CallbackProviders);
    }
}
