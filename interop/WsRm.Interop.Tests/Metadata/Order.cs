using System.Runtime.Serialization;

namespace WsRm.Interop.Tests.Metadata;

/// <summary>An order: a DataContract in its own namespace, as partners' types usually are.</summary>
[DataContract(Namespace = OrderDeskNames.DataNamespace)]
public sealed class Order
{
    /// <summary>What is ordered.</summary>
    [DataMember] public string? Product { get; set; }

    /// <summary>How many; must be positive.</summary>
    [DataMember] public int Quantity { get; set; }
}
