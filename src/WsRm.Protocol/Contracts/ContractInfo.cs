namespace WsRm.Protocol.Contracts;

/// <summary>A <c>[ServiceContract]</c> interface with the XML name and namespace WCF gives it.</summary>
/// <param name="Interface">The interface.</param>
/// <param name="Name">The encoded contract name: <c>[ServiceContract(Name)]</c> or the interface's WCF type name.</param>
/// <param name="Namespace">
/// <c>[ServiceContract(Namespace)]</c> or <see cref="WcfNaming.DefaultNamespace"/>; may be empty, which WCF allows.
/// </param>
internal sealed record ContractInfo(Type Interface, string Name, string Namespace);
