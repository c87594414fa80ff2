using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace ViberMessaging.SmsBy;

/// <summary>
/// Neutral (and SMS.by-specific) requests → SMS.by's wire: form fields for the v2 methods (multipart when an image is
/// uploaded), JSON for <c>sendBulkViber</c> / <c>statusBulkViber</c>. The token (and <c>statusBulkViber</c>'s uuid)
/// travels where the document's parameter table puts it: in the query string of the methods in
/// <see cref="TokenInQuery"/>, in the form body of the others; the bulk methods' JSON body carries it as well, as the
/// document's sample and SMS.by's own clients send it. Unset optional fields are omitted.
/// </summary>
internal static partial class SmsByRequestMapper
{
    public const string SendQuickPath = "api/v2/sendQuickViberMessage";
    public const string DeliveryDataPath = "api/v2/getViberDeliveryData";
    public const string SendListPath = "api/v2/sendViberMessageList";
    public const string ConfirmPath = "api/v2/confirmViberMessage";
    public const string MessagesPath = "api/v2/getViberMessages";
    public const string MessageDataPath = "api/v2/getViberMessageData";
    public const string DeliveryListPath = "api/v2/getViberDeliveryList";
    public const string IncomingPath = "api/v2/getNewIncomingMessages";
    public const string ReadIncomingPath = "api/v2/readResponseStatus";
    public const string SendBulkPath = "api/v1/sendBulkViber";
    public const string BulkStatusPath = "api/v1/statusBulkViber";

    public const string DefaultMailingName = "ViberMessaging";

    /// <summary>The methods whose parameter table has <c>token</c> "Location: query" (the others say formData).</summary>
    public static readonly IReadOnlySet<string> TokenInQuery = new HashSet<string>(StringComparer.Ordinal)
    {
        SendBulkPath, BulkStatusPath, ConfirmPath, MessagesPath, MessageDataPath,
    };

