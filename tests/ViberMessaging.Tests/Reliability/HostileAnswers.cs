using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// A provider answer for one fuzz case: which call it feeds, the documented response it starts from, the damage done to
/// it (as data, so FsCheck can shrink it edit by edit), the HTTP status and headers.
/// </summary>
internal sealed record HostileAnswer(FuzzOperation Operation, string Seed, HostileBody Body, HttpStatusCode Status, RetryAfterKind RetryAfter, bool Html)
{
    /// <summary>The bytes on the wire (computed afresh each time: the edits never touch shared state).</summary>
    public byte[] Render() => Body.Render(Seed);

    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Render());
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Operation} at HTTP {(int)Status}{(Html ? " (text/html)" : string.Empty)}, Retry-After {RetryAfter}, {Body}\n  body: {(text.Length > 600 ? text[..600] + "…" : text)}");
    }
}

/// <summary>Which Retry-After header the answer carries.</summary>
internal enum RetryAfterKind
{
    None,
    ZeroSeconds,
    TwoSeconds,
    PastDate,
    FarFutureDate,
}

/// <summary>
/// A hostile body: either <see cref="Raw"/> bytes that owe nothing to the documents, or the seed with structural
/// <see cref="Tree"/> edits, then textual <see cref="Text"/> damage, then one flipped bit.
/// </summary>
internal sealed record HostileBody(byte[]? Raw, IReadOnlyList<TreeEdit> Tree, IReadOnlyList<TextEdit> Text, int? FlippedBit)
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

    public byte[] Render(string seed)
    {
        if (Raw is not null)
        {
            return Raw;
        }

        var text = seed;
        if (Tree.Count > 0 && TryParse(seed) is { } root)
        {
            foreach (var edit in Tree)
            {
                root = edit.Apply(root);
            }

            text = root.ToJsonString();
        }

        foreach (var edit in Text)
        {
            text = edit.Apply(text);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (FlippedBit is { } bit && bytes.Length > 0)
        {
            bytes[bit / 8 % bytes.Length] ^= (byte)(1 << (bit % 8));
        }

        return bytes;
    }

    public override string ToString()
        => Raw is not null
            ? $"raw {Raw.Length} bytes"
            : $"tree edits [{string.Join("; ", Tree)}], text edits [{string.Join("; ", Text)}]{(FlippedBit is { } bit ? $", bit {bit} flipped" : string.Empty)}";

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
}

/// <summary>What a structural edit does to the node it lands on.</summary>
internal enum TreeEditKind
{
    /// <summary>The node becomes <see cref="TreeEdit.Value"/>.</summary>
    Replace,

    /// <summary>The node is removed from its object or array.</summary>
    Remove,

    /// <summary>An object gains the property <see cref="TreeEdit.Word"/>, an array the item <see cref="TreeEdit.Value"/>.</summary>
    Add,

    /// <summary>An array's items are copied <see cref="TreeEdit.Count"/> more times.</summary>
    Duplicate,

    /// <summary>The property is renamed (upper case, <see cref="TreeEdit.Word"/>, or a trailing underscore).</summary>
    Rename,

    /// <summary>A number becomes a string and a numeric string a number; anything else a hostile number.</summary>
    Retype,

    /// <summary>The node is wrapped in an array or an object.</summary>
    Wrap,

    /// <summary>The node is nested <see cref="TreeEdit.Count"/> levels deep.</summary>
    Nest,
}

/// <summary>One structural edit. <see cref="Node"/> picks the node (modulo the tree's node count, in document order).</summary>
internal sealed record TreeEdit(TreeEditKind Kind, int Node, string Value, string Word, int Count)
{
    public JsonNode Apply(JsonNode root)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[Node % nodes.Count];
        switch (Kind)
        {
            case TreeEditKind.Replace:
                return Replace(root, target, JsonNode.Parse(Value));
            case TreeEditKind.Remove:
                Remove(target);
                return root;
            case TreeEditKind.Add when target is JsonObject obj:
                obj[Word] = JsonNode.Parse(Value);
                return root;
            case TreeEditKind.Add when target is JsonArray array:
                array.Insert(Count % (array.Count + 1), JsonNode.Parse(Value));
                return root;
            case TreeEditKind.Duplicate when target is JsonArray items && items.Count > 0:
                for (var i = 0; i < Count; i++)
                {
                    items.Add(items[(i * 7) % items.Count]?.DeepClone());
                }

                return root;
            case TreeEditKind.Rename when target.Parent is JsonObject parent:
                var name = target.GetPropertyName();
                parent.Remove(name);
                parent[(Count % 3) switch { 0 => name.ToUpperInvariant(), 1 => Word, _ => name + "_" }] = target;
                return root;
            case TreeEditKind.Retype:
                return Replace(root, target, target switch
                {
                    JsonValue value when value.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
                    JsonValue value when value.GetValueKind() == JsonValueKind.Number => JsonValue.Create(value.ToJsonString()),
                    _ => JsonNode.Parse(Value),
                });
            case TreeEditKind.Wrap:
                return Replace(root, target, Count % 2 == 0 ? new JsonArray(target.DeepClone()) : new JsonObject { [Word] = target.DeepClone() });
            case TreeEditKind.Nest:
                return Replace(root, target, Nest(target.DeepClone(), Count));
            default:
                return root;
        }
    }

    public override string ToString() => $"{Kind} node {Node} ({Value}, \"{Word}\", {Count})";

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
        {
            return;
        }

        nodes.Add(node);
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value).ToArray(),
            JsonArray array => array.ToArray(),
            _ => [],
        };
        foreach (var child in children)
        {
            Collect(child, nodes);
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

    private static JsonNode Nest(JsonNode? inner, int depth)
    {
        var node = inner;
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        }

        return node ?? JsonValue.Create("null-root")!;
    }
}

