using System.Globalization;
using System.Text.Json;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary>
/// The rules of one <c>sendBulkViber</c> mailing list: a list that breaks one does not fail the request but is reported
/// by <c>statusBulkViber</c> as <c>"&lt;list name&gt;: &lt;reason&gt;"</c>, as the document shows.
/// </summary>
internal static partial class SmsByEmulatorRules
{
    /// <summary>The list at 1-based <paramref name="index"/>, or the error that refuses it, prefixed with its name.</summary>
    public static (SmsByBulkList? List, string? Error) ReadBulkList(JsonElement item, int index)
    {
        var fallbackName = string.Create(CultureInfo.InvariantCulture, $"mailing list {index}");
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, $"{fallbackName}: a mailing list must be an object");
        }

        var name = Text(item, "name") is { Length: > 0 } given ? given : fallbackName;
        if (BulkListProblem(item, out var list) is { } problem)
        {
            return (null, $"{name}: {problem}");
        }

        return (list! with { Name = name }, null);
    }

    /// <summary>The list's first problem: sender, type, schedule, content, then the delivery list.</summary>
    private static string? BulkListProblem(JsonElement item, out SmsByBulkList? list)
    {
        list = null;
        if (!TryPositive(Text(item, "alphaname_id"), out var sender))
        {
            return "alphaname_id is required";
        }

        var type = Text(item, "message_type")?.Trim().ToLowerInvariant();
        if (type is not ("bulk" or "personal"))
        {
            return "message_type must be bulk or personal";
        }

        DateTimeOffset? scheduled = null;
        if (Text(item, "schedule_time") is { } scheduleText)
        {
            if (!TryLocal(scheduleText, "yyyy-MM-dd'T'HH:mm:ss", out var at))
            {
                return "schedule_time must be in the format YYYY-MM-DDTHH:mm:ss";
            }

            scheduled = at;
        }

        if (!item.TryGetProperty("content", out var contentElement) || contentElement.ValueKind != JsonValueKind.Object)
        {
            return "content is required";
        }

        var content = new SmsByBulkContent(
            Text(contentElement, "type")?.Trim().ToLowerInvariant(),
            Text(contentElement, "image_url"),
            Text(contentElement, "caption"),
            Text(contentElement, "text"),
            Text(contentElement, "button_link"),
            Personal: type == "personal");
        if (ContentProblem(content) is { } contentProblem)
        {
            return contentProblem;
        }

        if (DeliveryListProblem(item, content, out var entries) is { } listProblem)
        {
            return listProblem;
        }

        list = new SmsByBulkList(string.Empty, (int)sender, content, scheduled, entries);
        return null;
    }

    /// <summary>What each content type needs: a text (bulk); a public image (bulk only); a caption, and for bulk a text and a link.</summary>
    private static string? ContentProblem(SmsByBulkContent content)
    {
        switch (content.Type)
        {
            case "text":
                return !content.Personal && string.IsNullOrEmpty(content.Text) ? "text is required" : null;
            case "image":
                if (content.Personal)
                {
                    return "The image option can only be used with message_type = bulk";
                }

                return content.ImageUrl is null || !IsPublicUrl(content.ImageUrl) ? "Content url is not valid" : null;
            case "button":
                if (string.IsNullOrEmpty(content.Caption))
                {
                    return "caption is required for a button";
                }

                if (content.ImageUrl is not null && !IsPublicUrl(content.ImageUrl))
                {
                    return "Content url is not valid";
                }

                return content.Personal ? null : string.IsNullOrEmpty(content.Text) ? "text is required" : LinkProblem(content.Link);
            default:
                return "content.type must be text, image or button";
        }
    }

    /// <summary>
    /// <c>delivery_list</c>: phones for a bulk list (each gets the content's text and link), objects with a phone and a
    /// text (and a button link) for a personal one. A malformed phone is kept as <see langword="null"/>: it is left out silently.
    /// </summary>
    private static string? DeliveryListProblem(JsonElement item, SmsByBulkContent content, out List<SmsByBulkEntry> entries)
    {
        entries = [];
        if (!item.TryGetProperty("delivery_list", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            return "delivery_list is required";
        }

        var position = 0;
        foreach (var entry in list.EnumerateArray())
        {
            if (!content.Personal)
            {
                if (entry.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
                {
                    return "delivery_list must hold phone numbers";
                }

                entries.Add(new SmsByBulkEntry(Phone(entry.ValueKind == JsonValueKind.String ? entry.GetString() : entry.GetRawText()), content.Text, content.Link));
                continue;
            }

            var at = string.Create(CultureInfo.InvariantCulture, $"delivery_list[{position++}]");
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return $"{at} must be an object with phone and text";
            }

            var text = Text(entry, "text");
            if (string.IsNullOrEmpty(text))
            {
                return $"{at}: text is required";
            }

            var link = Text(entry, "button_link");
            if (content.Type == "button" && LinkProblem(link) is { } problem)
            {
                return $"{at}: {problem}";
            }

            entries.Add(new SmsByBulkEntry(Phone(Text(entry, "phone")), text, content.Type == "button" ? link : null));
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) => EmulatorJson.StringOrNumber(element, name);
}

/// <summary>A <c>sendBulkViber</c> list's content; <c>Personal</c> lists take the text (and link) from each entry.</summary>
internal sealed record SmsByBulkContent(string? Type, string? ImageUrl, string? Caption, string? Text, string? Link, bool Personal);

/// <summary>One recipient of a bulk list: the phone (<see langword="null"/> when malformed), its text and button link.</summary>
internal sealed record SmsByBulkEntry(string? Phone, string? Text, string? Link);

/// <summary>A <c>sendBulkViber</c> list that passed the rules.</summary>
internal sealed record SmsByBulkList(string Name, int SenderId, SmsByBulkContent Content, DateTimeOffset? ScheduledAt, IReadOnlyList<SmsByBulkEntry> Entries);
