using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.SmsClub;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsClub;

/// <summary>
/// SMS Club's Viber API as its document (and the wire notes) describe it: Bearer or Basic auth; <c>POST /vibers/send</c>
/// with Viber + SMS, the picture/button group (all three or none), lifetime ranges, the scheduling pair and its 08:00–20:00 window,
/// <c>is_2way</c>/<c>chat_id</c>; <c>POST /vibers/status</c> keyed by id; <c>GET /vibers/chats</c> and
/// <c>GET /vibers/chat</c> 30 to a page; <c>GET /vibers/originator</c>; <c>POST /sms/balance</c>. Errors come as
/// <c>{"errorRequest":{"errors":{key:[message]}}}</c> with HTTP 400 or 460–468, and in the framework's
/// <c>{name,message,code,status}</c> shape for 401, 429 and 500.
/// </summary>
internal sealed class SmsClubEmulator : EmulatedProvider
{
    internal const int MaxPhones = 500;
    internal const int MaxIds = 500;
    internal const int PageSize = 30;
    internal const int MaxTextLength = 1000;
    internal const int MaxSmsSenderLength = 11;
    internal const long MinLifetimeSingle = 60;
    internal const long MinLifetimeBulk = 3600;
    internal const long MaxLifetime = 86000;

    internal const string IncorrectSender = "Sender name is incorrect";
    internal const string IncorrectSmsSender = "Sender name is incorrect (SMS)";
    internal const string IncorrectText = "Incorrect text.";
    internal const string IncorrectSmsText = "Incorrect text (SMS).";
    internal const string AccountNotAvailable = "Distribution of SMS-mailings from this account is not available";
    internal const string NoValidNumbers = "No valid numbers found.";
    internal const string NotEnoughMoney = "Not enough money. It is necessary to refill the balance";
    internal const string NotEnoughMoneyForSms = "Not enough money for the \"VIBER + SMS\" service. It is necessary to refill the balance";
    internal const string SystemError = "Sorry, a system error has occurred, please contact support.";
    internal const string FailedToLoadImage = "Failed to load image.";
    internal const string SmsPair = "Fields: \"Alpha-name (SMS)\" and \"Message text (SMS)\" should be filled together or not filled at all";
    internal const string ButtonPair = "The button field {button_txt} and its URL {button_url} must be filled both or not filled in at all";
    internal const string PictureGroup = "The picture {picture_url}, the button field {button_txt} and its URL {button_url} must be used together or not at all";
    internal const string DatePair = "Date parameters must be present or absent together";
    internal const string DateWindow = "Distributions can be scheduled from 8:00 to 20:00";
    internal const string DateFormat = "Incorrect unix date format";
    internal const string DateOrder = "The mailing end date is less than the mailing start date";
    internal const string InvalidPhones = "Invalid array of numbers";
    internal const string TooManyPhones = "The number of messages in one request should not exceed 500 numbers";
    internal const string LifetimeRange = "Lifetime must be from 60 to 86000 seconds for one number and from 3600 to 86000 seconds for several";
    internal const string ChatNotFound = "Chat not found.";

    public override string Name => ViberProviders.SmsClub;

    public override string PathPrefix => "smsclub";

