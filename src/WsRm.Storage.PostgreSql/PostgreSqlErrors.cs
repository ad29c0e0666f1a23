using System.Data;
using System.Net.Sockets;
using Npgsql;

namespace WsRm.Storage.PostgreSql;

/// <summary>What a failure from PostgreSQL means for the store: a conflict, a group to write again, or a lost connection.</summary>
internal static class PostgreSqlErrors
{
    /// <summary>The SQLSTATE <c>wsrm_expect_one</c> raises when a version-checked statement changed no row.</summary>
    public const string VersionConflict = "WR409";

    /// <summary>A version check failed, or an inserted key exists already: the batch is a conflict, not an error.</summary>
    public static bool IsConflict(PostgresException e) =>
        e.SqlState is VersionConflict or PostgresErrorCodes.UniqueViolation;

    /// <summary>
    /// Two transactions of different servers waited for each other and PostgreSQL rolled this one back: writing the same
    /// group again is safe and should succeed.
    /// </summary>
    public static bool IsRetryable(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;

    /// <summary>
    /// The server ended the session (class 57P: shut down, restarted, terminated by an administrator, idle timeout) and
    /// said so. PostgreSQL commits a statement, or a batch's implicit transaction, only before it answers it, and answers
    /// in order, so an error in place of the answer means nothing of it was committed: it may be run again on a new
    /// connection. A connection found like this is typically one that waited in the pool while the server restarted.
    /// </summary>
    public static bool SessionEnded(Exception e) => e is PostgresException { SqlState: ['5', '7', 'P', _, _] };

    /// <summary>
    /// The server went away: it ended the session, the network failed under <paramref name="connection"/> (null when
    /// opening failed) or broke it. The pool's other connections are likely gone too. Not so for an error the server
    /// answered on a live connection, nor a pool that had no connection free in time.
    /// </summary>
    public static bool ConnectionLost(Exception e, NpgsqlConnection? connection) => e switch
    {
        PostgresException => SessionEnded(e) || Broken(connection),
        NpgsqlException { InnerException: SocketException or IOException } => true,
        NpgsqlException => Broken(connection),
        _ => false,
    };

    private static bool Broken(NpgsqlConnection? connection) =>
        connection is not null && (connection.FullState.HasFlag(ConnectionState.Broken) || connection.State != ConnectionState.Open);

    /// <summary>
    /// Whether an error met in a service's transaction on <paramref name="connection"/> is the database's: the connection
    /// is lost or broken (whatever the driver threw then, "Connection is not open" included), or the server answered
    /// with a class that is about its state, not the statement: 08 connection, 40001/40P01 serialization or deadlock,
    /// 53 resources (disk full, too many connections), 57 operator intervention, 58 system error.
    /// </summary>
    public static bool IsStoreFailure(Exception exception, NpgsqlConnection connection)
    {
        if (Broken(connection)) return true;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres && (IsRetryable(postgres) || postgres.SqlState is ['0', '8', ..] or ['5', '3' or '7' or '8', ..]))
                return true;
            if (e is NpgsqlException npgsql && ConnectionLost(npgsql, connection)) return true;
        }
        return false;
    }

    /// <summary>A database error in the words of the store's contract.</summary>
    public static StoreUnavailableException Unavailable(string database, string doing, Exception e) =>
        e as StoreUnavailableException ?? new StoreUnavailableException($"The PostgreSQL store {database} {doing}: {e.Message}", e);
}
