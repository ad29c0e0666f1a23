namespace WsRm.Bench.ClientLoad;

/// <summary>One open reliable session of an <see cref="ILoadClient"/>; safe for concurrent callers.</summary>
internal interface ILoadSession
{
    /// <summary>Echo("hello"); throws when the reply is not "hello".</summary>
    Task EchoAsync();

    /// <summary>Post("hello").</summary>
    Task PostAsync();

    /// <summary>True once the session faulted: its callers stop.</summary>
    bool IsFaulted { get; }

    /// <summary>Closes gracefully.</summary>
    Task CloseAsync();

    /// <summary>Drops the session without a handshake.</summary>
    void Abort();
}
