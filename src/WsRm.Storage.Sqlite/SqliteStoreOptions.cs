namespace WsRm.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>
    /// A Microsoft.Data.Sqlite connection string (default: <c>Data Source=wsrm.db</c>, a file in the working directory).
    /// The store turns on write-ahead logging and full synchronous writes: a commit is on disk when it returns.
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=wsrm.db";

    /// <summary>Most batches written in one transaction (default 512).</summary>
    public int MaxBatchesPerCommit { get; set; } = 512;

    /// <summary>
    /// Create or migrate the schema when the store initializes (default true). False makes initialization refuse a
    /// database whose schema is missing or older than this code's with <see cref="StoreSchemaException"/>, changing
    /// nothing: for tools that must not alter a database, such as the <c>wsrm</c> command line.
    /// </summary>
    public bool MigrateSchema { get; set; } = true;
}
