using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Devino;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.Devino;

/// <summary>
/// Devino Telecom's Viber HTTP API: <c>POST /send</c> and <c>POST /status</c> with HTTP Basic auth, the document's
/// rules answered with its own request-level <c>status</c> and per-message <c>code</c>s, 64-bit ids above 2^53,
/// SMS re-send with one 64-bit id per segment, and Spring-style bodies for non-2xx answers.
/// </summary>
/// <remarks>
/// <para>Which rule answers which code (the document does not always say):</para>
/// <list type="bullet">
/// <item>No or malformed <c>Authorization</c>: HTTP 401 (Spring body). Wrong login or password: HTTP 200 <c>error-auth</c>.</item>
/// <item>A body that is not JSON, no <c>messages</c> array, more than 100 entries, or a field of the wrong JSON type: <c>error-syntax</c>.</item>
/// <item>Request-wide: <c>type</c> not a string → <c>error-instant-message-typeformat</c>; an unknown <c>contentType</c> →
/// <c>error-instant-message-content-type-format</c>; an <c>imageUrl</c> that is not an absolute http(s) URL →
/// <c>error-instant-message-content-image-id-format</c>.</item>
/// <item>Per message (after merging <c>commonData</c>): the address, subject, priority, comment, type, content,
/// validity, SMS re-send codes; <c>resendSms</c> with <c>contentType</c> image, or SMS fields with re-sending off, or an
/// SMS sender that is not 1–11 Latin letters or digits → <c>error-resend-sms-error</c>.</item>
/// <item>Scripted recipients: <see cref="RecipientBehavior.InvalidNumber"/> → <c>error-address-format</c>;
/// <see cref="RecipientBehavior.Blacklisted"/> → <c>error-address-unknown</c> (the number's range is not allowed);
/// <see cref="RecipientBehavior.SilentlyDropped"/> → <c>error-system</c> (Devino answers every message, so a drop is a
/// per-message system error). Any other code: <see cref="DevinoEmulatorExtensions.ScriptDevinoCode"/>.</item>
/// <item>Statuses: <c>enqueued</c>, <c>sent</c>, <c>delivered</c>, <c>read</c> (<c>visited</c> for a button message one
/// "sent" interval after it was read), <c>undelivered</c> with <c>errorCode</c> <c>not-viber-user</c> / <c>user-blocked</c>,
/// <c>vp_expired</c>; <c>smsStates</c> with one entry per SMS segment once a re-send runs.</item>
/// </list>
/// </remarks>
internal sealed class DevinoEmulator : EmulatedProvider
{
    /// <summary>The first provider id issued: above 2^53, so a client that parses ids as double loses digits.</summary>
    public const long FirstProviderId = 3158611117333282816;

    /// <summary>The first SMS segment id issued (above 2^53 too).</summary>
    public const long FirstSmsId = 583465579822710784;

    /// <summary>The most messages (or ids) one request may carry.</summary>
    public const int MaxPerRequest = 100;

    private static readonly ConditionalWeakTable<EmulatorState, DevinoEmulator> Instances = new();

    private readonly ConcurrentDictionary<string, Extra> _extras = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _scriptedCodes = new(StringComparer.Ordinal);
    private readonly List<(string Status, int Remaining, string? Path)> _injected = [];

    public override string Name => ViberProviders.Devino;

    public override string PathPrefix => "devino";

    /// <summary>Whether statuses use the document's field names (<c>smsStates[].state</c>, <c>error</c>, no <c>status</c> beside <c>smsStates</c>) instead of the live API's.</summary>
    public bool DocumentFieldNames { get; set; }

    public static DevinoEmulator Of(ViberEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        return Instances.TryGetValue(emulator.State, out var devino)
            ? devino
            : throw new InvalidOperationException("This emulator does not emulate Devino.");
    }

    public void ScriptCode(string digits, string code) => _scriptedCodes[digits] = code;

    public void InjectStatus(string status, int count, string? pathContains)
    {
        lock (_injected)
        {
            _injected.Add((status, count, pathContains));
        }
    }

