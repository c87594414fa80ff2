using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ViberMessaging.Testing.Infrastructure;

/// <summary>Lenient JSON in, exact JSON out: the emulator accepts what real providers accept and answers byte-for-byte shapes.</summary>
internal static class EmulatorJson
{
    public static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>The request body the middleware buffered.</summary>
    public static byte[] Body(HttpContext context) => context.Items[EmulatorPipeline.BodyKey] as byte[] ?? [];

    /// <summary>
    /// Parses the request body as JSON, or returns <see langword="null"/> when it is not JSON. A property whose value is
    /// <c>null</c> is left out, at any depth: the gateways treat <c>"image": null</c> as no image, and clients that
    /// serialise every optional field (some providers' own SDKs among them) write nulls for the fields they do not set.
    /// </summary>
    public static JsonDocument? TryParse(HttpContext context)
    {
        var body = Body(context);
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(body, Lenient);
            if (body.AsSpan().IndexOf("null"u8) < 0)
            {
                return document;
            }

            using (document)
            {
                return JsonDocument.Parse(WithoutNullProperties(document.RootElement), Lenient);
            }
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes a JSON answer built by <paramref name="write"/>.</summary>
    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }

    /// <summary>Writes a raw JSON text (for shapes easier to write literally).</summary>
    public static Task WriteRawAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    private static byte[] WithoutNullProperties(JsonElement root)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, root);
        }

        return buffer.ToArray();

        static void Write(Utf8JsonWriter writer, JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Value.ValueKind != JsonValueKind.Null)
                        {
                            writer.WritePropertyName(property.Name);
                            Write(writer, property.Value);
                        }
                    }

                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in element.EnumerateArray())
                    {
                        Write(writer, item);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    element.WriteTo(writer);
                    break;
            }
        }
    }

    /// <summary>A property read as string whether the JSON has a string or a number.</summary>
    public static string? StringOrNumber(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null;
}
