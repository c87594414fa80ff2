using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsClub;

/// <summary><c>GET /vibers/originator</c>: the registered sender names (<see cref="SmsClubEmulatorSettings.RegisteredSenders"/>).</summary>
internal sealed class SmsClubOriginatorEndpoint(SmsClubEmulator module) : EmulatorEndpoint("GET", "/vibers/originator")
{
    public override Task HandleAsync(EmulatorCall call)
        => SmsClubEmulatorAnswers.SuccessAsync(call.Context, writer =>
        {
            writer.WriteStartArray();
            foreach (var name in module.Settings.RegisteredSenders)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
        });
}
