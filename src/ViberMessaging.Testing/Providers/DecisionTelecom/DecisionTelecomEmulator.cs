using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
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
/// The documents' sentences are followed: message types 108/208 (image and button) only with <c>source_type</c> 1,
/// as "transactional message (text message) – 2"; with <c>text_sms</c>, <c>validity_period</c> only 40 ("transactional
/// message + SMS – TTL only 40 seconds"). As the gateway, it reads a JSON <c>null</c> (and <c>validity_period</c> 0,
/// which DecisionTelecom's own SDK writes) as an absent field.
/// Decisions where the documents are silent: a status older than 5 days (or an id never issued) is answered with
/// <c>Invalid Parameter: message_id</c> (code 1, 400); a scripted <see cref="RecipientBehavior.InvalidNumber"/> with
/// <c>Invalid Parameter: destination_addr</c>; <see cref="RecipientBehavior.Blacklisted"/> is accepted and ends
/// with status 3 (rejected); <see cref="RecipientBehavior.SilentlyDropped"/> is answered <c>{}</c>. Message ids start
/// above 2^53 so a client that reads them as <see cref="double"/> breaks.
/// </remarks>
internal sealed class DecisionTelecomEmulator : EmulatedProvider
{
    public const string SendPath = "/v1/api/send-viber";
    public const string StatusPath = "/v1/api/receive-viber";

    /// <summary>2^53 + 1: the first id a double cannot hold.</summary>
    public const long FirstMessageId = 9_007_199_254_740_993;

    /// <summary>How long statuses can be read.</summary>
    public static readonly TimeSpan StatusRetention = TimeSpan.FromDays(5);

    private const string InvalidParameterMessage = "Empty parameter or parameter validation error";
    private const int ViberPlusSmsTtl = 40;
    private const string Gsm7Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Gsm7Extension = "^{}\\[~]|€\f";

    private static readonly HttpClient CallbackClient = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    private readonly ConcurrentDictionary<string, SentExtras> _extras = new(StringComparer.Ordinal);

    public override string Name => ViberProviders.DecisionTelecom;

    public override string PathPrefix => "decisiontelecom";

    private DecisionTelecomEmulatorSettings Settings => DecisionTelecomEmulatorSettings.For(Emulator);

