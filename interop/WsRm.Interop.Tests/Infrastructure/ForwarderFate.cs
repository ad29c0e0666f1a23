namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>What a <see cref="LossyForwarder"/> does with one request.</summary>
public enum ForwarderFate
{
    /// <summary>Forwarded, and the response returned.</summary>
    Forward,

    /// <summary>Never forwarded; the client's connection is aborted.</summary>
    DropRequest,

    /// <summary>Forwarded, but the client's connection is aborted instead of returning the response.</summary>
    DropResponse,

    /// <summary>Forwarded because its action is exempt from loss.</summary>
    Exempt,
}
