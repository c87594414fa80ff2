using System.Net.Http.Headers;
using System.Text;

namespace ViberMessaging.Samples.Tests.TestSupport;

/// <summary>
/// One <c>curl</c> command of the README, replayed with <see cref="HttpClient"/>: the subset the README uses
/// (<c>-s</c>, <c>-H</c>, <c>-u</c>, <c>-d</c>, <c>--data-urlencode</c>, single quotes, <c>\</c> line continuations),
/// each followed by a <c># </c> line with the answer it shows.
/// </summary>
public sealed record CurlRecipe(Uri Url, IReadOnlyList<(string Name, string Value)> Headers, string? User, IReadOnlyList<string> Data, string ShownAnswer)
{
    /// <summary>The commands of a bash block, each with the answer shown on the comment line after it.</summary>
    public static IReadOnlyList<CurlRecipe> Parse(string block)
    {
        var lines = block.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n').Select(line => line.Trim()).ToArray();
        var recipes = new List<CurlRecipe>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("curl ", StringComparison.Ordinal))
            {
                Assert.True(i + 1 < lines.Length && lines[i + 1].StartsWith("# ", StringComparison.Ordinal), $"README: no answer shown after '{lines[i]}'.");
                recipes.Add(FromTokens(Tokens(lines[i]), lines[i + 1][2..]));
            }
        }

        return recipes;
    }

    /// <summary>The request, sent to <paramref name="port"/> instead of the README's.</summary>
    public HttpRequestMessage ToRequest(int port)
    {
        var url = new UriBuilder(Url) { Port = port }.Uri;
        var request = new HttpRequestMessage(Data.Count > 0 ? HttpMethod.Post : HttpMethod.Get, url);
        if (User is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(User)));
        }

        var contentType = "application/x-www-form-urlencoded";
        foreach (var (name, value) in Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (Data.Count > 0)
        {
            request.Content = new StringContent(string.Join('&', Data), Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return request;
    }

    private static CurlRecipe FromTokens(IReadOnlyList<string> tokens, string shown)
    {
        Uri? url = null;
        string? user = null;
        var headers = new List<(string, string)>();
        var data = new List<string>();
        for (var i = 1; i < tokens.Count; i++)
        {
            switch (tokens[i])
            {
                case "-s":
                    break;
                case "-H":
                    var header = tokens[++i];
                    var colon = header.IndexOf(':', StringComparison.Ordinal);
                    headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
                    break;
                case "-u":
                    user = tokens[++i];
                    break;
                case "-d":
                    data.Add(tokens[++i]);
                    break;
                case "--data-urlencode":
                    var pair = tokens[++i];
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    data.Add(pair[..(equals + 1)] + Uri.EscapeDataString(pair[(equals + 1)..]));
                    break;
                default:
                    Assert.True(tokens[i].StartsWith("http", StringComparison.Ordinal), $"README: curl option '{tokens[i]}' is not one this test replays.");
                    url = new Uri(tokens[i]);
                    break;
            }
        }

        Assert.NotNull(url);
        return new CurlRecipe(url, headers, user, data, shown);
    }

    /// <summary>Splits a command line as a shell does for what the README uses: spaces, and single-quoted words.</summary>
    private static List<string> Tokens(string line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == '\'')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        Assert.False(quoted, $"README: unbalanced quote in '{line}'.");
        if (any)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}
