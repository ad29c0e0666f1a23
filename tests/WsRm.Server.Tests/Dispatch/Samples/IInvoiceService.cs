using System.ServiceModel;

namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>An XmlSerializer-format contract.</summary>
[ServiceContract(Namespace = "urn:wsrm:tests:xml"), XmlSerializerFormat]
public interface IInvoiceService
{
    [OperationContract] Invoice Total(Invoice invoice, string? note);

    [OperationContract] string[] Skus(Invoice invoice);
}
