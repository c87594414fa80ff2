using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
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
/// <c>"status":"ok"</c> in lower case. <see cref="SmsByEmulatorExtensions.OverrideSmsByStatus"/> makes it report any
/// status word; <see cref="SmsByEmulatorExtensions.SetSmsByNotFoundStatus"/> sends "not found" with another HTTP status.
/// Parameters may come in the query string or the body, the token included, and a JSON <c>null</c> is an absent
/// field. Times are Minsk time (UTC+3) without a zone; <c>status_time</c> has
/// microseconds. <c>error_code</c> (undocumented) is 1 not a Viber user, 2 blocked, 3 device not supported,
/// 4 expired, 0 otherwise.
/// </para>
/// <para>
/// Subscriber lists 1 (four phones, 375291000001–4) and 2 (two phones, 375292000001–2) exist from the start;
/// <see cref="SmsByEmulatorExtensions.SetSmsBySubscriberList"/> adds more. Recipients who read reply
/// <see cref="ViberEmulatorOptions.AutoReplyText"/> after <see cref="EmulatorTimeline.ReplyAfter"/> when
/// <see cref="ViberEmulatorOptions.AutoReply"/> is on.
/// </para>
/// </remarks>
internal sealed class SmsByEmulator : EmulatedProvider
{
    /// <summary>SMS.by's zone: Minsk, UTC+3 all year.</summary>
    public static readonly TimeSpan ProviderOffset = TimeSpan.FromHours(3);

    /// <summary>What one delivered message costs in the emulator.</summary>
    public const decimal PricePerMessage = 0.049m;

    private const int MaxButtonLink = 150;
    private static readonly ConditionalWeakTable<EmulatorState, SmsByEmulator> Instances = new();

    private readonly object _lock = new();
    private readonly SortedDictionary<long, SmsByEmulatedMailing> _mailings = [];
    private readonly Dictionary<string, SmsByEmulatedBulk> _bulk = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SmsByEmulatedIncoming> _incoming = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string[]> _lists = new()
    {
        [1] = ["375291000001", "375291000002", "375291000003", "375291000004"],
        [2] = ["375292000001", "375292000002"],
    };

    private readonly ConcurrentDictionary<string, string> _statusWords = new(StringComparer.Ordinal);
    private volatile int _notFoundStatus = 200;

    public override string Name => ViberProviders.SmsBy;

    public override string PathPrefix => "smsby";

    private DateTimeOffset Now => State.Now;

    /// <summary>The module of a running emulator, for the public helpers.</summary>
    public static SmsByEmulator Of(ViberEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        return Instances.TryGetValue(emulator.State, out var module)
            ? module
            : throw new InvalidOperationException("This emulator does not emulate SMS.by.");
    }

    public override void Map(IEndpointRouteBuilder routes)
    {
        Instances.AddOrUpdate(State, this);
        routes.MapPost("/api/v1/sendBulkViber", Authorized(SendBulkAsync));
        routes.MapPost("/api/v1/statusBulkViber", Authorized(StatusBulkAsync));
        routes.MapPost("/api/v2/sendQuickViberMessage", Authorized(SendQuickAsync));
        routes.MapPost("/api/v2/getViberDeliveryData", Authorized(DeliveryDataAsync));
        routes.MapPost("/api/v2/sendViberMessageList", Authorized(SendListAsync));
        routes.MapPost("/api/v2/confirmViberMessage", Authorized(ConfirmAsync));
        routes.MapPost("/api/v2/getViberMessages", Authorized(MessagesAsync));
        routes.MapPost("/api/v2/getViberMessageData", Authorized(MessageDataAsync));
        routes.MapPost("/api/v2/getViberDeliveryList", Authorized(DeliveryListAsync));
        routes.MapPost("/api/v2/getNewIncomingMessages", Authorized(IncomingAsync));
        routes.MapPost("/api/v2/readResponseStatus", Authorized(ReadResponseAsync));
        routes.MapFallback(context => Error(context, 404, "Page not found"));
    }

    public override Task WriteRateLimitedAsync(HttpContext context) => Error(context, 429, "Request limit exceeded");

    public override Task WriteServerErrorAsync(HttpContext context) => Error(context, context.Response.StatusCode, "Server unavailable");

