using System.Xml;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>The sample IEchoService at the message level: actions, request bodies, reply readers.</summary>
internal static class EchoContract
{
    public const string Ns = "urn:wsrm:samples";
    public const string Echo = "urn:wsrm:samples/IEchoService/Echo";
    public const string EchoResponse = "urn:wsrm:samples/IEchoService/EchoResponse";
    public const string Post = "urn:wsrm:samples/IEchoService/Post";
    public const string Received = "urn:wsrm:samples/IEchoService/Received";

    public static Action<XmlWriter> Body(string operation, string parameter, string value) => w =>
    {
        w.WriteStartElement(operation, Ns);
        w.WriteElementString(parameter, Ns, value);
        w.WriteEndElement();
    };

    public static async Task<string> EchoAsync(this WsRmSession session, string text)
    {
        var reply = await session.RequestAsync(Echo, Body("Echo", "text", text)).Within();
        Assert.Equal(EchoResponse, reply.Action);
        using var r = reply.CreateBodyReader();
        r.ReadStartElement("EchoResponse", Ns);
        return r.ReadElementContentAsString("EchoResult", Ns);
    }

    public static Task PostAsync(this WsRmSession session, string text) => session.SendAsync(Post, Body("Post", "text", text));

    public static async Task<string[]> ReceivedAsync(this WsRmSession session, string prefix)
    {
        var reply = await session.RequestAsync(Received, Body("Received", "prefix", prefix)).Within();
        using var r = reply.CreateBodyReader();
        var texts = new List<string>();
        while (!r.EOF)
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "string") texts.Add(r.ReadElementContentAsString());
            else r.Read();
        }
        return [.. texts];
    }
}
