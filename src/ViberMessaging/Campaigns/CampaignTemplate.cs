using System.Text;

namespace ViberMessaging.Campaigns;

/// <summary>Fills a campaign text's <c>{name}</c> placeholders from a recipient's variables (<c>{{</c> and <c>}}</c> are literal braces).</summary>
internal static class CampaignTemplate
{
    /// <summary>The text for one recipient, or <see langword="null"/> with the first placeholder it has no value for.</summary>
    public static string? Render(string? template, IReadOnlyDictionary<string, string> variables, out string? missing)
    {
        missing = null;
        if (template is null || template.AsSpan().IndexOfAny('{', '}') < 0)
        {
            return template;
        }

        var text = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }

            var end = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (end < 0)
            {
                text.Append(c);
                continue;
            }

            var name = template[(i + 1)..end];
            if (!variables.TryGetValue(name, out var value))
            {
                missing = name;
                return null;
            }

            text.Append(value);
            i = end;
        }

        return text.ToString();
    }
}