    public override void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(SendPath, SendAsync);
        routes.MapPost(StatusPath, StatusAsync);
        routes.Map("{**path}", NotFoundAsync);
    }

    public override Task WriteRateLimitedAsync(HttpContext context)
        => WriteErrorAsync(context, 429, "Too Many Requests", "Rate limit exceeded.", 0);

    public override Task WriteServerErrorAsync(HttpContext context)
        => WriteErrorAsync(context, 500, "Internal server error", "The server encountered an unexpected condition which prevented it from fulfilling the request", 2);

    public override void PointAt(IServiceCollection services, Uri baseAddress, EmulatorCredentials credentials)
        => services.PostConfigureAll<DecisionTelecomOptions>(options =>
        {
            options.BaseAddress = baseAddress;
            options.ApiKey = credentials.DecisionTelecomApiKey;
        });

    private async Task SendAsync(HttpContext context)
    {
        if (!IsAuthorized(context))
        {
            await WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        using var document = EmulatorJson.TryParse(context);
        var (request, invalid) = SendRequest.Read(document?.RootElement);
        if (invalid is not null)
        {
            await WriteInvalidParameterAsync(context, invalid).ConfigureAwait(false);
            return;
        }

        if (Settings.BalanceEmpty)
        {
            await WriteErrorAsync(context, 402, "Topup balance is required", "User balance is empty", 3).ConfigureAwait(false);
            return;
        }

        var behavior = State.BehaviorOf(request!.Recipient);
        switch (behavior)
        {
            case RecipientBehavior.InvalidNumber:
                await WriteInvalidParameterAsync(context, "destination_addr").ConfigureAwait(false);
                return;
            case RecipientBehavior.SilentlyDropped:
                await EmulatorJson.WriteRawAsync(context, 200, "{}").ConfigureAwait(false);
                return;
        }

        var message = Accept(request, behavior);
        await EmulatorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("message_id", long.Parse(message.Id, CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private async Task StatusAsync(HttpContext context)
    {
        if (!IsAuthorized(context))
        {
            await WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        using var document = EmulatorJson.TryParse(context);
        var id = document?.RootElement is { ValueKind: JsonValueKind.Object } root ? ReadInt64(root, "message_id") : null;
        var message = id is { } known ? State.Find(Name, known.ToString(CultureInfo.InvariantCulture)) : null;
        if (message is null || State.Now - message.AcceptedAt > StatusRetention)
        {
            // Statuses are kept for 5 days: older (or never issued) ids are a parameter error.
            await WriteInvalidParameterAsync(context, "message_id").ConfigureAwait(false);
            return;
        }

        var receipt = ReceiptOf(message);
        await EmulatorJson.WriteAsync(context, 200, receipt.Write).ConfigureAwait(false);
    }

    private Task NotFoundAsync(HttpContext context)
    {
        var path = context.Request.RouteValues["path"] as string;
        var known = string.Equals("/" + path, SendPath, StringComparison.OrdinalIgnoreCase)
            || string.Equals("/" + path, StatusPath, StringComparison.OrdinalIgnoreCase);
        if (known)
        {
            context.Response.Headers.Allow = "POST";
            return WriteJsonAsync(context, 405, "Method Not Allowed", "Method Not Allowed. This URL can only handle the following request methods: POST.", 0, 405);
        }

        return WriteJsonAsync(context, 404, "Not Found", "Page not found.", 0, 404);
    }

    private EmulatedMessage Accept(SendRequest request, RecipientBehavior behavior)
    {
        var id = State.NextId("DecisionTelecom.message", FirstMessageId).ToString(CultureInfo.InvariantCulture);
        var message = new EmulatedMessage
        {
            Provider = Name,
            Id = id,
            Recipient = request.Recipient,
            Sender = request.Sender,
            Text = request.Text,
            ImageUrl = request.Image,
            ButtonCaption = request.ButtonCaption,
            ButtonUrl = request.ButtonAction,
            SmsText = request.TextSms,
            AcceptedAt = State.Now,
            Behavior = behavior,
        };
        var extras = new SentExtras(request.MessageType, request.CallbackUrl, State.NextId("DecisionTelecom.sms", 3098));
        _extras[id] = extras;
        State.Accept(message);

        if (extras.CallbackUrl is { } callback)
        {
            var changes = ArmStatusChanges(message);
            Emulator.RunInBackground(token => PostStatusCallbacksAsync(message, callback, changes, token));
        }

        if (request.MessageType is 206 or 208)
        {
            OpenChat(message, extras);
        }

        return message;
    }

    private void OpenChat(EmulatedMessage message, SentExtras extras)
    {
        var chat = State.OpenChat(Name, message.Recipient, message.Recipient, message.Sender);
        chat.Add(new EmulatedChatMessage(message.Id, false, message.Text ?? string.Empty, message.AcceptedAt));
        if (!State.Options.AutoReply || message.Behavior is not (RecipientBehavior.Reads or RecipientBehavior.Delivers))
        {
            return;
        }

        var token = State.NextId("DecisionTelecom.token", 4_444_444_444_444_444).ToString(CultureInfo.InvariantCulture);
        var at = message.AcceptedAt + State.Options.Timeline.ReplyAfter;
        chat.Add(new EmulatedChatMessage(token, true, State.Options.AutoReplyText, at, message.Id));
        if (extras.CallbackUrl is { } callback)
        {
            var due = WaitUntilAsync(at, Emulator.Stopping);
            Emulator.RunInBackground(cancellation => PostReplyAsync(message, token, at, due, callback, cancellation));
        }
    }

    private Receipt ReceiptOf(EmulatedMessage message)
    {
        var extras = _extras[message.Id];
        if (Settings.TryGetStatus(message.Id, out var scripted))
        {
            return new Receipt(message.Id, scripted.Status, scripted.SmsStatus is null ? null : extras.SmsId, scripted.SmsStatus);
        }

        var status = State.StatusOf(message, State.Now);
        var viber = status.Viber switch
        {
            EmulatedViberState.Pending => 5,
            EmulatedViberState.Sent => 0,
            EmulatedViberState.Delivered or EmulatedViberState.Read => 1,
            EmulatedViberState.Undeliverable when status.Behavior == RecipientBehavior.Blacklisted => 3,
            _ => 4,
        };
        int? sms = status.Sms switch
        {
            null => null,
            EmulatedSmsState.Pending => 1,
            EmulatedSmsState.Sent => 6,
            EmulatedSmsState.Delivered => 2,
            _ => 5,
        };
        return new Receipt(message.Id, viber, sms is null ? null : extras.SmsId, sms);
    }

    /// <summary>
    /// Arms a wait for every moment the message's status can change, while the request that accepted it is still being
    /// answered. Armed later, in the background, a wait could read the clock before a test advanced it and start its
    /// timer after: the timer then ran from the advanced time and the callback never came.
    /// </summary>
    private Task[] ArmStatusChanges(EmulatedMessage message)
    {
        var timeline = State.Options.Timeline;
        return new[] { timeline.SentAfter, timeline.DeliveredAfter, timeline.ReadAfter, timeline.FailedAfter, timeline.FailedAfter + timeline.SmsDeliveredAfter }
            .Distinct()
            .Order()
            .Select(offset => WaitUntilAsync(message.AcceptedAt + offset, Emulator.Stopping))
            .ToArray();
    }

    private async Task PostStatusCallbacksAsync(EmulatedMessage message, Uri callback, Task[] changes, CancellationToken cancellationToken)
    {
        Receipt? last = null;
        foreach (var change in changes)
        {
            await change.ConfigureAwait(false);
            var receipt = ReceiptOf(message);
            if (receipt == last)
            {
                continue;
            }

            last = receipt;
            await PostAsync(callback, receipt.Write, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PostReplyAsync(EmulatedMessage message, string token, DateTimeOffset at, Task due, Uri callback, CancellationToken cancellationToken)
    {
        await due.ConfigureAwait(false);
        await PostAsync(
            callback,
            writer =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("message_token", long.Parse(token, CultureInfo.InvariantCulture));
                writer.WriteString("phone_number", message.Recipient);
                writer.WriteNumber("time", at.ToUnixTimeSeconds());
                writer.WriteStartObject("message");
                writer.WriteString("text", State.Options.AutoReplyText);
                writer.WriteString("tracking_data", "tracking_id:" + message.Id);
                writer.WriteEndObject();
                writer.WriteEndObject();
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        var wait = due - State.Now;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, State.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task PostAsync(Uri callback, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        try
        {
            using var response = await CallbackClient.PostAsync(callback, content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            // A callback receiver that is down misses this update, as with the real provider; later ones still go.
        }
    }

    private bool IsAuthorized(HttpContext context)
    {
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is not { } token)
        {
            return false;
        }

        // Clients send the key three ways: base64(key) (the SDKs), base64(key + ":") (curl), or the key as it is.
        var key = State.Options.Credentials.DecisionTelecomApiKey;
        return string.Equals(token, key, StringComparison.Ordinal)
            || string.Equals(token, Convert.ToBase64String(Encoding.UTF8.GetBytes(key)), StringComparison.Ordinal)
            || string.Equals(token, Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")), StringComparison.Ordinal);
    }

    private static Task WriteUnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"api\"";
        return WriteJsonAsync(context, 401, "Unauthorized", "Your request was made with invalid credentials.", 0, 401);
    }

    private Task WriteInvalidParameterAsync(HttpContext context, string parameter)
        => WriteErrorAsync(context, 400, "Invalid Parameter: " + parameter, InvalidParameterMessage, 1);

    /// <summary>A documented error: with its status, or with HTTP 200 when the settings say so.</summary>
    private Task WriteErrorAsync(HttpContext context, int status, string name, string message, int code)
        => WriteJsonAsync(context, Settings.ErrorsWithHttp200 ? 200 : status, name, message, code, status);

    private static Task WriteJsonAsync(HttpContext context, int httpStatus, string name, string message, int code, int status)
        => EmulatorJson.WriteAsync(context, httpStatus, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("message", message);
            writer.WriteNumber("code", code);
            writer.WriteNumber("status", status);
            writer.WriteEndObject();
        });

    private static long? ReadInt64(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };
    }

    /// <summary>Whether an SMS text fits one segment: 160 GSM-7 septets (extension characters take two) or 70 UCS-2 characters.</summary>
    private static bool FitsOneSms(string text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            if (Gsm7Basic.Contains(c, StringComparison.Ordinal))
            {
                septets++;
            }
            else if (Gsm7Extension.Contains(c, StringComparison.Ordinal))
            {
                septets += 2;
            }
            else
            {
                return text.Length <= 70;
            }
        }

        return septets <= 160;
    }

    /// <summary>What the emulator remembers about a message beyond <see cref="EmulatedMessage"/>.</summary>
    private sealed record SentExtras(int MessageType, Uri? CallbackUrl, long SmsId);

    /// <summary>A receipt: the receive-viber answer and the status callback body.</summary>
    private sealed record Receipt(string MessageId, int Status, long? SmsId, int? SmsStatus)
    {
        public void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteNumber("message_id", long.Parse(MessageId, CultureInfo.InvariantCulture));
            writer.WriteNumber("status", Status);
            if (SmsId is { } smsId && SmsStatus is { } smsStatus)
            {
                writer.WriteNumber("sms_message_id", smsId);
                writer.WriteNumber("sms_message_status", smsStatus);
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>A send-viber body checked against the document, parameter by parameter, in its order.</summary>
    private sealed record SendRequest(
        string Sender,
        string Recipient,
        int MessageType,
        string Text,
        string? Image,
        string? ButtonCaption,
        string? ButtonAction,
        int SourceType,
        string? TextSms,
        Uri? CallbackUrl,
        int? ValidityPeriod)
    {
        /// <summary>The request, or the name of the first parameter that breaks the document's rules.</summary>
        public static (SendRequest? Request, string? Invalid) Read(JsonElement? body)
        {
            if (body is not { ValueKind: JsonValueKind.Object } root)
            {
                return (null, "source_addr");
            }

            if (RequiredString(root, "source_addr", 20) is not { } sender)
            {
                return (null, "source_addr");
            }

            if (ReadRecipient(root) is not { } recipient)
            {
                return (null, "destination_addr");
            }

            if (Int(root, "message_type") is not { } type || type is not (106 or 108 or 206 or 208))
            {
                return (null, "message_type");
            }

            if (RequiredString(root, "text", 1000) is not { } text)
            {
                return (null, "text");
            }

            var rich = type is 108 or 208;
            string? image = null, caption = null, action = null;
            if (rich)
            {
                if ((image = Url(root, "image")?.AbsoluteUri) is null)
                {
                    return (null, "image");
                }

                if ((caption = RequiredString(root, "button_caption", 30)) is null)
                {
                    return (null, "button_caption");
                }

                if ((action = Url(root, "button_action")?.AbsoluteUri) is null)
                {
                    return (null, "button_action");
                }
            }
            else
            {
                // 106/206 are "only text".
                foreach (var field in (string[])["image", "button_caption", "button_action"])
                {
                    if (root.TryGetProperty(field, out _))
                    {
                        return (null, field);
                    }
                }
            }

            // "transactional message (text message) – 2": an image and a button (108/208) are promotional only.
            if (Int(root, "source_type") is not { } sourceType || sourceType is not (1 or 2) || (rich && sourceType == 2))
            {
                return (null, "source_type");
            }

            string? textSms = null;
            if (root.TryGetProperty("text_sms", out _))
            {
                // Only for transactional messages, and one SMS.
                textSms = RequiredString(root, "text_sms", int.MaxValue);
                if (textSms is null || sourceType != 2 || !FitsOneSms(textSms))
                {
                    return (null, "text_sms");
                }
            }

            Uri? callback = null;
            if (root.TryGetProperty("callback_url", out _) && (callback = Url(root, "callback_url")) is null)
            {
                return (null, "callback_url");
            }

            // 0 is "no TTL": DecisionTelecom's own SDK writes validity_period 0 when none is set.
            int? validity = null;
            if (root.TryGetProperty("validity_period", out _) && Int(root, "validity_period") is not 0)
            {
                validity = Int(root, "validity_period");
                if (validity is not (>= 40 and <= 21600) || (textSms is not null && validity != ViberPlusSmsTtl))
                {
                    // "transactional message + SMS – TTL only 40 seconds".
                    return (null, "validity_period");
                }
            }

            return (new SendRequest(sender, recipient, type, text, image, caption, action, sourceType, textSms, callback, validity), null);
        }

        private static string? RequiredString(JsonElement root, string name, int maxLength)
            => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text) && text.Length <= maxLength
                ? text
                : null;

        private static int? Int(JsonElement root, string name)
            => root.TryGetProperty(name, out var value)
                ? value.ValueKind switch
                {
                    JsonValueKind.Number when value.TryGetInt32(out var number) => number,
                    JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
                    _ => null,
                }
                : null;

        private static Uri? Url(JsonElement root, string name)
            => RequiredString(root, name, 2048) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var url)
                && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                ? url
                : null;

        /// <summary>A number in the document, a string in every SDK: both, ≤ 20 characters, a valid phone number.</summary>
        private static string? ReadRecipient(JsonElement root)
        {
            if (!root.TryGetProperty("destination_addr", out var value))
            {
                return null;
            }

            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
            return text is { Length: > 0 and <= 20 } && text.All(char.IsAsciiDigit) && PhoneNumber.TryParse(text, out var phone) ? phone.Digits : null;
        }
    }
}
