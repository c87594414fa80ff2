using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ViberMessaging.DecisionTelecom;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.DecisionTelecom;

/// <summary>
/// DecisionTelecom's Viber and Viber + SMS API as its documents describe it: Basic auth with the user hash key (in
/// any of the three encodings clients use), <c>POST /v1/api/send-viber</c> (one recipient, message types
/// 106/108/206/208, source types 1/2, <c>text_sms</c>, <c>validity_period</c> 40–21600) → <c>{"message_id":N}</c>,
/// <c>POST /v1/api/receive-viber</c> → the status int (and the SMS fallback's SMPP state), errors as
/// <c>{name, message, code, status}</c>, and callbacks: status changes and, for two-way messages, a scripted
/// user reply, posted to the message's <c>callback_url</c>.
/// </summary>
/// <remarks>
/// The rules are <see cref="DecisionTelecomEmulatorRules"/>. Decisions where the documents are silent: a status older
/// than 5 days (or an id never issued) is answered with <c>Invalid Parameter: message_id</c> (code 1, 400); a scripted
/// <see cref="RecipientBehavior.InvalidNumber"/> with <c>Invalid Parameter: destination_addr</c>;
/// <see cref="RecipientBehavior.Blacklisted"/> is accepted and ends with status 3 (rejected);
/// <see cref="RecipientBehavior.SilentlyDropped"/> is answered <c>{}</c>. Message ids start above 2^53 so a client that
/// reads them as <see cref="double"/> breaks.
/// </remarks>
internal sealed class DecisionTelecomEmulator : EmulatorModule<DecisionTelecomOptions, DecisionTelecomEmulatorSettings>
{
    public const string SendPath = "/v1/api/send-viber";
    public const string StatusPath = "/v1/api/receive-viber";

    /// <summary>2^53 + 1: the first message id, which a client that reads ids as <see cref="double"/> cannot hold.</summary>
    public const long FirstMessageId = 9_007_199_254_740_993;

    /// <summary>The first SMS fallback id.</summary>
    public const long FirstSmsId = 3098;

    /// <summary>The first token of a user's reply in a two-way chat.</summary>
    public const long FirstReplyToken = 4_444_444_444_444_444;

    private readonly ConcurrentDictionary<string, DecisionTelecomSentExtras> _extras = new(StringComparer.Ordinal);

    public DecisionTelecomEmulator(EmulatorState state, EmulatorBackground background)
        : base(state, background, new DecisionTelecomEmulatorSettings())
    {
        Answers = new DecisionTelecomEmulatorAnswers(Settings);
        Callbacks = new DecisionTelecomCallbacks(this);
        Endpoints = [new DecisionTelecomSendEndpoint(this), new DecisionTelecomStatusEndpoint(this)];
    }

    public override string Name => ViberProviders.DecisionTelecom;

    public override string PathPrefix => "decisiontelecom";

    public override string SamplePhonePrefix => "+38067";

    public override IReadOnlyList<EmulatorEndpoint> Endpoints { get; }

    public DecisionTelecomEmulatorAnswers Answers { get; }

    public DecisionTelecomCallbacks Callbacks { get; }

    public override Task WriteRateLimitedAsync(HttpContext context) => Answers.RateLimitedAsync(context);

    public override Task WriteServerErrorAsync(HttpContext context) => Answers.ServerErrorAsync(context);

    /// <summary>Remembers what a message was sent with beyond <see cref="EmulatedMessage"/>.</summary>
    public void Remember(string messageId, DecisionTelecomSentExtras extras) => _extras[messageId] = extras;

    /// <summary>Where a message stands now, as <c>receive-viber</c> and the status callback report it.</summary>
    public DecisionTelecomReceipt ReceiptOf(EmulatedMessage message)
    {
        var extras = _extras[message.Id];
        if (Settings.TryGetStatus(message.Id, out var scripted))
        {
            return new DecisionTelecomReceipt(message.Id, scripted.Status, scripted.SmsStatus is null ? null : extras.SmsId, scripted.SmsStatus);
        }

        var status = State.StatusOf(message, State.Now);
        var sms = DecisionTelecomEmulatorRules.SmsStatus(status.Sms);
        return new DecisionTelecomReceipt(message.Id, DecisionTelecomEmulatorRules.ViberStatus(status), sms is null ? null : extras.SmsId, sms);
    }

    public override IEnumerable<KeyValuePair<string, string>> CredentialSettings(EmulatorCredentials credentials)
        => [new("ApiKey", credentials.DecisionTelecomApiKey)];

    protected override void UseCredentials(DecisionTelecomOptions options, EmulatorCredentials credentials)
        => options.ApiKey = credentials.DecisionTelecomApiKey;

    protected override async Task<bool> AdmitAsync(EmulatorCall call)
    {
        if (IsAuthorized(call.Context))
        {
            return true;
        }

        await DecisionTelecomEmulatorAnswers.UnauthorizedAsync(call.Context).ConfigureAwait(false);
        return false;
    }

    protected override void MapUnknown(IEndpointRouteBuilder routes)
        => routes.Map("{**path}", context =>
        {
            var path = context.Request.RouteValues["path"] as string;
            var known = Endpoints.Any(e => string.Equals("/" + path, e.Path, StringComparison.OrdinalIgnoreCase));
            return DecisionTelecomEmulatorAnswers.NotFoundAsync(context, known);
        });

    /// <summary>Basic with the key, sent three ways: base64(key) (the SDKs), base64(key + ":") (curl), or the key as it is.</summary>
    private bool IsAuthorized(HttpContext context)
    {
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is not { } token)
        {
            return false;
        }

        var key = State.Options.Credentials.DecisionTelecomApiKey;
        return string.Equals(token, key, StringComparison.Ordinal)
            || string.Equals(token, Convert.ToBase64String(Encoding.UTF8.GetBytes(key)), StringComparison.Ordinal)
            || string.Equals(token, Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")), StringComparison.Ordinal);
    }
}

/// <summary>What the emulator remembers about a message beyond <see cref="EmulatedMessage"/>.</summary>
internal sealed record DecisionTelecomSentExtras(int MessageType, Uri? CallbackUrl, long SmsId);
