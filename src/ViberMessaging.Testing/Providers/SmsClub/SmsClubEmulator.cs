using System.Globalization;
using Microsoft.AspNetCore.Http;
using ViberMessaging.SmsClub;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsClub;

/// <summary>
/// SMS Club's Viber API as its document (and the wire notes) describe it: Bearer or Basic auth; <c>POST /vibers/send</c>
/// with Viber + SMS, the picture/button group (all three or none), lifetime ranges, the scheduling pair and its 08:00–20:00 window,
/// <c>is_2way</c>/<c>chat_id</c>; <c>POST /vibers/status</c> keyed by id; <c>GET /vibers/chats</c> and
/// <c>GET /vibers/chat</c> 30 to a page; <c>GET /vibers/originator</c>; <c>POST /sms/balance</c>. Errors come as
/// <c>{"errorRequest":{"errors":{key:[message]}}}</c> with HTTP 400 or 460–468, and in the framework's
/// <c>{name,message,code,status}</c> shape for 401, 429 and 500. The rules are <see cref="SmsClubEmulatorRules"/>.
/// </summary>
internal sealed class SmsClubEmulator : EmulatorModule<SmsClubOptions, SmsClubEmulatorSettings>
{
    public SmsClubEmulator(EmulatorState state, EmulatorBackground background)
        : base(state, background, new SmsClubEmulatorSettings())
        => Endpoints =
        [
            new SmsClubSendEndpoint(this),
            new SmsClubStatusEndpoint(this),
            new SmsClubChatsEndpoint(this),
            new SmsClubChatEndpoint(this),
            new SmsClubOriginatorEndpoint(this),
            new SmsClubBalanceEndpoint(this),
        ];

    public override string Name => ViberProviders.SmsClub;

    public override string PathPrefix => "smsclub";

    public override string SamplePhonePrefix => "+38050";

    public override IReadOnlyList<EmulatorEndpoint> Endpoints { get; }

    public override Task WriteRateLimitedAsync(HttpContext context) => SmsClubEmulatorAnswers.RateLimitedAsync(context);

    public override Task WriteServerErrorAsync(HttpContext context) => SmsClubEmulatorAnswers.ServerErrorAsync(context);

    /// <summary>The next message id (replies in chats take from the same sequence).</summary>
    public string NextMessageId() => State.NextId("SmsClub.message", 5769).ToString(CultureInfo.InvariantCulture);

    public override IEnumerable<KeyValuePair<string, string>> CredentialSettings(EmulatorCredentials credentials)
        => [new("Token", credentials.SmsClubToken)];

    protected override void UseCredentials(SmsClubOptions options, EmulatorCredentials credentials)
    {
        options.Token = credentials.SmsClubToken;
        options.Login = credentials.SmsClubLogin;
        options.Password = credentials.SmsClubPassword;
    }

    /// <summary>A Bearer token or Basic login and password; anything else is 401 in the framework's shape.</summary>
    protected override async Task<bool> AdmitAsync(EmulatorCall call)
    {
        var credentials = State.Options.Credentials;
        var authorized = EmulatorAuth.Bearer(call.Context) is { } token
            ? string.Equals(token, credentials.SmsClubToken, StringComparison.Ordinal)
            : EmulatorAuth.Matches(EmulatorAuth.BasicPair(call.Context), credentials.SmsClubLogin, credentials.SmsClubPassword);
        if (!authorized)
        {
            await SmsClubEmulatorAnswers.UnauthorizedAsync(call.Context).ConfigureAwait(false);
        }

        return authorized;
    }
}
