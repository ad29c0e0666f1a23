using System.Data.Common;
using WsRm.Server;
using WsRm.Storage;

namespace WsRm.Host.Services;

/// <summary>
/// Posted texts in the WsRm store itself (table <c>samples_posted_texts</c>): on a durable endpoint a text is written in
/// the transaction that marks its message done (<see cref="WsRmTransactionAccessor"/>), so across crashes each posted
/// text is there exactly once; elsewhere (the in-memory <c>/echo</c>) in a transaction of its own.
/// </summary>
public sealed class StoredPostedTexts(IWsRmStore store, WsRmTransactionAccessor transactions) : IPostedTexts
{
    private readonly Lock _schemaLock = new();
    private Task? _schema;

    /// <inheritdoc />
    public void Add(string text)
    {
        EnsureTable();
        if (transactions.Current is { } delivery)
        {
            using var command = delivery.CreateCommand();
            Insert(command, text);
            return;
        }
        var own = store.BeginTransactionAsync().GetAwaiter().GetResult();
        try
        {
            using (var command = Enlisted(own))
                Insert(command, text);
            own.CommitAsync(new StoreBatch()).GetAwaiter().GetResult();
        }
        finally
        {
            own.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <inheritdoc />
    public string[] StartingWith(string prefix)
    {
        EnsureTable();
        var read = store.BeginTransactionAsync().GetAwaiter().GetResult();
        try
        {
            using var command = Enlisted(read);
            command.CommandText = store.Provider == "PostgreSql"
                ? "SELECT text FROM samples_posted_texts WHERE starts_with(text, @p) ORDER BY id"
                : "SELECT text FROM samples_posted_texts WHERE substr(text, 1, length(@p)) = @p ORDER BY id";
            AddParameter(command, "@p", prefix);
            var texts = new List<string>();
            using var reader = command.ExecuteReader();
            while (reader.Read()) texts.Add(reader.GetString(0));
            return [.. texts];
        }
        finally
        {
            read.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <inheritdoc />
    /// <remarks>On a durable endpoint in the transaction of the message being processed, so it sees what that message added.</remarks>
    public int Count(string text)
    {
        EnsureTable();
        if (transactions.Current is { } delivery)
        {
            using var command = delivery.CreateCommand();
            return Count(command, text);
        }
        var read = store.BeginTransactionAsync().GetAwaiter().GetResult();
        try
        {
            using var command = Enlisted(read);
            return Count(command, text);
        }
        finally
        {
            read.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static int Count(DbCommand command, string text)
    {
        command.CommandText = "SELECT COUNT(*) FROM samples_posted_texts WHERE text = @p";
        AddParameter(command, "@p", text);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    // The table once; a failed attempt (the database down at the first call) is not kept: the next call tries again.
    private void EnsureTable()
    {
        Task schema;
        lock (_schemaLock)
        {
            if (_schema is null || _schema.IsFaulted || _schema.IsCanceled) _schema = CreateTableAsync(store);
            schema = _schema;
        }
        schema.GetAwaiter().GetResult();
    }

    private static void Insert(DbCommand command, string text)
    {
        command.CommandText = "INSERT INTO samples_posted_texts (text) VALUES (@p)";
        AddParameter(command, "@p", text);
        command.ExecuteNonQuery();
    }

    private static DbCommand Enlisted(StoreTransaction transaction)
    {
        var command = transaction.Connection.CreateCommand();
        command.Transaction = transaction.Transaction;
        return command;
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task CreateTableAsync(IWsRmStore store)
    {
        await using var transaction = await store.BeginTransactionAsync().ConfigureAwait(false);
        await using var command = Enlisted(transaction);
        command.CommandText = store.Provider == "PostgreSql"
            ? "CREATE TABLE IF NOT EXISTS samples_posted_texts (id BIGSERIAL PRIMARY KEY, text TEXT NOT NULL)"
            : "CREATE TABLE IF NOT EXISTS samples_posted_texts (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL)";
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        await transaction.CommitAsync(new StoreBatch()).ConfigureAwait(false);
    }
}
