namespace WsRm.Bench.ClientLoad;

/// <summary>One of the clients compared: opens sessions against the server and counts what it sent.</summary>
internal interface ILoadClient : IDisposable
{
    /// <summary>The column name.</summary>
    string Name { get; }

    /// <summary>The HTTP exchanges it made.</summary>
    HttpStats Http { get; }

    /// <summary>What its sessions logged (retransmissions, probes, faults), or null when it does not tell.</summary>
    CountingLogger? Log { get; }

    /// <summary>Retransmissions and recovery resends it made so far, or null when it does not tell.</summary>
    long? Retransmissions => Log?.Retransmissions;

    /// <summary>Opens one reliable session.</summary>
    Task<ILoadSession> OpenAsync();
}
