using System.Runtime.Serialization;

namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>A data contract parameter and result.</summary>
[DataContract(Namespace = "urn:wsrm:tests:data")]
public sealed class Order
{
    [DataMember(Order = 0)] public string? Item { get; set; }

    [DataMember(Order = 1)] public int Quantity { get; set; }
}
