using WsRm.Protocol.Contracts;

namespace WsRm.Protocol.Metadata;

/// <summary>One exposed contract (a wsdl:portType) with its operations, inherited ones included.</summary>
/// <param name="Contract">The contract's name and namespace.</param>
/// <param name="Operations">Its operations in declaration order, contract first.</param>
internal sealed record ContractDescription(ContractInfo Contract, IReadOnlyList<OperationModel> Operations);
