using System.Runtime.Serialization;

namespace WsRm.Interop.Tests.Metadata;

/// <summary>The detail of the fault <see cref="IOrderDesk.Place"/> declares.</summary>
[DataContract(Namespace = OrderDeskNames.DataNamespace)]
public sealed class OrderRejected
{
    /// <summary>Why.</summary>
    [DataMember] public string? Reason { get; set; }
}
