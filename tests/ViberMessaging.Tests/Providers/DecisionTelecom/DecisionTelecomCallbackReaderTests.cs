using Microsoft.Extensions.DependencyInjection;

namespace ViberMessaging.Tests.Providers.DecisionTelecom;

/// <summary>A DecisionTelecom account's <see cref="IViberCallbackReader"/>: one URL per account; status callbacks and replies, named after the account.</summary>
public sealed class DecisionTelecomCallbackReaderTests
{
    [Fact]
    public void Read_StatusCallback_IsOneReportOfTheAccount()
    {
        using var services = CreateServices();
        var sut = services.GetRequiredKeyedService<IViberCallbackReader>("Shop");

        var callback = sut.Read("""{"message_id":429,"status":1}"""u8, []);

        Assert.False(sut.PerRequest);
        Assert.Null(callback.Reply);
        var report = Assert.Single(callback.Reports);
        Assert.Equal((new MessageId("Shop", "429"), DeliveryStatus.Delivered, "1"), (report.MessageId, report.Status, report.RawStatus));
    }

    [Fact]
    public void Read_Reply_IsTheReplyToTheAccountsMessage()
    {
        using var services = CreateServices();
        var sut = services.GetRequiredKeyedService<IViberCallbackReader>("Shop");

        var callback = sut.Read("""{"message_token":4444444444444444,"phone_number":"972512222222","time":2121212121,"message":{"text":"Yes please","tracking_data":"tracking_id:429"}}"""u8, []);

        Assert.Empty(callback.Reports);
        Assert.Equal(("Yes please", new MessageId("Shop", "429")), (callback.Reply?.Text, callback.Reply?.InReplyTo));
    }

    private static ServiceProvider CreateServices()
    {
        var services = new ServiceCollection();
        services.AddViberMessaging().AddDecisionTelecom("Shop", o => o.ApiKey = "a-key");
        return services.BuildServiceProvider();
    }
}
