using System.ServiceModel;

namespace WsRm.Interop.Tests.Contracts;

/// <summary>A per-session counter: each session counts 1, 2, 3, … on its own.</summary>
[ServiceContract(Namespace = "urn:wsrm:interop")]
public interface ICounterService
{
    /// <summary>The next number of this session, starting at 1.</summary>
    [OperationContract] int Next();
}
