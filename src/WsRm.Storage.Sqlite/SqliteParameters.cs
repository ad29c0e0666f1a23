using Microsoft.Data.Sqlite;

namespace WsRm.Storage.Sqlite;

/// <summary>Adds parameters, turning nulls into DBNull and unsigned numbers into SQLite's signed integers.</summary>
internal static class SqliteParameters
{
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value switch
        {
            null => DBNull.Value,
            ulong u => checked((long)u),
            bool b => b ? 1L : 0L,
            DateTimeOffset t => SqliteTime.ToDb(t),
            Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture),
            _ => value,
        });
        return command;
    }
}
