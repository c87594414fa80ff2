using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ViberMessaging.Sqlite.Tracking;

/// <summary>
/// An <see cref="IDeliveryStore"/> in a SQLite file: one row per message with the merged report's fields. A merge is
/// one <c>BEGIN IMMEDIATE</c> transaction (read, <see cref="DeliveryReport.Merge"/>, write), so concurrent merges of one
/// message never lose an update, within this process (one connection, one merge at a time) or across processes
/// sharing the file (SQLite's write lock; WAL mode and a busy timeout let them wait for each other).
/// </summary>
internal sealed class SqliteDeliveryStore : IDeliveryStore, IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS delivery_reports (
            provider TEXT NOT NULL,
            message_id TEXT NOT NULL,
            viber_status INTEGER NOT NULL,
            sms_status INTEGER NULL,
            failure_reason INTEGER NOT NULL,
            status_at TEXT NULL,
            recipient TEXT NULL,
            raw_status TEXT NULL,
            raw_sms_status TEXT NULL,
            provider_error_code TEXT NULL,
            sms_part_ids TEXT NULL,
            PRIMARY KEY (provider, message_id)
        ) WITHOUT ROWID;
        """;

    private const string Select = """
        SELECT viber_status, sms_status, failure_reason, status_at, recipient, raw_status, raw_sms_status, provider_error_code, sms_part_ids
        FROM delivery_reports WHERE provider = $provider AND message_id = $id;
        """;

    private const string Upsert = """
        INSERT INTO delivery_reports (provider, message_id, viber_status, sms_status, failure_reason, status_at, recipient, raw_status, raw_sms_status, provider_error_code, sms_part_ids)
        VALUES ($provider, $id, $viber, $sms, $reason, $at, $recipient, $raw, $rawSms, $code, $parts)
        ON CONFLICT (provider, message_id) DO UPDATE SET
            viber_status = excluded.viber_status, sms_status = excluded.sms_status, failure_reason = excluded.failure_reason,
            status_at = excluded.status_at, recipient = excluded.recipient, raw_status = excluded.raw_status,
            raw_sms_status = excluded.raw_sms_status, provider_error_code = excluded.provider_error_code, sms_part_ids = excluded.sms_part_ids;
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _connectionString;
    private SqliteConnection? _connection;
    private bool _disposed;

    public SqliteDeliveryStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        // No pooling: disposing the store closes the file (a test, or a restart, reopens it).
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 30 }.ToString();
    }

    public async ValueTask<DeliveryStoreUpdate> MergeAsync(DeliveryReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            var stored = Read(connection, transaction, report.MessageId);
            var merged = stored is null ? report : stored.Merge(report);
            if (stored is not null && stored.IsRepeatOf(merged))
            {
                transaction.Commit();
                return new DeliveryStoreUpdate(stored, changed: false);
            }

            Write(connection, transaction, merged);
            transaction.Commit();
            return new DeliveryStoreUpdate(merged, changed: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<DeliveryReport?> GetAsync(MessageId messageId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Read(Open(), transaction: null, messageId);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _connection?.Dispose();
        _gate.Dispose();
    }

    private SqliteConnection Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_connection is not null)
        {
            return _connection;
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Schema;
            command.ExecuteNonQuery();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return _connection = connection;
    }

    private static DeliveryReport? Read(SqliteConnection connection, SqliteTransaction? transaction, MessageId id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Select;
        command.Parameters.AddWithValue("$provider", id.Provider);
        command.Parameters.AddWithValue("$id", id.Value);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new DeliveryReport(id, (DeliveryStatus)reader.GetInt32(0))
        {
            SmsStatus = reader.IsDBNull(1) ? null : (DeliveryStatus)reader.GetInt32(1),
            FailureReason = (DeliveryFailureReason)reader.GetInt32(2),
            StatusAt = reader.IsDBNull(3) ? null : DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            Recipient = reader.IsDBNull(4) ? null : PhoneNumber.TryParse(reader.GetString(4), out var phone) ? phone : null,
            RawStatus = reader.IsDBNull(5) ? null : reader.GetString(5),
            RawSmsStatus = reader.IsDBNull(6) ? null : reader.GetString(6),
            ProviderErrorCode = reader.IsDBNull(7) ? null : reader.GetString(7),
            SmsPartIds = reader.IsDBNull(8) ? [] : reader.GetString(8).Split('\n'),
        };
    }

    private static void Write(SqliteConnection connection, SqliteTransaction transaction, DeliveryReport report)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Upsert;
        command.Parameters.AddWithValue("$provider", report.MessageId.Provider);
        command.Parameters.AddWithValue("$id", report.MessageId.Value);
        command.Parameters.AddWithValue("$viber", (int)report.ViberStatus);
        command.Parameters.AddWithValue("$sms", report.SmsStatus is { } sms ? (int)sms : DBNull.Value);
        command.Parameters.AddWithValue("$reason", (int)report.FailureReason);
        command.Parameters.AddWithValue("$at", report.StatusAt is { } at ? at.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value);
        command.Parameters.AddWithValue("$recipient", report.Recipient?.ToString() is { } recipient ? recipient : DBNull.Value);
        command.Parameters.AddWithValue("$raw", (object?)report.RawStatus ?? DBNull.Value);
        command.Parameters.AddWithValue("$rawSms", (object?)report.RawSmsStatus ?? DBNull.Value);
        command.Parameters.AddWithValue("$code", (object?)report.ProviderErrorCode ?? DBNull.Value);
        command.Parameters.AddWithValue("$parts", report.SmsPartIds.Count == 0 ? DBNull.Value : string.Join('\n', report.SmsPartIds));
        command.ExecuteNonQuery();
    }
}