/// <summary>What textual damage does at its position.</summary>
internal enum TextEditKind
{
    Truncate,
    Delete,
    Insert,
    Repeat,
    Digit,
    Bracket,
    Append,
}

/// <summary>One textual edit. <see cref="At"/> picks the position (modulo the text's length).</summary>
internal sealed record TextEdit(TextEditKind Kind, int At, string Piece, int Count)
{
    public string Apply(string text)
    {
        if (text.Length == 0)
        {
            return Piece;
        }

        var at = At % text.Length;
        return Kind switch
        {
            TextEditKind.Truncate => text[..at],
            TextEditKind.Delete => text.Remove(at, Math.Min(text.Length - at, Count)),
            TextEditKind.Insert => text.Insert(at, Piece),
            TextEditKind.Repeat => text.Insert(at, text.Substring(at, Math.Min(text.Length - at, Count))),
            TextEditKind.Digit => char.IsAsciiDigit(text[at])
                ? text.Remove(at, 1).Insert(at, ((char)('0' + (Count % 10))).ToString())
                : text.Insert(at, "9999999999999999999"),
            TextEditKind.Bracket => new string('[', Count) + text + new string(']', Count),
            _ => text + Piece,
        };
    }

    public override string ToString() => $"{Kind} at {At} (\"{Piece}\", {Count})";
}

/// <summary>
/// FsCheck generators and shrinkers for <see cref="HostileAnswer"/>: values swapped for other types, properties removed,
/// added, renamed or duplicated, ids beyond 64 bits, deep nesting, truncation, stray bytes, invalid UTF-8, or
/// something else entirely, at assorted HTTP statuses. A failure shrinks to the fewest edits that still fail.
/// </summary>
internal static class HostileAnswers
{
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

    private static readonly HttpStatusCode[] Statuses =
    [
        HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK,
        HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized,
        HttpStatusCode.PaymentRequired, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests,
        (HttpStatusCode)418, (HttpStatusCode)460, (HttpStatusCode)461, (HttpStatusCode)462, (HttpStatusCode)463, (HttpStatusCode)464,
        (HttpStatusCode)465, (HttpStatusCode)466, (HttpStatusCode)467, (HttpStatusCode)468, HttpStatusCode.InternalServerError,
        HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable,
    ];

