// The README quickstart, compiled against the packed ViberMessaging package and run against the emulator (the
// EmulatorHost beside it, from the packed ViberMessaging.Testing package) through configuration, as a user's app
// reaches a provider. Exit code 0 when every provider accepted its message and answered its status query.
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging;

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
var cancellationToken = timeout.Token;
var recipients = new Dictionary<string, string>
{
    [ViberProviders.SmsClub] = "+380501234567",
    [ViberProviders.Devino] = "+79161234567",
    [ViberProviders.DecisionTelecom] = "+380671234567",
    [ViberProviders.SmsBy] = "+375291234567",
};

var failures = 0;
foreach (var (name, phone) in recipients)
{
    var message = new ViberMessage { Sender = "MyShop", Recipients = [PhoneNumber.Parse(phone)], Text = "Your order #1042 has shipped." };

    #region README quickstart
    var services = new ServiceCollection();
    services.AddViberMessaging(configuration)      // ViberMessaging:SmsClub:Token, … from appsettings.json, env vars, user secrets
        .AddSmsClub().AddDevino().AddDecisionTelecom().AddSmsBy();
    await using var provider = services.BuildServiceProvider();

    var sender = provider.GetRequiredKeyedService<IViberSender>(name);     // "SmsClub", "Devino", "DecisionTelecom", "SmsBy"
    SendResult sent = await sender.SendAsync(message, cancellationToken);   // validated first, paced, never sent twice
    var statuses = provider.GetRequiredKeyedService<IStatusQuery>(name);
    IReadOnlyList<DeliveryReport> reports = await statuses.GetStatusesAsync(sent.MessageIds, cancellationToken);
    #endregion

    var ok = sent.IsFullyAccepted && reports.Count == 1 && reports[0].MessageId == sent.MessageIds.First() && reports[0].Error is null;
    failures += ok ? 0 : 1;
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {name,-16} {sent.MessageIds.FirstOrDefault()} {reports.FirstOrDefault()?.Status}");
}

var version = typeof(IViberSender).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
Console.WriteLine($"smoke: ViberMessaging {version} — {recipients.Count - failures} of {recipients.Count} providers sent and answered.");
return failures == 0 ? 0 : 1;
