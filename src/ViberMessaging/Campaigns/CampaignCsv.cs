using System.Globalization;

namespace ViberMessaging.Campaigns;

/// <summary>Writes the campaign summary CSV (RFC 4180: comma-separated, CRLF, a field quoted when it holds a comma, quote or line break).</summary>
internal static class CampaignCsv
{
    public const string Header = "phone,state,message_id,delivery_status,status_at,detail";

    public static Task WriteRowAsync(TextWriter writer, CampaignJournalEntry entry, DeliveryReport? report, CancellationToken cancellationToken)
    {
        var row = string.Join(
            ',',
            Field("+" + entry.Phone.Digits),
            Field(entry.State.ToString()),
            Field(entry.MessageId?.ToString()),
            Field(report?.Status.ToString()),
            Field(report?.StatusAt?.ToString("O", CultureInfo.InvariantCulture)),
            Field(entry.Detail));
        return writer.WriteAsync((row + "\r\n").AsMemory(), cancellationToken);
    }

    /// <summary>One field, quoted when it must be; a leading <c>=</c>, <c>@</c> or <c>-</c> (not a negative number) is prefixed with <c>'</c> so a spreadsheet shows text, never runs a formula.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '-' or '@' && !char.IsAsciiDigit(value.Length > 1 ? value[1] : ' '))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
