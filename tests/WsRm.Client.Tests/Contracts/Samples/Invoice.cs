using System.Xml.Serialization;

namespace WsRm.Client.Tests.Contracts.Samples;

/// <summary>An XmlSerializer type with an attribute and a repeated element.</summary>
public sealed class Invoice
{
    [XmlAttribute] public string? Number { get; set; }

    [XmlElement("Line")] public List<decimal> Lines { get; set; } = [];

    public decimal Total { get; set; }
}
