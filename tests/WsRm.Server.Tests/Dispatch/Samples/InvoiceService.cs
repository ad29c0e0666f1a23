namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>Implements <see cref="IInvoiceService"/>.</summary>
public sealed class InvoiceService : IInvoiceService
{
    public Invoice Total(Invoice invoice, string? note) => new()
    {
        Id = invoice.Id + (note is null ? "" : "/" + note),
        Lines = invoice.Lines,
        Total = invoice.Lines.Sum(l => l.Count * l.Price),
    };

    public string[] Skus(Invoice invoice) => invoice.Lines.Select(l => l.Sku ?? "?").ToArray();
}
