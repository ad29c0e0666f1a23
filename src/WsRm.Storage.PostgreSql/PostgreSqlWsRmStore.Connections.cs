using Npgsql;

namespace WsRm.Storage.PostgreSql;

public sealed partial class PostgreSqlWsRmStore
{
    /// <summary>
    /// Runs <paramref name="work"/> on a pooled connection, open. A lost connection empties the pool (its other
    /// connections went with the server) and fails the call with <see cref="StoreUnavailableException"/>, unless the
    /// pool gave a connection the server had closed: then the work runs once more on a new one, if the server's answer
    /// shows nothing of it was committed, or if it is <paramref name="idempotent"/> and the connection was found closed
    /// (not timed out: a server that does not answer is not asked twice).
    /// </summary>
    internal async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, bool idempotent, string doing, CancellationToken cancellationToken,
        bool keepConnection = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlConnection? connection = null;
            var keep = false;
            try
            {
                connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                var result = await work(connection).ConfigureAwait(false);
                keep = keepConnection;
                return result;
            }
            catch (NpgsqlException e) when (PostgreSqlErrors.ConnectionLost(e, connection))
            {
                _dataSource.Clear();
                var again = attempt == 1 && connection is not null
                    && (PostgreSqlErrors.SessionEnded(e) || (idempotent && e.InnerException is IOException or System.Net.Sockets.SocketException));
                if (!again) throw PostgreSqlErrors.Unavailable(_database, doing, e);
            }
            catch (NpgsqlException e)
            {
                throw PostgreSqlErrors.Unavailable(_database, doing, e);
            }
            finally
            {
                if (!keep && connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>A failure on <paramref name="connection"/> as the contract's exception; a lost connection empties the pool first.</summary>
    internal StoreUnavailableException Failed(NpgsqlException e, NpgsqlConnection? connection, string doing)
    {
        if (PostgreSqlErrors.ConnectionLost(e, connection)) _dataSource.Clear();
        return PostgreSqlErrors.Unavailable(_database, doing, e);
    }

    /// <summary>Runs one statement that writes, in a transaction of its own (autocommit), and counts the commit.</summary>
    internal async Task<T> WriteAloneAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        var result = await RunAsync(work, idempotent: false, "failed to write", cancellationToken).ConfigureAwait(false);
        StoreMetrics.Committed(Provider, 1);
        return result;
    }

    /// <summary>Reads the rows <paramref name="sql"/> selects, with the parameters <paramref name="bind"/> adds.</summary>
    internal Task<IReadOnlyList<T>> ReadManyAsync<T>(string sql, Action<NpgsqlParameterCollection> bind, Func<NpgsqlDataReader, T> map,
        CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            bind(command.Parameters);
            return await ReadAllAsync(command, map, cancellationToken).ConfigureAwait(false);
        }, idempotent: true, "cannot be read", cancellationToken);

    internal static async Task<IReadOnlyList<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add(map(reader));
        return rows;
    }
}
