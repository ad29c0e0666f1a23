namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>A line of an <see cref="Invoice"/>.</summary>
public sealed class InvoiceLine
{
    public string? Sku { get; set; }

    public int Count { get; set; }

    public decimal Price { get; set; }
}
