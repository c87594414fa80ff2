using System.Globalization;
using System.Runtime.CompilerServices;
using ViberMessaging.Campaigns;

namespace ViberMessaging.Cli.Commands;

/// <summary>
/// A campaign's recipients from a CSV file: one phone per line, or a header with a column named phone / number /
/// recipient / msisdn / mobile (the first column otherwise) and more columns whose values fill the text's
/// <c>{column}</c> placeholders. Commas, semicolons or tabs separate; blank lines and lines starting with # are skipped.
/// Read twice, streamed: once to count (for the ETA), once to send.
/// </summary>
internal sealed class RecipientCsv
{
    private static readonly string[] PhoneColumns = ["phone", "number", "recipient", "msisdn", "mobile", "tel"];

    private RecipientCsv(string path) => Path = path;

    public string Path { get; }

    /// <summary>Rows with a valid phone.</summary>
    public long Valid { get; private set; }

    /// <summary>Rows whose phone is not a number, with up to three examples.</summary>
    public long Invalid { get; private set; }

    public List<string> InvalidSamples { get; } = [];

    /// <summary>Opens and counts the file; a usage error when it is missing or has no valid phone.</summary>
    public static RecipientCsv Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"recipients: file '{path}' does not exist.");
        }

        var csv = new RecipientCsv(path);
        try
        {
            foreach (var (line, phone, _) in csv.Rows())
            {
                if (phone is not null)
                {
                    csv.Valid++;
                }
                else
                {
                    csv.Invalid++;
                    if (csv.InvalidSamples.Count < 3)
                    {
                        csv.InvalidSamples.Add(string.Create(CultureInfo.InvariantCulture, $"line {line}"));
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"recipients: cannot read '{path}': {e.Message}");
        }

        if (csv.Valid == 0)
        {
            throw new CliUsageException($"recipients: '{path}' has no valid phone number ({csv.Invalid} invalid rows); put one per line with its country code, e.g. +380501234567, or a column named phone.");
        }

        return csv;
    }

    /// <summary>The valid rows, streamed.</summary>
    public async IAsyncEnumerable<CampaignRecipient> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var (_, phone, variables) in Rows())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (phone is not null)
            {
                yield return new CampaignRecipient(phone, variables);
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private IEnumerable<(int Line, PhoneNumber? Phone, IReadOnlyDictionary<string, string>? Variables)> Rows()
    {
        string[]? header = null;
        var column = 0;
        var first = true;
        var number = 0;
        foreach (var raw in File.ReadLines(Path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split([',', ';', '\t']).Select(Unquote).ToArray();
            if (first)
            {
                first = false;
                var named = Array.FindIndex(fields, f => PhoneColumns.Contains(f, StringComparer.OrdinalIgnoreCase));
                if (named >= 0 || (!PhoneNumber.TryParse(fields[0], out _) && fields.Any(f => f.Any(char.IsLetter))))
                {
                    header = fields;
                    column = Math.Max(named, 0);
                    continue;
                }
            }

            var text = column < fields.Length ? fields[column] : string.Empty;
            if (!PhoneNumber.TryParse(text, out var phone))
            {
                yield return (number, null, null);
                continue;
            }

            Dictionary<string, string>? variables = null;
            if (header is not null)
            {
                variables = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length && i < fields.Length; i++)
                {
                    if (i != column && header[i].Length > 0)
                    {
                        variables[header[i]] = fields[i];
                    }
                }
            }

            yield return (number, phone, variables);
        }
    }

    private static string Unquote(string field) => field.Trim().Trim('"', '\'').Trim();
}
