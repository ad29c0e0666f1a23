using System.Runtime.Serialization;

namespace WsRm.Samples.Contracts;

[DataContract(Namespace = "urn:wsrm:samples")]
public sealed class Order
{
    [DataMember] public string Id { get; set; } = "";
    [DataMember] public decimal Total { get; set; }
}
