using Npgsql;

namespace WsRm.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL schema and its migrations, the same tables as SQLite's in PostgreSQL types. <c>wsrm_schema</c> holds
/// the version; a database at a newer version than <see cref="CurrentVersion"/> is refused rather than guessed at.
/// Creating and migrating run under a transaction-scoped advisory lock, so servers starting together do it once.
/// </summary>
internal static class PostgreSqlSchema
{
    public const int CurrentVersion = 1;

    // "WsRm" and 1: the advisory lock that serializes schema changes in a database.
    private const long MigrationLock = 0x5773526D_00000001;

    // Version 1. Message numbers fit a signed 64-bit integer (WS-RM 1.1 §4.5). wsrm_expect_one turns a version-checked
    // statement that changed no row into an error (SQLSTATE WR409), so that a group of batches commits in one round trip
    // and a conflict still rolls it back, naming the statement.
    private const string Version1 = """
        CREATE TABLE wsrm_sequences (
            id text PRIMARY KEY, endpoint text NOT NULL, rm_ns text NOT NULL, soap_ns text NOT NULL, wsa_ns text,
            client_key text NOT NULL, owner text, create_message_id text, ordered boolean NOT NULL, status smallint NOT NULL,
            received text NOT NULL, last_number bigint, last_named boolean NOT NULL, reply_id text UNIQUE,
            reply_last bigint NOT NULL, created timestamptz NOT NULL, last_activity timestamptz NOT NULL, version bigint NOT NULL);
        CREATE INDEX wsrm_sequences_client ON wsrm_sequences (client_key);
        CREATE INDEX wsrm_sequences_activity ON wsrm_sequences (last_activity);
        CREATE TABLE wsrm_messages (
            sequence_id text NOT NULL, number bigint NOT NULL, endpoint text NOT NULL, action text, envelope bytea NOT NULL,
            received timestamptz NOT NULL, state smallint NOT NULL, attempts integer NOT NULL, cycles integer NOT NULL,
            not_before timestamptz, lease_until timestamptz, last_error text, ordered boolean NOT NULL,
            PRIMARY KEY (sequence_id, number));
        CREATE INDEX wsrm_messages_endpoint ON wsrm_messages (endpoint, state, received);
        CREATE TABLE wsrm_replies (
            sequence_id text NOT NULL, request_number bigint NOT NULL, reply_number bigint NOT NULL, action text,
            body bytea NOT NULL, is_fault boolean NOT NULL, last_message boolean NOT NULL,
            PRIMARY KEY (sequence_id, request_number));
        CREATE TABLE wsrm_outbox (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, queue text NOT NULL, action text NOT NULL, body bytea NOT NULL,
            enqueued timestamptz NOT NULL, expires_at timestamptz, state smallint NOT NULL, sequence_id text, number bigint,
            attempts integer NOT NULL, last_error text, dead_reason text, dead_at timestamptz);
        CREATE INDEX wsrm_outbox_queue ON wsrm_outbox (queue, state, id);
        CREATE TABLE wsrm_source_sequences (
            queue text PRIMARY KEY, id text NOT NULL, address text NOT NULL, rm_ns text NOT NULL,
            last_number bigint NOT NULL, created timestamptz NOT NULL, version bigint NOT NULL);
        CREATE FUNCTION wsrm_expect_one(affected bigint) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            IF affected <> 1 THEN
                RAISE EXCEPTION 'WsRm version conflict: % rows changed, 1 expected', affected USING ERRCODE = 'WR409';
            END IF;
        END $$;
        """;

    /// <summary>
    /// Creates or migrates the schema on <paramref name="connection"/>, holding the migration lock meanwhile; with
    /// <paramref name="migrate"/> false only checks it, and a missing or older schema is a <see cref="StoreSchemaException"/>.
    /// </summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, string database, bool migrate, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('wsrm_schema') IS NOT NULL", connection, transaction);
        var version = 0;
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
        {
            await using var read = new NpgsqlCommand("SELECT version FROM wsrm_schema WHERE id = 1", connection, transaction);
            version = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int v ? v : 0;
        }
        SchemaVersion.Check(database, version, CurrentVersion, migrate);
        if (version < 1)
        {
            await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS wsrm_schema (id integer PRIMARY KEY CHECK (id = 1), version integer NOT NULL)", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, Version1, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"INSERT INTO wsrm_schema (id, version) VALUES (1, {CurrentVersion})", cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
