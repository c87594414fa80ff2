using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ViberMessaging.ContractTests.Support;

/// <summary>Reads a multipart/form-data body (with ASP.NET Core's parser, which WireMock.Net already brings) into its parts, in order.</summary>
internal static class MultipartBody
{
    /// <summary>Each part's field name, file name (<see langword="null"/> for a plain field) and content: text for a field, Base64 for a file.</summary>
    public static IReadOnlyList<(string Name, string? FileName, string Content)> Parse(byte[] body)
    {
        var text = Encoding.Latin1.GetString(body);
        var start = text.IndexOf("--", StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf("\r\n", start, StringComparison.Ordinal);
        if (end < 0)
        {
            return [];
        }

        var boundary = text[(start + 2)..end];
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        var parts = new List<(string, string?, string)>();
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var content = new MemoryStream();
            section.Body.CopyTo(content);
            var fileName = disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).ToString() : null;
            parts.Add((
                HeaderUtilities.RemoveQuotes(disposition.Name).ToString(),
                fileName,
                fileName is null ? Encoding.UTF8.GetString(content.ToArray()) : Convert.ToBase64String(content.ToArray())));
        }

        return parts;
    }
}
