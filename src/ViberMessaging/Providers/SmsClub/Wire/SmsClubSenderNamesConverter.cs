using System.Text.Json;
using System.Text.Json.Serialization;

namespace ViberMessaging.SmsClub;

/// <summary>
/// The undocumented originator list: a bare array of names; or <c>successfulRequest.requestData</c> holding an array,
/// an object with an array inside, a map of id → name, or objects that carry the name in a <c>name</c>-like field.
/// </summary>
internal sealed class SmsClubSenderNamesConverter : JsonConverter<SmsClubSenderNames?>
{
    private static readonly string[] NameFields = ["name", "originator", "sender", "alpha_name", "alphaName", "alphaname", "title", "value"];

    public override SmsClubSenderNames? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                return new SmsClubSenderNames { Names = FromArray(root) };
            case JsonValueKind.Object:
                if (TryGet(root, "successfulRequest", out var success) || TryGet(root, "success_request", out success))
                {
                    return TryGet(success, "requestData", out var data) || TryGet(success, "info", out data)
                        ? new SmsClubSenderNames { Names = FromData(data) }
                        : new SmsClubSenderNames { Names = [] };
                }

                var isError = TryGet(root, "errorRequest", out _) || TryGet(root, "error_request", out _)
                    || (TryGet(root, "name", out _) && TryGet(root, "status", out _));
                return new SmsClubSenderNames { IsError = isError };
            default:
                return new SmsClubSenderNames();
        }
    }

    public override void Write(Utf8JsonWriter writer, SmsClubSenderNames? value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var name in value?.Names ?? [])
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
    }

    private static List<string> FromData(JsonElement data)
    {
        switch (data.ValueKind)
        {
            case JsonValueKind.Array:
                return FromArray(data);
            case JsonValueKind.Object:
                // {"originators":[…]} or a similar single list inside.
                foreach (var property in data.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Array)
                    {
                        return FromArray(property.Value);
                    }
                }

                // A map: {"12":"MyShop"} or {"12":{"name":"MyShop"}}.
                var names = new List<string>();
                foreach (var property in data.EnumerateObject())
                {
                    AddName(property.Value, names);
                }

                return names;
            case JsonValueKind.String:
                return [data.GetString()!];
            default:
                return [];
        }
    }

    private static List<string> FromArray(JsonElement array)
    {
        var names = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            AddName(item, names);
        }

        return names;
    }

    private static void AddName(JsonElement item, List<string> names)
    {
        if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
        {
            names.Add(item.GetString()!);
        }
        else if (item.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in NameFields)
            {
                if (TryGet(item, field, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
                {
                    names.Add(value.GetString()!);
                    return;
                }
            }
        }
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }
}