    public override void PointAt(IServiceCollection services, Uri baseAddress, EmulatorCredentials credentials)
        => services.PostConfigureAll<SmsByOptions>(o =>
        {
            o.BaseAddress = baseAddress;
            o.Token = credentials.SmsByToken;
        });

    /// <summary>Defines (or replaces) a subscriber list for <c>sendViberMessageList</c>.</summary>
    public void SetSubscriberList(long listId, IEnumerable<string> phones)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(listId);
        var digits = phones.Select(p => PhoneNumber.Parse(p).Digits).ToArray();
        lock (_lock)
        {
            _lists[listId] = digits;
        }
    }

    /// <summary>Reports <paramref name="word"/> as the status of every message to <paramref name="phone"/> from now on.</summary>
    public void OverrideStatus(string phone, string word) => _statusWords[PhoneNumber.Parse(phone).Digits] = word;

    /// <summary>The HTTP status of the "not found" answer to an unknown id or uuid.</summary>
    public void SetNotFoundStatus(int httpStatus) => _notFoundStatus = httpStatus;

    /// <summary>Adds a reply from <paramref name="phone"/> to a mailing, visible at once.</summary>
    public string AddIncoming(long mailingId, string phone, string text)
    {
        lock (_lock)
        {
            if (!_mailings.TryGetValue(mailingId, out var mailing))
            {
                throw new ArgumentException($"SMS.by mailing {mailingId} does not exist.", nameof(mailingId));
            }

            return AddIncoming(mailing, PhoneNumber.Parse(phone).Digits, text, Now, inReplyTo: null);
        }
    }

    private RequestDelegate Authorized(Func<HttpContext, SmsByEmulatorRequest, Task> handler) => async context =>
    {
        using var request = await SmsByEmulatorRequest.ReadAsync(context).ConfigureAwait(false);
        if (!string.Equals(request["token"], State.Options.Credentials.SmsByToken, StringComparison.Ordinal))
        {
            await Error(context, 403, "Access denied").ConfigureAwait(false);
        }
        else if (request.BodyUnreadable)
        {
            await Error(context, 400, "Invalid request").ConfigureAwait(false);
        }
        else
        {
            await handler(context, request).ConfigureAwait(false);
        }
    };

    // ---- v1: sendBulkViber / statusBulkViber -------------------------------------------------------------------

    private async Task SendBulkAsync(HttpContext context, SmsByEmulatorRequest request)
    {
        if (request.Json?.RootElement is not { ValueKind: JsonValueKind.Object } root)
        {
            await Error(context, 400, "Invalid request: a JSON body is expected").ConfigureAwait(false);
            return;
        }

        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            await Error(context, 400, "messages is required").ConfigureAwait(false);
            return;
        }

        var callback = Text(root, "callback_url");
        if (callback is not null && !IsHttpUrl(callback))
        {
            await Error(context, 400, "callback_url is not valid").ConfigureAwait(false);
            return;
        }

        var uuid = Guid.NewGuid().ToString("D");
        SmsByEmulatedBulk bulk;
        lock (_lock)
        {
            var lists = new List<(SmsByEmulatedMailing?, string?)>();
            var index = 0;
            foreach (var item in messages.EnumerateArray())
            {
                lists.Add(CreateBulkList(item, ++index, uuid));
            }

            bulk = new SmsByEmulatedBulk(uuid, lists);
            _bulk[uuid] = bulk;
        }

        if (callback is not null)
        {
            var payload = Serialize(writer => WriteBulkStatus(writer, bulk));
            Emulator.RunInBackground(async cancellationToken =>
            {
                using var http = new HttpClient();
                using var content = new ByteArrayContent(payload);
                content.Headers.ContentType = new("application/json");
                using var response = await http.PostAsync(new Uri(callback), content, cancellationToken).ConfigureAwait(false);
            });
        }

        await EmulatorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("uuid", uuid);
            writer.WriteString("success", "OK");
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private (SmsByEmulatedMailing? Mailing, string? Error) CreateBulkList(JsonElement item, int index, string uuid)
    {
        var fallbackName = string.Create(CultureInfo.InvariantCulture, $"mailing list {index}");
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, $"{fallbackName}: a mailing list must be an object");
        }

        var name = Text(item, "name") is { Length: > 0 } given ? given : fallbackName;
        string Fail(string reason) => $"{name}: {reason}";

        if (!TryPositive(Text(item, "alphaname_id"), out var sender))
        {
            return (null, Fail("alphaname_id is required"));
        }

        var type = Text(item, "message_type")?.Trim().ToLowerInvariant();
        if (type is not ("bulk" or "personal"))
        {
            return (null, Fail("message_type must be bulk or personal"));
        }

        DateTimeOffset? scheduled = null;
        if (Text(item, "schedule_time") is { } scheduleText)
        {
            if (!TryLocal(scheduleText, "yyyy-MM-dd'T'HH:mm:ss", out var at))
            {
                return (null, Fail("schedule_time must be in the format YYYY-MM-DDTHH:mm:ss"));
            }

            scheduled = at;
        }

        if (!item.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            return (null, Fail("content is required"));
        }

        var contentType = Text(content, "type")?.Trim().ToLowerInvariant();
        var imageUrl = Text(content, "image_url");
        var caption = Text(content, "caption");
        var contentText = Text(content, "text");
        var contentLink = Text(content, "button_link");
        var personal = type == "personal";
        switch (contentType)
        {
            case "text":
                if (!personal && string.IsNullOrEmpty(contentText))
                {
                    return (null, Fail("text is required"));
                }

                break;
            case "image":
                if (personal)
                {
                    return (null, Fail("The image option can only be used with message_type = bulk"));
                }

                if (imageUrl is null || !IsPublicUrl(imageUrl))
                {
                    return (null, Fail("Content url is not valid"));
                }

                break;
            case "button":
                if (string.IsNullOrEmpty(caption))
                {
                    return (null, Fail("caption is required for a button"));
                }

                if (imageUrl is not null && !IsPublicUrl(imageUrl))
                {
                    return (null, Fail("Content url is not valid"));
                }

                if (!personal)
                {
                    if (string.IsNullOrEmpty(contentText))
                    {
                        return (null, Fail("text is required"));
                    }

                    if (LinkProblem(contentLink) is { } problem)
                    {
                        return (null, Fail(problem));
                    }
                }

                break;
            default:
                return (null, Fail("content.type must be text, image or button"));
        }

        if (!item.TryGetProperty("delivery_list", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            return (null, Fail("delivery_list is required"));
        }

        var entries = new List<(string? Phone, string? Text, string? Link)>();
        var position = 0;
        foreach (var entry in list.EnumerateArray())
        {
            if (!personal)
            {
                if (entry.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
                {
                    return (null, Fail("delivery_list must hold phone numbers"));
                }

                entries.Add((Phone(entry.ValueKind == JsonValueKind.String ? entry.GetString() : entry.GetRawText()), contentText, contentLink));
                continue;
            }

            var at = string.Create(CultureInfo.InvariantCulture, $"delivery_list[{position++}]");
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return (null, Fail($"{at} must be an object with phone and text"));
            }

            var text = Text(entry, "text");
            if (string.IsNullOrEmpty(text))
            {
                return (null, Fail($"{at}: text is required"));
            }

            var link = Text(entry, "button_link");
            if (contentType == "button" && LinkProblem(link) is { } problem)
            {
                return (null, Fail($"{at}: {problem}"));
            }

            entries.Add((Phone(Text(entry, "phone")), text, contentType == "button" ? link : null));
        }

        var mailing = new SmsByEmulatedMailing
        {
            Id = State.NextId("SmsBy.mailing", 8484),
            Kind = SmsByMailingKind.Bulk,
            Name = name,
            MessageType = contentType!.ToUpperInvariant(),
            Text = personal ? null : contentText,
            ButtonCaption = caption,
            ButtonLink = personal ? null : contentLink,
            Image = imageUrl,
            SenderId = (int)sender,
            CreatedAt = Now,
            ScheduledAt = scheduled,
            Confirmed = true,
        };
        _mailings[mailing.Id] = mailing;
        foreach (var (phone, text, link) in entries)
        {
            if (phone is not null && !Dropped(phone) && mailing.Deliveries.All(d => d.Recipient != phone))
            {
                Deliver(mailing, phone, text, link);
            }
        }

        return (mailing, null);
    }

    private async Task StatusBulkAsync(HttpContext context, SmsByEmulatorRequest request)
    {
        if (string.IsNullOrWhiteSpace(request["uuid"]))
        {
            await Error(context, 400, "uuid is required").ConfigureAwait(false);
            return;
        }

        SmsByEmulatedBulk? bulk;
        lock (_lock)
        {
            _bulk.TryGetValue(request["uuid"]!.Trim(), out bulk);
        }

        if (bulk is null)
        {
            await Error(context, _notFoundStatus, "not found").ConfigureAwait(false);
            return;
        }

        await EmulatorJson.WriteAsync(context, 200, writer => WriteBulkStatus(writer, bulk)).ConfigureAwait(false);
    }

    private void WriteBulkStatus(Utf8JsonWriter writer, SmsByEmulatedBulk bulk)
    {
        writer.WriteStartArray();
        lock (_lock)
        {
            foreach (var (mailing, error) in bulk.Lists)
            {
                writer.WriteStartObject();
                if (mailing is null)
                {
                    writer.WriteStartArray("errors");
                    writer.WriteStringValue(error);
                    writer.WriteEndArray();
                }
                else
                {
                    writer.WriteNumber("message_id", mailing.Id);
                    writer.WriteString("name", mailing.Name);
                    writer.WriteNumber("alphaname_id", mailing.SenderId);
                    writer.WriteStartArray("success");
                    foreach (var delivery in mailing.Deliveries)
                    {
                        var (word, _, at) = StatusOf(delivery);
                        writer.WriteStartObject();
                        writer.WriteNumber("delivery_id", long.Parse(delivery.Id, CultureInfo.InvariantCulture));
                        writer.WriteString("phone", delivery.Recipient);
                        writer.WriteString("status", word);
                        writer.WriteString("status_time", Local(at, "yyyy-MM-dd HH:mm:ss.ffffff"));
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
    }

    // ---- v2: quick messages ----------------------------------------------------------------------------------

    private async Task SendQuickAsync(HttpContext context, SmsByEmulatorRequest request)
    {
        if (!TryPositive(request["vibername_id"], out var sender))
        {
            await Error(context, 200, "vibername_id is required").ConfigureAwait(false);
            return;
        }

        var phone = Phone(request["phone"]);
        if (phone is null)
        {
            await Error(context, 200, "Invalid phone number").ConfigureAwait(false);
            return;
        }

        var content = V2Content(request);
        if (content.Error is { } contentError)
        {
            await Error(context, 200, contentError).ConfigureAwait(false);
            return;
        }

        var forwarding = request["forwarding_message"];
        if (forwarding is not (null or "0" or "1"))
        {
            await Error(context, 200, "forwarding_message must be 0 or 1").ConfigureAwait(false);
            return;
        }

        if (request["forwarding_time"] is { } minutes && (!int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var wait) || wait is < 5 or > 60))
        {
            await Error(context, 200, "forwarding_time must be between 5 and 60 minutes").ConfigureAwait(false);
            return;
        }

        if (request["alphaname_id"] is { } alphaname && !TryPositive(alphaname, out _))
        {
            await Error(context, 200, "alphaname not found").ConfigureAwait(false);
            return;
        }

        switch (State.BehaviorOf(phone))
        {
            case RecipientBehavior.InvalidNumber:
                await Error(context, 200, "Invalid phone number").ConfigureAwait(false);
                return;
            case RecipientBehavior.Blacklisted:
                await Error(context, 200, "Phone number is in the black list").ConfigureAwait(false);
                return;
        }

        SmsByEmulatedMailing mailing;
        lock (_lock)
        {
            mailing = NewV2Mailing(SmsByMailingKind.Quick, content, (int)sender, name: null, scheduled: null, forwarding == "1", confirmed: true, subscribers: []);
            Deliver(mailing, phone, content.Text, content.Link);
        }

        await Ok(context, "OK", writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("message_id", mailing.Id);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private async Task DeliveryDataAsync(HttpContext context, SmsByEmulatorRequest request)
    {
        if (await FindMailingAsync(context, request) is not { } mailing)
        {
            return;
        }

        EmulatedMessage? delivery;
        lock (_lock)
        {
            delivery = mailing.Kind == SmsByMailingKind.Quick ? mailing.Deliveries.FirstOrDefault() : null;
        }

        if (delivery is null)
        {
            // SMS.by's PHP answers a bare null when the id is a mailing rather than a quick message.
            await EmulatorJson.WriteRawAsync(context, 200, "null").ConfigureAwait(false);
            return;
        }

        var (word, code, _) = StatusOf(delivery);
        await Ok(context, "OK", writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("phone", delivery.Recipient);
            writer.WriteString("status", word);
            writer.WriteNumber("error_code", code);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    // ---- v2: mailings to subscriber lists ----------------------------------------------------------------------

    private async Task SendListAsync(HttpContext context, SmsByEmulatorRequest request)
    {
        if (!TryPositive(request["vibername_id"], out var sender))
        {
            await Error(context, 200, "vibername_id is required").ConfigureAwait(false);
            return;
        }

        if (!TryPositive(request["list_id"], out var listId))
        {
            await Error(context, 200, "list_id is required").ConfigureAwait(false);
            return;
        }

        DateTimeOffset? scheduled = null;
        if (request["d_schedule"] is { } scheduleText)
        {
            if (!TryLocal(scheduleText, "yyyy-MM-dd HH:mm", out var at))
            {
                await Error(context, 200, "d_schedule must be in the format YYYY-MM-DD HH:MM").ConfigureAwait(false);
                return;
            }

            scheduled = at;
        }

        var content = V2Content(request);
        if (content.Error is { } contentError)
        {
            await Error(context, 200, contentError).ConfigureAwait(false);
            return;
        }

        SmsByEmulatedMailing? mailing = null;
        lock (_lock)
        {
            if (_lists.TryGetValue(listId, out var subscribers))
            {
                mailing = NewV2Mailing(SmsByMailingKind.List, content, (int)sender, request["name"], scheduled, forwarding: false, confirmed: false, subscribers);
            }
        }

        if (mailing is null)
        {
            await Error(context, 200, "Subscriber list not found").ConfigureAwait(false);
            return;
        }

        await Ok(context, "OK", writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("message_id", mailing.Id);
            writer.WriteNumber("count_subscribers", mailing.Subscribers.Count);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private async Task ConfirmAsync(HttpContext context, SmsByEmulatorRequest request)
    {
        if (await FindMailingAsync(context, request) is not { } mailing)
        {
            return;
        }

        lock (_lock)
        {
            if (!mailing.Confirmed)
            {
                mailing.Confirmed = true;
                foreach (var phone in mailing.Subscribers.Where(p => !Dropped(p)))
                {
                    Deliver(mailing, phone, mailing.Text, mailing.ButtonLink);
                }

                mailing = null;
            }
        }

        if (mailing is not null)
        {
            // Already confirmed (or never needed confirming): SMS.by's PHP answers a bare false.
            await EmulatorJson.WriteRawAsync(context, 200, "false").ConfigureAwait(false);
            return;
        }

        await EmulatorJson.WriteRawAsync(context, 200, "{\"status\":\"OK\"}").ConfigureAwait(false);
    }

    private async Task MessagesAsync(HttpContext context, SmsByEmulatorRequest request)
    {
        var offset = 0L;
        var rows = 100L;
        if ((request["limit_offset"] is { } offsetText && !long.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            || (request["limit_rows"] is { } rowsText && !long.TryParse(rowsText, NumberStyles.None, CultureInfo.InvariantCulture, out rows)))
        {
            await Error(context, 200, "limit_offset and limit_rows must be non-negative integers").ConfigureAwait(false);
            return;
        }

        SmsByEmulatedMailing[] page;
        lock (_lock)
        {
            page = _mailings.Values.Skip((int)Math.Min(offset, int.MaxValue)).Take((int)Math.Min(rows, int.MaxValue)).ToArray();
        }

        await Ok(context, "OK", writer =>
        {
            writer.WriteStartArray();
            for (var i = 0; i < page.Length; i++)
            {
                WriteMailing(writer, page[i], idAsString: i % 2 == 1);
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    private async Task MessageDataAsync(HttpContext context, SmsByEmulatorRequest request)
    {
        if (await FindMailingAsync(context, request) is { } mailing)
        {
            await Ok(context, "OK", writer => WriteMailing(writer, mailing, idAsString: false)).ConfigureAwait(false);
        }
    }

    private async Task DeliveryListAsync(HttpContext context, SmsByEmulatorRequest request)
    {
        if (await FindMailingAsync(context, request) is not { } mailing)
        {
            return;
        }

        EmulatedMessage[] deliveries;
        lock (_lock)
        {
            deliveries = mailing.Deliveries.ToArray();
        }

        await Ok(context, "OK", writer =>
        {
            writer.WriteStartArray();
            for (var i = 0; i < deliveries.Length; i++)
            {
                var (word, code, _) = StatusOf(deliveries[i]);
                writer.WriteStartObject();
                writer.WriteNumber("delivery_id", long.Parse(deliveries[i].Id, CultureInfo.InvariantCulture));
                if (i % 2 == 1)
                {
                    writer.WriteNumber("phone", long.Parse(deliveries[i].Recipient, CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteString("phone", deliveries[i].Recipient);
                }

                writer.WriteString("status", word);
                writer.WriteNumber("error_code", code);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    // ---- v2: incoming messages ---------------------------------------------------------------------------------

    private async Task IncomingAsync(HttpContext context, SmsByEmulatorRequest request)
    {
        if (await FindMailingAsync(context, request) is not { } mailing)
        {
            return;
        }

        SmsByEmulatedIncoming[] unread;
        lock (_lock)
        {
            var now = Now;
            unread = _incoming.Values.Where(m => m.MailingId == mailing.Id && !m.Read && m.At <= now).OrderBy(m => m.At).ThenBy(m => m.Id, StringComparer.Ordinal).ToArray();
        }

        await Ok(context, "ok", writer =>
        {
            writer.WriteStartArray();
            foreach (var message in unread)
            {
                writer.WriteStartObject();
                writer.WriteString("id", message.Id);
                writer.WriteString("phone", message.Phone);
                writer.WriteString("message", message.Text);
                writer.WriteString("d_receiver", Local(message.At, "yyyy-MM-dd HH:mm:ss"));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    private async Task ReadResponseAsync(HttpContext context, SmsByEmulatorRequest request)
    {
        if (string.IsNullOrWhiteSpace(request["incoming_messages"]))
        {
            await Error(context, 200, "incoming_messages is required").ConfigureAwait(false);
            return;
        }

        var marked = 0;
        lock (_lock)
        {
            var now = Now;
            foreach (var id in request["incoming_messages"]!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (_incoming.TryGetValue(id, out var message) && !message.Read && message.At <= now)
                {
                    message.Read = true;
                    marked++;
                }
            }
        }

        await Ok(context, "OK", writer => writer.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"Number of flagged messages: {marked}"))).ConfigureAwait(false);
    }

    // ---- state ---------------------------------------------------------------------------------------------------

    private SmsByEmulatedMailing NewV2Mailing(SmsByMailingKind kind, V2Fields content, int sender, string? name, DateTimeOffset? scheduled, bool forwarding, bool confirmed, IReadOnlyList<string> subscribers)
    {
        var id = State.NextId("SmsBy.mailing", 8484);
        var mailing = new SmsByEmulatedMailing
        {
            Id = id,
            Kind = kind,
            Name = string.IsNullOrWhiteSpace(name) ? string.Create(CultureInfo.InvariantCulture, $"Viber mailing {id}") : name,
            MessageType = content.Type,
            Text = content.Text,
            ButtonCaption = content.Caption,
            ButtonLink = content.Link,
            Image = content.Image,
            SenderId = sender,
            CreatedAt = Now,
            ScheduledAt = scheduled,
            Forwarding = forwarding,
            Confirmed = confirmed,
            Subscribers = subscribers,
        };
        _mailings[id] = mailing;
        return mailing;
    }

    private void Deliver(SmsByEmulatedMailing mailing, string phone, string? text, string? link)
    {
        var message = new EmulatedMessage
        {
            Provider = Name,
            Id = State.NextId("SmsBy.delivery", 1001).ToString(CultureInfo.InvariantCulture),
            Recipient = phone,
            Text = text,
            Sender = mailing.SenderId.ToString(CultureInfo.InvariantCulture),
            ImageUrl = mailing.Image,
            ButtonCaption = mailing.ButtonCaption,
            ButtonUrl = link,
            SmsFallbackRequested = mailing.Forwarding,
            GroupId = mailing.Id.ToString(CultureInfo.InvariantCulture),
            AcceptedAt = Now,
            ScheduledAt = mailing.ScheduledAt,
            Behavior = State.BehaviorOf(phone),
        };
        State.Accept(message);
        mailing.Deliveries.Add(message);
        var chat = State.OpenChat(Name, ChatId(mailing, phone), phone, mailing.SenderId.ToString(CultureInfo.InvariantCulture));
        chat.Add(new EmulatedChatMessage(message.Id, Incoming: false, text ?? string.Empty, message.AcceptedAt));
        if (State.Options.AutoReply && message.Behavior == RecipientBehavior.Reads)
        {
            var start = message.ScheduledAt is { } at && at > message.AcceptedAt ? at : message.AcceptedAt;
            AddIncoming(mailing, phone, State.Options.AutoReplyText, start + State.Options.Timeline.ReplyAfter, message.Id);
        }
    }

    private string AddIncoming(SmsByEmulatedMailing mailing, string phone, string text, DateTimeOffset at, string? inReplyTo)
    {
        var id = State.NextId("SmsBy.incoming", 1234).ToString(CultureInfo.InvariantCulture);
        _incoming[id] = new SmsByEmulatedIncoming { Id = id, MailingId = mailing.Id, Phone = phone, Text = text, At = at };
        State.OpenChat(Name, ChatId(mailing, phone), phone, mailing.SenderId.ToString(CultureInfo.InvariantCulture))
            .Add(new EmulatedChatMessage(id, Incoming: true, text, at, inReplyTo));
        return id;
    }

    private async Task<SmsByEmulatedMailing?> FindMailingAsync(HttpContext context, SmsByEmulatorRequest request)
    {
        if (!TryPositive(request["message_id"], out var id))
        {
            await Error(context, 200, "message_id is required").ConfigureAwait(false);
            return null;
        }

        SmsByEmulatedMailing? mailing;
        lock (_lock)
        {
            _mailings.TryGetValue(id, out mailing);
        }

        if (mailing is null)
        {
            await Error(context, _notFoundStatus, "not found").ConfigureAwait(false);
        }

        return mailing;
    }

    private (string Word, int ErrorCode, DateTimeOffset At) StatusOf(EmulatedMessage message)
    {
        var status = State.StatusOf(message, Now);
        if (_statusWords.TryGetValue(message.Recipient, out var scripted))
        {
            return (scripted, 0, status.ChangedAt);
        }
        var word = status.Viber switch
        {
            EmulatedViberState.Pending => "NEW",
            EmulatedViberState.Sent => "SENT",
            EmulatedViberState.Delivered => "DELIVERED",
            EmulatedViberState.Read => "READ",
            _ => "UNDELIVERED",
        };
        var code = status.Viber is EmulatedViberState.Undeliverable or EmulatedViberState.Expired
            ? status.Behavior switch
            {
                RecipientBehavior.NotViberUser => 1,
                RecipientBehavior.BlocksSender => 2,
                RecipientBehavior.DeviceNotSupported => 3,
                _ => 4,
            }
            : 0;
        return (word, code, status.ChangedAt);
    }

    private void WriteMailing(Utf8JsonWriter writer, SmsByEmulatedMailing mailing, bool idAsString)
    {
        decimal cost;
        string status;
        lock (_lock)
        {
            cost = mailing.Deliveries.Count * PricePerMessage;
            status = mailing.Confirmed ? "SENT" : "NEW";
        }

        writer.WriteStartObject();
        if (idAsString)
        {
            writer.WriteString("message_id", mailing.Id.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNumber("message_id", mailing.Id);
        }

        writer.WriteString("message_type", mailing.MessageType);
        writer.WriteString("message", mailing.Text ?? string.Empty);
        writer.WriteString("button_caption", mailing.ButtonCaption ?? string.Empty);
        writer.WriteString("button_link", mailing.ButtonLink ?? string.Empty);
        writer.WriteString("image_file", mailing.Image ?? string.Empty);
        writer.WriteString("status", status);
        writer.WriteString("d_create", Local(mailing.CreatedAt, "yyyy-MM-dd HH:mm:ss"));
        writer.WriteString("d_schedule", Local(mailing.ScheduledAt ?? mailing.CreatedAt, "yyyy-MM-dd HH:mm:ss"));
        writer.WriteString("cost", cost.ToString("0.00000", CultureInfo.InvariantCulture) + " EUR");
        writer.WriteEndObject();
    }

    /// <summary>The v2 content fields (<c>type_message</c> and what it needs), or why they are refused.</summary>
    private static V2Fields V2Content(SmsByEmulatorRequest request)
    {
        var type = (request["type_message"] ?? "TEXT").Trim().ToUpperInvariant();
        var text = request["message"];
        var imageUrl = request["image_url"];
        var file = request.Files.TryGetValue("image", out var uploaded) && uploaded.Content.Length > 0 ? uploaded : null;
        var image = imageUrl ?? (file is null ? null : "https://app.sms.by/uploads/viber/" + file.FileName);
        if (imageUrl is not null && !IsPublicUrl(imageUrl))
        {
            return new V2Fields(type, Error: "Content url is not valid");
        }

        switch (type)
        {
            case "TEXT":
                return string.IsNullOrEmpty(text)
                    ? new V2Fields(type, Error: "message is required for type_message TEXT")
                    : new V2Fields(type, text);
            case "IMAGE":
                return image is null
                    ? new V2Fields(type, Error: "image_url or image is required for type_message IMAGE")
                    : new V2Fields(type, Image: image);
            case "BUTTON":
                if (string.IsNullOrEmpty(request["button"]))
                {
                    return new V2Fields(type, Error: "button is required for type_message BUTTON");
                }

                return LinkProblem(request["button_link"]) is { } problem
                    ? new V2Fields(type, Error: problem)
                    : new V2Fields(type, text, request["button"], request["button_link"], image);
            default:
                return new V2Fields(type, Error: "type_message must be TEXT, IMAGE or BUTTON");
        }
    }

    private static string? LinkProblem(string? link)
        => string.IsNullOrEmpty(link) ? "button_link is required for a button"
            : link.Length > MaxButtonLink ? "button_link must not exceed 150 characters"
            : !IsHttpUrl(link) ? "button_link is not a valid URL"
            : null;

    private bool Dropped(string phone)
        => State.BehaviorOf(phone) is RecipientBehavior.InvalidNumber or RecipientBehavior.Blacklisted or RecipientBehavior.SilentlyDropped;

    private static string ChatId(SmsByEmulatedMailing mailing, string phone) => string.Create(CultureInfo.InvariantCulture, $"{mailing.Id}:{phone}");

    private static Task Ok(HttpContext context, string status, Action<Utf8JsonWriter> writeResult)
        => EmulatorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", status);
            writer.WritePropertyName("result");
            writeResult(writer);
            writer.WriteEndObject();
        });

    private static Task Error(HttpContext context, int status, string message)
        => EmulatorJson.WriteAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        });

    private static byte[] Serialize(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    private static string? Text(JsonElement element, string name)
        => EmulatorJson.StringOrNumber(element, name);

    private static bool TryPositive(string? text, out long value)
        => long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    /// <summary>A phone as SMS.by takes it: digits, optionally after '+', 7–15 of them, not starting with 0.</summary>
    private static string? Phone(string? text)
    {
        var digits = text?.Trim().TrimStart('+');
        return digits is { Length: >= 7 and <= 15 } && digits.All(char.IsAsciiDigit) && digits[0] != '0' ? digits : null;
    }

    private static bool IsHttpUrl(string text)
        => Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// An image URL SMS.by can fetch: "a link to an image that is publicly available". A loopback, private or link-local
    /// address, <c>localhost</c> or a <c>.local</c> / <c>.internal</c> name is not (the SDK cannot know that).
    /// </summary>
    private static bool IsPublicUrl(string text)
    {
        if (!IsHttpUrl(text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (uri.IsLoopback || uri.Host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            return true;
        }

        var bytes = address.MapToIPv4().GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || bytes[0] == 10 || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31)
            || (bytes[0] == 192 && bytes[1] == 168) || (bytes[0] == 169 && bytes[1] == 254));
    }

    private static bool TryLocal(string text, string format, out DateTimeOffset at)
    {
        at = default;
        if (!DateTime.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        at = new DateTimeOffset(local, ProviderOffset);
        return true;
    }

    private static string Local(DateTimeOffset at, string format) => at.ToOffset(ProviderOffset).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The content of a v2 send: its type and fields, or the error that refuses it.</summary>
    private readonly record struct V2Fields(string Type, string? Text = null, string? Caption = null, string? Link = null, string? Image = null, string? Error = null);
}
