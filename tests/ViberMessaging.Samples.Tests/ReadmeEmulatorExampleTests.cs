using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Testing;

namespace ViberMessaging.Samples.Tests;

/// <summary>The README's "emulator in your own tests" example, compiled and run (ReadmeTests keeps the two equal).</summary>
public sealed class ReadmeEmulatorExampleTests
{
    #region README emulator
    [Fact]
    public async Task SendAsync_ConnectionResetAfterTheProviderAccepted_ReportsUnknownAndNeverResends()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddViberMessaging().AddSmsClub().UseEmulator(emulator);   // addresses and credentials of the emulator
        await using var provider = services.BuildServiceProvider();
        var sender = provider.GetRequiredService<IViberSender>();
        emulator.InjectFault(ViberProviders.SmsClub, EmulatorFault.ResetAfterAccept());

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => sender.SendAsync(new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [PhoneNumber.Parse("+380501234567")],
            Text = "Your order has shipped.",
        }));

        Assert.Equal(ViberErrorCode.OutcomeUnknown, error.ErrorCode);
        Assert.Single(emulator.AcceptedMessages(ViberProviders.SmsClub));   // the provider has it, once
        Assert.Equal(0, emulator.DuplicateCount(ViberProviders.SmsClub));  // and the SDK did not send it again
    }
    #endregion
}
