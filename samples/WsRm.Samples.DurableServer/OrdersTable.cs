using System.Data.Common;
using System.Globalization;
using WsRm.Server;
using WsRm.Storage;

namespace WsRm.Samples.DurableServer;

/// <summary>The sample's own table, <c>orders</c>, in the WsRm store's database (created on first use).</summary>
public sealed class OrdersTable(IWsRmStore store)
{
    private readonly Lazy<Task> _created = new(() => CreateAsync(store));

    public void EnsureCreated() => _created.Value.GetAwaiter().GetResult();

    /// <summary>The orders placed, read in <paramref name="transaction"/> (so it sees what the session's earlier messages wrote).</summary>
    public int Count(WsRmTransaction transaction)
    {
        EnsureCreated();
        using var command = transaction.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM orders";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task CreateAsync(IWsRmStore store)
    {
        await using var transaction = await store.BeginTransactionAsync();
        await using var command = transaction.Connection.CreateCommand();
        command.Transaction = transaction.Transaction;
        command.CommandText = "CREATE TABLE IF NOT EXISTS orders (id TEXT PRIMARY KEY, total NUMERIC NOT NULL)";
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync(new StoreBatch());
    }
}
