using System.Runtime.Serialization;

namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>The detail of <see cref="ISampleService.Reject"/>'s declared fault.</summary>
[DataContract(Namespace = "urn:wsrm:tests:data")]
public sealed class OrderFault
{
    [DataMember(Order = 0)] public string? Problem { get; set; }

    [DataMember(Order = 1)] public int Code { get; set; }
}