    public override void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/vibers/send", (RequestDelegate)SendAsync);
        routes.MapPost("/vibers/status", (RequestDelegate)StatusAsync);
        routes.MapGet("/vibers/chats", (RequestDelegate)ChatsAsync);
        routes.MapGet("/vibers/chat", (RequestDelegate)ChatAsync);
        routes.MapGet("/vibers/originator", (RequestDelegate)OriginatorAsync);
        routes.MapPost("/sms/balance", (RequestDelegate)BalanceAsync);
    }

    public override Task WriteRateLimitedAsync(HttpContext context)
        => EmulatorJson.WriteRawAsync(context, 429, """{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429}""");

    public override Task WriteServerErrorAsync(HttpContext context)
        => EmulatorJson.WriteRawAsync(context, 500, """{"name":"Internal Server Error","message":"An internal server error occurred.","code":0,"status":500}""");

    public override void PointAt(IServiceCollection services, Uri baseAddress, EmulatorCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        services.PostConfigureAll<SmsClubOptions>(o =>
        {
            o.BaseAddress = baseAddress;
            o.Token = credentials.SmsClubToken;
            o.Login = credentials.SmsClubLogin;
            o.Password = credentials.SmsClubPassword;
        });
    }

    private static Task WriteUnauthorizedAsync(HttpContext context)
        => EmulatorJson.WriteRawAsync(context, 401, """{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}""");

    private static Task WriteSuccessAsync(HttpContext context, Action<Utf8JsonWriter> writeRequestData)
        => EmulatorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("successfulRequest");
            writer.WritePropertyName("requestData");
            writeRequestData(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    private bool IsAuthorized(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var credentials = State.Options.Credentials;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return string.Equals(header["Bearer ".Length..].Trim(), credentials.SmsClubToken, StringComparison.Ordinal);
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                return string.Equals(pair, credentials.SmsClubLogin + ":" + credentials.SmsClubPassword, StringComparison.Ordinal);
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return false;
    }

    private async Task SendAsync(HttpContext context)
    {
        if (!IsAuthorized(context))
        {
            await WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        using var document = EmulatorJson.TryParse(context);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } body)
        {
            await ErrorBag.Of("request", "The request body must be a JSON object.").WriteAsync(context, 400).ConfigureAwait(false);
            return;
        }

        var (status, errors, accepted) = body.TryGetProperty("chat_id", out _) ? Reply(body) : Send(body);
        if (errors is not null)
        {
            await errors.WriteAsync(context, status).ConfigureAwait(false);
            return;
        }

        await WriteSuccessAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("messages");
            foreach (var (number, id, chatId) in accepted!.Messages)
            {
                writer.WriteStartObject();
                writer.WriteString("number", number);
                writer.WriteString("id", id);
                if (chatId is not null)
                {
                    writer.WriteString("chat_id", chatId);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WritePropertyName("additionalInfo");
            if (accepted.Incorrect.Count == 0 && accepted.Blacklisted.Count == 0)
            {
                // PHP encodes an empty map as an empty array.
                writer.WriteStartArray();
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteStartObject();
                WriteStrings(writer, "incorrectPhones", accepted.Incorrect);
                WriteStrings(writer, "blackList", accepted.Blacklisted);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private (int Status, ErrorBag? Errors, Accepted? Accepted) Send(JsonElement body)
    {
        var errors = new ErrorBag();
        var sender = Text(body, "sender");
        var text = Text(body, "message");
        var senderSms = Text(body, "senderSms");
        var messageSms = Text(body, "messageSms");
        var picture = Text(body, "picture_url");
        var buttonText = Text(body, "button_txt");
        var buttonUrl = Text(body, "button_url");

        if (string.IsNullOrWhiteSpace(sender))
        {
            errors.Add("sender", IncorrectSender);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("text", IncorrectText);
        }

        var phones = Phones(body, errors);
        if (body.TryGetProperty("lifetime", out var lifetimeElement))
        {
            var min = phones is { Count: > 1 } ? MinLifetimeBulk : MinLifetimeSingle;
            if (!TryInteger(lifetimeElement, out var lifetime) || lifetime < min || lifetime > MaxLifetime)
            {
                errors.Add("lifetime", LifetimeRange);
            }
        }

        if (string.IsNullOrEmpty(buttonText) != string.IsNullOrEmpty(buttonUrl))
        {
            errors.Add("button", ButtonPair);
        }

        // The document: picture_url, button_txt and button_url "must be used together or not at all".
        if ((picture is not null && (string.IsNullOrEmpty(buttonText) || string.IsNullOrEmpty(buttonUrl)))
            || (picture is null && (!string.IsNullOrEmpty(buttonText) || !string.IsNullOrEmpty(buttonUrl))))
        {
            errors.Add("picture_url", PictureGroup);
        }

        if (picture is not null && (!IsHttpUrl(picture) || picture.Contains(SmsClubEmulatorTriggers.BrokenImageMarker, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("upload_img", FailedToLoadImage);
        }

        if (string.IsNullOrEmpty(senderSms) != string.IsNullOrEmpty(messageSms))
        {
            errors.Add("SMS", SmsPair);
        }

        var plan = Dates(body, errors);
        if (body.TryGetProperty("is_2way", out var twoWay) && twoWay.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add("is_2way", "is_2way must be true or false.");
        }

        if (errors.Any)
        {
            return (400, errors, null);
        }

        if (Is(sender, SmsClubEmulatorTriggers.BlockedAccountSender))
        {
            return (460, ErrorBag.Of("account", AccountNotAvailable), null);
        }

        if (Is(sender, SmsClubEmulatorTriggers.UnregisteredSender))
        {
            return (461, ErrorBag.Of("sender", IncorrectSender), null);
        }

        if (IsRejectedText(text))
        {
            return (462, ErrorBag.Of("text", IncorrectText), null);
        }

        if (senderSms is not null && (Is(senderSms, SmsClubEmulatorTriggers.UnregisteredSmsSender) || senderSms.Length > MaxSmsSenderLength))
        {
            return (466, ErrorBag.Of("SMS", IncorrectSmsSender), null);
        }

        if (messageSms is not null && IsRejectedText(messageSms))
        {
            return (467, ErrorBag.Of("SMS", IncorrectSmsText), null);
        }

        if (!phones!.Any(p => IsCorrect(p) && State.BehaviorOf(p) != RecipientBehavior.InvalidNumber))
        {
            return (463, ErrorBag.Of("anyCorrectPhones", NoValidNumbers), null);
        }

        if (Is(sender, SmsClubEmulatorTriggers.NoMoneySender))
        {
            return (464, ErrorBag.Of("noMoney", NotEnoughMoney), null);
        }

        if (Is(senderSms, SmsClubEmulatorTriggers.NoMoneyForSmsSender))
        {
            return (468, ErrorBag.Of("noMoney", NotEnoughMoneyForSms), null);
        }

        if (Is(sender, SmsClubEmulatorTriggers.SystemErrorSender))
        {
            return (465, ErrorBag.Of("systemError", SystemError), null);
        }

        var isTwoWay = twoWay.ValueKind == JsonValueKind.True;
        var accepted = new Accepted();
        var now = State.Now;
        foreach (var phone in phones!)
        {
            var behavior = IsCorrect(phone) ? State.BehaviorOf(phone) : RecipientBehavior.InvalidNumber;
            switch (behavior)
            {
                case RecipientBehavior.InvalidNumber:
                    accepted.Incorrect.Add(phone);
                    continue;
                case RecipientBehavior.Blacklisted:
                    accepted.Blacklisted.Add(phone);
                    continue;
                case RecipientBehavior.SilentlyDropped:
                    continue;
            }

            var id = NextMessageId();
            string? chatId = null;
            if (isTwoWay)
            {
                chatId = State.NextId("SmsClub.chat", 2765).ToString(CultureInfo.InvariantCulture);
                var chat = State.OpenChat(Name, chatId, phone, sender);
                chat.Add(new EmulatedChatMessage(id, Incoming: false, text!, now));
                if (State.Options.AutoReply)
                {
                    chat.Add(new EmulatedChatMessage(NextMessageId(), Incoming: true, State.Options.AutoReplyText, now + State.Options.Timeline.ReplyAfter, id));
                }
            }

            State.Accept(new EmulatedMessage
            {
                Provider = Name,
                Id = id,
                Recipient = phone,
                Text = text,
                Sender = sender,
                ImageUrl = picture,
                ButtonCaption = buttonText,
                ButtonUrl = buttonUrl,
                SmsText = messageSms,
                ChatId = chatId,
                AcceptedAt = now,
                ScheduledAt = plan,
                Behavior = behavior,
            });
            accepted.Messages.Add((phone, id, chatId));
        }

        return (200, null, accepted);
    }

    private (int Status, ErrorBag? Errors, Accepted? Accepted) Reply(JsonElement body)
    {
        var errors = new ErrorBag();
        var text = Text(body, "message");
        var chatId = Text(body, "chat_id");
        if (!body.TryGetProperty("is_2way", out var twoWay) || twoWay.ValueKind != JsonValueKind.True)
        {
            errors.Add("is_2way", "A message to a chat needs is_2way = true.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("text", IncorrectText);
        }

        var chat = string.IsNullOrEmpty(chatId) ? null : State.Chat(Name, chatId);
        if (chat is null)
        {
            errors.Add("chat_id", ChatNotFound);
        }

        if (errors.Any)
        {
            return (400, errors, null);
        }

        if (IsRejectedText(text))
        {
            return (462, ErrorBag.Of("text", IncorrectText), null);
        }

        var now = State.Now;
        var id = NextMessageId();
        chat!.Add(new EmulatedChatMessage(id, Incoming: false, text!, now));
        State.Accept(new EmulatedMessage
        {
            Provider = Name,
            Id = id,
            Recipient = chat.Recipient,
            Text = text,
            Sender = chat.Sender,
            ChatId = chat.Id,
            AcceptedAt = now,
            Behavior = State.BehaviorOf(chat.Recipient),
        });
        var accepted = new Accepted();
        accepted.Messages.Add((chat.Recipient, id, chat.Id));
        return (200, null, accepted);
    }

    private async Task StatusAsync(HttpContext context)
    {
        if (!IsAuthorized(context))
        {
            await WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        using var document = EmulatorJson.TryParse(context);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } body
            || !body.TryGetProperty("messageIds", out var idsElement) || idsElement.ValueKind != JsonValueKind.Array)
        {
            await ErrorBag.Of("messageIds", "messageIds must be an array of message ids.").WriteAsync(context, 400).ConfigureAwait(false);
            return;
        }

        if (idsElement.GetArrayLength() > MaxIds)
        {
            await ErrorBag.Of("messageIds", "The number of ids in one request should not exceed 500.").WriteAsync(context, 400).ConfigureAwait(false);
            return;
        }

        var now = State.Now;
        var found = new List<(string Id, EmulatedStatus Status, bool HasSms)>();
        foreach (var element in idsElement.EnumerateArray())
        {
            var id = element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Number => element.GetRawText(),
                _ => null,
            };
            if (id is not null && State.Find(Name, id) is { } message && found.TrueForAll(f => f.Id != id))
            {
                found.Add((id, State.StatusOf(message, now), message.HasSmsFallback));
            }
        }

        await WriteSuccessAsync(context, writer =>
        {
            if (found.Count == 0)
            {
                // PHP encodes an empty map as an empty array.
                writer.WriteStartArray();
                writer.WriteEndArray();
                return;
            }

            writer.WriteStartObject();
            foreach (var (id, status, hasSms) in found)
            {
                writer.WriteStartObject(id);
                writer.WriteString("status", ViberWord(status.Viber));
                WriteNullableString(writer, "additionStatus", AdditionWord(status));
                WriteNullableString(writer, "smsStatus", hasSms ? SmsWord(status.Sms) : null);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private async Task ChatsAsync(HttpContext context)
    {
        if (!IsAuthorized(context))
        {
            await WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        var page = Page(context);
        var chats = State.Chats(Name).Skip((page - 1) * PageSize).Take(PageSize).ToArray();
        await WriteSuccessAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("chats");
            foreach (var chat in chats)
            {
                writer.WriteStartObject();
                writer.WriteString("chat_id", chat.Id);
                writer.WriteString("recipient", chat.Recipient);
                writer.WriteString("creation_date", SmsClubKyivTime.Format(chat.CreatedAt));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private async Task ChatAsync(HttpContext context)
    {
        if (!IsAuthorized(context))
        {
            await WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        var chatId = context.Request.Query["chat_id"].ToString();
        var chat = string.IsNullOrEmpty(chatId) ? null : State.Chat(Name, chatId);
        if (chat is null)
        {
            await ErrorBag.Of("chat_id", ChatNotFound).WriteAsync(context, 400).ConfigureAwait(false);
            return;
        }

        var page = Page(context);
        var messages = chat.MessagesAt(State.Now).Skip((page - 1) * PageSize).Take(PageSize).ToArray();
        await WriteSuccessAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("chat");
            writer.WritePropertyName("recipient");
            writer.WriteRawValue(chat.Recipient); // A number here, unlike /vibers/chats.
            writer.WriteString("source_address", chat.Sender);
            writer.WriteString("creation_date", SmsClubKyivTime.Format(chat.CreatedAt));
            writer.WriteStartArray("messages");
            foreach (var message in messages)
            {
                writer.WriteStartObject();
                writer.WriteString("text", message.Text);
                writer.WriteString("date", SmsClubKyivTime.Format(message.At));
                writer.WriteString("type", message.Incoming ? "incoming" : "outcoming");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private async Task OriginatorAsync(HttpContext context)
    {
        if (!IsAuthorized(context))
        {
            await WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        await WriteSuccessAsync(context, writer =>
        {
            writer.WriteStartArray();
            foreach (var name in SmsClubEmulatorTriggers.RegisteredSenders)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    private async Task BalanceAsync(HttpContext context)
    {
        if (!IsAuthorized(context))
        {
            await WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        await EmulatorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("success_request");
            writer.WriteStartObject("info");
            writer.WriteString("money", SmsClubEmulatorTriggers.Balance);
            writer.WriteString("currency", SmsClubEmulatorTriggers.Currency);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private string NextMessageId() => State.NextId("SmsClub.message", 5769).ToString(CultureInfo.InvariantCulture);

    private static List<string>? Phones(JsonElement body, ErrorBag errors)
    {
        if (!body.TryGetProperty("phones", out var element) || element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            errors.Add("phones", InvalidPhones);
            return null;
        }

        if (element.GetArrayLength() > MaxPhones)
        {
            errors.Add("phones", TooManyPhones);
            return null;
        }

        var phones = new List<string>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            var phone = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Number => item.GetRawText(),
                _ => null,
            };
            if (phone is null)
            {
                errors.Add("phones", InvalidPhones);
                return null;
            }

            phones.Add(phone.Trim());
        }

        return phones;
    }

    /// <summary>The scheduling pair: both or neither, unix seconds, end after start, both within 08:00–20:00 Kyiv time.</summary>
    private static DateTimeOffset? Dates(JsonElement body, ErrorBag errors)
    {
        var hasPlan = body.TryGetProperty("mgr_plan_date", out var planElement) && planElement.ValueKind != JsonValueKind.Null;
        var hasEnd = body.TryGetProperty("mgr_end_time", out var endElement) && endElement.ValueKind != JsonValueKind.Null;
        if (!hasPlan && !hasEnd)
        {
            return null;
        }

        if (hasPlan != hasEnd)
        {
            errors.Add("date", DatePair);
            return null;
        }

        if (!TryInteger(planElement, out var plan) || !TryInteger(endElement, out var end)
            || plan < 0 || end < 0 || plan > 253402300799 || end > 253402300799)
        {
            errors.Add("date", DateFormat);
            return null;
        }

        if (end < plan)
        {
            errors.Add("date", DateOrder);
        }

        var start = DateTimeOffset.FromUnixTimeSeconds(plan);
        if (!SmsClubKyivTime.InMailingWindow(start) || !SmsClubKyivTime.InMailingWindow(DateTimeOffset.FromUnixTimeSeconds(end)))
        {
            errors.Add("date", DateWindow);
        }

        return start;
    }

    /// <summary>A phone SMS Club can send to: 7–15 digits, and a Ukrainian (380) number has exactly 12.</summary>
    internal static bool IsCorrect(string phone)
        => phone.Length is >= 7 and <= 15 && phone.All(char.IsAsciiDigit) && phone[0] != '0'
            && (!phone.StartsWith("380", StringComparison.Ordinal) || phone.Length == 12);

    private static bool IsRejectedText(string? text)
        => text is not null && (text.Length > MaxTextLength || text.Contains(SmsClubEmulatorTriggers.RejectedWord, StringComparison.OrdinalIgnoreCase));

    private static bool Is(string? value, string trigger) => string.Equals(value?.Trim(), trigger, StringComparison.OrdinalIgnoreCase);

    private static bool IsHttpUrl(string value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string? Text(JsonElement body, string name) => EmulatorJson.StringOrNumber(body, name);

    private static bool TryInteger(JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out value),
            JsonValueKind.String => long.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static int Page(HttpContext context)
        => int.TryParse(context.Request.Query["page"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1;

    private static string ViberWord(EmulatedViberState state) => state switch
    {
        EmulatedViberState.Pending => "Pending",
        EmulatedViberState.Sent => "Sent",
        EmulatedViberState.Delivered or EmulatedViberState.Read => "Delivered",
        EmulatedViberState.Expired => "Expired",
        _ => "Undeliverable",
    };

    private static string? AdditionWord(EmulatedStatus status) => status.Viber switch
    {
        EmulatedViberState.Read => "Read",
        EmulatedViberState.Undeliverable => status.Behavior switch
        {
            RecipientBehavior.NotViberUser => "Not registered",
            RecipientBehavior.BlocksSender => "Blocked by the recipient",
            RecipientBehavior.DeviceNotSupported => "Mailing lists are not supported",
            _ => null,
        },
        _ => null,
    };

    private static string? SmsWord(EmulatedSmsState? state) => state switch
    {
        EmulatedSmsState.Pending => "Pending",
        EmulatedSmsState.Sent => "Sent",
        EmulatedSmsState.Delivered => "Delivered",
        EmulatedSmsState.Undeliverable => "Undeliverable",
        _ => null,
    };

    private static void WriteNullableString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, List<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>What a send accepted: one entry per message, and the phones it did not.</summary>
    private sealed class Accepted
    {
        public List<(string Number, string Id, string? ChatId)> Messages { get; } = [];

        public List<string> Incorrect { get; } = [];

        public List<string> Blacklisted { get; } = [];
    }

    /// <summary><c>errorRequest.errors</c>: every key with its messages, in the order found.</summary>
    private sealed class ErrorBag
    {
        private readonly List<(string Key, List<string> Messages)> _errors = [];

        public bool Any => _errors.Count > 0;

        public static ErrorBag Of(string key, string message)
        {
            var bag = new ErrorBag();
            bag.Add(key, message);
            return bag;
        }

        public void Add(string key, string message)
        {
            var existing = _errors.FindIndex(e => e.Key == key);
            if (existing < 0)
            {
                _errors.Add((key, [message]));
            }
            else if (!_errors[existing].Messages.Contains(message))
            {
                _errors[existing].Messages.Add(message);
            }
        }

        public Task WriteAsync(HttpContext context, int status)
            => EmulatorJson.WriteAsync(context, status, writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("errorRequest");
                writer.WriteStartObject("errors");
                foreach (var (key, messages) in _errors)
                {
                    WriteStrings(writer, key, messages);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
            });
    }
}
