using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ViberMessaging.SmsBy;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary>
/// SMS.by's Viber API (<c>smsby-viber-api</c>, all eleven methods) under <c>/smsby/</c>: <c>api/v1/sendBulkViber</c>,
/// <c>api/v1/statusBulkViber</c> (JSON; the token in the query string or the body) and the v2 form methods (<c>sendQuickViberMessage</c>,
/// <c>getViberDeliveryData</c>, <c>sendViberMessageList</c>, <c>confirmViberMessage</c>, <c>getViberMessages</c>,
/// <c>getViberMessageData</c>, <c>getViberDeliveryList</c>, <c>getNewIncomingMessages</c>, <c>readResponseStatus</c>).
/// </summary>
/// <remarks>
/// <para>
/// Parameters are read from the query, a form-urlencoded or multipart body, or a JSON body alike. A missing or wrong
/// token is HTTP 403 <c>{"error":"Access denied"}</c>; an unknown path is 404 <c>{"error":"Page not found"}</c>; the
/// rate window answers 429 <c>{"error":"Request limit exceeded"}</c>; injected 5xx answer <c>{"error":"Server unavailable"}</c>.
/// </para>
/// <para>
/// v2 methods refuse bad parameters with HTTP 200 and <c>{"error":"…"}</c>, an unknown id with 200 (by default)
/// <c>{"error":"not found"}</c>. v1 methods refuse a malformed request with 400 <c>{"error":"…"}</c>; a mailing list
/// that breaks a rule does not fail the request but shows up in <c>statusBulkViber</c> as
/// <c>{"errors":["&lt;list name&gt;: &lt;reason&gt;"]}</c>, as the document shows (an image that is not "publicly
/// available" — on a loopback or private address — is such a reason: <c>Content url is not valid</c>). Phones that are malformed, or scripted
/// <see cref="RecipientBehavior.InvalidNumber"/> / <see cref="RecipientBehavior.Blacklisted"/> /
/// <see cref="RecipientBehavior.SilentlyDropped"/>, are left out of a list silently; a quick message to such a phone
/// is refused with <c>{"error":"Invalid phone number"}</c> or <c>{"error":"Phone number is in the black list"}</c>.
/// </para>
/// <para>
/// SMS.by's own quirks are reproduced on purpose: <c>getViberDeliveryData</c> answers a bare <c>null</c> for a
/// mailing that is not a quick message; <c>confirmViberMessage</c> answers a bare <c>false</c> for a mailing already
/// confirmed; <c>getViberMessages</c> writes every second <c>message_id</c> as a string and
/// <c>getViberDeliveryList</c> every second <c>phone</c> as a number; <c>getNewIncomingMessages</c> answers
/// <c>"status":"ok"</c> in lower case. <see cref="SmsByEmulatorSettings.OverrideStatus"/> makes it report any
/// status word; <see cref="SmsByEmulatorSettings.NotFoundStatus"/> sends "not found" with another HTTP status.
/// Parameters may come in the query string or the body, the token included, and a JSON <c>null</c> is an absent
/// field. Times are Minsk time (UTC+3) without a zone; <c>status_time</c> has
/// microseconds. <c>error_code</c> (undocumented) is 1 not a Viber user, 2 blocked, 3 device not supported,
/// 4 expired, 0 otherwise.
/// </para>
/// <para>
/// Subscriber lists 1 (four phones, 375291000001–4) and 2 (two phones, 375292000001–2) exist from the start;
/// <see cref="SmsByEmulatorSettings.SetSubscriberList"/> adds more. Recipients who read reply
/// <see cref="ViberEmulatorOptions.AutoReplyText"/> after <see cref="EmulatorTimeline.ReplyAfter"/> when
/// <see cref="ViberEmulatorOptions.AutoReply"/> is on.
/// </para>
/// </remarks>
internal sealed class SmsByEmulator : EmulatorModule<SmsByOptions, SmsByEmulatorSettings>
{
    public SmsByEmulator(EmulatorState state, EmulatorBackground background)
        : this(state, background, new SmsByEmulatorStore(state))
    {
    }

    private SmsByEmulator(EmulatorState state, EmulatorBackground background, SmsByEmulatorStore store)
        : base(state, background, new SmsByEmulatorSettings(store))
    {
        Store = store;
        Answers = new SmsByEmulatorAnswers(this);
        Endpoints =
        [
            new SmsBySendBulkEndpoint(this),
            new SmsByStatusBulkEndpoint(this),
            new SmsBySendQuickEndpoint(this),
            new SmsByDeliveryDataEndpoint(this),
            new SmsBySendListEndpoint(this),
            new SmsByConfirmEndpoint(this),
            new SmsByMessagesEndpoint(this),
            new SmsByMessageDataEndpoint(this),
            new SmsByDeliveryListEndpoint(this),
            new SmsByIncomingEndpoint(this),
            new SmsByReadResponseEndpoint(this),
        ];
    }

    public override string Name => ViberProviders.SmsBy;

    public override string PathPrefix => "smsby";

    public override string SamplePhonePrefix => "+37529";

    public override IReadOnlyList<EmulatorEndpoint> Endpoints { get; }

    public SmsByEmulatorStore Store { get; }

    public SmsByEmulatorAnswers Answers { get; }

    protected override bool ReadsParameters => true;

    public override Task WriteRateLimitedAsync(HttpContext context) => SmsByEmulatorAnswers.ErrorAsync(context, 429, "Request limit exceeded");

    public override Task WriteServerErrorAsync(HttpContext context) => SmsByEmulatorAnswers.ErrorAsync(context, context.Response.StatusCode, "Server unavailable");

    /// <summary>The mailing a request's <c>message_id</c> names; when there is none, the refusal is written and <see langword="null"/> returned.</summary>
    public async Task<SmsByEmulatedMailing?> FindMailingAsync(EmulatorCall call)
    {
        if (!SmsByEmulatorRules.TryPositive(call.Parameters!["message_id"], out var id))
        {
            await SmsByEmulatorAnswers.ErrorAsync(call.Context, 200, "message_id is required").ConfigureAwait(false);
            return null;
        }

        var mailing = Store.Find(id);
        if (mailing is null)
        {
            await Answers.NotFoundAsync(call.Context).ConfigureAwait(false);
        }

        return mailing;
    }

    public override IEnumerable<KeyValuePair<string, string>> CredentialSettings(EmulatorCredentials credentials)
        => [new("Token", credentials.SmsByToken)];

    protected override void UseCredentials(SmsByOptions options, EmulatorCredentials credentials) => options.Token = credentials.SmsByToken;

    /// <summary>The token, wherever it came (403 otherwise), and a body that can be read as what it claims to be (400 otherwise).</summary>
    protected override async Task<bool> AdmitAsync(EmulatorCall call)
    {
        var request = call.Parameters!;
        if (!string.Equals(request["token"], State.Options.Credentials.SmsByToken, StringComparison.Ordinal))
        {
            await SmsByEmulatorAnswers.ErrorAsync(call.Context, 403, "Access denied").ConfigureAwait(false);
            return false;
        }

        if (request.BodyUnreadable)
        {
            await SmsByEmulatorAnswers.ErrorAsync(call.Context, 400, "Invalid request").ConfigureAwait(false);
            return false;
        }

        return true;
    }

    protected override void MapUnknown(IEndpointRouteBuilder routes) => routes.MapFallback(context => SmsByEmulatorAnswers.ErrorAsync(context, 404, "Page not found"));
}
