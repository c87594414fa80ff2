using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Testing;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// An <see cref="ViberErrorCode.OutcomeUnknown"/> is actionable: it says which provider and account, which recipients,
/// and when the request was written, so the caller can reconcile before sending again.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class OutcomeUnknownDetailsTests
{
    public static TheoryData<string, string> Faults
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var provider in ReliabilityProviders.All)
            {
                data.Add(provider.Name, nameof(EmulatorFault.ServerErrorAfterAccept));
                data.Add(provider.Name, nameof(EmulatorFault.ResetAfterAccept));
                data.Add(provider.Name, nameof(EmulatorFault.MalformedAfterAccept));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task SendAsync_AmbiguousFault_ErrorNamesAccountRecipientsAndWhenTheRequestWasWritten(string name, string fault)
    {
        var provider = ReliabilityProviders.Get(name);
        var time = TestClock.Create();
        time.Advance(TimeSpan.FromDays(3));
        await using var harness = await EmulatorHarness.StartAsync(
            b => provider.AddTo(b, _ => { }),
            emulator => emulator.RateLimits.Clear(),
            s => s.AddSingleton<TimeProvider>(time));
        harness.Emulator.InjectFault(provider.Name, Fault(fault), pathContains: provider.SendPath);

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => harness.Sender(provider.Name).SendAsync(provider.Message("ambiguous")));

        Assert.Equal(ViberErrorCode.OutcomeUnknown, error.ErrorCode);
        Assert.NotEqual(SendOutcome.NotSent, error.Outcome);
        Assert.Equal(provider.Name, error.ProviderName);
        Assert.Matches("^sha256:[0-9a-f]{8}$", error.Account);
        Assert.Equal([provider.Recipient], error.Recipients);
        Assert.Equal(time.GetUtcNow(), error.RequestWrittenAt);
    }

    [Fact]
    public async Task SendAsync_RefusedBeforeAnyRequest_HasNoWrittenTime()
    {
        var provider = ReliabilityProviders.Get(ViberProviders.SmsClub);
        await using var harness = await EmulatorHarness.StartAsync(b => provider.AddTo(b, _ => { }), emulator => emulator.RateLimits.Clear());
        harness.Emulator.InjectFault(provider.Name, EmulatorFault.RateLimited(TimeSpan.FromHours(1)), pathContains: provider.SendPath);
        await Assert.ThrowsAsync<ViberMessagingException>(() => harness.Sender(provider.Name).SendAsync(provider.Message("takes the 429")));

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => harness.Sender(provider.Name).SendAsync(provider.Message("refused while paused")));

        Assert.Equal((ViberErrorCode.RateLimited, SendOutcome.NotSent), (error.ErrorCode, error.Outcome));
        Assert.Null(error.RequestWrittenAt);
        Assert.Equal([provider.Recipient], error.Recipients);
    }

    private static EmulatorFault Fault(string name) => name switch
    {
        nameof(EmulatorFault.ServerErrorAfterAccept) => EmulatorFault.ServerErrorAfterAccept(),
        nameof(EmulatorFault.ResetAfterAccept) => EmulatorFault.ResetAfterAccept(),
        _ => EmulatorFault.MalformedAfterAccept(),
    };
}
