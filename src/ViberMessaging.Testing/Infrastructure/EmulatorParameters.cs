using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ViberMessaging.Testing.Infrastructure;

/// <summary>
/// The parameters of one request, wherever the client put them: the query string, a form-urlencoded or multipart body
/// (with uploaded files), or a JSON body (whose top-level scalars become parameters), read alike, as a PHP front-end
/// reads them (SMS.by's does).
/// </summary>
internal sealed class EmulatorParameters : IDisposable
{
    private EmulatorParameters(Dictionary<string, string> fields, Dictionary<string, EmulatorUploadedFile> files, JsonDocument? json, bool bodyUnreadable)
    {
        Fields = fields;
        Files = files;
        Json = json;
        BodyUnreadable = bodyUnreadable;
    }

    public IReadOnlyDictionary<string, string> Fields { get; }

    public IReadOnlyDictionary<string, EmulatorUploadedFile> Files { get; }

    /// <summary>The JSON body, when the request had one.</summary>
    public JsonDocument? Json { get; }

    /// <summary>Whether the body claimed a format it did not have (broken JSON or multipart).</summary>
    public bool BodyUnreadable { get; }

    public string? this[string name] => Fields.TryGetValue(name, out var value) ? value : null;

    public static async Task<EmulatorParameters> ReadAsync(HttpContext context)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, EmulatorUploadedFile>(StringComparer.Ordinal);
        foreach (var (name, value) in context.Request.Query)
        {
            fields[name] = value.ToString();
        }

        var body = EmulatorJson.Body(context);
        var contentType = context.Request.ContentType ?? string.Empty;
        JsonDocument? json = null;
        var unreadable = false;
        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (name, value) in QueryHelpers.ParseQuery("?" + Encoding.UTF8.GetString(body)))
            {
                fields[name] = value.ToString();
            }
        }
        else if (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            unreadable = !await ReadMultipartAsync(contentType, body, fields, files).ConfigureAwait(false);
        }
        else if (body.Length > 0)
        {
            json = EmulatorJson.TryParse(context);
            unreadable = json is null;
            if (json?.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in json.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                    {
                        fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                    }
                }
            }
        }

        return new EmulatorParameters(fields, files, json, unreadable);
    }

    public void Dispose() => Json?.Dispose();

    private static async Task<bool> ReadMultipartAsync(string contentType, byte[] body, Dictionary<string, string> fields, Dictionary<string, EmulatorUploadedFile> files)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return false;
        }

        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(body));
            while (await reader.ReadNextSectionAsync().ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer).ConfigureAwait(false);
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                if (!string.IsNullOrEmpty(fileName))
                {
                    files[name] = new EmulatorUploadedFile(fileName, section.ContentType, buffer.ToArray());
                }
                else
                {
                    fields[name] = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
                }
            }

            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}

/// <summary>A file uploaded in a multipart request.</summary>
internal sealed record EmulatorUploadedFile(string FileName, string? ContentType, byte[] Content);