    public override void Map(IEndpointRouteBuilder routes)
    {
        Instances.AddOrUpdate(State, this);
        routes.MapPost("/send", SendAsync);
        routes.MapPost("/status", StatusAsync);
        routes.Map("/{**rest}", context => WriteSpringAsync(context, 404, "Not Found", "No message available"));
    }

    public override Task WriteRateLimitedAsync(HttpContext context)
        => WriteSpringAsync(context, 429, "Too Many Requests", "Rate limit exceeded");

    public override Task WriteServerErrorAsync(HttpContext context)
        => WriteSpringAsync(context, 500, "Internal Server Error", "Internal Server Error");

    public override void PointAt(IServiceCollection services, Uri baseAddress, EmulatorCredentials credentials)
        => services.PostConfigureAll<DevinoOptions>(options =>
        {
            options.BaseAddress = baseAddress;
            options.Login = credentials.DevinoLogin;
            options.Password = credentials.DevinoPassword;
        });

    private async Task SendAsync(HttpContext context)
    {
        if (await RefuseAsync(context).ConfigureAwait(false) is not { } root)
        {
            return;
        }

        using var document = root;
        var body = document.RootElement;
        if (!TryMessages(body, out var messages) || !TryResendSms(body, out var resendSms)
            || (body.TryGetProperty("commonData", out var common) && common.ValueKind != JsonValueKind.Object))
        {
            await WriteStatusAsync(context, "error-syntax").ConfigureAwait(false);
            return;
        }

        var merged = messages.Select(m => Merge(common, m)).ToArray();
        if (merged.Select(RequestWideCode).FirstOrDefault(code => code is not null) is { } requestCode)
        {
            await WriteStatusAsync(context, requestCode).ConfigureAwait(false);
            return;
        }

        var results = merged.Select(message => Accept(message, resendSms)).ToArray();
        await EmulatorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "ok");
            writer.WriteStartArray("messages");
            foreach (var (id, code) in results)
            {
                writer.WriteStartObject();
                if (id is { } providerId)
                {
                    writer.WriteNumber("providerId", providerId);
                }

                writer.WriteString("code", code);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private async Task StatusAsync(HttpContext context)
    {
        if (await RefuseAsync(context).ConfigureAwait(false) is not { } root)
        {
            return;
        }

        using var document = root;
        if (!TryMessages(document.RootElement, out var ids))
        {
            await WriteStatusAsync(context, "error-syntax").ConfigureAwait(false);
            return;
        }

        var now = State.Now;
        var seen = new HashSet<long>();
        await EmulatorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "ok");
            writer.WriteStartArray("messages");
            foreach (var element in ids)
            {
                writer.WriteStartObject();
                if (!TryId(element, out var id))
                {
                    writer.WritePropertyName("providerId");
                    element.WriteTo(writer);
                    writer.WriteString("code", "error-instant-message-provider-id-format");
                }
                else if (!seen.Add(id))
                {
                    writer.WriteNumber("providerId", id);
                    writer.WriteString("code", "error-instant-message-provider-id-duplicate");
                }
                else if (State.Find(Name, id.ToString(CultureInfo.InvariantCulture)) is not { } message)
                {
                    writer.WriteNumber("providerId", id);
                    writer.WriteString("code", "error-instant-message-provider-id-unknown");
                }
                else
                {
                    writer.WriteNumber("providerId", id);
                    writer.WriteString("code", "ok");
                    WriteStatus(writer, message, now);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>Answers what stops a request before its content is read (auth, injected status, media type, JSON), or returns the parsed body.</summary>
    private async Task<JsonDocument?> RefuseAsync(HttpContext context)
    {
        switch (Authenticate(context))
        {
            case null:
                await WriteSpringAsync(context, 401, "Unauthorized", "Full authentication is required to access this resource").ConfigureAwait(false);
                return null;
            case false:
                await WriteStatusAsync(context, "error-auth").ConfigureAwait(false);
                return null;
        }

        if (TakeInjectedStatus(PathOf(context)) is { } injected)
        {
            await WriteStatusAsync(context, injected).ConfigureAwait(false);
            return null;
        }

        if (context.Request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteSpringAsync(context, 415, "Unsupported Media Type", $"Content type '{context.Request.ContentType}' not supported").ConfigureAwait(false);
            return null;
        }

        var document = EmulatorJson.TryParse(context);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document?.Dispose();
            await WriteStatusAsync(context, "error-syntax").ConfigureAwait(false);
            return null;
        }

        return document;
    }

    private bool? Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var expected = State.Options.Credentials;
        return string.Equals(credentials, expected.DevinoLogin + ":" + expected.DevinoPassword, StringComparison.Ordinal);
    }

    private (long? Id, string Code) Accept(Dictionary<string, JsonElement> message, bool resendSms)
    {
        var code = Validate(message, resendSms, out var digits);
        if (code is not null)
        {
            return (null, code);
        }

        var content = message["content"];
        var contentType = message["contentType"].GetString()!;
        var text = Text(content, "text");
        var smsText = resendSms ? Text(message, "smsText") : null;
        var id = State.NextId(Name, FirstProviderId);
        var accepted = new EmulatedMessage
        {
            Provider = Name,
            Id = id.ToString(CultureInfo.InvariantCulture),
            Recipient = digits!,
            Text = text,
            Sender = Text(message, "subject"),
            ImageUrl = Text(content, "imageUrl"),
            ButtonCaption = Text(content, "caption"),
            ButtonUrl = Text(content, "action"),
            SmsText = smsText,
            SmsFallbackRequested = resendSms && smsText is null,
            AcceptedAt = State.Now,
            Behavior = State.BehaviorOf(digits!),
        };
        var segments = accepted.HasSmsFallback
            ? Enumerable.Range(0, SegmentCount(smsText ?? text ?? string.Empty)).Select(_ => State.NextId(Name + ".sms", FirstSmsId)).ToArray()
            : [];
        _extras[accepted.Id] = new Extra(contentType == "button", segments);
        State.Accept(accepted);
        return (id, "ok");
    }

    /// <summary>The per-message code of a merged message, or <see langword="null"/> when it is accepted.</summary>
    private string? Validate(Dictionary<string, JsonElement> message, bool resendSms, out string? digits)
    {
        // The document types an address as a positive integer: accept it as a number or as a string of digits.
        digits = message.TryGetValue("address", out var address) && address.ValueKind == JsonValueKind.Number ? address.GetRawText() : Text(message, "address");
        if (string.IsNullOrEmpty(digits))
        {
            return "error-address-not-specified";
        }

        if (digits.Length is < 7 or > 15 || !digits.All(char.IsAsciiDigit) || digits[0] == '0')
        {
            return "error-address-format";
        }

        if (_scriptedCodes.TryGetValue(digits, out var scripted))
        {
            return scripted;
        }

        switch (State.BehaviorOf(digits))
        {
            case RecipientBehavior.InvalidNumber: return "error-address-format";
            case RecipientBehavior.Blacklisted: return "error-address-unknown";
            case RecipientBehavior.SilentlyDropped: return "error-system";
        }

        var subject = Text(message, "subject");
        if (string.IsNullOrEmpty(subject))
        {
            return "error-subject-not-specified";
        }

        if (subject.Length > 11)
        {
            return "error-subject-format";
        }

        if (Text(message, "priority") is not ("low" or "normal" or "high" or "realtime"))
        {
            return "error-priority-format";
        }

        if (message.TryGetValue("comment", out var comment) && comment.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return "error-comment-format";
        }

        if (!message.TryGetValue("type", out var type) || type.ValueKind == JsonValueKind.Null)
        {
            return "error-instant-message-type-not-specified";
        }

        if (type.GetString() != "viber")
        {
            return "error-instant-message-type-format";
        }

        if (!message.TryGetValue("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            return "error-content-not-specified";
        }

        var contentType = Text(message, "contentType");
        if (contentType is null || !ContentFits(contentType, content))
        {
            return "error-content-type-format";
        }

        if (message.TryGetValue("validityPeriodSec", out var validity) && !InRange(validity, 30, 86_400))
        {
            return "error-validity-period-seconds-format";
        }

        var hasSmsFields = message.ContainsKey("smsText") || message.ContainsKey("smsSrcAddress") || message.ContainsKey("smsValidityPeriodSec");
        if ((hasSmsFields && !resendSms) || (resendSms && contentType == "image"))
        {
            return "error-resend-sms-error";
        }

        if (Text(message, "smsSrcAddress") is { } smsSender && (smsSender.Length is 0 or > 11 || !smsSender.All(char.IsAsciiLetterOrDigit)))
        {
            return "error-resend-sms-error";
        }

        if (message.TryGetValue("smsValidityPeriodSec", out var smsValidity) && !InRange(smsValidity, 60, 86_400))
        {
            return "error-resend-sms-validity-period-error";
        }

        return null;
    }

    /// <summary>Rules that refuse the whole request rather than one message.</summary>
    private static string? RequestWideCode(Dictionary<string, JsonElement> message)
    {
        if (message.TryGetValue("type", out var type) && type.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return "error-instant-message-typeformat";
        }

        if (message.TryGetValue("contentType", out var contentType) && contentType.ValueKind != JsonValueKind.Null
            && (contentType.ValueKind != JsonValueKind.String || contentType.GetString() is not ("text" or "button" or "image")))
        {
            return "error-instant-message-content-type-format";
        }

        if (message.TryGetValue("content", out var content) && content.ValueKind == JsonValueKind.Object
            && content.TryGetProperty("imageUrl", out var image) && image.ValueKind != JsonValueKind.Null && !IsHttpUrl(image))
        {
            return "error-instant-message-content-image-id-format";
        }

        foreach (var field in (string[])["subject", "priority", "smsText", "smsSrcAddress", "contentType"])
        {
            if (message.TryGetValue(field, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return "error-syntax";
            }
        }

        foreach (var field in (string[])["validityPeriodSec", "smsValidityPeriodSec"])
        {
            if (message.TryGetValue(field, out var value) && value.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
            {
                return "error-syntax";
            }
        }

        return null;
    }

    private static bool ContentFits(string contentType, JsonElement content)
    {
        var text = Text(content, "text");
        var textFits = !string.IsNullOrEmpty(text) && text.Length <= 1000;
        return contentType switch
        {
            "text" => textFits,
            "button" => textFits
                && Text(content, "caption") is { Length: > 0 and <= 19 }
                && content.TryGetProperty("action", out var action) && IsHttpUrl(action),
            "image" => Text(content, "imageUrl") is { Length: > 0 },
            _ => false,
        };
    }

    private void WriteStatus(Utf8JsonWriter writer, EmulatedMessage message, DateTimeOffset now)
    {
        var status = State.StatusOf(message, now);
        var extra = _extras.TryGetValue(message.Id, out var known) ? known : new Extra(false, []);
        var changedAt = status.ChangedAt;
        var word = status.Viber switch
        {
            EmulatedViberState.Pending => "enqueued",
            EmulatedViberState.Sent => "sent",
            EmulatedViberState.Delivered => "delivered",
            EmulatedViberState.Read when extra.IsButton && now >= changedAt + State.Options.Timeline.SentAfter => "visited",
            EmulatedViberState.Read => "read",
            EmulatedViberState.Undeliverable => "undelivered",
            _ => "vp_expired",
        };
        if (word == "visited")
        {
            changedAt += State.Options.Timeline.SentAfter;
        }

        var reason = status.Viber != EmulatedViberState.Undeliverable ? null : status.Behavior switch
        {
            RecipientBehavior.NotViberUser => "not-viber-user",
            RecipientBehavior.BlocksSender => "user-blocked",
            _ => null,
        };

        var hasSms = status.Sms is not null && extra.SmsSegments.Length > 0;

        // The document shows a re-sent message with its SMS states only; the live API adds the Viber status.
        if (!(hasSms && DocumentFieldNames))
        {
            writer.WriteString("status", word);
            writer.WriteString("statusAt", changedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            if (reason is not null)
            {
                writer.WriteString(DocumentFieldNames ? "error" : "errorCode", reason);
            }
        }

        if (hasSms)
        {
            var smsWord = status.Sms switch
            {
                EmulatedSmsState.Pending => "enqueued",
                EmulatedSmsState.Sent => "sent",
                EmulatedSmsState.Delivered => "delivered",
                _ => "undelivered",
            };
            writer.WriteStartArray("smsStates");
            foreach (var segment in extra.SmsSegments)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", segment);
                writer.WriteString(DocumentFieldNames ? "state" : "status", smsWord);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private string? TakeInjectedStatus(string path)
    {
        lock (_injected)
        {
            for (var i = 0; i < _injected.Count; i++)
            {
                var (status, remaining, filter) = _injected[i];
                if (filter is not null && !path.Contains(filter, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (remaining <= 1)
                {
                    _injected.RemoveAt(i);
                }
                else
                {
                    _injected[i] = (status, remaining - 1, filter);
                }

                return status;
            }

            return null;
        }
    }

    private Task WriteSpringAsync(HttpContext context, int status, string error, string message)
    {
        var path = PathOf(context);
        var timestamp = State.Now.ToUnixTimeMilliseconds();
        return EmulatorJson.WriteAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("timestamp", timestamp);
            writer.WriteNumber("status", status);
            writer.WriteString("error", error);
            writer.WriteString("message", message);
            writer.WriteString("path", path);
            writer.WriteEndObject();
        });
    }

    private static Task WriteStatusAsync(HttpContext context, string status)
        => EmulatorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", status);
            writer.WriteStartArray("messages");
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private string PathOf(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var prefix = "/" + PathPrefix;
        return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? path[prefix.Length..] : path;
    }

    private static bool TryMessages(JsonElement body, out JsonElement[] messages)
    {
        messages = [];
        if (!body.TryGetProperty("messages", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        messages = array.EnumerateArray().ToArray();
        return messages.Length is > 0 and <= MaxPerRequest;
    }

    private static bool TryResendSms(JsonElement body, out bool resendSms)
    {
        resendSms = true; // On when absent, says the document.
        if (!body.TryGetProperty("resendSms", out var value))
        {
            return true;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                resendSms = value.GetBoolean();
                return true;
            case JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed):
                resendSms = parsed;
                return true;
            default:
                return false;
        }
    }

    private static Dictionary<string, JsonElement> Merge(JsonElement common, JsonElement message)
    {
        var merged = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (common.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in common.EnumerateObject())
            {
                merged[property.Name] = property.Value;
            }
        }

        if (message.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in message.EnumerateObject())
            {
                merged[property.Name] = property.Value;
            }
        }

        return merged;
    }

    private static bool TryId(JsonElement element, out long id)
    {
        id = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out id) && id > 0,
            JsonValueKind.String => long.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0,
            _ => false,
        };
    }

    private static bool InRange(JsonElement value, long min, long max)
    {
        long seconds = 0;
        var isInteger = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out seconds),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds),
            _ => false,
        };
        return isInteger && seconds >= min && seconds <= max;
    }

    private static bool IsHttpUrl(JsonElement value)
        => value.ValueKind == JsonValueKind.String
            && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string? Text(Dictionary<string, JsonElement> message, string name)
        => message.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Text(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>SMS segments: 160/153 characters for plain ASCII (GSM-7), 70/67 otherwise (UCS-2).</summary>
    private static int SegmentCount(string text)
    {
        var gsm = text.All(c => c is >= ' ' and <= '~' or '\n' or '\r');
        var (single, part) = gsm ? (160, 153) : (70, 67);
        return text.Length <= single ? 1 : (text.Length + part - 1) / part;
    }

    private sealed record Extra(bool IsButton, long[] SmsSegments);
}
