namespace WsRm.Storage.PostgreSql;

/// <summary>Settings of the PostgreSQL store, shared by the servers of a farm.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>
    /// An Npgsql connection string, e.g. <c>Host=db;Database=wsrm;Username=wsrm;Password=…</c> (required). The store
    /// creates its tables in the first schema of the connection's search path (<c>public</c> unless <c>Search Path</c> is
    /// set), so the user needs CREATE there on first start. Npgsql's timeouts bound every call: <c>Timeout</c> (connecting,
    /// default 15 s) and <c>Command Timeout</c> (default 30 s). <c>Maximum Pool Size</c> bounds the connections one
    /// server opens (Npgsql's default 100, reached only under as many concurrent reads; the group commits hold one): with
    /// several servers, keep their sum under the database's <c>max_connections</c>. Unless set, the store turns on
    /// automatic preparation (<c>Max Auto Prepare=64</c>) and names itself <c>Application Name=WsRm</c>.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Most batches written in one transaction (default 512, at least 1).</summary>
    public int MaxBatchesPerCommit { get; set; } = 512;

    /// <summary>
    /// Create or migrate the schema when the store initializes (default true). False makes initialization refuse a
    /// database whose schema is missing or older than this code's with <see cref="StoreSchemaException"/>, changing
    /// nothing: for tools that must not alter a database, such as the <c>wsrm</c> command line.
    /// </summary>
    public bool MigrateSchema { get; set; } = true;

    /// <summary>Whose clock times are written and compared with (default <see cref="PostgreSqlClock.Database"/>).</summary>
    public PostgreSqlClock Clock { get; set; } = PostgreSqlClock.Database;
}
