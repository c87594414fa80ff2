using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Testing;

namespace ViberMessaging.AspNetCore.Tests.Providers.DecisionTelecom;

/// <summary>The whole loop on loopback for a provider that takes a callback URL per message: send through the emulator with the account's callback URL, the emulator posts its callbacks to Kestrel, the tracker hears them.</summary>
public sealed class DecisionTelecomKestrelEmulatorTests
{
    [Fact]
    public async Task EmulatorCallbacks_ToKestrel_ReachTheTrackerUntilFinal()
    {
        await using var emulator = await ViberEmulator.StartAsync(new ViberEmulatorOptions());
        emulator.ScriptRecipient("380504444441", RecipientBehavior.Delivers);
        emulator.ScriptRecipient("380504444442", RecipientBehavior.BlocksSender);
        await using var app = await CallbackApp.StartAsync(b => b.AddDecisionTelecom().UseEmulator(emulator), kestrel: true);
        var address = new Uri(app.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var sender = app.Services.GetRequiredKeyedService<IViberSender>("DecisionTelecom");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var finals = new Dictionary<MessageId, DeliveryReport>();
        var changes = app.Tracker.WatchAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        var first = changes.MoveNextAsync(); // subscribed from here on, before anything is sent

        var result = await sender.SendAsync(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [PhoneNumber.Parse("380504444441"), PhoneNumber.Parse("380504444442")],
            Text = "Your order has shipped",
            CallbackUrl = app.Paths.UrlFor(address, "DecisionTelecom"),
        });
        app.Tracker.Track(result);
        try
        {
            var more = await first;
            while (more)
            {
                if (changes.Current.IsFinal)
                {
                    finals[changes.Current.MessageId] = changes.Current;
                }

                if (finals.Count == 2)
                {
                    break;
                }

                more = await changes.MoveNextAsync();
            }
        }
        catch (OperationCanceledException)
        {
            var stored = new List<string>();
            foreach (var id in result.MessageIds)
            {
                stored.Add(id + "=" + await app.Tracker.GetAsync(id, CancellationToken.None));
            }

            Assert.Fail("no final callbacks: " + string.Join(", ", stored) + " finals " + finals.Count);
        }

        var ids = result.MessageIds.ToArray();
        Assert.Equal(DeliveryStatus.Delivered, finals[ids[0]].Status);
        Assert.Equal(DeliveryStatus.Undeliverable, finals[ids[1]].Status);
        Assert.Equal(DeliveryStatus.Delivered, (await app.Tracker.GetAsync(ids[0]))?.Status);
    }
}
