namespace WsRm.Protocol.Addressing;

/// <summary>A WS-Addressing endpoint reference: the address, and reference parameters kept as raw XML to echo back.</summary>
/// <param name="Address">The address URI.</param>
/// <param name="ReferenceParametersXml">The inner XML of ReferenceParameters, or null.</param>
public sealed record EndpointReference(string Address, string? ReferenceParametersXml = null);
