using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Turns a documented response into a hostile one, reproducibly from a <see cref="Random"/>: structural mutations
/// (values swapped for other types, properties removed, added, renamed or duplicated, ids beyond 64 bits, deep
/// nesting), textual damage (truncation, stray bytes, invalid UTF-8), or something else entirely.
/// </summary>
internal static class JsonMutator
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

    private static readonly string[] Words =
    [
        "ok", "OK", "error", "status", "messages", "message_id", "providerId", "code", "id", "number", "chat_id", "result", "success",
        "successfulRequest", "requestData", "errorRequest", "errors", "additionInfo", "additionStatus", "smsStates", "name", "uuid",
        "Delivered", "READ", "vp_expired", "error-auth", "Invalid Parameter: message_id", "Too Many Requests", "not found", "false",
        "380989361121", "375291111111", "2024-10-16 22:52:42.497994", "0.04900 EUR", "tracking_id:100035", "", " ", "\u0000", "\ud800",
        "٣٨٠", "Прочитано", "💬", "-1", "1e400", "9223372036854775808", "NaN",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "429", "9007199254740993", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "1.5", "1e3", "1e400", "-1e400", "0.0000001", "123456789012345678901234567890",
    ];

    public static byte[] Mutate(string seed, Random random)
    {
        var roll = random.NextDouble();
        string text;
        if (roll < 0.08)
        {
            return Anything(random);
        }

        if (roll < 0.75 && TryParse(seed) is { } root)
        {
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                root = MutateTree(root, random);
            }

            text = root.ToJsonString();
        }
        else
        {
            text = seed;
        }

        if (roll >= 0.6)
        {
            for (var i = random.Next(1, 3); i > 0; i--)
            {
                text = MutateText(text, random);
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > 0 && random.NextDouble() < 0.05)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        }

        return bytes;
    }

    private static JsonNode? TryParse(string seed)
    {
        try
        {
            return JsonNode.Parse(seed, documentOptions: Lenient);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonNode MutateTree(JsonNode root, Random random)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        switch (random.Next(9))
        {
            case 0:
            case 1:
                return Replace(root, target, RandomValue(random, depth: 2));
            case 2:
                Remove(target);
                return root;
            case 3:
                if (target is JsonObject obj)
                {
                    obj[Pick(random, Words)] = RandomValue(random, depth: 2);
                }
                else if (target is JsonArray array)
                {
                    array.Insert(random.Next(array.Count + 1), RandomValue(random, depth: 2));
                }

                return root;
            case 4:
                if (target is JsonArray items && items.Count > 0)
                {
                    for (var i = random.Next(1, 50); i > 0; i--)
                    {
                        items.Add(items[random.Next(items.Count)]?.DeepClone());
                    }
                }

                return root;
            case 5:
                return Rename(root, target, random);
            case 6:
                return Replace(root, target, target switch
                {
                    JsonValue value when value.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
                    JsonValue value when value.GetValueKind() == JsonValueKind.Number => JsonValue.Create(value.ToJsonString()),
                    _ => JsonNode.Parse(Pick(random, Numbers)),
                });
            case 7:
                return Replace(root, target, random.Next(2) == 0 ? new JsonArray(target.DeepClone()) : new JsonObject { [Pick(random, Words)] = target.DeepClone() });
            default:
                return Replace(root, target, Nest(target.DeepClone(), random.Next(20, 40)));
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
        {
            return;
        }

        nodes.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj.ToArray())
                {
                    Collect(child, nodes);
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToArray())
                {
                    Collect(child, nodes);
                }

                break;
        }
    }

    private static JsonNode Replace(JsonNode root, JsonNode target, JsonNode? replacement)
    {
        switch (target.Parent)
        {
            case null:
                return replacement ?? JsonValue.Create("null-root")!;
            case JsonObject parent:
                parent[target.GetPropertyName()] = replacement;
                return root;
            case JsonArray parent:
                parent[target.GetElementIndex()] = replacement;
                return root;
            default:
                return root;
        }
    }

    private static void Remove(JsonNode target)
    {
        switch (target.Parent)
        {
            case JsonObject parent:
                parent.Remove(target.GetPropertyName());
                break;
            case JsonArray parent:
                parent.RemoveAt(target.GetElementIndex());
                break;
        }
    }

    private static JsonNode Rename(JsonNode root, JsonNode target, Random random)
    {
        if (target.Parent is not JsonObject parent)
        {
            return root;
        }

        var name = target.GetPropertyName();
        var renamed = random.Next(3) switch
        {
            0 => name.ToUpperInvariant(),
            1 => Pick(random, Words),
            _ => name + "_",
        };
        parent.Remove(name);
        parent[renamed] = target;
        return root;
    }

    private static JsonNode Nest(JsonNode? inner, int depth)
    {
        var node = inner;
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        }

        return node!;
    }

    private static JsonNode? RandomValue(Random random, int depth)
    {
        switch (random.Next(depth > 0 ? 10 : 7))
        {
            case 0:
                return null;
            case 1:
                return JsonValue.Create(random.Next(2) == 0);
            case 2:
            case 3:
                return JsonNode.Parse(Pick(random, Numbers));
            case 4:
            case 5:
                return JsonValue.Create(Pick(random, Words));
            case 6:
                return JsonValue.Create(new string((char)random.Next(32, 0x2FFF), random.Next(0, 3) == 0 ? 5000 : random.Next(1, 20)));
            case 7:
            case 8:
                var obj = new JsonObject();
                for (var i = random.Next(0, 4); i > 0; i--)
                {
                    obj[Pick(random, Words)] = RandomValue(random, depth - 1);
                }

                return obj;
            default:
                var array = new JsonArray();
                for (var i = random.Next(0, 4); i > 0; i--)
                {
                    array.Add(RandomValue(random, depth - 1));
                }

                return array;
        }
    }

    private static string MutateText(string text, Random random)
    {
        if (text.Length == 0)
        {
            return Pick(random, Words);
        }

        var at = random.Next(text.Length);
        switch (random.Next(7))
        {
            case 0:
                return text[..at];
            case 1:
                return text.Remove(at, Math.Min(text.Length - at, random.Next(1, 12)));
            case 2:
                return text.Insert(at, Pick(random, ["{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "\u0000", "-", "0", "e", "/*", "//", "\n"]));
            case 3:
                var length = Math.Min(text.Length - at, random.Next(1, 40));
                return text.Insert(at, text.Substring(at, length));
            case 4:
                return char.IsAsciiDigit(text[at]) ? text.Remove(at, 1).Insert(at, ((char)('0' + random.Next(10))).ToString()) : text.Insert(at, "9999999999999999999");
            case 5:
                var depth = random.Next(30, 70);
                return new string('[', depth) + text + new string(']', depth);
            default:
                return text + Pick(random, ["", " ", "}", "]", ",", "garbage", "\u0000"]);
        }
    }

    private static byte[] Anything(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                return [];
            case 1:
                return Encoding.UTF8.GetBytes(Pick(random, ["null", "false", "true", "0", "[]", "{}", "\"\"", "\"OK\"", "<html>502 Bad Gateway</html>", "OK"]));
            case 2:
                var bytes = new byte[random.Next(1, 200)];
                random.NextBytes(bytes);
                return bytes;
            case 3:
                return Encoding.UTF8.GetBytes(RandomValue(random, depth: 4)?.ToJsonString() ?? "null");
            case 4:
                var depth = random.Next(25, 80);
                return Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
            default:
                return Encoding.UTF8.GetBytes(new string('{', 1) + string.Concat(Enumerable.Range(0, random.Next(1, 2000)).Select(i => $"\"k{i}\":{i},")) + "\"end\":1}");
        }
    }

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];
}