    private static readonly string[] Tokens = ["{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "\u0000", "-", "0", "e", "/*", "//", "\n"];

    private static readonly string[] Tails = ["", " ", "}", "]", ",", "garbage", "\u0000"];

    /// <summary>Answers for the given calls, with a shrinker that takes edits and headers away one at a time.</summary>
    public static Arbitrary<HostileAnswer> For(IReadOnlyList<FuzzOperation> operations)
        => Arb.From(Answer(operations), Shrink);

    private static Gen<HostileAnswer> Answer(IReadOnlyList<FuzzOperation> operations)
        => from operation in Gen.Elements(operations.ToArray())
           from seed in Gen.Elements(operation.Seeds)
           from body in Body
           from status in Gen.Elements(Statuses)
           from retryAfter in Gen.Frequency((2, Gen.Constant(RetryAfterKind.None)), (1, Gen.Elements(RetryAfterKind.ZeroSeconds, RetryAfterKind.TwoSeconds)), (1, Gen.Elements(RetryAfterKind.PastDate, RetryAfterKind.FarFutureDate)))
           from html in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
           select new HostileAnswer(operation, seed, body, status, retryAfter, html);

    private static Gen<HostileBody> Body
        => Gen.Frequency(
            (8, Anything.Select(raw => new HostileBody(raw, [], [], null))),
            (52, Edited(treeEdits: (1, 3), textEdits: (0, 0))),
            (15, Edited(treeEdits: (1, 3), textEdits: (1, 2))),
            (25, Edited(treeEdits: (0, 0), textEdits: (1, 2))));

    private static Gen<HostileBody> Edited((int Min, int Max) treeEdits, (int Min, int Max) textEdits)
        => from treeCount in Gen.Choose(treeEdits.Min, treeEdits.Max)
           from tree in Gen.ArrayOf(TreeEditGen, treeCount)
           from textCount in Gen.Choose(textEdits.Min, textEdits.Max)
           from text in Gen.ArrayOf(TextEditGen, textCount)
           from flip in Gen.Frequency((19, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 1 << 20).Select(b => (int?)b)))
           select new HostileBody(null, tree, text, flip);

    private static Gen<TreeEdit> TreeEditGen
        => from kind in Gen.Frequency(
               (2, Gen.Constant(TreeEditKind.Replace)),
               (1, Gen.Elements(TreeEditKind.Remove, TreeEditKind.Add, TreeEditKind.Rename, TreeEditKind.Retype, TreeEditKind.Wrap)),
               (1, Gen.Elements(TreeEditKind.Duplicate, TreeEditKind.Nest)))
           from node in Gen.Choose(0, 10_000)
           from value in kind == TreeEditKind.Retype ? Gen.Elements(Numbers) : Value(depth: 2)
           from word in Gen.Elements(Words)
           from count in kind == TreeEditKind.Nest ? Gen.Choose(20, 40) : Gen.Choose(1, 49)
           select new TreeEdit(kind, node, value, word, count);

    private static Gen<TextEdit> TextEditGen
        => from kind in Gen.Elements(Enum.GetValues<TextEditKind>())
           from at in Gen.Choose(0, 100_000)
           from piece in kind switch
           {
               TextEditKind.Insert => Gen.Elements(Tokens),
               TextEditKind.Append => Gen.Elements(Tails),
               _ => Gen.Elements(Words),
           }
           from count in kind == TextEditKind.Bracket ? Gen.Choose(30, 70) : Gen.Choose(1, 39)
           select new TextEdit(kind, at, piece, count);

    /// <summary>A JSON value as text: null, a boolean, a hostile number, a word, a long string, or a small object or array.</summary>
    private static Gen<string> Value(int depth)
    {
        var leaves = new List<(int, Gen<string>)>
        {
            (1, Gen.Constant("null")),
            (1, Gen.Elements("true", "false")),
            (2, Gen.Elements(Numbers)),
            (2, Gen.Elements(Words).Select(w => JsonValue.Create(w).ToJsonString())),
            (1, from c in Gen.Choose(32, 0x2FFF)
                from length in Gen.Frequency((1, Gen.Constant(5000)), (2, Gen.Choose(1, 19)))
                select JsonValue.Create(new string((char)c, length)).ToJsonString()),
        };
        if (depth > 0)
        {
            var child = Value(depth - 1);
            leaves.Add((2, from count in Gen.Choose(0, 3)
                           from names in Gen.ArrayOf(Gen.Elements(Words), count).Select(n => n.Distinct(StringComparer.Ordinal).ToArray())
                           from values in Gen.ArrayOf(child, names.Length)
                           select "{" + string.Join(",", names.Zip(values, (n, v) => JsonValue.Create(n).ToJsonString() + ":" + v)) + "}"));
            leaves.Add((1, from count in Gen.Choose(0, 3)
                           from values in Gen.ArrayOf(child, count)
                           select "[" + string.Join(",", values) + "]"));
        }

        return Gen.Frequency(leaves);
    }

    /// <summary>Bytes owing nothing to the documents: empty, a bare literal, noise, a random value, deep brackets, thousands of keys.</summary>
    private static Gen<byte[]> Anything
        => Gen.OneOf(
            Gen.Constant(Array.Empty<byte>()),
            Gen.Elements("null", "false", "true", "0", "[]", "{}", "\"\"", "\"OK\"", "<html>502 Bad Gateway</html>", "OK", """{"status":"OK","status":"error"}""").Select(Encoding.UTF8.GetBytes),
            Gen.Choose(1, 199).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n)),
            Value(depth: 4).Select(Encoding.UTF8.GetBytes),
            Gen.Choose(25, 79).Select(n => Encoding.UTF8.GetBytes(new string('[', n) + new string(']', n))),
            Gen.Choose(1, 1999).Select(n => Encoding.UTF8.GetBytes("{" + string.Concat(Enumerable.Range(0, n).Select(i => $"\"k{i}\":{i},")) + "\"end\":1}")));

    /// <summary>Simpler answers first: a plain 200, no Retry-After, JSON; then each edit left out in turn.</summary>
    private static IEnumerable<HostileAnswer> Shrink(HostileAnswer answer)
    {
        if (answer.Status != HttpStatusCode.OK)
        {
            yield return answer with { Status = HttpStatusCode.OK };
        }

        if (answer.RetryAfter != RetryAfterKind.None)
        {
            yield return answer with { RetryAfter = RetryAfterKind.None };
        }

        if (answer.Html)
        {
            yield return answer with { Html = false };
        }

        var body = answer.Body;
        if (body.FlippedBit is not null)
        {
            yield return answer with { Body = body with { FlippedBit = null } };
        }

        for (var i = 0; i < body.Tree.Count; i++)
        {
            yield return answer with { Body = body with { Tree = Without(body.Tree, i) } };
        }

        for (var i = 0; i < body.Text.Count; i++)
        {
            yield return answer with { Body = body with { Text = Without(body.Text, i) } };
        }
    }

    private static T[] Without<T>(IReadOnlyList<T> items, int index) => [.. items.Where((_, i) => i != index)];
}
