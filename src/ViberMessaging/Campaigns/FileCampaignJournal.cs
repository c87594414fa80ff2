using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ViberMessaging.Campaigns;

/// <summary>
/// The core's zero-dependency <see cref="ICampaignJournal"/>: one append-only text file per campaign, a line per
/// recipient record (<c>state TAB digits TAB message id TAB detail</c>), flushed to disk before each call returns. A
/// line cut by a crash is dropped when the file is next read: a cut pending line means its request was never sent (the
/// runner sends only after the flush), a cut outcome line leaves the recipient pending, which is read as Unknown.
/// </summary>
/// <remarks>
/// Lookups go through an index kept in memory: per recipient its number as a 64-bit integer, the offset of its latest
/// line and its state (about 40 bytes, so some 40 MB for a million recipients). The runner itself holds only a chunk
/// or two; for campaigns of millions, the <c>ViberMessaging.Sqlite</c> journal keeps that index on disk instead.
/// </remarks>
internal sealed class FileCampaignJournal(string directory) : ICampaignJournal
{
    private const string InFlightWhenStopped = "InFlightWhenStopped";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Dictionary<ulong, Slot>> _indexes = new(StringComparer.Ordinal);

    public async Task<long> RecoverInFlightAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A run starts: the file is the truth (another process may have written it since this index was built).
            _indexes.Remove(campaignId);
            var index = Index(campaignId);
            var inFlight = new List<CampaignJournalEntry>();
            foreach (var (key, slot) in index)
            {
                if (slot.State == CampaignRecipientState.Pending)
                {
                    inFlight.Add(new CampaignJournalEntry(PhoneOf(key), CampaignRecipientState.Unknown, detail: InFlightWhenStopped));
                }
            }

            if (inFlight.Count > 0)
            {
                await AppendAsync(campaignId, index, inFlight, cancellationToken).ConfigureAwait(false);
            }

            return inFlight.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<CampaignJournalEntry>> FindAsync(string campaignId, IReadOnlyList<PhoneNumber> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var index = Index(campaignId);
            var offsets = new List<long>();
            foreach (var phone in recipients)
            {
                if (index.TryGetValue(KeyOf(phone), out var slot))
                {
                    offsets.Add(slot.Offset);
                }
            }

            return ReadLines(campaignId, offsets);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async IAsyncEnumerable<CampaignJournalEntry> ReadAsync(string campaignId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long[] offsets;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            offsets = Index(campaignId).Values.Select(s => s.Offset).Order().ToArray();
        }
        finally
        {
            _gate.Release();
        }

        for (var start = 0; start < offsets.Length; start += 1024)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var entry in ReadLines(campaignId, new ArraySegment<long>(offsets, start, Math.Min(1024, offsets.Length - start))))
            {
                yield return entry;
            }
        }
    }

    public Task RecordPendingAsync(string campaignId, IReadOnlyList<PhoneNumber> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        return RecordAsync(campaignId, recipients.Select(p => new CampaignJournalEntry(p, CampaignRecipientState.Pending)).ToArray(), cancellationToken);
    }

    public Task RecordOutcomesAsync(string campaignId, IReadOnlyList<CampaignJournalEntry> outcomes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return RecordAsync(campaignId, outcomes, cancellationToken);
    }

    private async Task RecordAsync(string campaignId, IReadOnlyList<CampaignJournalEntry> entries, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await AppendAsync(campaignId, Index(campaignId), entries, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task AppendAsync(string campaignId, Dictionary<ulong, Slot> index, IReadOnlyList<CampaignJournalEntry> entries, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var stream = new FileStream(PathOf(campaignId), FileMode.Append, FileAccess.Write, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            var start = stream.Position;
            var bytes = new ArrayBufferWriter<byte>(entries.Count * 48);
            var offsets = new long[entries.Count];
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                offsets[i] = start + bytes.WrittenCount;
                Encoding.UTF8.GetBytes(
                    string.Create(CultureInfo.InvariantCulture, $"{(int)entry.State}\t{entry.Phone.Digits}\t{Clean(entry.MessageId?.ToString())}\t{Clean(entry.Detail)}\n"),
                    bytes);
            }

            await stream.WriteAsync(bytes.WrittenMemory, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
            for (var i = 0; i < entries.Count; i++)
            {
                index[KeyOf(entries[i].Phone)] = new Slot(offsets[i], entries[i].State);
            }
        }
    }

    /// <summary>The campaign's index, built from its file (cut line dropped) the first time it is asked for.</summary>
    private Dictionary<ulong, Slot> Index(string campaignId)
    {
        if (_indexes.TryGetValue(campaignId, out var index))
        {
            return index;
        }

        index = [];
        var path = PathOf(campaignId);
        if (File.Exists(path))
        {
            DropCutLine(path);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024);
            var line = new ArrayBufferWriter<byte>(256);
            var offset = 0L;
            int b;
            while ((b = stream.ReadByte()) >= 0)
            {
                if (b != '\n')
                {
                    line.GetSpan(1)[0] = (byte)b;
                    line.Advance(1);
                    continue;
                }

                if (Parse(Encoding.UTF8.GetString(line.WrittenSpan)) is { } entry)
                {
                    index[KeyOf(entry.Phone)] = new Slot(offset, entry.State);
                }

                offset += line.WrittenCount + 1;
                line.ResetWrittenCount();
            }
        }

        _indexes[campaignId] = index;
        return index;
    }

    private List<CampaignJournalEntry> ReadLines(string campaignId, IEnumerable<long> offsets)
    {
        var entries = new List<CampaignJournalEntry>();
        if (!File.Exists(PathOf(campaignId)))
        {
            return entries;
        }

        using var handle = File.OpenHandle(PathOf(campaignId), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[512];
        foreach (var offset in offsets)
        {
            var length = 0;
            int end;
            while ((end = buffer.AsSpan(0, length).IndexOf((byte)'\n')) < 0)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = RandomAccess.Read(handle, buffer.AsSpan(length), offset + length);
                if (read == 0)
                {
                    end = length;
                    break;
                }

                length += read;
            }

            if (Parse(Encoding.UTF8.GetString(buffer, 0, end)) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
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

    /// <summary>A number's digits (at most 15, never a leading zero) as one integer: the index's key.</summary>
    private static ulong KeyOf(PhoneNumber phone) => ulong.Parse(phone.Digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static PhoneNumber PhoneOf(ulong key) => PhoneNumber.Parse(key.ToString(CultureInfo.InvariantCulture));

    private static string Clean(string? value) => value is null ? string.Empty : value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private string PathOf(string campaignId) => Path.Combine(directory, campaignId + ".journal");

    private readonly record struct Slot(long Offset, CampaignRecipientState State);
}
