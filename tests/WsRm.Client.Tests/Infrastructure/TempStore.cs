using Microsoft.Data.Sqlite;
using WsRm.Storage;
using WsRm.Storage.Sqlite;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>The real SQLite store in a new temp file; opened as often as a test restarts its process; deleted at the end.</summary>
internal sealed class TempStore : IAsyncDisposable
{
    private readonly List<SqliteWsRmStore> _opened = [];

    public string File { get; } = Path.Combine(Path.GetTempPath(), $"wsrm-queue-{Guid.NewGuid():N}.db");

    /// <summary>A new store object on the file, initialized: what a (re)started process would open.</summary>
    public async Task<IWsRmStore> OpenAsync()
    {
        var store = new SqliteWsRmStore(new SqliteStoreOptions { ConnectionString = $"Data Source={File}" });
        await store.InitializeAsync().Within();
        _opened.Add(store);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened) await store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (System.IO.File.Exists(File + suffix)) System.IO.File.Delete(File + suffix);
    }
}
