using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.SmsBy;
using ViberMessaging.Testing;

namespace ViberMessaging.Samples.Tests;

/// <summary>The README's example message, accepted by every provider (ReadmeTests keeps the two equal).</summary>
public sealed class ReadmeMessageTests
{
    [Fact]
    public async Task SendAsync_TheReadmesMessage_IsAcceptedByEveryProvider()
    {
        #region README message
        var message = new ViberMessage
        {
            Sender = "MyShop",                                      // on SMS.by, mapped to its id: ViberMessaging:SmsBy:ViberSenders:MyShop
            Recipients = [PhoneNumber.Parse("+380 50 123 45 67")],
            Text = "Your order #1042 has shipped: https://example.com/orders/1042",
        };
        #endregion

        await using var emulator = await ViberEmulator.StartAsync();
        var services = new ServiceCollection();
        var builder = services.AddViberMessaging();
        foreach (var name in ViberProviders.All)
        {
            builder.AddProvider(name);
        }

        builder.UseEmulator(emulator);
        services.Configure<SmsByOptions>(ViberProviders.SmsBy, o => o.ViberSenders["MyShop"] = 101);
        await using var provider = services.BuildServiceProvider();

        foreach (var name in ViberProviders.All)
        {
            var result = await provider.GetRequiredKeyedService<IViberSender>(name).SendAsync(message);

            Assert.True(result.IsFullyAccepted, $"{name}: {string.Join("; ", result.Recipients)}");
            Assert.Equal(message.Text, Assert.Single(emulator.AcceptedMessages(name)).Text);
        }
    }
}
