using System.Globalization;
using Microsoft.Data.Sqlite;

namespace WsRm.Storage.Sqlite;

public sealed partial class SqliteWsRmStore
{
    /// <summary>
    /// <see cref="IWsRmStoreAdmin.CheckAsync"/>: counts the sequences on a connection of its own, not pooled, that opens
    /// the file without creating it. Pooled connections (and the writer) keep the file they opened even after it was
    /// deleted or its folder removed, so only a new open finds out.
    /// </summary>
    internal async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(_connectionString) { Pooling = false };
        // An in-memory database has no file to lose; a file must exist, not be made anew and empty.
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate && _database != "(memory)" && builder.DataSource != ":memory:")
            builder.Mode = SqliteOpenMode.ReadWrite;
        await using var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM wsrm_sequences";
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        catch (SqliteException e)
        {
            throw new StoreUnavailableException($"The SQLite store {_database} cannot be opened: {e.Message}", e);
        }
    }
}
