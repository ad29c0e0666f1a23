using System.Runtime.Serialization;

namespace WsRm.Interop.Tests.Metadata;

/// <summary>What <see cref="IOrderDesk.Place"/> returns.</summary>
[DataContract(Namespace = OrderDeskNames.DataNamespace)]
public sealed class OrderReceipt
{
    /// <summary>The order's id: "{Product}-{Quantity}".</summary>
    [DataMember] public string? OrderId { get; set; }

    /// <summary>The quantity accepted.</summary>
    [DataMember] public int Quantity { get; set; }
}
