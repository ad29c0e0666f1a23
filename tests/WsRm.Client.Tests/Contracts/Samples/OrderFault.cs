using System.Runtime.Serialization;

namespace WsRm.Client.Tests.Contracts.Samples;

/// <summary>The detail of the declared fault of <see cref="IOrderService.Place"/>.</summary>
[DataContract(Namespace = "urn:wsrm:tests:orders:data")]
public sealed class OrderFault
{
    [DataMember(Order = 0)] public string? Problem { get; set; }

    [DataMember(Order = 1)] public int Code { get; set; }
}
