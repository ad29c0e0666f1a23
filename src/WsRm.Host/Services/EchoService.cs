namespace WsRm.Host.Services;

/// <summary>The sample service: echo, a one-way post into a shared store, a query of that store, and a request-reply post that counts.</summary>
public sealed class EchoService(IPostedTexts posted) : IEchoService
{
    /// <inheritdoc />
    public string Echo(string text) => text;

    /// <inheritdoc />
    public void Post(string text) => posted.Add(text ?? string.Empty);

    /// <inheritdoc />
    public string[] Received(string prefix) => posted.StartingWith(prefix ?? string.Empty);

    /// <inheritdoc />
    public int Record(string text)
    {
        posted.Add(text ?? string.Empty);
        return posted.Count(text ?? string.Empty);
    }
}
