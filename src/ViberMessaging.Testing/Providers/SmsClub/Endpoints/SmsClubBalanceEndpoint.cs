using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsClub;

/// <summary><c>POST /sms/balance</c>: <c>{"success_request":{"info":{"money":"8111.1700","currency":"UAH"}}}</c> (<see cref="SmsClubEmulatorSettings.Balance"/>).</summary>
internal sealed class SmsClubBalanceEndpoint(SmsClubEmulator module) : EmulatorEndpoint("POST", "/sms/balance")
{
    public override Task HandleAsync(EmulatorCall call)
    {
        var (money, currency) = module.Settings.BalanceAnswer();
        return EmulatorJson.WriteAsync(call.Context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("success_request");
            writer.WriteStartObject("info");
            writer.WriteString("money", money);
            writer.WriteString("currency", currency);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }
}
