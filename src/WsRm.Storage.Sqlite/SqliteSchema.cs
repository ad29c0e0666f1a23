using Microsoft.Data.Sqlite;

namespace WsRm.Storage.Sqlite;

/// <summary>
/// The SQLite schema and its migrations. <c>wsrm_schema</c> holds the version; a database at a newer version than
/// <see cref="CurrentVersion"/> is refused rather than guessed at.
/// </summary>
internal static class SqliteSchema
{
    public const int CurrentVersion = 1;

    // Version 1. Times are Unix milliseconds; message numbers fit a signed 64-bit integer (WS-RM 1.1 §4.5).
    private const string Version1 = """
        CREATE TABLE wsrm_sequences (
            id TEXT PRIMARY KEY, endpoint TEXT NOT NULL, rm_ns TEXT NOT NULL, soap_ns TEXT NOT NULL, wsa_ns TEXT,
            client_key TEXT NOT NULL, owner TEXT, create_message_id TEXT, ordered INTEGER NOT NULL, status INTEGER NOT NULL,
            received TEXT NOT NULL, last_number INTEGER, last_named INTEGER NOT NULL, reply_id TEXT UNIQUE,
            reply_last INTEGER NOT NULL, created INTEGER NOT NULL, last_activity INTEGER NOT NULL, version INTEGER NOT NULL);
        CREATE INDEX wsrm_sequences_client ON wsrm_sequences (client_key);
        CREATE INDEX wsrm_sequences_activity ON wsrm_sequences (last_activity);
        CREATE TABLE wsrm_messages (
            sequence_id TEXT NOT NULL, number INTEGER NOT NULL, endpoint TEXT NOT NULL, action TEXT, envelope BLOB NOT NULL,
            received INTEGER NOT NULL, state INTEGER NOT NULL, attempts INTEGER NOT NULL, cycles INTEGER NOT NULL,
            not_before INTEGER, lease_until INTEGER, last_error TEXT, ordered INTEGER NOT NULL,
            PRIMARY KEY (sequence_id, number));
        CREATE INDEX wsrm_messages_endpoint ON wsrm_messages (endpoint, state, received);
        CREATE TABLE wsrm_replies (
            sequence_id TEXT NOT NULL, request_number INTEGER NOT NULL, reply_number INTEGER NOT NULL, action TEXT,
            body BLOB NOT NULL, is_fault INTEGER NOT NULL, last_message INTEGER NOT NULL,
            PRIMARY KEY (sequence_id, request_number));
        CREATE TABLE wsrm_outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT, queue TEXT NOT NULL, action TEXT NOT NULL, body BLOB NOT NULL,
            enqueued INTEGER NOT NULL, expires_at INTEGER, state INTEGER NOT NULL, sequence_id TEXT, number INTEGER,
            attempts INTEGER NOT NULL, last_error TEXT, dead_reason TEXT, dead_at INTEGER);
        CREATE INDEX wsrm_outbox_queue ON wsrm_outbox (queue, state, id);
        CREATE TABLE wsrm_source_sequences (
            queue TEXT PRIMARY KEY, id TEXT NOT NULL, address TEXT NOT NULL, rm_ns TEXT NOT NULL,
            last_number INTEGER NOT NULL, created INTEGER NOT NULL, version INTEGER NOT NULL);
        """;

    /// <summary>
    /// Creates or migrates the schema on <paramref name="connection"/> (the writer, so nothing races it); with
    /// <paramref name="migrate"/> false only checks it, and a missing or older schema is a <see cref="StoreSchemaException"/>.
    /// </summary>
    public static async Task EnsureAsync(SqliteConnection connection, string database, bool migrate, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new SqliteCommand("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'wsrm_schema'", connection, transaction);
        var version = 0;
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long and > 0)
        {
            await using var read = new SqliteCommand("SELECT version FROM wsrm_schema WHERE id = 1", connection, transaction);
            version = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long v ? (int)v : 0;
        }
        SchemaVersion.Check(database, version, CurrentVersion, migrate);
        if (version < 1)
        {
            await ExecuteAsync(connection, transaction, "CREATE TABLE wsrm_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, Version1, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"INSERT INTO wsrm_schema (id, version) VALUES (1, {CurrentVersion})", cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new SqliteCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
