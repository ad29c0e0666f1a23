using System.Xml;
using WsRm.Client;

namespace WsRm.Bench.ClientLoad;

/// <summary>One <see cref="WsRmSession"/>; the bodies are IEchoService's document/literal wrapped messages.</summary>
internal sealed class WsRmLoadSession(WsRmSession session) : ILoadSession
{
    private const string Ns = "urn:wsrm:samples";
    private const string EchoAction = "urn:wsrm:samples/IEchoService/Echo";
    private const string PostAction = "urn:wsrm:samples/IEchoService/Post";

    private static readonly Action<XmlWriter> EchoBody = w => WriteWrapped(w, "Echo");
    private static readonly Action<XmlWriter> PostBody = w => WriteWrapped(w, "Post");

    public async Task EchoAsync()
    {
        var reply = await session.RequestAsync(EchoAction, EchoBody).ConfigureAwait(false);
        using var body = reply.CreateBodyReader();
        body.ReadStartElement("EchoResponse", Ns);
        var result = body.ReadElementContentAsString("EchoResult", Ns);
        if (result != LoadText.Hello) throw new InvalidDataException($"Echo answered '{result}'");
    }

    public Task PostAsync() => session.SendAsync(PostAction, PostBody);

    public bool IsFaulted => session.IsFaulted;

    public Task CloseAsync() => session.CloseAsync();

    public void Abort() => session.Abort();

    private static void WriteWrapped(XmlWriter w, string operation)
    {
        w.WriteStartElement(operation, Ns);
        w.WriteElementString("text", Ns, LoadText.Hello);
        w.WriteEndElement();
    }
}
