namespace WsRm.Host.Services;

/// <summary>The sample service: echo, a one-way post into a shared store, and a query of that store.</summary>
public sealed class EchoService(IPostedTexts posted) : IEchoService
{
    /// <inheritdoc />
    public string Echo(string text) => text;

    /// <inheritdoc />
    public void Post(string text) => posted.Add(text ?? string.Empty);

    /// <inheritdoc />
    public string[] Received(string prefix) => posted.StartingWith(prefix ?? string.Empty);
}
