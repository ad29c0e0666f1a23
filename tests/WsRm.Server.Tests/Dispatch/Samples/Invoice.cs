using System.Xml.Serialization;

namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>An XmlSerializer type with an attribute, a list and a value.</summary>
public sealed class Invoice
{
    [XmlAttribute("id")] public string? Id { get; set; }

    public List<InvoiceLine> Lines { get; set; } = [];

    public decimal Total { get; set; }
}
