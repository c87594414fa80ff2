using Microsoft.Extensions.DependencyInjection;

namespace ViberMessaging.Tests.Providers.SmsBy;

/// <summary>An SMS.by account's <see cref="IViberCallbackReader"/>: one URL per request; the bulk answer read with the request's ids.</summary>
public sealed class SmsByCallbackReaderTests
{
    private const string BulkAnswer = """[{"message_id":1,"name":"Viber","alphaname_id":101,"success":[{"delivery_id":1001,"phone":"375291111111","status":"DELIVERED","status_time":"2024-10-16 22:52:42.497994"}]}]""";
    private static readonly MessageId BulkId = new(ViberProviders.SmsBy, "bulk:cc9c8043-8caf-11ef-b035-9e8f47954dec:375291111111");

    [Fact]
    public void Read_BulkAnswerWithTheRequestsIds_ReportsEachRecipient()
    {
        using var services = CreateServices();
        var sut = services.GetRequiredKeyedService<IViberCallbackReader>(ViberProviders.SmsBy);

        var checkedOnly = sut.Read(System.Text.Encoding.UTF8.GetBytes(BulkAnswer), []);
        var callback = sut.Read(System.Text.Encoding.UTF8.GetBytes(BulkAnswer), [BulkId]);

        Assert.True(sut.PerRequest);
        Assert.Empty(checkedOnly.Reports);
        Assert.Null(callback.Reply);
        var report = Assert.Single(callback.Reports);
        Assert.Equal((BulkId, DeliveryStatus.Delivered, "DELIVERED"), (report.MessageId, report.Status, report.RawStatus));
    }

    private static ServiceProvider CreateServices()
    {
        var services = new ServiceCollection();
        services.AddViberMessaging().AddSmsBy(o => o.Token = "t0k");
        return services.BuildServiceProvider();
    }
}
