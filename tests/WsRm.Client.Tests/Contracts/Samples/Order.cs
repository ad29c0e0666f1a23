using System.Runtime.Serialization;

namespace WsRm.Client.Tests.Contracts.Samples;

/// <summary>A data contract parameter and result.</summary>
[DataContract(Namespace = "urn:wsrm:tests:orders:data")]
public sealed class Order
{
    [DataMember(Order = 0)] public string? Item { get; set; }

    [DataMember(Order = 1)] public int Quantity { get; set; }

    [DataMember(Order = 2)] public List<string> Notes { get; set; } = [];
}
