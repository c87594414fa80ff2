using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ViberMessaging.Campaigns;

/// <summary>
/// The SDK's <see cref="ICampaignJournal"/>: one append-only text file per campaign, a line per recipient record
/// (<c>state TAB digits TAB message id TAB detail</c>), flushed to disk before each call returns. A line cut by a
/// crash is dropped when the file is next read: a cut pending line means its request was never sent (the runner
/// sends only after the flush), a cut outcome line leaves the recipient pending, which is read as Unknown.
/// </summary>
internal sealed class FileCampaignJournal(string directory) : ICampaignJournal
{
    public async IAsyncEnumerable<CampaignJournalEntry> ReadAsync(string campaignId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var path = PathOf(campaignId);
        if (!File.Exists(path))
        {
            yield break;
        }

        DropCutLine(path);
        var latest = new Dictionary<string, CampaignJournalEntry>(StringComparer.Ordinal);
        using (var reader = new StreamReader(path, Encoding.UTF8))
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (Parse(line) is { } entry)
                {
                    latest[entry.Phone.Digits] = entry;
                }
            }
        }

        foreach (var entry in latest.Values)
        {
            yield return entry;
        }
    }

    public Task RecordPendingAsync(string campaignId, IReadOnlyList<PhoneNumber> recipients, CancellationToken cancellationToken = default)
        => AppendAsync(campaignId, recipients.Select(p => new CampaignJournalEntry(p, CampaignRecipientState.Pending)), cancellationToken);

    public Task RecordOutcomesAsync(string campaignId, IReadOnlyList<CampaignJournalEntry> outcomes, CancellationToken cancellationToken = default)
        => AppendAsync(campaignId, outcomes, cancellationToken);

    private async Task AppendAsync(string campaignId, IEnumerable<CampaignJournalEntry> entries, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(int)entry.State}\t{entry.Phone.Digits}\t{Clean(entry.MessageId?.ToString())}\t{Clean(entry.Detail)}\n");
        }

        Directory.CreateDirectory(directory);
        var stream = new FileStream(PathOf(campaignId), FileMode.Append, FileAccess.Write, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }

    private static CampaignJournalEntry? Parse(string line)
    {
        var parts = line.Split('\t');
        if (parts.Length != 4
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var state)
            || !Enum.IsDefined((CampaignRecipientState)state)
            || !PhoneNumber.TryParse(parts[1], out var phone))
        {
            return null;
        }

        return new CampaignJournalEntry(
            phone,
            (CampaignRecipientState)state,
            MessageId.TryParse(parts[2], out var id) ? id : null,
            parts[3].Length > 0 ? parts[3] : null);
    }

    /// <summary>Cuts the file after its last complete line, so a line half-written by a crash is neither read nor continued.</summary>
    private static void DropCutLine(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var length = stream.Length;
        var end = length;
        var one = new byte[1];
        while (end > 0)
        {
            stream.Position = end - 1;
            stream.ReadExactly(one);
            if (one[0] == (byte)'\n')
            {
                break;
            }

            end--;
        }

        if (end != length)
        {
            stream.SetLength(end);
            stream.Flush(flushToDisk: true);
        }
    }

    private static string Clean(string? value) => value is null ? string.Empty : value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private string PathOf(string campaignId) => Path.Combine(directory, campaignId + ".journal");
}
