using WsRm.Samples.Contracts;

namespace WsRm.Samples.Server;

public sealed class EchoService(PostedTexts posted) : IEchoService
{
    public string Echo(string text) => text;
    public void Post(string text) => posted.Add(text);
    public string[] Received(string prefix) => posted.StartingWith(prefix);
}
