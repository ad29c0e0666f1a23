using System.ServiceModel;

namespace WsRm.Client.Tests.Contracts.Samples;

/// <summary>An <c>[XmlSerializerFormat]</c> contract.</summary>
[ServiceContract(Namespace = "urn:wsrm:tests:invoices"), XmlSerializerFormat]
public interface IInvoiceService
{
    [OperationContract] Invoice Total(Invoice invoice, string? note);

    [OperationContract] Task<string[]> NumbersAsync(Invoice[] invoices);
}
