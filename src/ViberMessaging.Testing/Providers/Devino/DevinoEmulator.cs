using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ViberMessaging.Devino;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.Devino;

/// <summary>
/// Devino Telecom's Viber HTTP API: <c>POST /send</c> and <c>POST /status</c> with HTTP Basic auth, the document's
/// rules (<see cref="DevinoEmulatorRules"/>) answered with its own request-level <c>status</c> and per-message
/// <c>code</c>s, 64-bit ids above 2^53, SMS re-send with one 64-bit id per segment, and Spring-style bodies for
/// non-2xx answers.
/// </summary>
/// <remarks>
/// <para>Before a request's content is read: no or malformed <c>Authorization</c> is HTTP 401 (Spring body); a wrong
/// login or password HTTP 200 <c>error-auth</c>; an injected status (<see cref="DevinoEmulatorSettings.InjectStatus"/>)
/// refuses it; a content type other than JSON is 415; a body that is not a JSON object <c>error-syntax</c>.</para>
/// <para>Scripted recipients: <see cref="RecipientBehavior.InvalidNumber"/> → <c>error-address-format</c>;
/// <see cref="RecipientBehavior.Blacklisted"/> → <c>error-address-unknown</c> (the number's range is not allowed);
/// <see cref="RecipientBehavior.SilentlyDropped"/> → <c>error-system</c> (Devino answers every message, so a drop is a
/// per-message system error). Any other code: <see cref="DevinoEmulatorSettings.ScriptCode"/>.</para>
/// <para>Statuses: <c>enqueued</c>, <c>sent</c>, <c>delivered</c>, <c>read</c> (<c>visited</c> for a button message one
/// "sent" interval after it was read), <c>undelivered</c> with <c>errorCode</c> <c>not-viber-user</c> / <c>user-blocked</c>,
/// <c>vp_expired</c>; <c>smsStates</c> with one entry per SMS segment once a re-send runs.</para>
/// </remarks>
internal sealed class DevinoEmulator : EmulatorModule<DevinoOptions, DevinoEmulatorSettings>
{
    /// <summary>The first provider id issued: above 2^53, so a client that parses ids as double loses digits.</summary>
    public const long FirstProviderId = 3158611117333282816;

    /// <summary>The first SMS segment id issued (above 2^53 too).</summary>
    public const long FirstSmsId = 583465579822710784;

    private readonly ConcurrentDictionary<string, DevinoSentExtras> _extras = new(StringComparer.Ordinal);

    public DevinoEmulator(EmulatorState state, EmulatorBackground background)
        : base(state, background, new DevinoEmulatorSettings())
    {
        Answers = new DevinoEmulatorAnswers(this);
        Endpoints = [new DevinoSendEndpoint(this), new DevinoStatusEndpoint(this)];
    }

    public override string Name => ViberProviders.Devino;

    public override string PathPrefix => "devino";

    public override string SamplePhonePrefix => "+7916";

    public override IReadOnlyList<EmulatorEndpoint> Endpoints { get; }

    public DevinoEmulatorAnswers Answers { get; }

    public override Task WriteRateLimitedAsync(HttpContext context)
        => Answers.SpringAsync(context, 429, "Too Many Requests", "Rate limit exceeded");

    public override Task WriteServerErrorAsync(HttpContext context)
        => Answers.SpringAsync(context, 500, "Internal Server Error", "Internal Server Error");

    /// <summary>Remembers what a message was sent with beyond <see cref="EmulatedMessage"/>.</summary>
    public void Remember(string messageId, DevinoSentExtras extras) => _extras[messageId] = extras;

    public DevinoSentExtras ExtrasOf(string messageId) => _extras.TryGetValue(messageId, out var known) ? known : new DevinoSentExtras(false, []);

    public override IEnumerable<KeyValuePair<string, string>> CredentialSettings(EmulatorCredentials credentials)
        => [new("Login", credentials.DevinoLogin), new("Password", credentials.DevinoPassword)];

    protected override void UseCredentials(DevinoOptions options, EmulatorCredentials credentials)
    {
        options.Login = credentials.DevinoLogin;
        options.Password = credentials.DevinoPassword;
    }

    protected override void MapUnknown(IEndpointRouteBuilder routes)
        => routes.Map("/{**rest}", context => Answers.SpringAsync(context, 404, "Not Found", "No message available"));

    /// <summary>Refuses what stops a request before its content is read: auth, an injected status, the media type, a body that is not a JSON object.</summary>
    protected override async Task<bool> AdmitAsync(EmulatorCall call)
    {
        var context = call.Context;
        switch (Authenticate(context))
        {
            case null:
                await Answers.SpringAsync(context, 401, "Unauthorized", "Full authentication is required to access this resource").ConfigureAwait(false);
                return false;
            case false:
                await DevinoEmulatorAnswers.RequestStatusAsync(context, "error-auth").ConfigureAwait(false);
                return false;
        }

        if (Settings.TakeInjectedStatus(call.Path) is { } injected)
        {
            await DevinoEmulatorAnswers.RequestStatusAsync(context, injected).ConfigureAwait(false);
            return false;
        }

        if (context.Request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await Answers.SpringAsync(context, 415, "Unsupported Media Type", $"Content type '{context.Request.ContentType}' not supported").ConfigureAwait(false);
            return false;
        }

        if (call.Json is not { ValueKind: JsonValueKind.Object })
        {
            await DevinoEmulatorAnswers.RequestStatusAsync(context, "error-syntax").ConfigureAwait(false);
            return false;
        }

        return true;
    }

    /// <summary>Basic credentials: <see langword="null"/> when absent or malformed, else whether they match.</summary>
    private bool? Authenticate(HttpContext context)
    {
        var expected = State.Options.Credentials;
        return EmulatorAuth.BasicPair(context) is { } pair ? EmulatorAuth.Matches(pair, expected.DevinoLogin, expected.DevinoPassword) : null;
    }
}

/// <summary>What the emulator remembers about a message beyond <see cref="EmulatedMessage"/>: whether it has a button, and its SMS segments' ids.</summary>
internal sealed record DevinoSentExtras(bool IsButton, long[] SmsSegments);
