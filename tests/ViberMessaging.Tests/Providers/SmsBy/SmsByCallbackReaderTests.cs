using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using ViberMessaging.SmsBy;

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

    [Fact]
    public void Read_AfterTheOffsetIsReloaded_ReadsTimesWithTheNewOffset()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ViberMessaging:SmsBy:Token"] = "t0k", ["ViberMessaging:SmsBy:ProviderUtcOffset"] = "03:00:00" })
            .Build();
        var services = new ServiceCollection();
        services.AddViberMessaging(configuration).AddSmsBy();
        // What an application adds to have the account's options follow configuration reloads, as the sender does.
        services.AddSingleton<IOptionsChangeTokenSource<SmsByOptions>>(new ConfigurationChangeTokenSource<SmsByOptions>(ViberProviders.SmsBy, configuration));
        using var provider = services.BuildServiceProvider();
        var sut = provider.GetRequiredKeyedService<IViberCallbackReader>(ViberProviders.SmsBy);
        var body = System.Text.Encoding.UTF8.GetBytes(BulkAnswer);

        var before = Assert.Single(sut.Read(body, [BulkId]).Reports).StatusAt;
        configuration["ViberMessaging:SmsBy:ProviderUtcOffset"] = "00:00:00";
        configuration.Reload();
        var after = Assert.Single(sut.Read(body, [BulkId]).Reports).StatusAt;

        Assert.Equal(new DateTimeOffset(2024, 10, 16, 19, 52, 42, TimeSpan.Zero).AddTicks(4979940), before);
        Assert.Equal(new DateTimeOffset(2024, 10, 16, 22, 52, 42, TimeSpan.Zero).AddTicks(4979940), after);
    }

    private static ServiceProvider CreateServices()
    {
        var services = new ServiceCollection();
        services.AddViberMessaging().AddSmsBy(o => o.Token = "t0k");
        return services.BuildServiceProvider();
    }
}
