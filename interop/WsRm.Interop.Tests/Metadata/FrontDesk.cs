using WsRm.Host.Services;

namespace WsRm.Interop.Tests.Metadata;

/// <summary>
/// One service with two contracts in two namespaces at one address (the sample echo, urn:wsrm:samples, and the order
/// desk, urn:wsrm:interop:orders): its WSDL imports the second namespace's portType from ?wsdl=wsdl0.
/// </summary>
public sealed class FrontDesk(IPostedTexts posted, CancelledOrders cancelled) : IEchoService, IOrderDesk
{
    private readonly EchoService _echo = new(posted);
    private readonly OrderDesk _orders = new(cancelled);

    /// <inheritdoc />
    public string Echo(string text) => _echo.Echo(text);

    /// <inheritdoc />
    public void Post(string text) => _echo.Post(text);

    /// <inheritdoc />
    public string[] Received(string prefix) => _echo.Received(prefix);

    /// <inheritdoc />
    public int Record(string text) => _echo.Record(text);

    /// <inheritdoc />
    public OrderReceipt Place(Order order) => _orders.Place(order);

    /// <inheritdoc />
    public void Cancel(string orderId) => _orders.Cancel(orderId);

    /// <inheritdoc />
    public string[] Cancelled(string prefix) => _orders.Cancelled(prefix);
}