    /// <summary>
    /// A method's relative URI: with the token, and <paramref name="query"/>, in the query string when the document puts
    /// the token there (<see cref="TokenInQuery"/>); the bare path otherwise. Values are URL-escaped.
    /// </summary>
    public static string ToSmsByUri(string path, string token, params (string Name, string Value)[] query)
    {
        if (!TokenInQuery.Contains(path))
        {
            return path;
        }

        var uri = new StringBuilder(path).Append("?token=").Append(Uri.EscapeDataString(token));
        foreach (var (name, value) in query)
        {
            uri.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return uri.ToString();
    }

    /// <summary><c>sendQuickViberMessage</c>'s fields for one recipient, in the document's order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ToSmsByQuickFields(ViberMessage message, SmsBySendPlan plan, PhoneNumber recipient, string token, bool hasImageFile = false)
    {
        var fields = new List<KeyValuePair<string, string>>(11)
        {
            new("token", token),
            new("vibername_id", Number(plan.ViberSenderId)),
            new("phone", recipient.Digits),
        };
        AddContent(fields, message.Text, message.ImageUrl, hasImageFile, message.Button);
        if (message.SmsFallback is not null)
        {
            fields.Add(new("forwarding_message", "1"));
            if (plan.ForwardingMinutes is { } minutes)
            {
                fields.Add(new("forwarding_time", Number(minutes)));
            }

            if (plan.SmsSenderId is { } alphaname)
            {
                fields.Add(new("alphaname_id", Number(alphaname)));
            }
        }

        return fields;
    }

    /// <summary><c>sendViberMessageList</c>'s fields, in the document's order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ToSmsByListFields(SmsByListMailing mailing, int senderId, string token, TimeSpan providerOffset)
    {
        var fields = new List<KeyValuePair<string, string>>(10) { new("token", token) };
        if (!string.IsNullOrWhiteSpace(mailing.Name))
        {
            fields.Add(new("name", mailing.Name));
        }

        fields.Add(new("vibername_id", Number(senderId)));
        fields.Add(new("list_id", mailing.ListId.ToString(CultureInfo.InvariantCulture)));
        AddContent(fields, mailing.Text, mailing.ImageUrl, mailing.ImageFile is not null, mailing.Button);
        if (mailing.SendAt is { } sendAt)
        {
            fields.Add(new("d_schedule", ToSmsByDSchedule(sendAt, providerOffset)));
        }

        return fields;
    }

    /// <summary>A v2 body: form-urlencoded, or multipart with the <c>image</c> file when one is uploaded.</summary>
    public static HttpContent ToSmsByContent(IReadOnlyList<KeyValuePair<string, string>> fields, SmsByImageFile? image = null, string? boundary = null)
    {
        if (image is null)
        {
            return new FormUrlEncodedContent(fields);
        }

        var content = boundary is null ? new MultipartFormDataContent() : new MultipartFormDataContent(boundary);
        foreach (var (name, value) in fields)
        {
            var part = new StringContent(value);

            // Plain form fields: PHP reads a part with a Content-Type but no file name as a field all the same, but the
            // document's clients send none.
            part.Headers.ContentType = null;
            content.Add(part, name);
        }

        var file = new ReadOnlyMemoryContent(image.Content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(image.ContentType);
        content.Add(file, "image", image.FileName);
        return content;
    }

    /// <summary>A v2 call's form: the token (unless the method takes it in the query string, <see cref="ToSmsByUri"/>) and the method's parameters.</summary>
    public static HttpContent ToSmsByForm(string path, string token, params (string Name, string Value)[] parameters)
    {
        var fields = new List<KeyValuePair<string, string>>(parameters.Length + 1);
        if (!TokenInQuery.Contains(path))
        {
            fields.Add(new("token", token));
        }

        foreach (var (name, value) in parameters)
        {
            fields.Add(new(name, value));
        }

        return new FormUrlEncodedContent(fields);
    }

    /// <summary>Parses and checks the ids of a status query, every problem at once.</summary>
    public static SmsByIdParts[] ToSmsByStatusKeys(IEnumerable<MessageId> messageIds, string providerName)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var ids = messageIds as MessageId[] ?? messageIds.ToArray();
        var parts = new SmsByIdParts[ids.Length];
        var errors = new Internal.ValidationErrors();
        for (var i = 0; i < ids.Length && errors.Count < 20; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"messageIds[{i}]");
            if (ids[i].IsEmpty)
            {
                errors.Add(field, "Required", $"{field} is empty.");
            }
            else if (!string.Equals(ids[i].Provider, providerName, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(field, "Provider", $"{field} ({ids[i]}) belongs to provider '{ids[i].Provider}', not '{providerName}'.");
            }
            else if (!SmsByIds.TryParse(ids[i].Value, out parts[i]))
            {
                errors.Add(field, "Format", $"{field} ({ids[i]}) is not an SMS.by message id: expected 'quick:<id>', 'bulk:<uuid>:<phone>[:<list>]' or 'mailing:<id>:<phone>'.");
            }
        }

        errors.ThrowIfAny();
        return parts;
    }

    /// <summary><c>schedule_time</c>: <c>yyyy-MM-ddTHH:mm:ss</c> in the provider's zone, rounded up to the second (never earlier than asked).</summary>
    public static string ToSmsByScheduleTime(DateTimeOffset sendAt, TimeSpan providerOffset)
        => RoundUp(sendAt, TimeSpan.TicksPerSecond).ToOffset(providerOffset).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary><c>d_schedule</c>: <c>yyyy-MM-dd HH:mm</c> in the provider's zone, rounded up to the minute (never earlier than asked).</summary>
    public static string ToSmsByDSchedule(DateTimeOffset sendAt, TimeSpan providerOffset)
        => RoundUp(sendAt, TimeSpan.TicksPerMinute).ToOffset(providerOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static void AddContent(List<KeyValuePair<string, string>> fields, string? text, Uri? imageUrl, bool hasImageFile, ViberButton? button)
    {
        if (button is not null)
        {
            fields.Add(new("type_message", "BUTTON"));
            if (!string.IsNullOrEmpty(text))
            {
                fields.Add(new("message", text));
            }

            if (imageUrl is not null)
            {
                fields.Add(new("image_url", SmsByMessageValidator.Link(imageUrl)));
            }

            fields.Add(new("button", button.Caption));
            fields.Add(new("button_link", SmsByMessageValidator.Link(button.Url)));
        }
        else if (imageUrl is not null || hasImageFile)
        {
            fields.Add(new("type_message", "IMAGE"));
            if (imageUrl is not null)
            {
                fields.Add(new("image_url", SmsByMessageValidator.Link(imageUrl)));
            }
        }
        else
        {
            fields.Add(new("type_message", "TEXT"));
            fields.Add(new("message", text ?? string.Empty));
        }
    }

    private static DateTimeOffset RoundUp(DateTimeOffset value, long unit)
    {
        var remainder = value.UtcTicks % unit;
        return remainder == 0 ? value : value.AddTicks(unit - remainder);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
