using System.Globalization;

namespace ViberMessaging.Samples.BulkCampaign;

/// <summary>The campaign's recipients: valid, de-duplicated, in file order; with what was dropped and why.</summary>
internal sealed record RecipientList(IReadOnlyList<PhoneNumber> Recipients, int Invalid, int Duplicates, IReadOnlyList<string> InvalidSamples)
{
    private static readonly string[] PhoneColumns = ["phone", "number", "recipient", "msisdn", "mobile", "tel"];

    /// <summary><paramref name="count"/> distinct test numbers in the provider's region (for the emulator only).</summary>
    public static RecipientList Generate(string provider, int count)
        => new(Enumerable.Range(0, count).Select(i => SamplePhones.For(provider, i)).ToArray(), 0, 0, []);

    /// <summary>
    /// Reads phone numbers from a CSV file: one per line, or in a column named phone / number / recipient / msisdn
    /// (the first column when there is no such header). Commas, semicolons and tabs separate columns; blank lines
    /// and lines starting with # are skipped. Invalid numbers and duplicates are counted and left out.
    /// </summary>
    public static RecipientList Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new SampleUsageException($"recipient file '{path}' does not exist.");
        }

        var recipients = new List<PhoneNumber>();
        var seen = new HashSet<PhoneNumber>();
        var invalidSamples = new List<string>();
        int invalid = 0, duplicates = 0, column = 0, lineNumber = 0;
        var headerChecked = false;
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                lineNumber++;
                var trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                {
                    continue;
                }

                var fields = trimmed.Split([',', ';', '\t']);
                if (!headerChecked)
                {
                    headerChecked = true;
                    var header = Array.FindIndex(fields, f => PhoneColumns.Contains(Unquote(f), StringComparer.OrdinalIgnoreCase));
                    if (header >= 0 || (!fields.Any(f => PhoneNumber.TryParse(Unquote(f), out _)) && fields.Any(f => Unquote(f).Any(char.IsLetter))))
                    {
                        column = Math.Max(header, 0);
                        continue;
                    }
                }

                var field = column < fields.Length ? Unquote(fields[column]) : string.Empty;
                if (!PhoneNumber.TryParse(field, out var phone))
                {
                    invalid++;
                    if (invalidSamples.Count < 3)
                    {
                        invalidSamples.Add(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: '{field}'"));
                    }

                    continue;
                }

                if (seen.Add(phone))
                {
                    recipients.Add(phone);
                }
                else
                {
                    duplicates++;
                }
            }
        }
        catch (IOException e)
        {
            throw new SampleUsageException($"cannot read recipient file '{path}': {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SampleUsageException($"cannot read recipient file '{path}': {e.Message}");
        }

        if (recipients.Count == 0)
        {
            throw new SampleUsageException(
                $"recipient file '{path}' has no valid phone number"
                + (invalidSamples.Count > 0 ? $" ({invalid} invalid, e.g. {invalidSamples[0]})." : ".")
                + " Put one number per line with its country code, e.g. +380501234567.");
        }

        return new RecipientList(recipients, invalid, duplicates, invalidSamples);
    }

    private static string Unquote(string field) => field.Trim().Trim('"', '\'').Trim();
}
