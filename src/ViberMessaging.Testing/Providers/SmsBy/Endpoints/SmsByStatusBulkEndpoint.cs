using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary><c>POST api/v1/statusBulkViber</c>: per list of a <c>sendBulkViber</c> request (by <c>uuid</c>), its errors or its deliveries' statuses.</summary>
internal sealed class SmsByStatusBulkEndpoint(SmsByEmulator module) : EmulatorEndpoint("POST", "/api/v1/statusBulkViber")
{
    public override async Task HandleAsync(EmulatorCall call)
    {
        var uuid = call.Parameters!["uuid"];
        if (string.IsNullOrWhiteSpace(uuid))
        {
            await SmsByEmulatorAnswers.ErrorAsync(call.Context, 400, "uuid is required").ConfigureAwait(false);
            return;
        }

        if (module.Store.FindBulk(uuid.Trim()) is not { } bulk)
        {
            await module.Answers.NotFoundAsync(call.Context).ConfigureAwait(false);
            return;
        }

        await EmulatorJson.WriteAsync(call.Context, 200, writer => module.Answers.WriteBulkStatus(writer, bulk)).ConfigureAwait(false);
    }
}
