using System.ServiceModel;

namespace WsRm.Server.Tests.Metadata;

/// <summary>A service whose two contracts live in different namespaces: one WSDL cannot describe both.</summary>
public sealed class TwoNamespaces : TwoNamespaces.IFirst, TwoNamespaces.ISecond
{
    [ServiceContract(Namespace = "urn:wsrm:tests:first")]
    public interface IFirst
    {
        [OperationContract] string First(string text);
    }

    [ServiceContract(Namespace = "urn:wsrm:tests:second")]
    public interface ISecond
    {
        [OperationContract] string Second(string text);
    }

    public string First(string text) => text;

    public string Second(string text) => text;
}
