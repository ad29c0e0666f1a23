namespace WsRm.Client.Tests.Contracts.Samples;

/// <summary>The service behind <see cref="IInvoiceService"/>.</summary>
public sealed class InvoiceService : IInvoiceService
{
    public Invoice Total(Invoice invoice, string? note)
        => new() { Number = invoice.Number + note, Lines = invoice.Lines, Total = invoice.Lines.Sum() };

    public Task<string[]> NumbersAsync(Invoice[] invoices) => Task.FromResult(invoices.Select(i => i.Number ?? "?").ToArray());
}
