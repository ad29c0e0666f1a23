using Microsoft.Data.Sqlite;
using WsRm.Storage.Sqlite;

namespace WsRm.Cli.Stores;

/// <summary>Opens the embedded SQLite store for an operator: an existing database only, never a new empty one.</summary>
internal static class SqliteStores
{
    /// <summary>The sample host's default (<see cref="SqliteStoreOptions.ConnectionString"/>).</summary>
    public const string DefaultConnectionString = "Data Source=wsrm.db";

    /// <summary>
    /// The store in the file <paramref name="connectionString"/> names. A file that does not exist is an error (exit 3),
    /// not a new database: an operator who mistyped the path must not be told that every queue is empty. The file is
    /// opened read-write without create, so one removed meanwhile is not recreated either.
    /// </summary>
    public static IWsRmStore Create(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:";
        if (!inMemory)
        {
            var path = Path.GetFullPath(builder.DataSource);
            if (!File.Exists(path))
                throw new CommandFailedException(ExitCodes.StoreUnavailable,
                    $"There is no WsRm store at {path}: the SQLite file does not exist. Pass --connection \"Data Source=<file>\" " +
                    $"or set {StoreSelection.ConnectionVariable} to the database the host uses.");
            if (builder.Mode == SqliteOpenMode.ReadWriteCreate) builder.Mode = SqliteOpenMode.ReadWrite;
        }
        return new SqliteWsRmStore(new SqliteStoreOptions { ConnectionString = builder.ConnectionString, MigrateSchema = false });
    }
}
