using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using ViberMessaging.Campaigns;

namespace ViberMessaging.Sqlite.Campaigns;

/// <summary>
/// An <see cref="ICampaignJournal"/> in one embedded SQLite file: a row per (campaign, recipient) holding its latest
/// record, keyed by the number as an integer. Write-ahead log with <c>synchronous=FULL</c>, one transaction per
/// "about to send" and one per "outcome": the file is consistent at every instant, and a process killed at any point
/// (<c>kill -9</c>) leaves either the whole chunk recorded or none of it. Lookups go by the primary key, one chunk at
/// a time, so memory stays flat whatever the campaign's size.
/// </summary>
internal sealed class SqliteCampaignJournal : ICampaignJournal, IDisposable
{
    private const string InFlightWhenStopped = "InFlightWhenStopped";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS campaign_recipient (
            campaign   TEXT    NOT NULL,
            phone      INTEGER NOT NULL,
            state      INTEGER NOT NULL,
            message_id TEXT    NULL,
            detail     TEXT    NULL,
            PRIMARY KEY (campaign, phone)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS campaign_recipient_pending ON campaign_recipient (campaign) WHERE state = 0;
        """;

    private const string Upsert = """
        INSERT INTO campaign_recipient (campaign, phone, state, message_id, detail) VALUES ($campaign, $phone, $state, $message_id, $detail)
        ON CONFLICT (campaign, phone) DO UPDATE SET state = excluded.state, message_id = excluded.message_id, detail = excluded.detail
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    /// <summary>Creates a journal in the file at <paramref name="path"/> (created, with its directory, on first use).</summary>
    public SqliteCampaignJournal(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public async Task<long> RecoverInFlightAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = Connection();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE campaign_recipient SET state = $unknown, detail = $detail WHERE campaign = $campaign AND state = 0";
            command.Parameters.AddWithValue("$unknown", (int)CampaignRecipientState.Unknown);
            command.Parameters.AddWithValue("$detail", InFlightWhenStopped);
            command.Parameters.AddWithValue("$campaign", campaignId);
            return command.ExecuteNonQuery();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<CampaignJournalEntry>> FindAsync(string campaignId, IReadOnlyList<PhoneNumber> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        ArgumentNullException.ThrowIfNull(recipients);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = Connection();
            using var transaction = connection.BeginTransaction(deferred: true);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT phone, state, message_id, detail FROM campaign_recipient WHERE campaign = $campaign AND phone = $phone";
            command.Parameters.AddWithValue("$campaign", campaignId);
            var phone = command.Parameters.Add("$phone", SqliteType.Integer);
            command.Prepare();
            var entries = new List<CampaignJournalEntry>();
            foreach (var recipient in recipients)
            {
                phone.Value = KeyOf(recipient);
                using var reader = command.ExecuteReader();
                if (reader.Read())
                {
                    entries.Add(Read(reader));
                }
            }

            transaction.Commit();
            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async IAsyncEnumerable<CampaignJournalEntry> ReadAsync(string campaignId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        if (!File.Exists(Path))
        {
            yield break;
        }

        // A connection of its own (WAL lets it read beside the writer), streamed: nothing is loaded whole.
        var connection = new SqliteConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();

            // A process killed between creating the file and its schema leaves a file without the table: nothing recorded.
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'campaign_recipient'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
            {
                yield break;
            }

            command.CommandText = "SELECT phone, state, message_id, detail FROM campaign_recipient WHERE campaign = $campaign ORDER BY phone";
            command.Parameters.AddWithValue("$campaign", campaignId);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return Read(reader);
                }
            }
        }
    }

    public Task RecordPendingAsync(string campaignId, IReadOnlyList<PhoneNumber> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        return WriteAsync(campaignId, recipients.Select(static p => new CampaignJournalEntry(p, CampaignRecipientState.Pending)), cancellationToken);
    }

    public Task RecordOutcomesAsync(string campaignId, IReadOnlyList<CampaignJournalEntry> outcomes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return WriteAsync(campaignId, outcomes, cancellationToken);
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
        _gate.Dispose();
    }

    /// <summary>All the records in one transaction: durable (WAL, synchronous=FULL) when the commit returns, or none of them.</summary>
    private async Task WriteAsync(string campaignId, IEnumerable<CampaignJournalEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = Connection();
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Upsert;
            command.Parameters.AddWithValue("$campaign", campaignId);
            var phone = command.Parameters.Add("$phone", SqliteType.Integer);
            var state = command.Parameters.Add("$state", SqliteType.Integer);
            var messageId = command.Parameters.Add("$message_id", SqliteType.Text);
            var detail = command.Parameters.Add("$detail", SqliteType.Text);
            command.Prepare();
            foreach (var entry in entries)
            {
                phone.Value = KeyOf(entry.Phone);
                state.Value = (int)entry.State;
                messageId.Value = entry.MessageId is { IsEmpty: false } id ? id.ToString() : DBNull.Value;
                detail.Value = (object?)entry.Detail ?? DBNull.Value;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The writer's connection, opened (and the schema created) on first use.</summary>
    private SqliteConnection Connection()
    {
        if (_connection is not null)
        {
            return _connection;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; " + Schema;
            command.ExecuteNonQuery();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _connection = connection;
        return connection;
    }

    private static CampaignJournalEntry Read(SqliteDataReader reader)
        => new(
            PhoneNumber.Parse(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture)),
            (CampaignRecipientState)reader.GetInt32(1),
            !reader.IsDBNull(2) && MessageId.TryParse(reader.GetString(2), out var id) ? id : null,
            reader.IsDBNull(3) ? null : reader.GetString(3));

    /// <summary>A number's digits (at most 15, never a leading zero) as one integer: the primary key's second column.</summary>
    private static long KeyOf(PhoneNumber phone) => long.Parse(phone.Digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
